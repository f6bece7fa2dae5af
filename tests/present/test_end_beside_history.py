"""The browser's end view sets the table beside history as closeness to history counts it: an issue the
summit left open and the table left unsigned is the same, and history's column never names an option
the summit did not settle."""

import pytest

from game.catalog import load_scenario
from game.engine import history_comparison
from game.engine.views import public_info
from game.match import Match
from game.par import ratings
from game.present.seatview import result_view


def _played(scenario, seed):
    match = Match(scenario, seed, {s: "normal" for s in scenario.seat_ids})
    while not match.state.is_over():
        seat = match.ai_to_move()
        match.state.apply(seat, match.decide(seat))
    return match.state


@pytest.mark.parametrize("scenario_id", ["moscow-2020", "sochi-2008"])
def test_the_end_view_agrees_with_closeness_to_history(scenario_id):
    scenario = load_scenario(scenario_id)
    public = public_info(scenario)
    for seed in range(3):
        state = _played(scenario, seed)
        scores = state.scores()
        comparison = history_comparison(state)
        view = result_view(public, {"scores": scores, "history": comparison, "par": ratings(scenario, scores)},
                           scenario.seat_ids[0])
        rows = {row["name"]: row for row in comparison["issues"]}
        assert [c["issue"] for c in view["compare"]] == list(rows)
        for shown in view["compare"]:
            row = rows[shown["issue"]]
            assert shown["same"] == (row["distance"] == 0)
            if row["settled"] == "open":
                assert shown["history"] == "left open"
                assert shown["same"] == (not row["signed"])
            else:
                assert shown["history"] != "left open"
            assert shown["verdict"], "every issue says how it is measured"
