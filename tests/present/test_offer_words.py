"""An offer card's words fit whoever reads it: the proposer's own note is not 'They say'."""

from __future__ import annotations

from game.catalog import load_scenario
from game.engine import public_info
from game.match import Match
from game.present.table import Words, offer_card


def test_the_note_with_an_offer_is_yours_to_its_proposer_and_theirs_to_everyone_else():
    scenario = load_scenario("moscow-2020")
    match = Match(scenario, 5, {s: ("human" if s in ("turkey", "eu") else "normal") for s in scenario.seat_ids})
    match.step_ai()
    assert match.human_to_move() == "turkey"
    match.act("turkey", {"type": "propose", "parties": ["turkey", "eu"], "public": True,
                         "terms": {"border_to_greece": "managed", "eu_refugee_funds": "3"},
                         "reason": "Managed border for 3 billion."})
    public = public_info(scenario)
    said = {}
    for seat in ("turkey", "eu", "russia"):
        obs = match.state.observation(seat)
        mine = [p for p in obs["proposals"] if p["proposer"] == "turkey" and p["note"]]
        assert len(mine) == 1, obs["proposals"]
        said[seat] = [n["text"] for n in offer_card(Words(public, seat), obs["proposals"], mine[0])["notes"]]
    assert said["turkey"] == ["You say: \u201cManaged border for 3 billion.\u201d"]
    assert said["eu"] == said["russia"] == ["They say: \u201cManaged border for 3 billion.\u201d"]
