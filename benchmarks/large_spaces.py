"""How far the large-space methods are from listing every package, and how fast.

    python benchmarks/large_spaces.py [--quick]

0. The figures `python main.py bench` gives for the format's largest size (12 issues of 41 points,
   signed by two seats or by three): AI decisions (median, p99) and the end-of-game analysis.
1. Random spaces small enough to list (2-5 seats, 3-6 issues, 2-8 options), solved by listing
   and by game/engine/frontier.py with caps small enough to force thinning: for each question
   (distance to the frontier, the package best for everyone, the Nash point) the share of answers
   that say they are exact (all of them must equal the listing; counted as errors if not) and the
   error of the others.
2. The 12 x 41 tariff round with three signing seats, too large to list: distances from 300
   outcomes against a cover kept at 200,000 packages (its certified coverage error is printed),
   and the Nash point's gap to its Frank-Wolfe bound.
3. The AI leaders on the shipped scenarios weighing covers instead of every package
   (game/ai/packages.py's MAX_PACKAGES set to 40), against listing: agreements and distances.

Prints figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

import game.ai.packages as packages  # noqa: E402
from game.catalog import load_scenario  # noqa: E402
from game.engine.cover import cover  # noqa: E402
from game.engine.frontier import LargeFront, gains_product  # noqa: E402
from game.engine.outcomes import OutcomeSpace  # noqa: E402
from game.perf.core import largest as timings  # noqa: E402
from game.perf.wide import wide_scenario  # noqa: E402
from game.sim import run_games, summarise  # noqa: E402


def scenario_like(rng, issues, options, seats):
    """Per-issue values as authors write them: a weight per seat and a few grid points, interpolated."""
    weights = rng.random((seats, issues))
    weights /= weights.sum(axis=1, keepdims=True)
    values = []
    for k in range(issues):
        cols = []
        for s in range(seats):
            points = np.sort(rng.choice(options, size=min(options, int(rng.integers(2, 4))), replace=False))
            points[0], points[-1] = 0, options - 1
            cols.append(weights[s, k] * np.interp(np.arange(options), points, rng.random(len(points))))
        values.append(np.column_stack(cols))
    return values


def random_spaces(trials, seed=1, thin=True):
    """Small spaces with covers thinned at 4-40 packages, or mid-sized ones (5 issues of 8 options,
    4-6 seats) with the caps the game uses."""
    rng = np.random.default_rng(seed)
    stats = {q: {"exact": 0, "wrong": 0, "errors": []} for q in ("distance", "best for all", "Nash product")}
    for _ in range(trials):
        if thin:
            d, issues, options = int(rng.integers(2, 6)), int(rng.integers(3, 7)), int(rng.integers(2, 9))
        else:
            d, issues, options = int(rng.integers(4, 7)), 5, 8
        values = scenario_like(rng, issues, options, d)
        rows = np.array(list(itertools.product(range(options), repeat=issues)))
        U = sum(v[rows[:, k]] for k, v in enumerate(values))
        F = cover(values, 10**9).values
        caps = {"cap": int(rng.integers(4, 40)), "part_cap": int(rng.integers(16, 400))} if thin else {}
        front = LargeFront(values, np.zeros(d), **caps)
        u = U[int(rng.integers(len(U)))]
        r = U.min(axis=0) + rng.random() * 0.6 * (U.max(axis=0) - U.min(axis=0))
        gains = F - u
        better = gains[(gains > 1e-9).all(axis=1)]
        exact = {"distance": float(np.sqrt(((F - u) ** 2).sum(axis=1)).min()),
                 "best for all": float(better.min(axis=1).max()) if len(better) else 0.0,
                 "Nash product": float(max(gains_product(U, r).max(), 0.0))}
        found = {"distance": front.nearest(u), "best for all": front.best_for_all(u), "Nash product": front.nash(r)}
        for q, answer in found.items():
            value = max(answer.value, 0.0) if answer.row is not None else 0.0
            error = abs(value - exact[q]) / (exact[q] if q == "Nash product" and exact[q] > 0 else 1.0)
            s = stats[q]
            if answer.exact:
                s["exact"] += 1
                s["wrong"] += error > 1e-9
            else:
                s["errors"].append(error)
    if thin:
        print(f"1. {trials} random spaces of 2-5 seats, 3-6 issues, 2-8 options, covers thinned at 4-40 packages:")
    else:
        print(f"1b. {trials} random spaces of 4-6 seats, 5 issues of 8 options, the game's caps:")
    for q, s in stats.items():
        errs = s["errors"] or [0.0]
        unit = "relative" if q == "Nash product" else "utility"
        print(f"   {q:<13} exact {s['exact']}/{trials} (wrong: {s['wrong']}); the others: error median "
              f"{statistics.median(errs):.4f}, mean {statistics.fmean(errs):.4f}, max {max(errs):.4f} ({unit})")


def largest(outcomes):
    scenario = wide_scenario(signers=3)
    space = OutcomeSpace(scenario)
    seats = ["north", "south", "east"]
    start = time.perf_counter()
    front = space.large(seats, list(scenario.issue_ids))
    built = time.perf_counter() - start
    reference = cover(front.values, 200_000)
    R = reference.values + front.fixed
    rng = np.random.default_rng(2)
    errors, times = [], []
    for i in range(outcomes):
        if i % 2:
            row = rng.integers(41, size=12)
        else:
            row = reference.rows[int(rng.integers(len(reference.rows)))].copy()
            for _ in range(int(rng.integers(0, 3))):
                row[int(rng.integers(12))] = rng.integers(41)
        u = front.utilities(row)[0]
        t = time.perf_counter()
        found = front.nearest(u).value
        times.append(time.perf_counter() - t)
        errors.append(found - float(np.sqrt(((R - u) ** 2).sum(axis=1)).min()))
    reservations = [scenario.seat(s).preferences.reservation for s in seats]
    nash = front.nash(reservations)
    bound = front.nash_bound(reservations, nash.utilities)
    absolute = [abs(e) for e in errors]
    print(f"2. 12 x 41, three signing seats: cover of {len(front.points):,} packages built in {built:.2f} s; "
          f"reference of {len(R):,} packages, coverage error {reference.error.max():.4f}")
    print(f"   distance from {outcomes} outcomes, estimate - reference: median |error| "
          f"{statistics.median(absolute):.4f}, mean {statistics.fmean(absolute):.4f}, "
          f"max {max(errors):+.4f} / min {min(errors):+.4f}; "
          f"{statistics.median(times) * 1000:.1f} ms a question (median)")
    print(f"   Nash point: product {nash.value:.6f}, Frank-Wolfe bound {bound:.6f} (gap {bound / nash.value - 1:.2e}), "
          f"exact: {nash.exact}")


def leaders(games):
    print(f"3. AI leaders weighing covers instead of every package, {games} games a row (seed 5):")
    for scenario_id, level in (("moscow-2020", "normal"), ("moscow-2020", "hard"), ("moscow-2020", "easy"),
                               ("sochi-2008", "normal")):
        scenario = load_scenario(scenario_id)
        controllers = {s: level for s in scenario.seat_ids}
        for cap, how in ((60_000, "listing"), (40, "covers")):
            packages.MAX_PACKAGES = cap
            s = summarise(scenario, run_games(scenario, games, 5, controllers), 5, controllers)
            scores = statistics.fmean(v["mean"] for v in s["scores"].values())
            agreed = statistics.fmean(s["agreement_rate"].values())
            print(f"   {scenario_id} {level:<6} {how:<7}: agreement {agreed:.3f}, "
                  f"Pareto distance {s['pareto_distance']['mean']:.4f}, "
                  f"Nash distance {s['nash_distance']['mean']:.4f}, mean score {scores:.1f}")
    packages.MAX_PACKAGES = 60_000


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer spaces, outcomes and games")
    args = parser.parse_args(argv)
    print("0. Timings at 12 x 41:")
    for row in timings(args.quick):
        print(f"   {'ok  ' if row['ok'] else 'OVER'} {row['name']:<62} {row['value']:>9.2f} {row['unit']} "
              f"(budget {row['budget']})")
    random_spaces(60 if args.quick else 400)
    random_spaces(10 if args.quick else 40, thin=False)
    largest(60 if args.quick else 300)
    leaders(6 if args.quick else 30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
