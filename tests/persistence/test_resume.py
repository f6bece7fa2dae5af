"""A game saved and resumed at any point goes on exactly as the uninterrupted one, AI seats included."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ai.randomplay import random_action
from game.catalog import load_scenario
from game.match import Entry, Match
from game.persistence import build, parse, restore_match
from game.persistence.saves import dumps

load = lru_cache(maxsize=None)(load_scenario)
HUMANS = {"moscow-2020": ("turkey",), "sochi-2008": ("syria", "israel")}


def human_step(match):
    """A person's choice that depends only on the state, so both games make the same one; now and
    then the person first asks an AI leader what it would want."""
    state = match.state
    seat = match.human_to_move()
    rng = np.random.default_rng(int(state.digest()[:8], 16) + len(match.journal))
    ai = [s for s in match.scenario.seat_ids if match.controllers[s] != "human"]
    if state.phase == "talks" and ai and rng.random() < 0.2:
        issue = match.scenario.issues[int(rng.integers(len(match.scenario.issues)))]
        leader = ai[int(rng.integers(len(ai)))]
        if match.asks_left(leader, seat):
            match.ask(leader, seat, {issue.id: issue.options[-1]})
    match.act(seat, random_action(state, seat, rng))


def play(match, until=None):
    """Let the AI act and the people choose until the end, or until `until` journal entries."""
    while not match.state.is_over() and (until is None or len(match.journal) < until):
        match.step_ai(limit=1)
        if match.human_to_move() and not match.state.is_over():
            human_step(match)
    return match


def resumed(match):
    body = parse(dumps(build(match.state, seats=match.controllers, journal=match.journal)))
    return restore_match(body, match.scenario)


class Through:
    """A whole game played without a break (short repr: hypothesis prints it on failure)."""

    def __init__(self, scenario_id):
        self.scenario = load(scenario_id)
        self.seats = {s: "human" if s in HUMANS[scenario_id] else "hard" for s in self.scenario.seat_ids}
        self.match = play(Match(self.scenario, 11, self.seats))

    def __repr__(self):
        return f"Through({self.scenario.id!r})"


@pytest.fixture(scope="module", params=sorted(HUMANS))
def through(request):
    return Through(request.param)


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(fraction=st.floats(0.02, 0.98))
def test_a_game_saved_and_resumed_anywhere_ends_as_the_uninterrupted_one(through, fraction):
    scenario, seats, whole = through.scenario, through.seats, through.match
    cut = max(len(scenario.seat_ids) + 1, int(len(whole.journal) * fraction))
    first = play(Match(scenario, 11, seats), until=cut)
    again = play(resumed(first))
    assert again.diverged == []
    assert again.state.digest() == whole.state.digest()
    assert again.journal == whole.journal


def test_a_resumed_game_has_the_same_leaders_as_the_uninterrupted_one():
    scenario = load("moscow-2020")
    match = Match(scenario, 4, {s: "normal" for s in scenario.seat_ids})
    match.step_ai(limit=40)
    back = resumed(match)
    for seat, leader in match.leaders.items():
        twin = back.leaders[seat]
        assert twin.seen == leader.seen and twin.known.keys() == leader.known.keys()
        assert twin.rng.bit_generator.state == leader.rng.bit_generator.state


def test_a_seat_handed_over_mid_game_replays_with_its_leader():
    scenario = load("moscow-2020")
    seats = {s: "normal" for s in scenario.seat_ids}
    match = Match(scenario, 9, seats)
    match.step_ai(limit=25)
    match.set_controller("turkey", "human")
    play(match, until=len(match.journal) + 30)
    match.set_controller("turkey", "hard")
    match.step_ai()
    kinds = [e[0] for e in match.journal]
    assert kinds.count(Entry.CONTROL) == len(scenario.seat_ids) + 2
    back = resumed(match)
    assert back.diverged == [] and back.state.digest() == match.state.digest()


def test_an_ai_choice_that_differs_on_replay_is_applied_as_played_and_reported():
    scenario = load("moscow-2020")
    match = Match(scenario, 2, {s: "normal" for s in scenario.seat_ids})
    match.step_ai(limit=30)
    journal = [list(e) for e in match.journal]
    # As if an older AI had ended its round where this one proposes.
    k = next(i for i, e in enumerate(journal) if e[0] == Entry.AI and e[2]["type"] == "propose")
    journal = journal[:k] + [[Entry.AI, journal[k][1], {"type": "done"}]]
    replay = Match.replay(scenario, 2, journal)
    assert replay.diverged == [k]
    assert replay.state.log[-1] == (journal[k][1], {"type": "done"})
    assert replay.journal == journal
