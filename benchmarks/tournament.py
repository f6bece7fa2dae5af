"""Tournament: each AI level and two baselines, seat by seat, against normal opponents.

    python benchmarks/tournament.py [--games 60] [--seed 0] [--workers 2] [--ray ADDRESS]
                                    [--scenario moscow-2020 ...]

For every bargaining seat: each kind's mean score with its 95% interval and how often that
seat signed anything, then the paired differences the levels must show in that seat
(hard >= normal >= easy > both baselines), and the same pooled over seats.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from game.batch import BatchError  # noqa: E402
from game.catalog import load_scenario  # noqa: E402
from game.tournament import KINDS, ORDER, agreement_rate, compare, interval, play, scores_of  # noqa: E402

STRICT = {("easy", "pushover"), ("easy", "stonewall")}   # must be above; the others at least equal


def verdict(pair, lo, hi) -> str:
    if pair in STRICT:
        return "holds" if lo > 0 else "FAILS"
    return "holds" if lo > 0 else ("holds (tie)" if hi >= 0 else "FAILS")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--ray", metavar="ADDRESS", help="run the games on a Ray cluster (host:port, auto, local)")
    parser.add_argument("--scenario", action="append", default=[])
    args = parser.parse_args()
    failures = []
    for sid in args.scenario or ["moscow-2020", "sochi-2008"]:
        scenario = load_scenario(sid)
        try:
            results = play(scenario, args.games, args.seed, workers=args.workers, ray=args.ray)
        except BatchError as err:
            print(f"tournament: {err}", file=sys.stderr)
            return 2
        scores = scores_of(results)
        seats = list(next(iter(scores.values())))
        print(f"\n{scenario.title}: {args.games} games per seat and kind, other seats normal")
        print("mean score [95% interval] and share of games in which the seat signed anything")
        print(f"{'kind':<10}" + "".join(f"{s:>28}" for s in seats) + f"{'pooled':>24}")
        for kind in KINDS:
            cells = []
            for seat in seats:
                mean, lo, hi = interval(scores[kind][seat])
                cells.append(f"{mean:6.1f} [{lo:6.1f},{hi:6.1f}] {agreement_rate(results[kind][seat]):4.0%}")
            mean, lo, hi = interval([v for seat in seats for v in scores[kind][seat]])
            print(f"{kind:<10}" + "".join(f"{c:>28}" for c in cells) + f"{mean:8.1f} [{lo:6.1f},{hi:6.1f}]")
        print("paired differences per seat and pooled (mean [95% interval]):")
        print(f"{'':<20}" + "".join(f"{s:>24}" for s in seats) + f"{'pooled':>24}")
        for better, worse in ORDER:
            cells = []
            for seat in seats + [None]:
                mean, lo, hi = compare(scores, better, worse, seat)
                word = verdict((better, worse), lo, hi)
                if word == "FAILS":
                    failures.append(f"{sid} {seat or 'pooled'}: {better} - {worse} {mean:+.1f} [{lo:+.1f}, {hi:+.1f}]")
                cells.append(f"{mean:6.1f} [{lo:6.1f},{hi:6.1f}]{'!' if word == 'FAILS' else ' '}")
            print(f"  {better:>7} - {worse:<9}" + "".join(f"{c:>24}" for c in cells))
    print("\nlevel order " + ("holds in every bargaining seat" if not failures else "fails in:"))
    for line in failures:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
