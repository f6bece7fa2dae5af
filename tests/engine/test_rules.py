"""The rules on the real scenarios: signing, renegotiating, breaking, backing down, seeing, the clock."""

from __future__ import annotations

import copy
import dataclasses
from functools import lru_cache

import pytest
from turns import end_talks, first, until

from game.catalog import load_scenario
from game.engine import Game, IllegalAction, accept, move, propose, reject, statement
from game.scenario.model import Event
from game.scenario.vocabulary import CloseIssue

load = lru_cache(maxsize=None)(load_scenario)
TR = ("turkey", "russia")


def fresh(scenario_id="moscow-2020", seed=1, scenario=None):
    return Game(scenario or load(scenario_id), seed).new_state()




def play_moves(state, chosen=None):
    """Every seat moves (hold unless `chosen` says otherwise); the day resolves."""
    chosen = chosen or {}
    for seat in list(state.to_move()):
        state.apply(seat, move(chosen.get(seat, "hold")))


def sign(state, terms, parties=TR, by="turkey"):
    """`by` proposes in its slot; every other party accepts in its own; returns the events of the last."""
    until(state, by)
    state.apply(by, propose(parties, terms))
    pid = state.observation(by)["proposals"][-1]["id"]
    events = []
    for seat in parties:
        if seat != by:
            until(state, seat)
            events = state.apply(seat, accept(pid))
    return events


def news(state, seat, kind):
    return [e for e in state.observation(seat)["news"] if e["kind"] == kind]


def stat(state, seat, name):
    return state.observation(seat)["stats"][seat][name]


def trust(state, a, b):
    return state.observation(a)["trust"][a][b]


# -- agreements ----------------------------------------------------------------------

def test_a_package_accepted_by_all_parties_becomes_an_agreement_and_the_outcome():
    state = fresh()
    events = sign(state, {"ceasefire": "full", "joint_patrols": "yes"})
    assert [e["kind"] for e in events] == ["accept", "agreement"]
    assert state.outcome() == {"ceasefire": "full", "joint_patrols": "yes"}
    for seat in state.game.scenario.seat_ids:
        obs = state.observation(seat)
        assert obs["settled"] == {"ceasefire": "full", "joint_patrols": "yes"}
        [agreement] = obs["agreements"]
        assert agreement["parties"] == ["turkey", "russia"] and agreement["live"] == ["ceasefire", "joint_patrols"]


def test_the_last_acceptance_of_a_three_party_package_signs_it():
    state = fresh()
    until(state, "turkey")
    state.apply("turkey", propose(("turkey", "russia", "eu"), {"ceasefire": "local", "eu_refugee_funds": 3}))
    until(state, "russia")
    state.apply("russia", accept(first(state)))
    assert state.outcome() == {}
    until(state, "eu")
    assert [e["kind"] for e in state.apply("eu", accept(first(state)))] == ["accept", "agreement"]
    assert state.outcome() == {"ceasefire": "local", "eu_refugee_funds": "3"}


def test_renegotiation_supersedes_only_the_issues_it_settles():
    state = fresh()
    sign(state, {"ceasefire": "local", "joint_patrols": "yes"})
    sign(state, {"ceasefire": "none"})
    assert state.outcome() == {"ceasefire": "none", "joint_patrols": "yes"}
    first, second = state.observation("eu")["agreements"]
    assert first["live"] == ["joint_patrols"] and second["live"] == ["ceasefire"]
    # The superseded ceasefire no longer binds Turkey; the patrols still bind Russia.
    end_talks(state)
    play_moves(state, {"turkey": "spring_shield", "russia": "air_campaign"})
    breaches = state.observation("eu")["breaches"]
    assert [(b["seat"], b["issue"], b["move"]) for b in breaches] == [("russia", "joint_patrols", "air_campaign")]


def test_an_agreement_superseded_on_every_issue_is_no_longer_in_force():
    state = fresh()
    sign(state, {"ceasefire": "local"})
    sign(state, {"ceasefire": "none"})
    first, _ = state.observation("turkey")["agreements"]
    assert first["live"] == []
    end_talks(state)
    play_moves(state, {"russia": "air_campaign"})
    assert state.observation("turkey")["breaches"] == []


def breach_day(sign_it):
    state = fresh(seed=4)
    until(state, "turkey")
    state.apply("turkey", propose(TR, {"ceasefire": "local"}))
    until(state, "russia")
    state.apply("russia", accept(first(state)) if sign_it else reject(first(state)))
    end_talks(state)
    play_moves(state, {"russia": "air_campaign"})
    return state


