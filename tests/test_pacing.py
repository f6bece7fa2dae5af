"""The liveliness measure: a decision counts when it moves some seat's final score by 3 points or more, unless its
only large effect is a loss to the seat that would make it (breaking an agreement for nothing is no decision)."""

from game import pacing
from game.catalog import load_scenario
from game.engine.stakes import Projector, making
from game.match import Match


def test_what_counts_as_a_decision():
    assert pacing.matters({"turkey": 3, "russia": 0}, "turkey"), "a gain of three to the chooser"
    assert pacing.matters({"turkey": 0, "eu": -20}, "turkey"), "a blow to another seat"
    assert pacing.matters({"turkey": -12, "eu": -22}, "turkey"), "a breach that hurts another too"
    assert not pacing.matters({"turkey": -12, "eu": 0}, "turkey"), "a breach for nothing"
    assert not pacing.matters({"turkey": 2, "eu": -2}, "turkey"), "too small to matter"


def test_each_lively_day_names_a_choice_that_moves_a_score_by_three():
    scenario = load_scenario("moscow-2020")
    match = Match(scenario, 4, {})
    match.run()
    days = pacing.days(scenario, 4, match.state.log)
    assert {d.turn for d in days} == {3, 4, 5} and {d.seat for d in days} == set(scenario.seat_ids)
    state = Match(scenario, 4, {}).state
    checked = 0
    for seat, action in match.state.log:
        if state.phase == "moves" and not state.chosen and state.turn >= pacing.FIRST_COUNTED_DAY:
            projector = Projector(state)
            for day in (d for d in days if d.turn == state.turn and d.why.startswith("could make")):
                move_id = day.why.split()[2].rstrip(":")
                assert pacing.matters(projector.changes(making(day.seat, move_id)), day.seat), day
                checked += 1
        state.replay(seat, action)
    assert checked
