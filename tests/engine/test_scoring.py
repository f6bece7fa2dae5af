"""Scores, the comparison with history, and the outcome space's frontier and Nash point."""

from __future__ import annotations

import math
from functools import lru_cache

import pytest
from turns import first, until

from game.catalog import load_scenario
from game.engine import DONE, Game, accept, history_comparison, move, propose
from game.engine.outcomes import OutcomeSpace, all_packages

load = lru_cache(maxsize=None)(load_scenario)
HISTORY = {"ceasefire": "full", "corridor_km": "6", "joint_patrols": "yes", "front_line": "current_front"}


def play_to_the_end(state, signed=None, parties=("turkey", "russia")):
    """The first party offers `signed` on day 1 and the second accepts; then everyone holds to the summit."""
    if signed:
        until(state, parties[0])
        state.apply(parties[0], propose(parties, signed))
        until(state, parties[1])
        state.apply(parties[1], accept(first(state)))
    while not state.is_over():
        seat = state.to_move()[0]
        state.apply(seat, DONE if state.phase == "talks" else move("hold"))
    return state


def utility(state, seat, outcome):
    """A seat's utility computed by hand from its private preferences."""
    prefs = state.facilitator_view()["private"][seat]["preferences"]
    total = 0.0
    for issue in state.game.scenario.issues:
        option = outcome.get(issue.id, issue.default)
        if issue.id in prefs["values"]:
            total += prefs["weights"][issue.id] * prefs["values"][issue.id][issue.options.index(option)]
    return total


def test_the_history_outcome_is_at_distance_zero_from_history():
    scen = load("moscow-2020")
    assert dict(scen.history.outcome) == HISTORY
    state = play_to_the_end(Game(scen, 1).new_state(), HISTORY)
    comparison = history_comparison(state)
    rows = {r["issue"]: r for r in comparison["issues"]}
    assert set(rows) == set(scen.issue_ids)
    for issue, option in HISTORY.items():
        assert rows[issue]["table"] == rows[issue]["history"] == option
        assert rows[issue]["distance"] == 0 and rows[issue]["signed"]
    assert all(not r["signed"] for i, r in rows.items() if i not in HISTORY)
    assert comparison["closeness"] == 1.0


def test_no_deal_is_measured_issue_by_issue_against_history():
    state = play_to_the_end(Game(load("moscow-2020"), 1).new_state())
    rows = {r["issue"]: r for r in history_comparison(state)["issues"]}
    assert rows["ceasefire"]["table"] == "none" and rows["ceasefire"]["distance"] == 1.0
    assert rows["corridor_km"]["distance"] == pytest.approx(0.3)        # 0 km against 6, on a 0..20 grid
    assert rows["joint_patrols"]["distance"] == 1.0
    assert rows["front_line"]["distance"] == 0.0                        # history kept the front where it was
    assert history_comparison(state)["closeness"] == pytest.approx(1 - 2.3 / 8)


def test_an_issue_the_summit_left_open_is_apart_once_the_table_settles_it():
    scen = load("moscow-2020")
    assert scen.history.entry("observation_posts").settled == "open"
    state = play_to_the_end(Game(scen, 1).new_state(), {**HISTORY, "observation_posts": "keep_in_place"})
    rows = {r["issue"]: r for r in history_comparison(state)["issues"]}
    # keep_in_place is the default, so the old fall-back would have called it history's option
    assert rows["observation_posts"]["settled"] == "open" and rows["observation_posts"]["distance"] == 1.0
    assert rows["patriot_batteries"]["distance"] == 0.0          # left open by the summit and by the table
    assert history_comparison(state)["closeness"] == pytest.approx(1 - 1 / 8)


def test_what_was_only_said_or_contracted_earlier_is_shown_but_not_counted():
    scen = load("sochi-2008")
    settled = {e.issue: e.settled for e in scen.history.entries}
    assert settled["pantsir_batteries"] == settled["mig31"] == "earlier"
    assert settled["balance_assurance"] == "verbal"
    nothing = history_comparison(play_to_the_end(Game(scen, 1).new_state()))
    # Sochi announced no deal: a table that signs nothing is as close to it as can be
    assert nothing["closeness"] == 1.0
    big = {"pantsir_batteries": "48", "mig31": "8", "buk_m1": "yes"}
    state = play_to_the_end(Game(scen, 1).new_state(), big, ("russia", "syria"))
    assert state.outcome().keys() >= big.keys()
    rows = {r["issue"]: r for r in history_comparison(state)["issues"]}
    assert rows["pantsir_batteries"]["distance"] is None and rows["mig31"]["distance"] is None
    assert rows["pantsir_batteries"]["history"] == "36" and rows["pantsir_batteries"]["note"]
    assert rows["balance_assurance"]["distance"] is None and rows["balance_assurance"]["history"] == "yes"
    assert rows["buk_m1"]["distance"] == 1.0                      # open at Sochi, signed at the table
    counted = [r for r in rows.values() if r["distance"] is not None]
    assert len(counted) == 8
    assert history_comparison(state)["closeness"] == pytest.approx(1 - 1 / 8)


