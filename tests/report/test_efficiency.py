"""The efficiency figures the reports show, computed in game/analysis.py."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from game.analysis import frontier_for
from game.catalog import load_scenario

SCENARIO = load_scenario("moscow-2020")
FRONTIER = frontier_for(SCENARIO)


def _outcomes():
    return st.fixed_dictionaries({i.id: st.sampled_from(i.options) for i in SCENARIO.issues})


@settings(max_examples=60, deadline=None)
@given(_outcomes())
def test_a_package_better_for_all_gives_every_signing_seat_more(outcome):
    terms, gains = FRONTIER.better_for_all(outcome)
    before = FRONTIER.utilities(outcome)
    if terms is None:
        # Nothing on the frontier beats it for everyone.
        assert not np.any(np.all(FRONTIER.front > before + 1e-9, axis=1))
        return
    after = FRONTIER.utilities(terms)
    assert np.all(after > before) and set(gains) == set(FRONTIER.seats)
    assert all(abs(gains[s] - (a - b)) < 1e-5 for s, a, b in zip(FRONTIER.seats, after, before))


def test_a_frontier_package_has_no_better_for_all_and_no_distance():
    terms = FRONTIER.front_terms[0]
    assert FRONTIER.better_for_all(terms) == (None, None)
    assert FRONTIER.evaluate(terms)["pareto_distance"] == 0


def test_over_days_evaluates_each_outcome_in_order():
    nash = FRONTIER.nash_terms
    days = FRONTIER.over_days([{}, nash])
    assert days[1]["nash_distance"] == 0 and days[0]["nash_distance"] > 0
    assert days[0]["unclaimed_welfare"] > days[1]["unclaimed_welfare"]
    assert frontier_for(load_scenario("moscow-2020")) is FRONTIER
