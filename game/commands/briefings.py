"""python main.py briefings --scenario ID|PATH --out DIR: printable role sheets and a facilitator's sheet."""

from __future__ import annotations

import sys
from pathlib import Path


def add_arguments(parser):
    parser.add_argument("--scenario", required=True, metavar="ID|PATH", help="a shipped scenario id or a scenario file")
    parser.add_argument("--out", required=True, metavar="DIR", help="the folder to write the pages into")


def run(args) -> int:
    from game.catalog import load_scenario
    from game.report import ReportError
    from game.report.briefings import INDEX, briefing_files
    from game.report.output import write_folder
    from game.scenario import ScenarioError

    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as err:
        print(f"briefings: the scenario cannot be loaded:\n{err}", file=sys.stderr)
        return 2
    out = Path(args.out)
    try:
        files = briefing_files(scenario)
        write_folder(out, files)
    except ReportError as err:
        print(f"briefings: {err}", file=sys.stderr)
        return 2
    print(f"{out / INDEX}: {scenario.title}: {len(scenario.seats)} seats' briefings, every seat in one file, "
          "and the facilitator's sheet")
    return 0
