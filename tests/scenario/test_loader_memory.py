"""A server loads scenarios for days: loading one must not leave anything behind."""

from __future__ import annotations

import gc
import tracemalloc

from game.catalog import scenario_source
from game.scenario import parse_scenario


def test_loading_a_scenario_again_and_again_keeps_no_memory():
    _, data, name = scenario_source("moscow-2020")
    parse_scenario(data, name)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        for _ in range(15):
            parse_scenario(data, name)
        gc.collect()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    grown = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    # One load builds several megabytes of nodes; fifteen that kept them would keep tens.
    assert grown < 256 * 1024, f"{grown:,} bytes kept after 15 loads"
