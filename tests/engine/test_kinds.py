"""Every kind the engine produces is a member of its enum, so code that matches kinds by the enums
sees everything, and the enums stay the plain strings that saves and the protocol carry."""

from __future__ import annotations

import json

import pytest

from game.ai.randomplay import play_random
from game.catalog import shipped_scenarios
from game.engine.kinds import ActionType, Controller, EventKind, Phase
from game.match import Match

SCENARIOS = {s.id: s for s in shipped_scenarios()}
# A mix of levels, so the hard leader's counter-offers and the easy leader's mistakes are both played.
LEVELS = (Controller.EASY, Controller.NORMAL, Controller.HARD)


def _ai_states(scenario):
    """A few AI-only games, and one of random legal actions (which withdraws and speaks more than leaders do)."""
    for seed in range(3):
        seats = {s: LEVELS[(k + seed) % len(LEVELS)] for k, s in enumerate(scenario.seat_ids)}
        match = Match(scenario, seed, seats)
        phases = {match.state.phase}
        while not match.state.is_over():
            match.step_ai(limit=1)
            phases.add(match.state.phase)
        yield match.state, phases
    yield play_random(scenario, 7), set()


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_every_event_kind_action_type_and_phase_is_a_member_of_its_enum(scenario_id):
    kinds, types, phases = set(), set(), set()
    for state, seen in _ai_states(SCENARIOS[scenario_id]):
        assert all(isinstance(e["kind"], EventKind) for e in state.events)
        assert all(isinstance(a["type"], ActionType) for _, a in state.log)
        assert all(isinstance(p, Phase) for p in seen)
        kinds |= {e["kind"] for e in state.events}
        types |= {a["type"] for _, a in state.log}
        phases |= seen
    # The games reach the kinds every table sees, so the checks above were not run on too little.
    assert {EventKind.DAY, EventKind.PHASE, EventKind.PROPOSAL, EventKind.ACCEPT, EventKind.REJECT,
            EventKind.AGREEMENT, EventKind.CHOSEN, EventKind.OVER} <= kinds
    assert {ActionType.PROPOSE, ActionType.ACCEPT, ActionType.REJECT, ActionType.DONE, ActionType.MOVE} <= types
    assert phases == set(Phase)


def test_kinds_travel_as_their_plain_strings():
    scenario = SCENARIOS["moscow-2020"]
    match = Match(scenario, 1, {s: Controller.NORMAL for s in scenario.seat_ids})
    match.run()
    state = match.state
    sent = json.loads(json.dumps({"news": state.events, "log": state.log, "phase": state.phase}))
    assert sent == {"news": state.events, "log": [list(entry) for entry in state.log], "phase": "over"}
    assert {type(e["kind"]) for e in sent["news"]} == {str}
    assert [e["kind"] for e in sent["news"]] == [e["kind"].value for e in state.events]
