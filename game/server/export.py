"""A class table rebuilt from the store, for saves and reports."""

from __future__ import annotations

from pathlib import Path

from game.match import Match

from .store import DB_NAME, SQLiteStore, StoreError, table_scenario
from .table import Table


class ExportError(Exception):
    """The table cannot be read from the store, with why."""


def table_match(folder: Path, table_id: str) -> Match:
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
        tables = {t.id: t for t in store.tables()}
        if table_id not in tables:
            raise ExportError(f"there is no table {table_id!r}; the class's tables are {', '.join(tables)}")
        from game.scenario import ScenarioError
        rec = tables[table_id]
        try:
            scenario = table_scenario(rec)
        except ScenarioError as err:
            raise ExportError(f"table {table_id}'s scenario no longer reads: {err}") from None
        try:
            return Table.restore(rec, scenario, store.log(table_id), record.level).match
        except (StoreError, ValueError) as err:
            raise ExportError(f"table {table_id} cannot be rebuilt: {err}") from None
    finally:
        store.close()
