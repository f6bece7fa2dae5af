"""What AI leaders remember: packages turned down, offers left for tomorrow, a broken word."""

import copy
import itertools

import pytest

from game.catalog import load_scenario
from game.engine import Game
from game.match import Match

SCENARIOS = ["moscow-2020", "sochi-2008"]


def _ai_game(scenario, seed, level):
    match = Match(scenario, seed, {s: level for s in scenario.seat_ids})
    match.run()
    return match.state


@pytest.mark.parametrize("scenario_id", SCENARIOS)
@pytest.mark.parametrize("level", ["easy", "normal", "hard"])
def test_no_leader_puts_forward_a_package_its_partners_already_turned_down(scenario_id, level):
    scenario = load_scenario(scenario_id)
    offers = 0
    for seed in range(6):
        state = _ai_game(scenario, seed, level)
        turned_down = set()
        for event in state.events:
            if event["kind"] == "reject":
                prop = state.proposals[event["proposal"]]
                turned_down.add((prop.proposer, prop.parties, prop.terms))
            elif event["kind"] == "proposal":
                prop = state.proposals[event["proposal"]]
                offers += 1
                assert (prop.proposer, prop.parties, prop.terms) not in turned_down, event["text"]
                if prop.counter_to:
                    answered = state.proposals[prop.counter_to]
                    turned_down.add((answered.proposer, answered.parties, answered.terms))
    assert offers > 20


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_offers_made_in_a_days_last_round_stay_open_for_the_next_day(scenario_id):
    scenario = load_scenario(scenario_id)
    calendar = scenario.calendar
    played = _ai_game(scenario, 4, "normal")
    replay = Game(scenario, 4).new_state()
    late = 0
    for seat, action in played.log:
        last_round = replay.phase == "talks" and replay.round == calendar.talk_rounds
        turn = replay.turn
        replay.apply(seat, action)
        if action["type"] in ("propose", "counter") and last_round and turn < calendar.summit_turn:
            late += 1
            assert action["expires"] == turn + 1, action
    assert late > 0
    assert replay.digest() == played.digest()


def _offer_what_russia_asks(match, issue, option):
    wanted, _ = match.ask("russia", "turkey", {issue: option})
    match.act("turkey", {"type": "propose", "parties": ["turkey", "russia"], "terms": wanted})
    match.act("turkey", {"type": "done"})
    match.step_ai()
    return wanted


def _after_day_one(move):
    """Turkey and Russia sign a full ceasefire on its own on day 1 (a leader would ask for more with
    it), Russia's leader takes the seat over, and Turkey chooses `move`."""
    scenario = load_scenario("moscow-2020")
    match = Match(scenario, 5, {s: ("human" if s in ("turkey", "russia") else "normal") for s in scenario.seat_ids})
    match.step_ai()
    while not match.state.agreements:
        seat = match.human_to_move()
        ours = [p for p in match.state.proposals.values() if p.status == "open" and p.proposer == "turkey"]
        if seat == "turkey" and not ours:
            match.act("turkey", {"type": "propose", "parties": ["turkey", "russia"], "terms": {"ceasefire": "full"}})
        elif seat == "russia" and ours:
            match.act("russia", {"type": "accept", "proposal": ours[0].id})
        else:
            match.act(seat, {"type": "done"})
        match.step_ai()
    assert [dict(a.terms) for a in match.state.agreements] == [{"ceasefire": "full"}]
    match.set_controller("russia", "normal")
    match.step_ai()
    while match.state.phase != "moves":
        match.act("turkey", {"type": "done"})
        match.step_ai()
    match.act("turkey", {"type": "move", "move": move})
    match.step_ai()
    return match


