"""What AI leaders remember: packages turned down, offers left for tomorrow, a broken word."""

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
    """Turkey signs a ceasefire with Russia on day 1, then chooses `move`."""
    scenario = load_scenario("moscow-2020")
    match = Match(scenario, 5, {s: ("human" if s == "turkey" else "normal") for s in scenario.seat_ids})
    match.step_ai()
    signed = _offer_what_russia_asks(match, "ceasefire", "full")
    assert [dict(a.terms) for a in match.state.agreements] == [signed]
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
    assert advice is None and "Turkey broke its word on Ceasefire in Idlib on day 1" in said, \
        "asked, it offers no terms it would refuse anyway, and says why"
    broken.act("turkey", {"type": "propose", "parties": ["turkey", "russia"], "terms": wanted})
    broken.act("turkey", {"type": "done"})
    broken.step_ai()
    assert not any(dict(a.terms) == wanted for a in broken.state.agreements)
    refusals = [e["reason"] for e in broken.state.events if e["kind"] == "reject" and e["seat"] == "russia"
                and broken.state.proposals[e["proposal"]].proposer == "turkey"]
    assert refusals and "Turkey broke its word on Ceasefire in Idlib on day 1" in refusals[-1]
