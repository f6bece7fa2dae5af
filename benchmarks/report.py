"""Time to make a report: a whole moscow-2020 game's (budget < 1 s) and a class of 8 tables' (budget < 5 s).

Each figure is the median of several runs in one process (imports and the scenario's Pareto frontier
already warm, as on a class server that has drawn one report); the first, cold run is shown beside it.
The games are AI-only, played to the end, and the pages and data are written to a temporary folder.

    python benchmarks/report.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "report"))


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from classmaker import make_class

    from game.catalog import load_scenario
    from game.match import Match
    from game.report.classes import write_class_report
    from game.report.inputs import from_match
    from game.report.write import write_game_report

    scenario = load_scenario("moscow-2020")
    match = Match(scenario, 1, {s: "normal" for s in scenario.seat_ids})
    match.run()
    game = from_match(match, "benchmark")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        cold, warm = timed(lambda: write_game_report(game, out / "table"), args.runs)
        print(f"table report, moscow-2020, {len(match.state.log)} actions: median {warm * 1000:.0f} ms "
              f"(first run {cold * 1000:.0f} ms); budget 1000 ms")
        make_class(out / "class", tables=8)
        cold, warm = timed(lambda: write_class_report(out / "class", out / "classout"), args.runs)
        print(f"class report, 8 tables of moscow-2020: median {warm * 1000:.0f} ms "
              f"(first run {cold * 1000:.0f} ms); budget 5000 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
