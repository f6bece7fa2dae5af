"""Summit's Pareto frontier and Nash point agree with NegMAS's on moscow-2020.

NegMAS is only in the `bench` extra, so this is skipped where it is not
installed. The comparison itself lives in benchmarks/negmas_check.py (one copy
of the renormalised Turkey-Russia problem); this runs its checks without the
timed negotiations.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("negmas")

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "negmas_check.py"


@pytest.fixture(scope="module")
def bench():
    # benchmarks/ is not a package: load the script by path
    spec = importlib.util.spec_from_file_location("negmas_check", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def problem(bench):
    return bench.build()


def test_the_pair_negotiates_exactly_its_five_issues(bench, problem):
    assert problem.issues == ("ceasefire", "corridor_km", "joint_patrols", "front_line", "observation_posts")
    for side in problem.sides.values():
        assert sum(side.weights.values()) == pytest.approx(1.0)


def test_frontier_and_nash_agree_with_negmas(bench, problem):
    lines = bench.check(problem)
    failures = [line for ok, line in lines if not ok]
    assert not failures, "\n".join(failures)
    # every comparison ran: space, utilities, two frontiers, Nash, affine invariance
    assert len(lines) == 6
