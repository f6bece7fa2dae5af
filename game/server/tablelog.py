"""A table's log: the kinds of row it holds, and what a table's rows add up to when it is rebuilt.

Journal rows replay the match; the other rows fold into the table's pace (paused, deadline), its notes and
whether the class ended there. The store keeps the rows (store.py); a table (table.py) writes them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from .store import LogRow


class Row(StrEnum):
    """The kinds of row in a table's log."""
    JOURNAL = "journal"       # a match journal entry (see game.match.Entry)
    ROLLBACK = "rollback"     # {"to": journal length, "day": n}: the journal from there on is undone
    PAUSE = "pause"           # {}
    RESUME = "resume"         # {}
    DEADLINE = "deadline"     # {"at": epoch seconds or null, "key": [turn, phase, round], "pace": seconds or null}
    TIMEOUT = "timeout"       # {"key": [...], "seats": [...]}: the deadline passed; these seats were ended
    PROCESSED = "processed"   # {"key": [...], "seats": [...]}: the facilitator ended the round now
    NOTE = "note"             # {"from": seat, "to": seat, "member": id, "name": ..., "text": ...}
    SEATING = "seating"       # {"member": id, "name": ..., "seat": seat or "", "by": "student"|"facilitator",
                              #  "bot": true for a bot}
    END = "end"               # {}: the class ended


def read_log(rows: list[LogRow]) -> tuple[list[Any], dict[str, Any]]:
    """The match journal the rows leave (rollbacks applied), and the table's running state: `paused`, `started`,
    `deadline`, `pace`, `ended` and `notes`."""
    journal: list[Any] = []
    state: dict[str, Any] = {"paused": False, "started": False, "deadline": None, "pace": None, "ended": False,
                             "notes": []}
    for row in rows:
        if row.kind == Row.JOURNAL:
            journal.append(row.body)
        elif row.kind == Row.ROLLBACK:
            del journal[row.body["to"]:]
        else:
            _fold(state, row)
    return journal, state


def _fold(state: dict[str, Any], row: LogRow) -> None:
    """Fold one non-journal row into the table's running state."""
    body = row.body
    if row.kind == Row.PAUSE:
        state["paused"] = True
        if state["deadline"]:
            state["deadline"]["left"] = body.get("left")
    elif row.kind == Row.RESUME:
        state["paused"] = False
        state["started"] = True
    elif row.kind == Row.DEADLINE:
        state["deadline"] = dict(body)
        state["pace"] = body.get("pace")
    elif row.kind in (Row.TIMEOUT, Row.PROCESSED):
        state["deadline"] = None
    elif row.kind == Row.NOTE:
        state["notes"].append(dict(body))
    elif row.kind == Row.END:
        state["ended"] = True
