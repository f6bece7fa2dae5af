"""Performance figures for `python main.py bench` and the scripts in benchmarks/.

Each module has measure(quick=False) returning a list of
{"name", "value", "unit", "budget", "ok"} rows; nothing here asserts.
"""

import importlib
import importlib.util

MODULES = ("game.perf.core", "game.perf.ui")


def figure(name, value, unit, budget, ok) -> dict:
    return {"name": name, "value": round(value, 3), "unit": unit, "budget": budget, "ok": bool(ok)}


def measure_all(quick=False) -> list:
    rows = []
    for name in MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        rows.extend(importlib.import_module(name).measure(quick))
    return rows
