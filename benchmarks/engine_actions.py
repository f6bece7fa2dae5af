"""How many actions per second the rules engine applies in random play.

    python benchmarks/engine_actions.py [--games N] [--repeats R] [--scenario ID] [--seed S]

Plays N random legal games (game.ai.randomplay) R times and prints, for the
median repeat, actions per second counting only `state.apply`, and counting
`apply` plus choosing the random action (legal_actions, proposal_space and
the draw). Game set-up is not timed. The budget is 2,000 actions per second
on one core. Prints figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from game.ai.randomplay import random_action  # noqa: E402
from game.catalog import load_scenario  # noqa: E402
from game.engine import Game  # noqa: E402

BUDGET = 2000.0


def play(scenario, games, first_seed):
    """(actions, seconds in apply, seconds choosing) over `games` random games."""
    clock = time.perf_counter
    actions = 0
    applying = choosing = 0.0
    for seed in range(first_seed, first_seed + games):
        state = Game(scenario, seed).new_state()
        rng = np.random.default_rng([seed, 1])
        while not state.is_over():
            t0 = clock()
            seats = state.to_move()
            seat = seats[int(rng.integers(len(seats)))]
            action = random_action(state, seat, rng)
            t1 = clock()
            state.apply(seat, action)
            t2 = clock()
            choosing += t1 - t0
            applying += t2 - t1
            actions += 1
    return actions, applying, choosing


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--games", type=int, default=200, help="games per repeat (default 200)")
    parser.add_argument("--repeats", type=int, default=5, help="repeats; the median is reported (default 5)")
    parser.add_argument("--scenario", default="moscow-2020", help="scenario id (default moscow-2020)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the first game (default 1)")
    args = parser.parse_args(argv)
    if args.games < 1 or args.repeats < 1:
        parser.error("--games and --repeats must be at least 1")
    scenario = load_scenario(args.scenario)
    apply_rates, total_rates = [], []
    actions = 0
    for _ in range(args.repeats):
        actions, applying, choosing = play(scenario, args.games, args.seed)
        apply_rates.append(actions / applying)
        total_rates.append(actions / (applying + choosing))
    apply_rate, total_rate = statistics.median(apply_rates), statistics.median(total_rates)
    print(f"{scenario.id}: {args.games} random games, {actions} actions "
          f"({actions / args.games:.0f} a game), median of {args.repeats} repeats")
    print(f"  apply only:              {apply_rate:>9,.0f} actions/s  "
          f"({1e6 / apply_rate:.1f} us an action)")
    print(f"  apply + choose randomly: {total_rate:>9,.0f} actions/s  "
          f"({1e6 / total_rate:.1f} us an action)")
    verdict = "within" if total_rate >= BUDGET else "OVER"
    print(f"  budget: >= {BUDGET:,.0f} actions/s on one core: {verdict} budget "
          f"({total_rate / BUDGET:.1f}x, counting apply + choice)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
