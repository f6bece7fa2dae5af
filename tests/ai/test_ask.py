""""What would you want for this?" tells the truth: a leader that says it could sign a package signs it."""

import copy

import pytest

from game.catalog import load_scenario
from game.engine import DONE, move, propose
from game.match import Match


def _answer(match, human, parties, terms, seat):
    """Propose `terms` to `parties` on a copy of the table, the leaders' memories as they are, and return what
    `seat` did with it: 'accept', 'reject', 'proposal' (a counter), or None if another party closed it first."""
    probe = Match(match.scenario, 0, match.controllers, state=match.state.clone())
    probe.leaders = copy.deepcopy(match.leaders)
    probe.state.apply(human, propose(parties, terms, probe.state.turn))
    pid = probe.state.facilitator_view()["proposals"][-1]["id"]
    probe.state.apply(human, DONE)
    probe.step_ai()
    said = [e["kind"] for e in probe.state.facilitator_view()["news"]
            if e["seat"] == seat and pid in (e.get("proposal"), e.get("counter_to"))]
    return said[0] if said else None


def _packages(scenario, human, obs):
    """One-issue packages with the issue's other signatory, and the same with a third seat brought in."""
    issues = [i for i in scenario.issues if human in i.signatories and i.id in obs["open_issues"]]
    for issue in issues:
        other = next(s for s in issue.signatories if s != human)
        for option in issue.options:
            yield other, [human, other], {issue.id: option}
            third = next((j for j in issues if other not in j.signatories), None)
            if third is not None:
                extra = next(s for s in third.signatories if s != human)
                yield other, [human, other, extra], {issue.id: option, third.id: third.options[0]}


@pytest.mark.parametrize("scenario_id", ["moscow-2020", "sochi-2008"])
def test_a_leader_that_says_it_could_sign_does_sign(scenario_id):
    scenario = load_scenario(scenario_id)
    human = scenario.seat_ids[0]
    promised = {2: 0, 3: 0}
    for seed in range(2):
        match = Match(scenario, seed, {s: "human" if s == human else "normal" for s in scenario.seat_ids})
        state = match.state
        for day in range(1, 4):
            match.step_ai()
            for other, parties, terms in _packages(scenario, human, state.observation(human)):
                wanted, said = match.ask(other, human, terms, parties)
                if wanted and "could sign this as it stands" not in said:
                    # What it would want instead is itself a package it should say it could sign.
                    terms = wanted
                    _, said = match.ask(other, human, terms, parties)
                if "could sign this as it stands" in said:
                    answer = _answer(match, human, parties, terms, other)
                    if answer is None:
                        continue  # another party turned it down before this one spoke
                    promised[len(parties)] += 1
                    assert answer == "accept", f"seed {seed}, day {day}: {said} ({terms} with {parties}) but: {answer}"
            while not state.is_over() and state.turn == day:
                if human in state.to_move():
                    state.apply(human, DONE if state.phase == "talks" else move("hold"))
                match.step_ai()
    assert promised[2] and promised[3], f"packages within reach, with two parties and with three: {promised}"