def test_scores_add_up_and_reward_a_deal_both_sides_prefer():
    deal = play_to_the_end(Game(load("moscow-2020"), 1).new_state(), HISTORY)
    none = play_to_the_end(Game(load("moscow-2020"), 1).new_state())
    for state, outcome in ((deal, HISTORY), (none, {})):
        for seat, score in state.scores().items():
            assert score["total"] == score["deal"] + score["objectives"] + score["stats"] + score["integrity"]
            assert score["utility"] == pytest.approx(utility(state, seat, outcome), abs=1e-6)
            assert abs(score["deal"] - 100 * (score["utility"] - score["reservation"])) <= 0.5 + 1e-6
            assert score["breaches"] == score["reversals"] == score["integrity"] == 0
    with_deal, without = deal.scores(), none.scores()
    for seat in ("turkey", "russia"):
        assert with_deal[seat]["deal"] > 0 and with_deal[seat]["deal"] > without[seat]["deal"]
    assert "stop_the_bleeding" in with_deal["turkey"]["objectives_met"]
    assert "stop_the_bleeding" not in without["turkey"]["objectives_met"]
    assert "m4_under_watch" in with_deal["russia"]["objectives_met"]
    assert with_deal["turkey"]["objectives"] > without["turkey"]["objectives"]


# -- the outcome space ------------------------------------------------------------------

def brute_force(space, seats, issues):
    packages = all_packages(space, issues)
    return packages, [tuple(space.utility(s, p) for s in seats) for p in packages]


def dominated(u, others):
    return any(all(b >= a - 1e-9 for a, b in zip(u, v)) and any(b > a + 1e-9 for a, b in zip(u, v))
               for v in others)


CASES = [
    ("moscow-2020", ("turkey", "russia"), ("ceasefire", "joint_patrols", "front_line", "observation_posts")),
    ("moscow-2020", ("turkey", "russia", "eu"), ("ceasefire", "border_to_greece", "eu_refugee_funds")),
    ("sochi-2008", ("russia", "syria"), ("pantsir_batteries", "tartus", "payment")),
    ("sochi-2008", ("russia", "syria", "israel"), ("s300", "iskander", "balance_assurance", "tartus")),
]


@pytest.mark.parametrize("scenario_id, seats, issues", CASES)
def test_pareto_returns_exactly_the_non_dominated_packages(scenario_id, seats, issues):
    space = OutcomeSpace(load(scenario_id))
    packages, utils = brute_force(space, seats, issues)
    frontier = {tuple(round(x, 9) for x in u) for u in utils if not dominated(u, utils)}
    terms, U = space.pareto(list(seats), list(issues))
    assert len(terms) == len(U) == len(frontier), "one package per frontier point"
    assert {tuple(round(float(x), 9) for x in row) for row in U} == frontier
    for t, row in zip(terms, U):
        assert set(t) == set(issues)
        assert [space.utility(s, t) for s in seats] == pytest.approx(list(row))
    assert len(frontier) < len(packages)


@pytest.mark.parametrize("scenario_id, seats, issues", CASES)
def test_nash_maximises_the_product_of_gains(scenario_id, seats, issues):
    scen = load(scenario_id)
    space = OutcomeSpace(scen)
    reservations = [scen.seat(s).preferences.reservation for s in seats]
    packages, utils = brute_force(space, seats, issues)
    products = [math.prod(u - r for u, r in zip(us, reservations)) for us in utils
                if all(u > r for u, r in zip(us, reservations))]
    terms, best = space.nash(list(seats), list(issues))
    if not products:
        assert terms is None and best is None
        return
    gains = [space.utility(s, terms) - r for s, r in zip(seats, reservations)]
    assert all(g > 0 for g in gains)
    assert math.prod(gains) == pytest.approx(max(products), rel=1e-9)
    assert list(best) == pytest.approx([space.utility(s, terms) for s in seats])


def test_nash_says_so_when_no_package_beats_walking_away():
    space = OutcomeSpace(load("moscow-2020"))
    # Turkey's border alone cannot lift it past its walk-away value with everything else at default.
    assert all(space.utility("turkey", t) < 0.35 for t in all_packages(space, ["border_to_greece"]))
    assert space.nash(["turkey", "eu"], ["border_to_greece"]) == (None, None)
