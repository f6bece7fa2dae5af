"""Choices that should not surprise a player: who can still answer an offer before it lapses."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from game.ai.randomplay import random_action
from game.catalog import load_scenario
from game.engine import DONE, Game, public_info
from game.present.table import Words, lapse_warning, move_card, requires_text

load = lru_cache(maxsize=None)(load_scenario)


def test_the_seats_that_speak_again_today_are_exactly_those_with_a_turn_left():
    scenario = load("moscow-2020")
    state = Game(scenario, 3).new_state()
    rng = np.random.default_rng(3)
    checked = 0
    while not state.is_over() and checked < 400:
        if state.phase == "talks":
            expected = set()
            probe = state.clone()
            speaker = probe.to_move()[0]
            # End every turn until the day's talks are over, noting who still speaks.
            while probe.phase == "talks" and probe.turn == state.turn:
                probe.apply(probe.to_move()[0], DONE)
                if probe.phase == "talks" and probe.turn == state.turn:
                    expected.add(probe.to_move()[0])
            said = set(state.proposal_space(speaker)["speak_again_today"])
            assert said == expected, (state.turn, state.round, state.slot)
            checked += 1
        seat = state.to_move()[0]
        state.apply(seat, random_action(state, seat, rng))
    assert checked > 30


def test_an_offer_some_parties_cannot_answer_before_it_lapses_is_flagged_before_it_is_sent():
    scenario = load("moscow-2020")
    state = Game(scenario, 1).new_state()
    while state.round < scenario.calendar.talk_rounds or state.slot < 2:
        state.apply(state.to_move()[0], DONE)
    me = state.to_move()[0]
    space = state.proposal_space(me)
    words = Words(public_info(scenario), me)
    spoken = [s for s in scenario.seat_ids if s != me and s not in space["speak_again_today"]]
    waiting = [s for s in space["speak_again_today"] if s != me]
    assert spoken and waiting
    warning = lapse_warning(words, space, [me, spoken[0]], state.turn, state.turn)
    assert scenario.seat(spoken[0]).name in warning and "lapses unanswered" in warning
    assert lapse_warning(words, space, [me, spoken[0]], state.turn + 1, state.turn) == ""
    assert lapse_warning(words, space, [me, waiting[0]], state.turn, state.turn) == ""


def test_a_move_that_is_not_available_says_why():
    """Every move the rules refuse now says so and names its condition, as the scenario sets it."""
    said = 0
    for scenario_id in ("moscow-2020", "sochi-2008"):
        scenario = load(scenario_id)
        public = public_info(scenario)
        state = Game(scenario, 2).new_state()
        rng = np.random.default_rng(2)
        while not state.is_over():
            if state.phase == "moves":
                for seat in scenario.seat_ids:
                    available = {a.move for a in state.legal_actions(seat)} if seat in state.to_move() else None
                    if available is None:
                        continue
                    w = Words(public, seat)
                    obs = state.observation(seat)
                    for mv in public["moves"]:
                        if mv["seat"] != seat:
                            continue
                        card = move_card(w, obs, mv, available)
                        if mv["id"] in available:
                            assert not card["why_not"]
                        else:
                            assert card["why_not"].startswith("Not available now.") and card["requires"], mv["id"]
                            assert card["requires"] in card["why_not"]
                            said += 1
            seat = state.to_move()[0]
            state.apply(seat, random_action(state, seat, rng))
    assert said > 5


def test_the_condition_of_a_move_reads_as_the_rules_check_it():
    w = Words(public_info(load("moscow-2020")), "syria")
    moves = {m["id"]: m for m in w.public["moves"]}
    assert requires_text(w, moves["close_idlib_airspace"]) == "Once only."
    assert requires_text(w, moves["m4_offensive"]) == (
        "Not possible once the table agrees \u201cCeasefire in Idlib\u201d: full or the table agrees "
        "\u201cWhere the front line runs\u201d: partial pullback or more.")
    assert requires_text(w, moves["shell_posts"]) == ""
