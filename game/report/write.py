"""A table's report written to a folder: from a save, or from a game in hand."""

from __future__ import annotations

from pathlib import Path

from .documents import REPORT_NAME, table_folder
from .inputs import TableGame, from_save
from .output import write_folder
from .table import Audience, build


def write_table_report(save, out: Path) -> tuple:
    """(the page written, a line saying what it holds) for the game in `save`."""
    return write_game_report(from_save(save), out)


def write_game_report(game: TableGame, out: Path, audience: Audience = Audience.TEACHER) -> tuple:
    report = build(game, audience)
    write_folder(out, table_folder(report))
    return out / REPORT_NAME, _summary(report)


def _summary(report: dict) -> str:
    state = "finished" if report["over"] else "unfinished"
    return (f"the {state} game {report['title']!r}: {len(report['agreements'])} agreements, "
            f"{report['actions']} actions; its data is in {Path('data')}/")
