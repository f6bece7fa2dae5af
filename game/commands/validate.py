"""python main.py validate PATH...: check scenario files."""

from __future__ import annotations

import sys

from game.catalog import read_scenario_file
from game.scenario import ScenarioError


def add_arguments(parser):
    parser.add_argument("paths", nargs="+", metavar="PATH", help="scenario YAML files")


def summary(path, scenario) -> str:
    return (f"{path}: ok: {scenario.title} ({scenario.id} v{scenario.version}): "
            f"{len(scenario.seats)} seats, {len(scenario.issues)} issues, {len(scenario.moves)} moves, "
            f"{len(scenario.events)} events, {scenario.calendar.turns} turns")


def run(args) -> int:
    failed = False
    for path in args.paths:
        try:
            scenario = read_scenario_file(path)
        except ScenarioError as err:
            failed = True
            for problem in err.problems:
                print(problem, file=sys.stdout)
            continue
        print(summary(path, scenario))
    return 2 if failed else 0
