"""Package spaces too large to list, against listing every package where that is feasible.

Random small spaces (a few issues, seats and options, values rounded so that ties happen) are
solved twice: by listing every package, and by the large-space method (game/engine/cover.py,
game/engine/frontier.py), with caps small enough to force thinning or large enough not to.
An answer that says it is exact must equal the listed one; one that does not must still be a
real package, within the error it states.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import game.engine.outcomes as outcomes
from game.analysis import Frontier
from game.catalog import load_scenario
from game.engine.cover import cover
from game.engine.frontier import LargeFront, gains_product
from game.engine.outcomes import pareto_mask


@st.composite
def spaces(draw, max_issues=4, max_options=6, seats=(1, 4)):
    d = draw(st.integers(*seats))
    sizes = draw(st.lists(st.integers(1, max_options), min_size=1, max_size=max_issues))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    return [np.round(rng.random((n, d)), 2) for n in sizes]


def listed(values):
    """(rows, utilities) of every package."""
    rows = np.array(list(itertools.product(*[range(len(v)) for v in values])))
    return rows, sum(v[rows[:, k]] for k, v in enumerate(values))


def as_set(U):
    return {tuple(np.round(u, 9)) for u in U}


def frontier(U):
    return U[pareto_mask(U)]


def check_rows(values, found):
    assert np.allclose(sum(v[found.rows[:, k]] for k, v in enumerate(values)), found.values)


# -- the cover ------------------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(spaces())
def test_a_cover_that_is_not_thinned_is_exactly_the_frontier(values):
    found = cover(values, 10**6)
    check_rows(values, found)
    assert found.exact
    assert as_set(found.values) == as_set(frontier(listed(values)[1]))
    assert len(found.values) == len(as_set(found.values)), "one package per frontier point"


@settings(max_examples=150, deadline=None)
@given(spaces(), st.integers(1, 12))
def test_a_thinned_cover_has_every_package_within_its_error(values, cap):
    found = cover(values, cap)
    check_rows(values, found)
    _, U = listed(values)
    within = (found.values[None, :, :] + found.error + 1e-9 >= U[:, None, :]).all(axis=2).any(axis=1)
    assert within.all()
    if found.exact:
        assert as_set(found.values) == as_set(frontier(U))


@settings(max_examples=150, deadline=None)
@given(spaces(), st.integers(0, 10**6), st.floats(-0.3, 0.3))
def test_the_part_above_a_floor_is_the_frontier_above_it(values, pick, shift):
    rows, U = listed(values)
    floor = U[pick % len(U)] + shift
    found = cover(values, 10**6, floor, whole=True)
    check_rows(values, found)
    front = frontier(U)
    above = floor - 1e-12     # the same sums, added up in another order
    assert as_set(found.values[(found.values >= above).all(axis=1)]) == as_set(front[(front >= above).all(axis=1)])


@settings(max_examples=100, deadline=None)
@given(spaces(), st.integers(1, 6))
def test_a_whole_cover_refuses_rather_than_thins(values, cap):
    found = cover(values, cap, whole=True)
    if found is not None:
        assert found.exact and as_set(found.values) == as_set(frontier(listed(values)[1]))


def test_whole_numbers_are_never_thinned_together():
    rng = np.random.default_rng(3)
    values = [np.column_stack([-(np.arange(9) != 4).astype(float), rng.random((9, 2))]) for _ in range(6)]
    found = cover(values, 30, counted=1)
    assert found.error[0] == 0
    # The package that changes nothing, and for each number of changes at least one package.
    assert set(np.rint(-found.values[:, 0]).astype(int)) == set(range(7))


# -- questions about the frontier -----------------------------------------------------------------

def largefronts(values):
    """The same space with a cap that lists it whole and with caps small enough to thin it."""
    d = values[0].shape[1]
    fixed = np.full(d, 0.1)
    return [LargeFront(values, fixed), LargeFront(values, fixed, cap=3, part_cap=16),
            LargeFront(values, fixed, cap=2, part_cap=8000)]


@settings(max_examples=120, deadline=None)
@given(spaces(seats=(2, 4)), st.integers(0, 10**6))
def test_the_nearest_frontier_package(values, pick):
    rows, U = listed(values)
    u = U[pick % len(U)] + 0.1
    exact = np.sqrt(((frontier(U) + 0.1 - u) ** 2).sum(axis=1)).min()
    for front in largefronts(values):
        found = front.nearest(u)
        assert np.allclose(front.utilities(found.row)[0], found.utilities)
        assert found.value == pytest.approx(np.sqrt(((found.utilities - u) ** 2).sum()), abs=1e-9)
        if found.exact:
            assert found.value == pytest.approx(exact, abs=1e-9)
    assert largefronts(values)[0].nearest(u).exact


@settings(max_examples=120, deadline=None)
@given(spaces(seats=(2, 4)), st.integers(0, 10**6))
def test_the_package_best_for_everyone(values, pick):
    rows, U = listed(values)
    u = U[pick % len(U)] + 0.1
    gains = frontier(U) + 0.1 - u
    better = gains[(gains > 1e-9).all(axis=1)]
    for front in largefronts(values):
        found = front.best_for_all(u)
        if found.row is not None:
            assert (front.utilities(found.row)[0] - u > 0).all()
            assert found.value <= (better.min(axis=1).max() if len(better) else 0) + 1e-9
        if found.exact:
            assert (found.row is None) == (not len(better))
            if len(better):
                assert found.value == pytest.approx(better.min(axis=1).max(), abs=1e-9)


@settings(max_examples=120, deadline=None)
@given(spaces(seats=(2, 4)), st.floats(0.0, 0.9))
def test_the_nash_point_and_its_bound(values, level):
    rows, U = listed(values)
    U = U + 0.1
    r = U.min(axis=0) + level * (U.max(axis=0) - U.min(axis=0))
    best = gains_product(U, r).max()
    for front in largefronts(values):
        found = front.nash(r)
        if best <= 0:
            assert found.row is None
            continue
        if found.exact:
            assert found.value == pytest.approx(best, rel=1e-9)
        if found.row is not None:
            assert found.value <= best * (1 + 1e-9)
            assert front.nash_bound(r, found.utilities) >= best * (1 - 1e-9)


# -- the analysis and the AI on shipped scenarios, made to take the large-space path ----------------

@pytest.mark.parametrize("scenario_id", ["moscow-2020", "sochi-2008"])
def test_the_analysis_gives_the_same_answers_without_listing(monkeypatch, scenario_id):
    scenario = load_scenario(scenario_id)
    listing = Frontier(scenario)
    monkeypatch.setattr(outcomes, "MAX_SUBSPACE", 10)
    built = Frontier(scenario)
    assert listing.large is None and built.large is not None
    assert as_set(built.front) == as_set(listing.front)
    assert built.nash_terms == listing.nash_terms and np.allclose(built.nash_u, listing.nash_u)
    assert built.best_welfare == pytest.approx(listing.best_welfare)
    rng = np.random.default_rng(7)
    for _ in range(25):
        outcome = {i.id: i.options[rng.integers(len(i.options))] for i in scenario.issues if rng.random() < 0.7}
        assert built.evaluate(outcome) == listing.evaluate(outcome)
        _, a = built.better_for_all(outcome)
        _, b = listing.better_for_all(outcome)
        assert (a is None) == (b is None)
        if a:
            assert min(a.values()) == pytest.approx(min(b.values()), abs=1e-6)
    assert not built.estimated
