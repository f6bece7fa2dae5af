"""The tag under a move's name says what kind of act it is in words that fit every move of that kind."""

from __future__ import annotations

from game.catalog import load_scenario
from game.engine import Game, public_info
from game.present.table import Words, move_card


def _cards(scenario_id, seat):
    scenario = load_scenario(scenario_id)
    public = public_info(scenario)
    obs = Game(scenario, 1).new_state().observation(seat)
    return {mv["id"]: move_card(Words(public, seat), obs, mv, None) for mv in public["moves"] if mv["seat"] == seat}


def test_tartus_moves_carry_no_border_tag():
    cards = _cards("sochi-2008", "syria")
    tartus = [c for c in cards.values() if "Tartus" in c["name"]]
    assert tartus
    assert all("border" not in c["kind"] for c in tartus)


def test_kinds_that_say_something_keep_a_tag_and_no_kind_shows_as_a_code():
    for scenario_id, seat in (("moscow-2020", "turkey"), ("moscow-2020", "russia"), ("sochi-2008", "syria")):
        for card in _cards(scenario_id, seat).values():
            assert "_" not in card["kind"] and "other" not in card["kind"].split(" \u00b7 ")
    turkey = _cards("moscow-2020", "turkey")
    assert any("strike" in c["kind"] for c in turkey.values())
    assert any("arms shipment" in c["kind"] for c in turkey.values())
