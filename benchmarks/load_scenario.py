"""How long loading and validating each shipped scenario takes, and refusing a large bad one.

    python benchmarks/load_scenario.py [--repeat N] [--large] [PATH ...]

Reads each file through game.catalog.read_scenario_file (open, parse, check
every field, build the immutable Scenario) N times and prints the median and
95th percentile in milliseconds against the 50 ms budget. A file that does not
validate is timed to its refusal. `--large` adds a 300 KB file an author might
write by mistake: 1,500 moves past the limit of 80, and 1,500 events that name
misspelt moves. Prints figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
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
        try:
            read_scenario_file(path)
        except ScenarioError:
            pass
        times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    return statistics.median(times), percentile(times, 0.95)


def large_file(folder: Path, count: int = 1500) -> Path:
    """The documented minimal scenario with `count` moves and `count` events naming misspelt moves."""
    doc = (REPO / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    text = doc.split("## A minimal scenario", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    moves = "".join(f"  - {{id: move_{i}, seat: south, name: Move {i}, kind: other, description: A move., "
                    f"effects: [], source: note}}\n" for i in range(count))
    events = "events:\n" + "".join(f"  - {{id: e{i}, title: T, text: X., source: note, "
                                    f"when: {{moved: {{seat: south, move: mvoe_{i}}}}}}}\n" for i in range(count))
    path = folder / "large-300kb.yaml"
    path.write_text(text.replace("map:\n", moves + events + "map:\n", 1), encoding="utf-8")
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=50, help="loads per scenario (default 50)")
    parser.add_argument("--large", action="store_true", help="also time the refusal of a 300 KB bad file")
    parser.add_argument("paths", nargs="*", help="scenario files (default: every shipped scenario)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    paths = [Path(p) for p in args.paths] or scenario_paths()
    if args.large:
        paths.append(large_file(Path(tempfile.mkdtemp(prefix="summit-bench-"))))
    if not paths:
        print("no shipped scenarios to measure")
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
            what = ""
        except ScenarioError as err:
            what = f"  (refused: {len(err.problems)} problems)"
        median, p95 = measure(path, args.repeat)
        verdict = "meets the budget" if p95 < BUDGET_MS else (
            "median within budget, p95 over" if median < BUDGET_MS else "OVER budget")
        size = path.stat().st_size / 1024
        print(f"{path.name:<{width}}  {size:6.0f} KB  median {median:7.2f} ms  p95 {p95:7.2f} ms  {verdict}{what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
