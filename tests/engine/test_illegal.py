"""Every kind of illegal action: refused with a message a player can act on, nothing changed."""

from __future__ import annotations

from functools import lru_cache

import pytest
from turns import P1, end_talks, first, until

from game.ai.randomplay import play_random
from game.catalog import load_scenario
from game.engine import DONE, Action, Game, IllegalAction, accept, move, propose, reject, statement, withdraw

load = lru_cache(maxsize=None)(load_scenario)


def fresh(scenario_id="moscow-2020", seed=3):
    return Game(load(scenario_id), seed).new_state()


def refused(state, seat, action, *fragments):
    """Apply an illegal action: it raises, says each fragment, and leaves the state as it was."""
    before, log, events = state.digest(), len(state.log), len(state.events)
    with pytest.raises(IllegalAction) as err:
        state.apply(seat, action)
    message = str(err.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    assert state.digest() == before and len(state.log) == log and len(state.events) == events
    return message




def hold_all(state):
    for seat in list(state.to_move()):
        state.apply(seat, move("hold"))


CEASEFIRE = {"ceasefire": "full"}


# -- whose turn ----------------------------------------------------------------

def test_not_your_turn_names_who_the_table_waits_for():
    state = fresh()
    assert state.to_move() == ["turkey"]
    refused(state, "russia", DONE, "not Russia's turn", "waiting for Turkey")
    refused(state, "syria", propose(["syria", "turkey"], {"ceasefire": "local"}), "not Syrian government's turn")


def test_unknown_seat():
    refused(fresh(), "atlantis", DONE, "no seat 'atlantis'")


def test_acting_after_the_summit_is_over():
    state = play_random(load("moscow-2020"), 11)
    assert state.is_over()
    refused(state, "turkey", DONE, "summit is over")
    refused(state, "russia", move("hold"), "summit is over")


# -- packages ----------------------------------------------------------------------

def test_unknown_issue_in_a_proposal_or_a_statement():
    state = fresh()
    refused(state, "turkey", propose(["turkey", "russia"], {"kurdish_autonomy": "yes"}),
            "no issue 'kurdish_autonomy'")
    refused(state, "turkey", statement("kurdish_autonomy", "yes"), "no issue 'kurdish_autonomy'")


def test_unknown_option_lists_the_options_there_are():
    state = fresh()
    refused(state, "turkey", propose(["turkey", "russia"], {"ceasefire": "eternal"}),
            "'eternal' is not an option of \u201cCeasefire in Idlib\u201d", "none, local, full")
    refused(state, "turkey", propose(["turkey", "russia"], {"corridor_km": 7}), "'7' is not an option")
    refused(state, "turkey", statement("ceasefire", "eternal"), "'eternal' is not an option")


def test_a_party_that_is_not_at_the_table():
    refused(fresh(), "turkey", propose(["turkey", "russia", "iran"], CEASEFIRE), "no seat 'iran' at this table")


def test_a_proposal_missing_a_signatory_names_it():
    state = fresh()
    refused(state, "turkey", propose(["turkey", "russia"], {"border_to_greece": "managed"}),
            "\u201cTurkey's border with Greece\u201d needs EU and Greece among the parties")
    refused(state, "turkey", propose(["turkey", "syria"], CEASEFIRE), "needs Russia")


def test_a_proposal_without_its_proposer_or_with_a_party_twice():
    state = fresh()
    refused(state, "turkey", propose(["russia", "eu"], {"ceasefire": "local"}), "you must be one of the parties")
    refused(state, "turkey", propose(["turkey", "russia", "russia"], CEASEFIRE), "listed twice")


def test_an_expiry_outside_the_game():
    refused(fresh(), "turkey", propose(["turkey", "russia"], CEASEFIRE, expires=9), "turn 1 to 5, not 9")


def test_an_issue_not_yet_on_the_table():
    state = fresh("sochi-2008")
    refused(state, "russia", propose(["russia", "israel"], {"strategic_dialogue": "yes"}),
            "\u201cRussia–Israel strategic dialogue\u201d is not on the table now")


def test_too_many_proposals_in_one_slot():
    state = fresh()
    state.apply("turkey", propose(["turkey", "russia"], CEASEFIRE))
    state.apply("turkey", propose(["turkey", "russia"], {"joint_patrols": "yes"}))
    refused(state, "turkey", propose(["turkey", "russia"], {"corridor_km": 6}), "2 proposals a round",
            "end your round")


def test_too_many_open_proposals():
    state = fresh()
    for k, option in enumerate(["0", "2", "4", "6"]):
        if k == 2:
            end_talks_round(state, "turkey")
        state.apply("turkey", propose(["turkey", "russia"], {"corridor_km": option}))
    end_talks_round(state, "turkey")
    refused(state, "turkey", propose(["turkey", "russia"], {"corridor_km": "8"}), "4 open proposals",
            "withdraw one first")


def end_talks_round(state, seat):
    state.apply(seat, DONE)
    until(state, seat)


def test_a_second_statement_the_same_day():
    state = fresh()
    state.apply("turkey", statement("ceasefire", "full"))
    refused(state, "turkey", statement("ceasefire", "local"), "already made a public statement today")


# -- answers -----------------------------------------------------------------------

def offered(public=False, parties=("turkey", "russia"), terms=CEASEFIRE):
    state = fresh()
    state.apply("turkey", propose(parties, terms, public=public))
    return state


def test_answering_a_private_proposal_you_are_not_party_to():
    state = offered()
    until(state, "syria")
    refused(state, "syria", accept(first(state)), f"no proposal '{first(state)}' addressed to you")
    refused(state, "syria", reject(first(state)), f"no proposal '{first(state)}' addressed to you")


def test_answering_a_public_proposal_you_are_not_party_to():
    state = offered(public=True)
    until(state, "syria")
    refused(state, "syria", accept(first(state)), f"you are not a party to proposal {first(state)}")


def test_accepting_your_own_proposal():
    state = offered()
    refused(state, "turkey", accept(first(state)), f"{first(state)} is your own", "withdraw it instead")


def test_accepting_twice():
    state = offered(parties=("turkey", "russia", "eu"))
    until(state, "russia")
    state.apply("russia", accept(first(state)))
    refused(state, "russia", accept(first(state)), f"already accepted proposal {first(state)}")


def test_answering_an_expired_proposal():
    state = offered()
    end_talks(state)
    hold_all(state)
    assert state.turn == 2
    until(state, "russia")
    refused(state, "russia", accept(first(state)), f"{first(state)} is expired", "can no longer be answered")


def test_answering_a_rejected_proposal():
    state = offered(parties=("turkey", "russia", "eu"))
    until(state, "russia")
    state.apply("russia", reject(first(state), "not enough"))
    refused(state, "russia", accept(first(state)), f"{first(state)} is rejected")
    until(state, "eu")
    refused(state, "eu", accept(first(state)), f"{first(state)} is rejected")


def test_answering_a_withdrawn_proposal():
    state = offered()
    state.apply("turkey", withdraw(first(state)))
    until(state, "russia")
    refused(state, "russia", accept(first(state)), f"{first(state)} is withdrawn")
    countered = Action.from_dict({"type": "counter", "proposal": first(state), "terms": {"ceasefire": "local"}})
    refused(state, "russia", countered, f"{first(state)} is withdrawn")


def test_withdrawing_someone_elses_proposal_or_a_closed_one():
    state = offered()
    until(state, "russia")
    refused(state, "russia", withdraw(first(state)), f"no proposal '{first(state)}' of yours to withdraw")
    state.apply("russia", reject(first(state)))
    until(state, "turkey")
    refused(state, "turkey", withdraw(first(state)), f"{first(state)} is rejected", "can no longer be withdrawn")


def test_answering_a_proposal_that_does_not_exist():
    refused(fresh(), "turkey", accept("p99"), "no proposal 'p99'")


# -- phases and moves ------------------------------------------------------------------

def test_a_move_during_talks():
    refused(fresh(), "turkey", move("spring_shield"), "moves are chosen after today's talks")


def test_talk_actions_during_moves():
    state = fresh()
    end_talks(state)
    for action in (DONE, propose(["turkey", "russia"], CEASEFIRE), statement("ceasefire", "full")):
        refused(state, "turkey", action, "today's talks are over", "choose your move")


def test_a_move_that_belongs_to_another_seat():
    state = fresh()
    end_talks(state)
    refused(state, "turkey", move("air_campaign"), "'air_campaign' belongs to Russia")
    refused(state, "turkey", move("invade_rhodes"), "no move 'invade_rhodes'")


def test_a_move_whose_requirement_does_not_hold():
    # Saraqib is contested on day 1: nobody can counter-attack a town the government does not hold.
    state = fresh()
    end_talks(state)
    assert "retake_saraqib" not in [a.move for a in state.legal_actions("rebels")]
    refused(state, "rebels", move("retake_saraqib"), "Counter-attack at Saraqib is not available now")


def test_a_move_ruled_out_by_a_signed_ceasefire():
    state = offered()
    until(state, "russia")
    state.apply("russia", accept(first(state)))
    end_talks(state)
    assert "m4_offensive" not in [a.move for a in state.legal_actions("syria")]
    refused(state, "syria", move("m4_offensive"), "Push west along the M4 is not available now")


def test_choosing_twice():
    state = fresh()
    end_talks(state)
    state.apply("turkey", move("hold"))
    refused(state, "turkey", move("spring_shield"), "already chosen your move for today")


# -- malformed actions -------------------------------------------------------------------

@pytest.mark.parametrize("data, fragment", [
    ("done", "a mapping with a 'type'"),
    ({"kind": "done"}, "unknown action type None"),
    ({"type": "dance"}, "unknown action type 'dance'"),
    ({"type": "done", "seat": "turkey"}, "a done action takes no seat"),
    ({"type": "accept", "proposal": P1, "colour": "red"}, "takes no colour"),
    ({"type": "propose", "parties": ["turkey", "russia"], "terms": ["ceasefire", "full"]}, "terms must map"),
    ({"type": "propose", "parties": ["turkey", "russia"], "terms": {}}, "terms must map"),
    ({"type": "propose", "parties": ["turkey", "russia"], "terms": {"ceasefire": 1.5}}, "1.5 is not an option"),
    ({"type": "propose", "parties": ["turkey", "russia"], "terms": {"ceasefire": None}}, "None is not an option"),
    ({"type": "propose", "parties": "turkey", "terms": CEASEFIRE}, "parties must be a list of seat ids"),
    ({"type": "propose", "parties": ["turkey", 7], "terms": CEASEFIRE}, "parties must be a list of seat ids"),
    ({"type": "propose", "parties": ["turkey", "russia"], "terms": CEASEFIRE, "expires": "3"}, "turn number"),
    ({"type": "propose", "parties": ["turkey", "russia"], "terms": CEASEFIRE, "public": 1}, "true or false"),
    ({"type": "statement", "issue": ["ceasefire"], "option": "full"}, "issue must be text"),
    ({"type": "propose", "parties": ["turkey"], "terms": CEASEFIRE}, "at least two parties"),
    ({"type": "propose", "parties": [], "terms": CEASEFIRE}, "you must be one of the parties"),
])
def test_malformed_actions(data, fragment):
    refused(fresh(), "turkey", data, fragment)


@pytest.mark.parametrize("fields, fragment", [
    ({"type": "dance"}, "unknown action type 'dance'"),
    ({"type": "propose", "parties": ("turkey", "russia"), "terms": (("ceasefire", "full"), ("ceasefire", "none"))},
     "names each issue once"),
    ({"type": "accept", "proposal": P1, "move": "hold"}, "an accept action takes no move"),
    ({"type": "propose", "parties": ["turkey", "russia"], "terms": (("ceasefire", "full"),)}, "list of seat ids"),
    ({"type": "statement", "issue": "ceasefire", "option": 3}, "option must be text"),
    ({"type": "propose", "parties": ("turkey", "russia"), "terms": (("ceasefire", "full"),), "expires": True},
     "turn number"),
])
def test_a_hand_built_action_meets_the_same_rules_as_plain_data(fields, fragment):
    with pytest.raises(IllegalAction, match=fragment):
        Action(**fields)


def test_a_hand_built_package_is_played_and_logged_as_its_plain_data_would_be():
    by_hand = Action("propose", parties=("turkey", "russia"), terms=(("corridor_km", "6"), ("ceasefire", "full")))
    as_data = propose(["turkey", "russia"], {"ceasefire": "full", "corridor_km": "6"})
    state, twin = fresh(), fresh()
    assert state.apply("turkey", by_hand) == twin.apply("turkey", as_data)
    assert state.digest() == twin.digest()


def test_a_refused_action_leaves_play_exactly_as_if_it_never_happened():
    state, twin = fresh(seed=5), fresh(seed=5)
    steps = [
        ("turkey", propose(["turkey", "russia"], CEASEFIRE), [("turkey", accept(P1)), ("turkey", move("hold"))]),
        ("turkey", DONE, [("turkey", accept(P1)), ("russia", accept(P1))]),
        ("russia", accept(P1), [("russia", withdraw(P1)), ("russia", {"type": "dance"})]),
        ("russia", DONE, [("russia", accept(P1)), ("russia", statement("ceasefire", "maybe"))]),
        ("syria", DONE, [("syria", accept(P1)), ("syria", move("m4_offensive"))]),
    ]
    for seat, action, illegal in steps:
        for bad_seat, bad in illegal:
            refused(state, bad_seat, bad)
        assert state.apply(seat, action) == twin.apply(seat, action)
        assert state.digest() == twin.digest()
    assert state.outcome() == {"ceasefire": "full"}


# -- edges of the API: what a program (not the desktop client) might pass in ------------------

@pytest.mark.parametrize("seat", [["turkey"], {"turkey": 1}, 7, None, b"turkey"],
                         ids=["list", "dict", "int", "none", "bytes"])
def test_a_seat_that_is_not_text_is_an_illegal_action(seat):
    refused(fresh(), seat, DONE, "a seat is named by its id, as text")
    assert fresh().legal_actions(seat) == []


def test_an_unknown_seat_is_quoted_short_in_the_refusal():
    message = refused(fresh(), "x" * 100_000 + "\x1b[2J", DONE, "there is no seat 'xxxx")
    assert len(message) < 120 and "\x1b" not in message


@pytest.mark.parametrize("data, fragment", [
    ({"type": "propose", "parties": ["turkey", "russia"], "terms": CEASEFIRE, "reason": "r" * 5_000_000},
     "reason is 5,000,000 characters; the most an action takes is 4,000"),
    ({"type": "reject", "proposal": P1, "reason": "no\x00"}, "reason holds a control character"),
    ({"type": "reject", "proposal": P1, "reason": "no\x1b[31m"}, "reason holds a control character"),
    ({"type": "statement", "issue": "ceasefire", "option": "f" * 100_000}, "option is 100,000 characters"),
    ({"type": "accept", "proposal": "p" * 1000}, "proposal is 1,000 characters"),
    ({"type": "propose", "parties": ["turkey", "r" * 500], "terms": CEASEFIRE}, "parties is 500 characters"),
    ({"type": "move", "move": "hold\x00"}, "move holds a control character"),
    ({"type": "t" * 10_000}, "unknown action type 'tttt"),
    ({"type": "done", 3: "x", "colour": 1}, "a done action takes no 3, colour"),
])
def test_free_text_in_an_action_is_bounded(data, fragment):
    message = refused(fresh(), "turkey", data, fragment)
    assert len(message) < 200


def test_a_long_reason_within_the_limit_is_kept_whole():
    state = fresh()
    reason = "We need this. " * 280
    state.apply("turkey", propose(["turkey", "russia"], CEASEFIRE, reason=reason.strip()))
    assert state.observation("russia")["proposals"][0]["note"] == reason.strip()
