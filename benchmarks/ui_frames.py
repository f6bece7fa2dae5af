"""The desktop client's figures: table frame time (p95) at 1280x720 and start-up to the title.

    python benchmarks/ui_frames.py [--quick]

Runs game.perf.ui.measure and prints each figure against its budget. Prints
figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from game.perf.ui import measure  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer frames and start-ups")
    args = parser.parse_args()
    for row in measure(quick=args.quick):
        mark = "ok" if row["ok"] else "OVER BUDGET"
        print(f"{row['name']:<42} {row['value']:>9} {row['unit']:<3} (budget {row['budget']}) {mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