def test_a_leader_will_not_sign_with_a_seat_that_just_broke_its_word_and_says_so():
    kept = _after_day_one("hold")
    wanted = _offer_what_russia_asks(kept, "corridor_km", "4")
    assert any(dict(a.terms) == wanted for a in kept.state.agreements)

    broken = _after_day_one("spring_shield")
    assert [b["seat"] for b in broken.state.breaches] == ["turkey"]
    advice, said = broken.ask("russia", "turkey", {"corridor_km": "4"})
    assert advice is None and "Turkey broke its word on \u201cCeasefire in Idlib\u201d on day 1" in said, \
        "asked, it offers no terms it would refuse anyway, and says why"
    broken.act("turkey", {"type": "propose", "parties": ["turkey", "russia"], "terms": wanted})
    broken.act("turkey", {"type": "done"})
    broken.step_ai()
    assert not any(dict(a.terms) == wanted for a in broken.state.agreements)
    refusals = [e["reason"] for e in broken.state.events if e["kind"] == "reject" and e["seat"] == "russia"
                and broken.state.proposals[e["proposal"]].proposer == "turkey"]
    assert refusals and "Turkey broke its word on \u201cCeasefire in Idlib\u201d on day 1" in refusals[-1]


def _value(seat, terms, settled):
    space = Game(load_scenario("moscow-2020")).space
    return space.utility(seat, {**settled, **terms})


def _probe(match, seat, terms):
    """What `seat` would answer Turkey's "what would you want?" now, asked of a copy of the leader: the match's
    own leader keeps its day's questions for the game."""
    leader = copy.deepcopy(match.leaders[seat])
    return leader.what_would_you_want(match.state.observation(seat, since=leader.seen), "turkey", terms)


def _asks(match, seat, terms):
    """What `seat` would want from Turkey for `terms` now, as its own utility (None: no terms at all)."""
    wanted, said = _probe(match, seat, terms)
    return None if wanted is None else _value(seat, wanted, match.state.outcome()), said


def _hold_until(match, day):
    while match.state.turn < day:
        seat = match.human_to_move()
        match.act(seat, {"type": "move", "move": "hold"} if match.state.phase == "moves" else {"type": "done"})
        match.step_ai()


def _signs_as_it_stands(match, seat, issues):
    """Every package over `issues` that `seat` says it could sign from Turkey as it stands."""
    options = [load_scenario("moscow-2020").issue(i).options for i in issues]
    packages = [dict(zip(issues, combo)) for combo in itertools.product(*options)]
    return {tuple(p.items()) for p in packages if _probe(match, seat, p)[0] == p}


def test_a_breach_weighs_on_the_victim_and_on_witnesses_for_the_rest_of_the_game():
    kept, broken = _after_day_one("hold"), _after_day_one("spring_shield")
    for day in (2, 3):
        _hold_until(kept, day)
        _hold_until(broken, day)
        refused, said = _asks(broken, "russia", {"corridor_km": "8"})
        assert refused is None and "broke its word" in said, (day, said)
        assert not [p for p in broken.state.proposals.values() if p.proposer == "russia" and p.turn == day
                    and "turkey" in p.parties], "it offers the breaker nothing while it refuses to sign"
    for day, seat, issues in ((2, "eu", ["border_to_greece", "eu_refugee_funds"]),
                              (3, "eu", ["border_to_greece", "eu_refugee_funds"]),
                              (4, "russia", ["corridor_km", "joint_patrols"]),
                              (5, "russia", ["corridor_km", "joint_patrols"])):
        _hold_until(kept, day)
        _hold_until(broken, day)
        # Russia was the victim; the EU signed nothing that was broken, but it saw the breach.
        wary, trusting = _signs_as_it_stands(broken, seat, issues), _signs_as_it_stands(kept, seat, issues)
        assert wary < trusting, (day, seat, "it signs less from a seat that broke its word")
    assert _signs_as_it_stands(broken, "russia", ["corridor_km", "joint_patrols"]), \
        "by the summit the victim talks again"
    broken.act("turkey", {"type": "propose", "parties": ["turkey", "eu"],
                          "terms": {"border_to_greece": "open", "eu_refugee_funds": "6"}})
    broken.act("turkey", {"type": "done"})
    broken.step_ai()
    answer = next(p.note or p.reason for p in broken.state.proposals.values()
                  if p.turn == 5 and "eu" in p.parties and "turkey" in p.parties and (p.counter_to or p.reason))
    assert "has not forgotten that Turkey broke its word on \u201cCeasefire in Idlib\u201d on day 1" in answer, answer
