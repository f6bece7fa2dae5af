"""How long loading and validating each shipped scenario takes.

    python benchmarks/load_scenario.py [--repeat N] [PATH ...]

Reads each file through game.catalog.read_scenario_file (open, parse, check
every field, build the immutable Scenario) N times and prints the median and
95th percentile in milliseconds against the 50 ms budget. Prints figures only;
it asserts nothing.
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

from game.catalog import read_scenario_file, scenario_paths  # noqa: E402
from game.scenario import ScenarioError  # noqa: E402

BUDGET_MS = 50.0


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an already sorted list."""
    rank = max(1, -(-len(sorted_values) * fraction // 1))  # ceil(n * fraction), at least 1
    return sorted_values[int(rank) - 1]


def measure(path, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read_scenario_file(path)
        times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    return statistics.median(times), percentile(times, 0.95)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=50, help="loads per scenario (default 50)")
    parser.add_argument("paths", nargs="*", help="scenario files (default: every scenarios/*.yaml)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    paths = [Path(p) for p in args.paths] or scenario_paths()
    if not paths:
        print("no scenarios in scenarios/ to measure")
        return 0
    try:
        import yaml
        parser_name = "libyaml" if getattr(yaml, "__with_libyaml__", False) else "pure Python"
    except ImportError:  # the loader itself would fail below
        parser_name = "none"
    print(f"loading each scenario {args.repeat} times (YAML parser: {parser_name}); budget < {BUDGET_MS:g} ms")
    width = max(len(p.name) for p in paths)
    for path in paths:
        try:
            read_scenario_file(path)  # warm up, and check it loads at all
        except ScenarioError as err:
            print(f"{path.name:<{width}}  does not validate ({len(err.problems)} problems); not measured")
            continue
        median, p95 = measure(path, args.repeat)
        verdict = "meets the budget" if p95 < BUDGET_MS else (
            "median within budget, p95 over" if median < BUDGET_MS else "OVER budget")
        print(f"{path.name:<{width}}  median {median:7.2f} ms  p95 {p95:7.2f} ms  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
