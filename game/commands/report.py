"""python main.py report SAVE --out DIR | --data DIR [--out DIR]: the debrief of a game, or of a class."""

from __future__ import annotations

import sys
from pathlib import Path


def add_arguments(parser):
    parser.add_argument("save", nargs="?", metavar="SAVE",
                        help="a save or an exported class table: a file path, or the name it was saved under")
    parser.add_argument("--data", metavar="DIR", help="a class's folder (host --data): the whole class's report")
    parser.add_argument("--out", metavar="DIR",
                        help="the folder to write the report into (default: SAVE-report beside the current "
                             "folder, or DIR/report for a class)")


def run(args) -> int:
    from game.report import ReportError

    if (args.save is None) == (args.data is None):
        print("report: give a save (report SAVE --out DIR) or a class's folder (report --data DIR), not both",
              file=sys.stderr)
        return 2
    try:
        if args.data is not None:
            from game.report.classes import write_class_report
            out = Path(args.out) if args.out else Path(args.data) / "report"
            written, summary = write_class_report(Path(args.data), out)
        else:
            from game.report.write import write_table_report
            out = Path(args.out) if args.out else Path(f"{Path(args.save).stem}-report")
            written, summary = write_table_report(args.save, out)
    except ReportError as err:
        print(f"report: {err}", file=sys.stderr)
        return 2
    print(f"{written}: {summary}")
    return 0
