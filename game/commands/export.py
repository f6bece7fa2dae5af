"""python main.py export --data DIR --table T --out FILE: a class table as an ordinary save."""

from __future__ import annotations

import sys
import time
from pathlib import Path


def add_arguments(parser):
    parser.add_argument("--data", required=True, metavar="DIR", help="the class's folder (host --data)")
    parser.add_argument("--table", required=True, metavar="T", help="the table's id (T1, T2, ...)")
    parser.add_argument("--out", required=True, metavar="FILE", help="the save file to write")


def run(args) -> int:
    from game.persistence import build, write_atomic
    from game.persistence.saves import dumps
    from game.server.export import ExportError, table_match
    try:
        match = table_match(Path(args.data), args.table)
    except ExportError as err:
        print(f"export: {err}", file=sys.stderr)
        return 2
    state = match.state
    body = build(state, seats={s: str(k) for s, k in match.controllers.items()},
                 name=f"{match.scenario.title}, class table {args.table}", saved_at=time.strftime("%Y-%m-%d %H:%M"),
                 journal=match.journal)
    out = Path(args.out)
    try:
        write_atomic(out, dumps(body))
    except OSError as err:
        print(f"export: cannot write {out}: {err.strerror or err}", file=sys.stderr)
        return 2
    print(f"{out}: table {args.table}, day {state.turn} of {match.scenario.calendar.turns}, "
          f"{len(state.log)} actions{' (finished)' if state.is_over() else ''}")
    return 0
