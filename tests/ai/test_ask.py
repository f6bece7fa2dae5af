""""What would you want for this?" tells the truth: a leader that says it could sign a package signs it."""

import copy

import pytest

from game.catalog import load_scenario
from game.engine import DONE, move, propose
from game.match import Match


def _put(match, human, other, terms):
    """Propose `terms` to `other` on a copy of the table, with the leaders' memories as they are; its fate."""
    probe = Match(match.scenario, 0, match.controllers, state=match.state.clone())
    probe.leaders = copy.deepcopy(match.leaders)
    probe.state.apply(human, propose([human, other], terms, probe.state.turn))
    pid = probe.state.facilitator_view()["proposals"][-1]["id"]
    probe.state.apply(human, DONE)
    probe.step_ai()
    return next(p for p in probe.state.facilitator_view()["proposals"] if p["id"] == pid)["status"]


@pytest.mark.parametrize("scenario_id", ["moscow-2020", "sochi-2008"])
def test_a_leader_that_says_it_could_sign_does_sign(scenario_id):
    scenario = load_scenario(scenario_id)
    human = scenario.seat_ids[0]
    promised = 0
    for seed in range(2):
        match = Match(scenario, seed, {s: "human" if s == human else "normal" for s in scenario.seat_ids})
        state = match.state
        for day in range(1, 4):
            match.step_ai()
            for issue in scenario.issues:
                other = next((s for s in issue.signatories if s != human), None)
                if human not in issue.signatories or issue.id not in state.observation(human)["open_issues"]:
                    continue
                for option in issue.options:
                    _, said = match.ask(other, human, {issue.id: option})
                    if "could sign this as it stands" in said:
                        promised += 1
                        assert _put(match, human, other, {issue.id: option}) == "signed", \
                            f"seed {seed}, day {day}: {said} ({issue.id}: {option}) but did not sign"
            while not state.is_over() and state.turn == day:
                if human in state.to_move():
                    state.apply(human, DONE if state.phase == "talks" else move("hold"))
                match.step_ai()
    assert promised > 0, "some package was within reach"
