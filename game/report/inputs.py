"""What a report is made from: one table's game, read from a save, a class store or a live class.

Every way in checks its input and turns what is wrong with it into a ReportError that says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ReportError


@dataclass
class TableGame:
    """One table's game and what is known around it."""
    scenario: Any
    seed: int
    state: Any                     # the state as it stands (the end of the game, or so far)
    journal: list
    controllers: dict              # who plays each seat now
    title: str                     # how the report names the game
    journal_known: bool = True     # False for an older save: who chose each action is not recorded
    table: str = ""                # the class table's id
    people: dict = field(default_factory=dict)   # seat -> the names of the people who held it
    bots: dict = field(default_factory=dict)     # seat -> the names of the bots (programs) that held it
    notes: list = field(default_factory=list)    # notes between seats (the facilitator's copy only)
    rollbacks: list = field(default_factory=list)
    class_ended: bool = False
    started: bool | None = None    # a class table: whether the facilitator started it (None: a save, which is)

    @property
    def over(self) -> bool:
        return self.state.is_over()

    @property
    def begun(self) -> bool:
        """Whether play has begun: a class table once the facilitator started it, a save always."""
        return self.started is not False


def from_match(match, title: str, journal_known: bool = True, **extra) -> TableGame:
    return TableGame(match.scenario, match.seed, match.state, list(match.journal),
                     {s: str(k) for s, k in match.controllers.items()}, title, journal_known, **extra)


def from_save(ref) -> TableGame:
    """The game in a save file (or a save's name), replayed and checked."""
    from game.persistence import SaveError, SaveStore, resume_match

    try:
        save = SaveStore().read(ref)
        match = resume_match(save, str(ref))
    except SaveError as err:
        raise ReportError(str(err) if str(err).startswith(str(ref)) else f"{ref}: {err}") from None
    return from_match(match, save.name or Path(str(ref)).stem, save.journal is not None)


@dataclass
class ClassGames:
    code: str
    ended: bool
    games: list            # TableGame for each table that could be rebuilt
    broken: list           # (table id, why) for each that could not


def from_class(folder) -> ClassGames:
    """Every table of the class kept in `folder`, as `host --data` wrote it."""
    from game.server.export import ExportError, read_class

    folder = Path(folder)
    if not folder.exists():
        raise ReportError(f"{folder} does not exist; give the folder host --data used")
    if not folder.is_dir():
        raise ReportError(f"{folder} is not a folder; give the folder host --data used")
    try:
        found = read_class(folder)
    except ExportError as err:
        raise ReportError(str(err)) from None
    if not found.tables:
        raise ReportError(f"the class in {folder} has no tables: there is nothing to report")
    games, broken = [], []
    for t in found.tables:
        if t.match is None:
            broken.append((t.id, t.error))
            continue
        title = f"{t.match.scenario.title}, table {t.id}"
        games.append(from_match(t.match, title, table=t.id, people=t.people, bots=t.bots, notes=t.notes,
                                rollbacks=t.rollbacks, class_ended=found.record.ended or t.ended, started=t.started))
    if games and not any(g.state.log or g.begun for g in games):
        raise ReportError(f"the class in {folder} has not started: no table was started, so there "
                          "is nothing to report (start it from the facilitator's console)")
    return ClassGames(found.record.code, found.record.ended, games, broken)
