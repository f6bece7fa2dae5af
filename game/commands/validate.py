"""python main.py validate [--facts] PATH...: check scenario files, or list every fact they cite."""

from __future__ import annotations

import sys
from pathlib import Path

from game.analysis import limits
from game.catalog import read_scenario_file
from game.scenario import Problem, ScenarioError
from game.scenario.dates import AFTER_THE_SUMMIT, day_date
from game.scenario.yamlnodes import parse_yaml


def add_arguments(parser):
    parser.add_argument("paths", nargs="+", metavar="PATH", help="scenario YAML files")
    parser.add_argument("--facts", action="store_true",
                        help="after checking, print every cited fact grouped by its source's outlet, date and "
                             "address, so the scenario can be checked against its sources")


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
        print(facts(path, scenario) if args.facts else summary(path, scenario))
        for warning in warnings(path, scenario):
            print(warning)
    return 2 if failed else 0


def warnings(path, scenario) -> list:
    """Sizes the file may hold but the engine can only estimate, located at the file's `issues`."""
    found = limits(scenario)
    if not found:
        return []
    line, col = parse_yaml(Path(path).read_bytes(), str(path)).key_marks["issues"]
    return [str(Problem(str(path), line, col, "issues", f"warning: {text}")) for text in found]


def facts(path, scenario) -> str:
    """Every citation in the file, under the source it cites: outlet, date, title and address first."""
    start = scenario.calendar.start_date
    by_source: dict[str, list] = {s.id: [] for s in scenario.sources}
    for cite in scenario.citations:
        by_source[cite.source].append(cite)
    lines = [f"{path}: {scenario.title} ({scenario.id} v{scenario.version})",
             f"{len(scenario.citations)} cited facts from {len(scenario.sources)} sources. Day 1 is "
             f"{day_date(start, 1)}; 'reported later' marks a fact shown before its source was published.", ""]
    for source in scenario.sources:
        lines.append(f"[{source.id}] {source.publisher or 'outlet not named'}, {source.date}")
        lines.append(f"  {source.title}")
        lines.append(f"  {source.url or 'no web address given'}")
        cites = sorted(by_source[source.id], key=lambda c: (c.line, c.col))
        for cite in cites:
            what = f"{cite.kind} {cite.ident}" if cite.ident else str(cite.kind)
            lines.append(f"  - line {cite.line}: {what}: {cite.label} ({_when(cite, start)})")
        if not cites:
            lines.append("  - no item names it as its source (it may back the history's text)")
        lines.append("")
    return "\n".join(lines).rstrip()


def _when(cite, start) -> str:
    if cite.day == AFTER_THE_SUMMIT:
        return "shown after the summit"
    shown = f"shown from day {cite.day}, {day_date(start, cite.day)}"
    return f"{shown}, reported later" if cite.reported_later else shown
