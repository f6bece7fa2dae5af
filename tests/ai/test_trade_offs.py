"""A hard leader's offers trade what it cares little about for what it cares about.

Russia and Syria alone bargain over the issues only they sign, for one day of many rounds.
Russia offers one package and never moves, so its offer is all Syria's leader learns of it.
Each offer Syria's leader makes is measured against the best it could have made: of every
package worth at least as much to Syria, the one worth most to Russia (by Russia's own
preferences, which the leader never sees). Close to that best, an offer leaves Russia more
at the same cost to Syria.
"""

import dataclasses
import itertools

import pytest

from game.ai import Leader
from game.catalog import load_scenario
from game.engine import DONE, Action, Game, public_info

PAIR = ("russia", "syria")
ASK = {"pantsir_batteries": "36", "buk_m1": "no", "s300": "no", "iskander": "no", "mig31": "4",
       "anti_tank_missiles": "none", "tartus": "logistics_upgrade", "payment": "cash"}
ROUNDS = 20


@pytest.fixture(scope="module")
def bilateral():
    scen = load_scenario("sochi-2008")
    issues = tuple(i.id for i in scen.issues if set(i.signatories) == set(PAIR))
    scen = dataclasses.replace(
        scen, issues=tuple(dataclasses.replace(i, available=i.id in issues) for i in scen.issues),
        calendar=dataclasses.replace(scen.calendar, turns=1, summit_turn=1, talk_rounds=ROUNDS))
    return scen, issues


def _utility(scen, issues, seat, terms):
    prefs = scen.seat(seat).preferences
    return sum(prefs.weight(i) * prefs.value_table(i)[scen.issue(i).options.index(terms.get(i, scen.issue(i).default))]
               for i in issues)


def _offers(scen, seed, russia_counters):
    """Syria's offers to a Russia that proposes ASK and then either counters each of them with ASK again
    or only turns them down (so Syria's next offer is its own initiative)."""
    state = Game(scen, seed).new_state()
    leader = Leader(public_info(scen), "syria", "hard", seed)
    parties = [s for s in scen.seat_ids if s in PAIR]
    mine, out = None, []
    for rnd in range(ROUNDS):
        while state.phase == "talks" and state.to_move()[0] != "russia":
            seat = state.to_move()[0]
            if seat != "syria":
                state.apply(seat, DONE)
                continue
            action = leader.decide(state.observation("syria", since=leader.seen), state.legal_actions("syria"),
                                   state.proposal_space("syria"))
            events = state.apply("syria", action)
            if action.type in ("propose", "counter"):
                mine = events[-1]["proposal"]
                out.append(dict(action.terms))
        if state.phase != "talks":
            break
        answering = mine is not None and state.proposals[mine].status == "open"
        if answering and russia_counters:
            state.apply("russia", Action.from_dict({"type": "counter", "proposal": mine, "parties": parties,
                                                    "terms": ASK}))
        elif answering:
            state.apply("russia", Action.from_dict({"type": "reject", "proposal": mine}))
        elif rnd == 0:
            state.apply("russia", Action.from_dict({"type": "propose", "parties": parties, "terms": ASK}))
        state.apply("russia", DONE)
    return out


@pytest.mark.parametrize("russia_counters", [True, False], ids=["counters", "initiative"])
def test_offers_lie_near_the_best_trade_off_for_the_partner(bilateral, russia_counters):
    scen, issues = bilateral
    space = [dict(zip(issues, o)) for o in itertools.product(*(scen.issue(i).options for i in issues))]
    points = [(_utility(scen, issues, "syria", t), _utility(scen, issues, "russia", t)) for t in space]
    gaps = []
    for seed in range(4):
        for terms in _offers(scen, seed, russia_counters):
            mine, theirs = _utility(scen, issues, "syria", terms), _utility(scen, issues, "russia", terms)
            best = max(r for s, r in points if s >= mine - 1e-9)
            gaps.append(best - theirs)
    assert len(gaps) >= 20
    # The offers come down towards Russia over the day, and each stays near the trade-off frontier.
    assert max(gaps) < 0.15
    assert sum(gaps) / len(gaps) < 0.042
