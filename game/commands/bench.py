"""python main.py bench [--json] [--quick]: the performance figures of DESIGN.md."""

from __future__ import annotations

import json

from game.perf import measure_all


def add_arguments(parser):
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (rougher figures)")


def run(args) -> int:
    rows = measure_all(args.quick)
    if args.json:
        print(json.dumps({"figures": rows}, sort_keys=True))
        return 0
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        mark = "ok  " if r["ok"] else "OVER"
        print(f"{mark} {r['name']:<{width}}  {r['value']:>10.2f} {r['unit']:<10} budget {r['budget']}")
    return 0
