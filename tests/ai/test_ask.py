""""What would you want for this?" tells the truth and is bounded: the package a leader names is the one nearest
the asker's terms that it would sign now, offered the same day it signs it, and it takes two questions a day."""

import copy

import pytest

from game.ai.advice import would_sign
from game.catalog import load_scenario
from game.engine import DONE, move, propose
from game.match import ASKS_PER_DAY, AskRefused, Match


def _answer(match, human, parties, terms, seat):
    """Propose `terms` to `parties` on a copy of the table, the leaders' memories as they are, and return what
    `seat` did with it: 'accept', 'reject', 'proposal' (a counter), or None if it never came to answer. The
    other parties accept whatever they are offered, so the answer is `seat`'s own: its promise binds only it."""
    others = [p for p in parties if p not in (human, seat)]
    probe = Match(match.scenario, 0, {**match.controllers, **{p: "accept_all" for p in others}},
                  state=match.state.clone())
    probe.leaders = {s: probe.leaders[s] if s in others else copy.deepcopy(leader)
                     for s, leader in match.leaders.items()}
    probe.state.apply(human, propose(parties, terms, probe.state.turn))
    pid = probe.state.facilitator_view()["proposals"][-1]["id"]
    probe.state.apply(human, DONE)
    probe.step_ai()
    said = [e["kind"] for e in probe.state.facilitator_view()["news"]
            if e["seat"] == seat and pid in (e.get("proposal"), e.get("counter_to"))]
    return said[0] if said else None


def _questions(scenario, human, obs):
    """For each AI partner, the packages a player would ask it about today: each issue they both sign at its
    option best for the player's side of the range, alone, and the same with a third seat brought in."""
    issues = [i for i in scenario.issues if human in i.signatories and i.id in obs["open_issues"]]
    asked = {}
    for issue in issues:
        other = next(s for s in issue.signatories if s != human)
        mine = asked.setdefault(other, [])
        mine.append(([human, other], {issue.id: issue.options[len(issue.options) // 2]}))
        third = next((j for j in issues if other not in j.signatories), None)
        if third is not None:
            extra = next(s for s in third.signatories if s != human)
            mine.append(([human, other, extra], {issue.id: issue.options[-1], third.id: third.options[0]}))
    return {other: qs[:ASKS_PER_DAY] for other, qs in asked.items()}


def _hold_to(match, human, day):
    state = match.state
    while not state.is_over() and state.turn < day:
        if human in state.to_move():
            match.act(human, DONE if state.phase == "talks" else move("hold"))
        match.step_ai()


@pytest.mark.parametrize("scenario_id", ["moscow-2020", "sochi-2008"])
def test_what_a_leader_names_it_signs_when_offered(scenario_id):
    scenario = load_scenario(scenario_id)
    human = scenario.seat_ids[0]
    named = {2: 0, 3: 0}
    for seed in range(3):
        match = Match(scenario, seed, {s: "human" if s == human else "normal" for s in scenario.seat_ids})
        for day in range(1, scenario.calendar.summit_turn + 1):
            _hold_to(match, human, day)
            match.step_ai()
            if match.state.is_over():
                break
            for other, questions in _questions(scenario, human, match.state.observation(human)).items():
                for parties, terms in questions:
                    wanted, said = match.ask(other, human, terms, parties)
                    if wanted is None:
                        continue
                    answer = _answer(match, human, parties, wanted, other)
                    if answer is None:
                        continue  # another party turned it down before this one spoke
                    named[len(parties)] += 1
                    assert answer == "accept", f"seed {seed}, day {day}: {said} ({wanted} with {parties}): {answer}"
    assert named[2] and named[3], f"packages named, with two parties and with three: {named}"


def test_the_package_named_is_the_nearest_it_would_sign():
    """One step nearer the asker's terms on any issue it changed, and the leader would no longer sign."""
    scenario = load_scenario("moscow-2020")
    checked = 0
    for seed, day in ((1, 2), (2, 3), (3, 4)):
        match = Match(scenario, seed, {s: "human" if s == "turkey" else "normal" for s in scenario.seat_ids})
        _hold_to(match, "turkey", day)
        match.step_ai()
        leader = match.leaders["russia"]
        asked = {"corridor_km": "6", "joint_patrols": "no", "front_line": "partial_pullback"}
        if not set(asked) <= set(match.state.observation("turkey")["open_issues"]):
            continue
        wanted, _ = match.ask("russia", "turkey", asked, ["turkey", "russia"])
        if wanted is None:
            continue
        obs = match.state.observation("russia")
        assert would_sign(leader, obs, "turkey", wanted, ["turkey"])
        for issue_id, option in wanted.items():
            options = scenario.issue(issue_id).options
            # An issue the asker left out is asked at its default: unsigned.
            here, there = options.index(option), options.index(asked.get(issue_id, scenario.issue(issue_id).default))
            if here == there:
                continue
            nearer = dict(wanted, **{issue_id: options[here + (1 if there > here else -1)]})
            assert not would_sign(leader, obs, "turkey", nearer, ["turkey"]), (seed, wanted, nearer)
            checked += 1
    assert checked


def test_a_leader_takes_two_questions_a_day_from_each_seat_and_says_so():
    scenario = load_scenario("moscow-2020")
    match = Match(scenario, 1, {s: "human" if s == "turkey" else "normal" for s in scenario.seat_ids})
    match.step_ai()
    terms = {"corridor_km": "8"}
    for left in range(ASKS_PER_DAY, 0, -1):
        assert match.asks_left("russia", "turkey") == left
        match.ask("russia", "turkey", terms, ["turkey", "russia"])
    assert match.asks_left("russia", "turkey") == 0
    journal = len(match.journal)
    with pytest.raises(AskRefused, match="Russia will not be asked again today"):
        match.ask("russia", "turkey", terms, ["turkey", "russia"])
    assert len(match.journal) == journal, "a question refused is not part of the game"
    assert match.asks_left("eu", "turkey") == ASKS_PER_DAY, "each leader counts its own questions"
    _hold_to(match, "turkey", 2)
    assert match.asks_left("russia", "turkey") == ASKS_PER_DAY, "a new day, new questions"
    replayed = Match.replay(scenario, 1, match.journal)
    assert replayed.asks_left("russia", "turkey") == ASKS_PER_DAY
    assert replayed.leaders["russia"].promises == match.leaders["russia"].promises, "a resumed leader keeps its word"
