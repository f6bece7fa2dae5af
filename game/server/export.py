"""Class tables rebuilt from the store, for saves and reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.match import Match

from .store import DB_NAME, ClassRecord, SQLiteStore, StoreError, TableRecord, table_scenario
from .table import Table
from .tablelog import Row


class ExportError(Exception):
    """The table cannot be read from the store, with why."""


@dataclass
class TableExport:
    """One class table as the store holds it: its match (None if it cannot be rebuilt, with why), the notes
    its seats exchanged, who sat at each seat, and the days the facilitator rolled it back to."""
    id: str
    match: Match | None
    error: str = ""
    notes: list[Any] = field(default_factory=list)
    people: dict[str, Any] = field(default_factory=dict)     # seat -> names of the people who held it, in order
    bots: dict[str, Any] = field(default_factory=dict)       # seat -> names of the bots that held it, in order
    rollbacks: list[Any] = field(default_factory=list)  # the day each rollback went back to
    ended: bool = False                            # the class ended while the table was at play
    started: bool = False                          # the facilitator started the table


@dataclass
class ClassExport:
    record: ClassRecord
    tables: list[Any]


def table_match(folder: Path, table_id: str) -> Match:
    found = read_class(folder, only=table_id)
    table = found.tables[0]
    if table.match is None:
        raise ExportError(table.error)
    match: Match = table.match
    return match


def read_class(folder: Path, only: str | None = None) -> ClassExport:
    """Every table of the class kept in `folder` (or just table `only`); a table that cannot be rebuilt is
    kept with the reason, so a report can say so and go on with the others."""
    if not (folder / DB_NAME).is_file():
        raise ExportError(f"{folder} holds no class (no {DB_NAME}); give the folder host --data used")
    try:
        store = SQLiteStore(folder)
    except StoreError as err:
        raise ExportError(str(err)) from None
    try:
        record = store.load_class()
        if record is None:
            raise ExportError(f"{folder} holds no class")
        tables = store.tables()
        if only is not None:
            if only not in {t.id for t in tables}:
                raise ExportError(f"there is no table {only!r}; the class's tables are "
                                  f"{', '.join(t.id for t in tables)}")
            tables = [t for t in tables if t.id == only]
        return ClassExport(record, [_table(store, rec, record.level) for rec in tables])
    finally:
        store.close()


def _table(store: SQLiteStore, rec: TableRecord, level: str) -> TableExport:
    from game.scenario import ScenarioError
    try:
        scenario = table_scenario(rec)
    except ScenarioError as err:
        return TableExport(rec.id, None, f"table {rec.id}'s scenario no longer reads: {err}")
    try:
        rows = store.log(rec.id)
        table = Table.restore(rec, scenario, rows, level)
    except (StoreError, ValueError) as err:
        return TableExport(rec.id, None, f"table {rec.id} cannot be rebuilt: {err}")
    people: dict[str, Any] = {}
    bots: dict[str, Any] = {}
    rollbacks = []
    for row in rows:
        if row.kind == Row.SEATING and row.body.get("seat"):
            names = (bots if row.body.get("bot") else people).setdefault(row.body["seat"], [])
            if row.body.get("name") and row.body["name"] not in names:
                names.append(row.body["name"])
        elif row.kind == Row.ROLLBACK:
            rollbacks.append(row.body.get("day"))
    return TableExport(rec.id, table.match, notes=list(table.notes), people=people, bots=bots, rollbacks=rollbacks,
                       ended=table.ended, started=table.started)
