"""Tournament: each AI level and two baselines, seat by seat, against normal opponents.

    python benchmarks/tournament.py [--games 60] [--scenario moscow-2020 ...]

Prints each kind's mean score per seat, then the paired differences that the
AI issue asks for (hard > normal > easy > both baselines) with 95% intervals.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from game.catalog import load_scenario  # noqa: E402
from game.tournament import KINDS, ORDER, compare, interval, play  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scenario", action="append", default=[])
    args = parser.parse_args()
    for sid in args.scenario or ["moscow-2020", "sochi-2008"]:
        scenario = load_scenario(sid)
        scores = play(scenario, args.games, args.seed)
        seats = list(next(iter(scores.values())))
        print(f"\n{scenario.title}: {args.games} games per seat and kind, other seats normal")
        print(f"{'kind':<10}" + "".join(f"{s:>22}" for s in seats))
        for kind in KINDS:
            cells = []
            for seat in seats:
                mean, lo, hi = interval(scores[kind][seat])
                cells.append(f"{mean:7.1f} [{lo:6.1f},{hi:6.1f}]")
            print(f"{kind:<10}" + "".join(f"{c:>22}" for c in cells))
        print("paired differences (mean over seats and games, 95% interval):")
        for better, worse in ORDER:
            mean, lo, hi = compare(scores, better, worse)
            verdict = "holds" if lo > 0 else "NOT shown"
            print(f"  {better:>7} - {worse:<9} {mean:7.2f} [{lo:6.2f}, {hi:6.2f}]  {verdict}")


if __name__ == "__main__":
    main()
