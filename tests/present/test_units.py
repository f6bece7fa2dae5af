"""A figure and its unit agree: one call, two calls."""

from __future__ import annotations

from game.catalog import load_scenario
from game.engine import Game, public_info
from game.present.seatview import seat_view
from game.scenario.vocabulary import Names, condition_from_data
from game.scenario.wording import amount


def _tracks(value):
    scenario = load_scenario("sochi-2008")
    public = public_info(scenario)
    state = Game(scenario, 1).new_state()
    obs = state.observation("syria")
    obs["tracks"]["russian_warship_visits"] = value
    view = seat_view(public, obs, "syria", [], state.proposal_space("syria"), {}, [])
    return {t["name"]: t["value"] for t in view["tracks"]}


def test_a_track_at_one_reads_in_the_singular_and_any_other_figure_in_the_plural():
    name = "Russian warship calls at Tartus since the war"
    assert _tracks(1)[name] == "1 call"
    assert _tracks(0)[name] == "0 calls"
    assert _tracks(2)[name] == "2 calls"


def test_amounts_agree_with_their_unit_and_a_phrase_is_left_as_it_is():
    assert amount(1, "soldiers") == "1 soldier"
    assert amount(1, "batteries") == "1 battery"
    assert amount(1200, "soldiers") == "1,200 soldiers"
    assert amount(1, "USD million") == "1 USD million"
    assert amount(7, "") == "7"


def test_a_condition_on_a_track_says_its_bound_with_the_unit_agreeing():
    names = Names.of_public(public_info(load_scenario("sochi-2008")))

    def said(args):
        return condition_from_data({"kind": "track", "args": {"track": "russian_warship_visits", **args},
                                    "children": []}).words(names)
    assert said({"at_least": 1}).endswith("is at least 1 call")
    assert said({"at_least": 2}).endswith("is at least 2 calls")
    assert said({"at_least": 1, "at_most": 1}).endswith("is 1 call")
