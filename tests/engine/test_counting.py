"""Each climb-down and each breach is charged once; a chance event is drawn once; news a
signed deal would contradict stays away."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from turns import end_talks, until

from game.catalog import load_scenario
from game.engine import DONE, Game, accept, move, propose, statement
from game.engine.obligations import breaches
from game.engine.talks import Agreement
from game.scenario.model import Event
from game.scenario.vocabulary import Happened, ShiftStat, ShiftTrack, TurnWithin

load = lru_cache(maxsize=None)(load_scenario)
TR = ("turkey", "russia")


def fresh(seed=1, scenario=None):
    return Game(scenario or load("moscow-2020"), seed).new_state()


def sign(state, terms, parties=TR):
    until(state, parties[0])
    state.apply(parties[0], propose(parties, terms))
    pid = list(state.facilitator_view()["proposals"])[-1]["id"]
    for seat in parties[1:]:
        until(state, seat)
        state.apply(seat, accept(pid))


def next_day(state, chosen=None):
    end_talks(state)
    for seat in list(state.to_move()):
        state.apply(seat, move((chosen or {}).get(seat, "hold")))


def domestic(state, seat):
    return state.observation(seat)["stats"][seat]["domestic"]


# -- climb-downs ------------------------------------------------------------------------

def test_saying_the_same_thing_twice_makes_one_climb_down_not_two():
    once, twice = fresh(), fresh()
    once.apply("turkey", statement("ceasefire", "full"))
    twice.apply("turkey", statement("ceasefire", "full"))
    next_day(once)
    next_day(twice)
    until(twice, "turkey")
    twice.apply("turkey", statement("ceasefire", "full"))
    said_twice = domestic(twice, "turkey") - domestic(once, "turkey")
    sign(once, {"ceasefire": "local"})
    sign(twice, {"ceasefire": "local"})
    assert len(once.reversals) == len(twice.reversals) == 1
    assert domestic(twice, "turkey") - domestic(once, "turkey") == said_twice
    assert twice.scores()["turkey"]["reversals"] == 1


def test_signing_again_what_is_already_agreed_is_no_new_climb_down():
    state = fresh()
    state.apply("turkey", statement("ceasefire", "full"))
    sign(state, {"ceasefire": "local"})
    assert len(state.reversals) == 1
    next_day(state)
    sign(state, {"ceasefire": "local", "joint_patrols": "yes"})
    assert len(state.reversals) == 1


# -- breaches ------------------------------------------------------------------------------

def breach_after(terms):
    state = fresh()
    sign(state, terms)
    next_day(state, {"russia": "air_campaign"})
    return state


def test_one_move_against_one_agreement_is_one_breach_whatever_it_breaks():
    one_clause = breach_after({"ceasefire": "full"})
    two_clauses = breach_after({"ceasefire": "full", "joint_patrols": "yes"})
    assert [(b["seat"], b["move"], b["issues"]) for b in two_clauses.breaches] == \
        [("russia", "air_campaign", ["ceasefire", "joint_patrols"])]
    breach_news = [e for e in two_clauses.observation("eu")["news"] if e["kind"] == "breach"]
    assert len(breach_news) == 1
    for seat in ("turkey", "russia"):
        for twin in (one_clause, two_clauses):
            assert twin.scores()["russia"]["breaches"] == 1
        assert two_clauses.observation(seat)["trust"]["turkey"]["russia"] == \
            one_clause.observation(seat)["trust"]["turkey"]["russia"]
    assert two_clauses.observation("russia")["stats"]["russia"] == one_clause.observation("russia")["stats"]["russia"]


def test_what_a_breach_costs_is_told_before_the_move_by_the_function_that_charges_it():
    state = fresh()
    sign(state, {"ceasefire": "full", "corridor_km": "6"})
    end_talks(state)
    obs = state.observation("russia")
    seen = [Agreement.from_dict(a) for a in obs["agreements"]]
    [told] = breaches(seen, obs["statements"], "russia", "air_campaign")
    assert breaches(seen, obs["statements"], "russia", "hold") == []
    assert breaches(seen, obs["statements"], "turkey", "air_campaign") == []
    for seat in ("turkey", "syria", "eu", "us_nato", "rebels", "russia"):
        state.apply(seat, move("air_campaign" if seat == "russia" else "hold"))
    before, after = obs["stats"]["russia"], state.observation("russia")["stats"]["russia"]
    own = state.game.move_index["air_campaign"].effects + told.penalty
    change = {stat: sum(e.add for e in own if isinstance(e, ShiftStat) and e.seat == "russia" and e.stat == stat)
              for stat in ("standing", "domestic")}
    assert after["standing"] - before["standing"] == told.standing + change["standing"]
    assert after["domestic"] - before["domestic"] == told.domestic + change["domestic"]
    assert dict(told.trust) == {"turkey": -20}
    assert state.scores()["russia"]["integrity"] == told.points
    assert [b["issues"] for b in state.breaches] == [list(told.issues)] == [["ceasefire", "corridor_km"]]
    # The day's news says what the breach cost, as charged: with the move's own effects, the whole change.
    [news] = [e for e in state.observation("eu")["news"] if e["kind"] == "breach"]
    move_news = next(e for e in state.observation("eu")["news"] if e["kind"] == "move" and e["seat"] == "russia")
    said = [int(line.rsplit(" ", 1)[1].replace("\u2212", "-")) for line in news["changes"] + move_news["changes"]
            if line.startswith("Russia: international standing")]
    assert sum(said) == after["standing"] - before["standing"]
    assert "Turkey's trust in Russia -20" in news["changes"]


# -- chance events ---------------------------------------------------------------------------

def with_a_coin_toss():
    """Moscow, plus a 50% event that could fall due every day and one that follows it."""
    scen = load("moscow-2020")
    source = scen.sources[0].id
    toss = Event(id="coin", title="A coin lands heads", text="Heads.", source=source,
                 effects=(ShiftTrack("displaced", 1),),
                 when=TurnWithin(at_least=1), chance=0.5)
    follow = Event(id="after_coin", title="Heads, again", text="It was heads.", source=source, effects=(),
                   when=Happened("coin"))
    return dataclasses.replace(scen, events=scen.events + (toss, follow))


def test_a_chance_event_is_drawn_once_and_a_miss_never_counts_as_happened():
    scen = with_a_coin_toss()
    outcomes = set()
    for seed in range(16):
        state = fresh(seed, scen)
        while not state.is_over():
            if state.phase == "talks":
                state.apply(state.to_move()[0], DONE)
            else:
                state.apply(state.to_move()[0], move("hold"))
        fired = {e["event"]: e["turn"] for e in state.events if e["kind"] == "news"}
        heads = "coin" in fired
        outcomes.add(heads)
        assert sum(1 for e in state.events if e.get("event") == "coin") == int(heads)
        assert fired.get("coin", 1) == 1, "a miss on day 1 is final"
        assert ("after_coin" in fired) == heads
    assert outcomes == {True, False}


# -- news and signed deals --------------------------------------------------------------------

def news_titles_by_day_four(signed):
    state = fresh()
    if signed:
        sign(state, signed)
    for _ in range(3):
        next_day(state)
    return [e["event"] for e in state.observation("eu")["news"] if e["kind"] == "news"]


def test_news_that_a_signed_deal_would_contradict_stays_away():
    without = news_titles_by_day_four(None)
    assert {"erdogan_hopes", "two_more_killed", "evros_standoff", "patriots_unanswered"} <= set(without)
    truce = news_titles_by_day_four({"ceasefire": "local"})
    assert "erdogan_hopes" not in truce and "two_more_killed" not in truce
    assert "evros_standoff" in truce
