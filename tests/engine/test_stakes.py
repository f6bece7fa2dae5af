"""The stakes of a choice are the score change of making it: a copy of the game where the package is signed
(or the move made) through the ordinary actions and everyone else then holds to the summit, against a copy
where nothing is done, scores exactly the figures the engine's stakes give, for every seat."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from game.catalog import load_scenario
from game.engine import DONE, IllegalAction, move, propose
from game.engine.phases import available_moves
from game.engine.stakes import Projector, making, signing
from game.match import Match

SCENARIOS = ("moscow-2020", "sochi-2008")


@lru_cache(maxsize=None)
def day_opening(scenario_id: str, seed: int, day: int):
    """An AI game's state at the first speaker's turn of `day` (or at its moves, `day` + 0.5)."""
    scenario = load_scenario(scenario_id)
    match = Match(scenario, seed, {})
    state = match.state
    moves = day != int(day)
    while not state.is_over() and (state.turn < int(day) or (moves and state.phase != "moves")):
        match.step_ai(limit=1)
    return state


def _hold_to_the_end(state) -> None:
    while not state.is_over():
        seat = state.to_move()[0]
        state.apply(seat, DONE if state.phase == "talks" else move("hold"))


def _chance_free(branch_point, *states) -> bool:
    """Nothing left to chance fell due after the branch in any of the copies (the stakes leave chance out)."""
    events = {e.id: e for e in branch_point.game.scenario.events}
    return all(len(s.missed) == len(branch_point.missed) and
               all(events[e].chance >= 1.0 for e in s.fired[len(branch_point.fired):]) for s in states)


def _branch(state):
    return state.clone()


@st.composite
def packages(draw, state, seat):
    scenario = state.game.scenario
    open_ids = [i.id for i, is_open in zip(scenario.issues, state.issue_open) if is_open]
    chosen = draw(st.lists(st.sampled_from(open_ids), min_size=1, max_size=3, unique=True))
    terms = {i: draw(st.sampled_from(scenario.issue(i).options)) for i in chosen}
    parties = {seat} | {s for i in chosen for s in scenario.issue(i).signatories}
    return terms, sorted(parties, key=scenario.seat_ids.index)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), scenario_id=st.sampled_from(SCENARIOS), seed=st.integers(0, 3), day=st.integers(1, 4))
def test_signing_a_package_changes_the_scores_by_its_stakes(data, scenario_id, seed, day):
    state = day_opening(scenario_id, seed, day)
    assume(not state.is_over())
    seat = state.to_move()[0]
    terms, parties = data.draw(packages(state, seat))
    try:
        changes = Projector(state).changes(signing(seat, terms, parties))
    except IllegalAction:
        assume(False)
    signed, unsigned = _branch(state), _branch(state)
    try:
        signed.apply(seat, propose(parties, terms, state.game.scenario.calendar.summit_turn))
    except IllegalAction:
        assume(False)   # the seat has as many offers open as the rules allow
    pid = next(p.id for p in signed.proposals.values() if p.status == "open" and p.proposer == seat
               and dict(p.terms) == terms)
    while signed.proposals[pid].status == "open":
        speaker = signed.to_move()[0]
        if speaker in parties and speaker not in signed.proposals[pid].accepted:
            signed.apply(speaker, {"type": "accept", "proposal": pid})
        else:
            signed.apply(speaker, DONE)
    assert signed.proposals[pid].status == "signed" and signed.turn == state.turn, "signed the same day"
    _hold_to_the_end(signed)
    _hold_to_the_end(unsigned)
    assume(_chance_free(state, signed, unsigned))
    after, before = signed.scores(), unsigned.scores()
    assert changes == {s: after[s]["total"] - before[s]["total"] for s in before}
    mine = Projector(state).stakes(seat, signing(seat, terms, parties))
    assert mine["total"] == changes[seat] and mine["final"] == after[seat]["total"]
    assert mine["total"] == mine["deal"] + mine["objectives_points"] + mine["stats"] + mine["integrity"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), scenario_id=st.sampled_from(SCENARIOS), seed=st.integers(0, 3), day=st.integers(1, 4))
def test_making_a_move_changes_the_scores_by_its_stakes(data, scenario_id, seed, day):
    state = day_opening(scenario_id, seed, day + 0.5)
    assume(not state.is_over() and not state.chosen)
    seat = data.draw(st.sampled_from(state.game.seat_ids))
    move_id = data.draw(st.sampled_from(available_moves(state, seat)))
    changes = Projector(state).changes(making(seat, move_id))
    made, held = _branch(state), _branch(state)
    for s in state.game.seat_ids:
        made.apply(s, move(move_id if s == seat else "hold"))
        held.apply(s, move("hold"))
    _hold_to_the_end(made)
    _hold_to_the_end(held)
    assume(_chance_free(state, made, held))
    after, before = made.scores(), held.scores()
    assert changes == {s: after[s]["total"] - before[s]["total"] for s in before}
    assert Projector(state).stakes(seat, making(seat, move_id))["breaches"] == len(made.breaches) - len(held.breaches)


def test_the_stakes_leave_the_game_as_it_was():
    state = day_opening("moscow-2020", 1, 2)
    digest = state.digest()
    projector = Projector(state)
    projector.changes(signing(state.to_move()[0], {"ceasefire": "full"}, ["turkey", "russia"]))
    projector.changes(making("syria", "shell_posts"))
    assert state.digest() == digest


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_id=st.sampled_from(SCENARIOS), seed=st.integers(0, 3), day=st.sampled_from((1, 2, 2.5, 3, 4)))
def test_the_score_as_things_stand_is_the_final_score_when_everyone_holds(scenario_id, seed, day):
    state = day_opening(scenario_id, seed, day)
    assume(not state.is_over())
    held = _branch(state)
    _hold_to_the_end(held)
    assume(_chance_free(state, held))
    final = held.scores()
    projector = Projector(state)
    for seat in state.game.seat_ids:
        outlook = projector.outlook(seat)
        assert outlook["final"] == final[seat]["total"]
        assert outlook["final"] == outlook["deal"] + outlook["objectives_points"] + outlook["stats"] + \
            outlook["integrity"]
        met = {o["id"] for o in outlook["objectives"] if o["met"]}
        assert met == set(final[seat]["objectives_met"])
    # Every choice's stakes are a change from this same figure.
    seat = state.to_move()[0]
    if state.phase == "moves":
        stakes = projector.stakes(seat, making(seat, available_moves(state, seat)[-1]))
        assert stakes["final"] - stakes["total"] == projector.outlook(seat)["final"]
