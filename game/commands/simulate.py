"""python main.py simulate --scenario ID|PATH --games N --seed S [--workers W] [--ray ADDRESS] [--json]"""

from __future__ import annotations

import json
import os
import sys

from game import pacing
from game.ai import BASELINES, LEVELS
from game.ai.scripted import STRATEGIES
from game.batch import BatchError
from game.catalog import load_scenario
from game.engine.kinds import Controller
from game.scenario import ScenarioError
from game.scenario.wording import say_issue_option
from game.sim import run_games, summarise

KINDS = LEVELS + tuple(BASELINES) + tuple(STRATEGIES)
# argparse names a refused choice by its repr, which for an enum member is not what was typed.
CHOICES = [str(k) for k in KINDS]


def add_arguments(parser):
    parser.add_argument("--scenario", required=True, metavar="ID|PATH",
                        help="a shipped or your own scenario's id, or the path of a scenario file")
    parser.add_argument("--games", type=int, default=100, metavar="N", help="how many games (default 100)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="the run's seed (default 0)")
    parser.add_argument("--workers", type=int, default=1, metavar="W", help="processes to spread games over")
    parser.add_argument("--ray", metavar="ADDRESS",
                        help="play the games on a Ray cluster: host:port, 'auto' (this machine's cluster) or "
                             "'local' (start one for the run); same results as --workers")
    parser.add_argument("--level", default=Controller.NORMAL, choices=CHOICES, help="the AI level for every seat")
    parser.add_argument("--seat", action="append", default=[], metavar="SEAT=LEVEL",
                        help="a different level for one seat (repeatable)")
    parser.add_argument("--json", action="store_true", help="print the statistics as one JSON object")


def _controllers(args, scenario):
    out = {s: args.level for s in scenario.seat_ids}
    for item in args.seat:
        seat, _, level = item.partition("=")
        if seat not in out:
            raise ValueError(f"--seat {item}: no seat '{seat}' in {scenario.id} ({', '.join(scenario.seat_ids)})")
        if level not in KINDS:
            raise ValueError(f"--seat {item}: level must be one of {', '.join(KINDS)}")
        out[seat] = level
    return out


def run(args) -> int:
    if args.games < 1 or args.workers < 1 or args.seed < 0:
        print("simulate: --games and --workers must be at least 1, --seed 0 or more", file=sys.stderr)
        return 2
    try:
        scenario = load_scenario(args.scenario)
        controllers = _controllers(args, scenario)
    except ScenarioError as err:
        print(err, file=sys.stderr)
        return 2
    except ValueError as err:
        print(f"simulate: {err}", file=sys.stderr)
        return 2
    workers = min(args.workers, os.cpu_count() or 1, args.games)
    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(total=args.games, unit="game", desc=scenario.id, file=sys.stderr)
    try:
        records = run_games(scenario, args.games, args.seed, controllers, workers, bar.update if bar else None,
                            ray=args.ray)
    except BatchError as err:
        print(f"simulate: {err}", file=sys.stderr)
        return 2
    finally:
        if bar:
            bar.close()
    summary = summarise(scenario, records, args.seed, controllers)
    if args.json:
        print(json.dumps(summary, sort_keys=True))
    else:
        print(render(summary, scenario))
    return 0


def render(summary, scenario) -> str:
    history = summary["history"]
    lines = [f"{scenario.title}: {summary['games']} AI games, seed {summary['seed']}", "",
             "Agreement rate per issue (options signed; history's option, and how often the table matched it):"]
    for issue in scenario.issues:
        opts = ", ".join(f"{say_issue_option(issue, o)} {c}" for o, c in summary["options"][issue.id].items()) \
            or "never signed"
        if issue.id in history["outcome"]:
            real = history["outcome"][issue.id]
            said = say_issue_option(issue, real) if real is not None else "left unsigned"
            where = f"[history: {said}, {history['match_rate'][issue.id]:.0%}]"
        else:
            where = "[history: not counted]"
        lines.append(f"  {issue.name:<44} {summary['agreement_rate'][issue.id]:>6.0%}   {opts}   {where}")
    lines += ["", "Most frequent packages:"]
    for p in summary["top_packages"]:
        terms = ", ".join(f"{k}={v}" for k, v in p["terms"].items()) or "nothing signed"
        lines.append(f"  {p['games']:>5} games: {terms}")
    lines += ["", "Scores (mean ± sd, min..max):"]
    for seat in scenario.seats:
        s = summary["scores"][seat.id]
        lines.append(f"  {seat.name:<32} {s['mean']:>8.1f} ± {s['sd']:<6.1f} {s['min']:.0f}..{s['max']:.0f}")
    for key, label in (("pareto_distance", "Distance to the Pareto frontier"),
                       ("nash_distance", "Distance to the Nash point"),
                       ("unclaimed_welfare", "Welfare left unclaimed")):
        s = summary[key]
        if s["mean"] is not None:
            lines.append(f"{label}: {s['mean']:.3f} ± {s['sd']:.3f}")
    if summary.get("frontier_estimated"):
        lines.append("  (the frontier is too large to list: these distances are estimates; "
                     "docs/scenario-format.md, Sizes)")
    h = history["closeness"]
    counted = len(history["match_rate"])
    lines.append(f"Closeness to what really happened (1 = identical; the {counted} issues the summit agreed or "
                 f"left open): {h['mean']:.3f} ± {h['sd']:.3f}")
    where = "never reached" if history["rank"] is None else \
        f"reached in {history['games']} games, rank {history['rank']} among the results"
    lines.append(f"The historical outcome as a whole (on those issues): {where}")
    if summary["lively_days"] is not None:
        seats = ", ".join(f"{seat.name} {summary['lively_by_seat'][seat.id]:.0%}" for seat in scenario.seats)
        lines.append(f"Lively days (a decision worth {pacing.LIVELY_POINTS}+ points to someone, days "
                     f"{pacing.FIRST_COUNTED_DAY} on, seat by seat): {summary['lively_days']:.0%} ({seats})")
    lines.append(f"Breaches per game: {summary['breaches_per_game']}; actions per game: {summary['actions_per_game']}")
    return "\n".join(lines)
