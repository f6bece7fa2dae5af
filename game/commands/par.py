"""python main.py par [--scenario ID|PATH ...] [--games N] [--workers W] [--write]"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from game import par
from game.catalog import SCENARIO_DIR, load_scenario, scenario_paths
from game.scenario import ScenarioError


def add_arguments(parser):
    parser.add_argument("--scenario", action="append", default=[], metavar="ID|PATH",
                        help="a scenario's id or path (repeatable; default: every shipped scenario)")
    parser.add_argument("--games", type=int, default=par.GAMES, metavar="N",
                        help=f"AI-only games to measure par on (default {par.GAMES})")
    parser.add_argument("--workers", type=int, default=1, metavar="W", help="processes to spread games over")
    parser.add_argument("--write", action="store_true",
                        help="write each shipped scenario's par into the game's data (game/scenarios/par/)")


def run(args) -> int:
    if args.games < 1 or args.workers < 1:
        print("par: --games and --workers must be at least 1", file=sys.stderr)
        return 2
    refs = args.scenario or [p.name.rsplit(".", 1)[0] for p in scenario_paths()]
    try:
        scenarios = [load_scenario(r) for r in refs]
    except ScenarioError as err:
        print(err, file=sys.stderr)
        return 2
    for scenario in scenarios:
        measured = par.measure(scenario, args.games, min(args.workers, os.cpu_count() or 1))
        print(f"{scenario.title}: par over {args.games} AI games at the {par.LEVEL} level")
        for seat in scenario.seats:
            values = sorted(measured.scores[seat.id])
            print(f"  {seat.name:<32} par {measured.par(seat.id):>4}   "
                  f"middle half {values[len(values) // 4]}..{values[3 * len(values) // 4]}")
        if args.write:
            if scenario.origin.path:
                print(f"par: {scenario.id} is not a shipped scenario: its par is measured when first needed",
                      file=sys.stderr)
                return 2
            # A shipped scenario's par is written into the source tree the command runs from.
            path = Path(str(SCENARIO_DIR)) / "par" / f"{scenario.id}.json"
            path.parent.mkdir(exist_ok=True)
            path.write_text(json.dumps(measured.to_dict(), sort_keys=True) + "\n", encoding="utf-8")
            print(f"  written to {path}")
    return 0