def test_a_forbidden_move_breaks_the_agreement_for_all_to_see():
    broke, control = breach_day(True), breach_day(False)
    assert stat(broke, "russia", "standing") < stat(control, "russia", "standing") - 8
    assert stat(broke, "russia", "domestic") < stat(control, "russia", "domestic")
    assert trust(broke, "turkey", "russia") <= trust(control, "turkey", "russia") - 20
    assert trust(broke, "eu", "russia") == trust(control, "eu", "russia"), "only the parties lose trust"
    for seat in broke.game.scenario.seat_ids:
        obs = broke.observation(seat)
        assert [(b["seat"], b["issue"], b["move"]) for b in obs["breaches"]] == \
            [("russia", "ceasefire", "air_campaign")]
        [event] = news(broke, seat, "breach")
        assert event["text"].startswith("Russia broke the day 1 agreement on \u201cCeasefire in Idlib\u201d: ")
    scores = broke.scores()
    assert scores["russia"]["breaches"] == 1 and scores["russia"]["integrity"] < 0
    assert scores["turkey"]["breaches"] == 0 and scores["turkey"]["integrity"] == 0


def test_a_breach_is_recorded_but_the_move_still_happens():
    broke, control = breach_day(True), breach_day(False)
    moved = [m for m in broke.observation("syria")["moves"] if m[1] == "russia"]
    assert moved == [[1, "russia", "air_campaign"]]
    assert broke.observation("syria")["tracks"] == control.observation("syria")["tracks"]


def test_kept_obligations_build_trust_between_the_parties():
    kept, control = breach_day(True), breach_day(False)
    # Turkey held through the day, so Russia trusts it more than without the deal.
    assert trust(kept, "russia", "turkey") == trust(control, "russia", "turkey") + 2
    [event] = news(kept, "eu", "kept")
    assert event["seats"] == ["turkey"]
    both = fresh(seed=4)
    sign(both, {"ceasefire": "local"})
    base = fresh(seed=4)
    for state in (both, base):
        end_talks(state)
        play_moves(state)
    assert trust(both, "russia", "turkey") == trust(base, "russia", "turkey") + 2
    assert trust(both, "turkey", "russia") == trust(base, "turkey", "russia") + 2
    assert news(both, "syria", "kept")[0]["seats"] == ["russia", "turkey"]


def stated_then_signed(option):
    state = fresh(seed=2)
    until(state, "turkey")
    state.apply("turkey", statement("ceasefire", "full"))
    sign(state, {"ceasefire": option})
    return state


def test_signing_less_than_you_demanded_in_public_costs_support_at_home():
    backed_down, held_firm = stated_then_signed("local"), stated_then_signed("full")
    assert stat(backed_down, "turkey", "domestic") == stat(held_firm, "turkey", "domestic") - 6
    assert stat(backed_down, "turkey", "standing") < stat(held_firm, "turkey", "standing")
    assert trust(backed_down, "russia", "turkey") < trust(held_firm, "russia", "turkey")
    assert [(r["seat"], r["issue"]) for r in backed_down.observation("eu")["reversals"]] == [("turkey", "ceasefire")]
    assert held_firm.observation("eu")["reversals"] == []
    assert "backed down from a public stand on" in news(backed_down, "rebels", "reversal")[0]["text"]
    assert backed_down.scores()["turkey"]["reversals"] == 1
    # Russia said nothing in public, so signing costs it nothing at home.
    assert stat(backed_down, "russia", "domestic") == stat(held_firm, "russia", "domestic")


def test_a_statement_wins_nothing_by_itself():
    state = fresh()
    before = state.scores()
    stats = stat(state, "turkey", "domestic"), stat(state, "turkey", "standing")
    state.apply("turkey", statement("ceasefire", "full"))
    assert state.scores() == before
    assert (stat(state, "turkey", "domestic"), stat(state, "turkey", "standing")) == stats
    assert news(state, "syria", "statement")[0]["option"] == "full"


# -- who sees what ---------------------------------------------------------------------

def test_a_private_proposal_is_invisible_to_others_until_signed():
    state = fresh()
    state.apply("turkey", propose(TR, {"ceasefire": "local"}, reason="a quiet word"))
    for outsider in ("syria", "eu", "us_nato", "rebels"):
        obs = state.observation(outsider)
        assert obs["proposals"] == [] and news(state, outsider, "proposal") == []
        assert "a quiet word" not in str(obs)
    assert [p["id"] for p in state.observation("russia")["proposals"]] == [first(state)]
    assert news(state, "russia", "proposal")[0]["proposal"] == first(state)
    until(state, "russia")
    state.apply("russia", accept(first(state)))
    obs = state.observation("syria")
    assert obs["settled"] == {"ceasefire": "local"} and news(state, "syria", "agreement")
    assert news(state, "syria", "accept") == []


def test_a_public_proposal_is_seen_by_everyone():
    state = fresh()
    state.apply("turkey", propose(TR, {"ceasefire": "local"}, public=True))
    for seat in state.game.scenario.seat_ids:
        assert [p["id"] for p in state.observation(seat)["proposals"]] == [first(state)]


def test_moves_stay_secret_until_revealed():
    state = fresh()
    end_talks(state)
    state.apply("russia", move("air_campaign"))
    assert state.observation("russia")["my_move"] == "air_campaign"
    for seat in ("turkey", "syria", "eu"):
        obs = state.observation(seat)
        assert obs["my_move"] is None and obs["chosen"] == ["russia"]
        assert "air_campaign" not in str(obs["news"])
    play_moves(state)
    assert [1, "russia", "air_campaign"] in state.observation("eu")["moves"]


# -- the clock -----------------------------------------------------------------------------

def test_proposals_expire_at_the_end_of_their_last_turn():
    state = fresh()
    state.apply("turkey", propose(TR, {"ceasefire": "local"}))
    state.apply("turkey", propose(TR, {"ceasefire": "full"}, expires=2))
    p2 = list(state.proposals)[-1]
    end_talks(state)
    status = {p["id"]: p["status"] for p in state.facilitator_view()["proposals"]}
    assert status == {first(state): "expired", p2: "open"}
    assert [e["proposal"] for e in news(state, "russia", "expired")] == [first(state)]
    play_moves(state)
    until(state, "russia")
    with pytest.raises(IllegalAction, match=f"{first(state)} is expired"):
        state.apply("russia", accept(first(state)))
    state.apply("russia", accept(p2))
    assert state.outcome() == {"ceasefire": "full"}


def test_scheduled_events_fire_on_their_turn():
    state = fresh()
    assert state.observation("turkey")["regions"]["saraqib_area"] == ""
    assert [e["event"] for e in news(state, "eu", "news")] == ["su24s_downed", "akar_no_clash",
                                                              "nato_article4_meets", "hezbollah_losses"]
    displaced = state.observation("eu")["tracks"]["displaced"]
    end_talks(state)
    play_moves(state)
    assert state.turn == 2
    assert state.observation("turkey")["regions"]["saraqib_area"] == "syria"
    assert state.observation("eu")["tracks"]["displaced"] == displaced + 15
    day2 = [e for e in news(state, "rebels", "news") if e["turn"] == 2]
    assert [e["event"] for e in day2] == ["saraqib_falls_again"]
    assert "retake_saraqib" in [a.move for a in _moves_now(state, "rebels")]


def _moves_now(state, seat):
    twin = state.clone()
    end_talks(twin)
    return twin.legal_actions(seat)


def test_an_event_puts_an_issue_on_the_table():
    state = fresh("sochi-2008")
    for turn in (1, 2, 3):
        assert state.turn == turn
        open_now = "strategic_dialogue" in state.proposal_space(state.to_move()[0])["issues"]
        assert open_now == (turn == 3)
        if turn < 3:
            end_talks(state)
            play_moves(state)
    until(state, "russia")
    state.apply("russia", propose(("russia", "israel"), {"strategic_dialogue": "yes"}))
    assert state.observation("israel")["proposals"][-1]["terms"] == {"strategic_dialogue": "yes"}


def test_the_game_ends_after_the_summit_turn_and_unsigned_is_not_agreed():
    state = fresh()
    state.apply("turkey", propose(TR, {"ceasefire": "full"}, expires=5))
    summit = state.game.scenario.calendar.summit_turn
    for turn in range(1, summit + 1):
        assert state.turn == turn and not state.is_over()
        end_talks(state)
        play_moves(state)
    assert state.is_over() and state.turn == summit and state.to_move() == []
    assert state.outcome() == {}
    assert state.facilitator_view()["proposals"][0]["status"] == "expired"
    assert state.facilitator_view()["news"][-1]["kind"] == "over"
    assert all(state.legal_actions(s) == [] for s in state.game.scenario.seat_ids)


def test_an_offer_whose_issue_leaves_the_table_can_still_be_turned_down():
    scen = load("moscow-2020")
    closing = Event(id="patrols_off", title="Patrols off the agenda", text="Moscow drops the patrols.",
                    source=scen.sources[0].id, effects=(CloseIssue("joint_patrols"),),
                    turn=2)
    state = fresh(scenario=dataclasses.replace(scen, events=scen.events + (closing,)))
    state.apply("turkey", propose(TR, {"joint_patrols": "yes"}, expires=3))
    end_talks(state)
    play_moves(state)
    assert "joint_patrols" not in state.observation("russia")["open_issues"]
    until(state, "russia")
    legal = state.legal_actions("russia")
    assert [a.type for a in legal if a.proposal == first(state)] == ["reject"]
    with pytest.raises(IllegalAction, match="no longer on the table"):
        state.apply("russia", accept(first(state)))
    for action in legal:
        state.clone().apply("russia", action)
    state.apply("russia", reject(first(state), "moot"))
    assert state.facilitator_view()["proposals"][0]["status"] == "rejected"


def test_observations_views_and_events_are_copies_that_share_nothing_with_the_game():
    state = fresh()
    events = state.apply("turkey", propose(TR, {"ceasefire": "local"}))
    before = copy.deepcopy(state.facilitator_view())
    obs, view = state.observation("turkey"), state.facilitator_view()
    for record in obs["news"] + view["news"] + events:
        for value in record.values():
            if isinstance(value, list):
                value.append("tampered")
    for _, action in view["log"]:
        action["terms"]["ceasefire"] = "full"
        action["parties"].clear()
    obs["proposals"][0]["parties"].append("eu")
    assert state.facilitator_view() == before
    until(state, "russia")
    state.apply("russia", accept(first(state)))
    assert state.outcome() == {"ceasefire": "local"}
