"""Choosing a unilateral move: what it does now, and to tomorrow's bargaining.

Points are in score units: a point of domestic support or standing is worth
half a score point at the end; a breach costs standing, support, integrity
points and the other parties' trust, which the next day's talks will feel.
"""

from __future__ import annotations

from functools import lru_cache

from game.engine.kinds import HOLD, ActionType
from game.engine.obligations import breaches
from game.engine.talks import Agreement
from game.scenario.vocabulary import ShiftStat, ShiftTrust, effect_from_data

from . import objectives
from .reputation import TRUST_COMFORT

STAT_WORTH = {"domestic": 0.5, "standing": 0.5, "military": 0.15, "economy": 0.2}
TRUST_WORTH_PARTNER = 0.08  # a trust point below comfort lowers what a partner asks by ~0.08 score points
TRUST_WORTH_OTHER = 0.01
HARM_WORTH = 0.08
PRESSURE = 3.0
REPEAT_WORTH = 0.5      # doing the same thing again is old news: each repeat is worth half as much
REPUTATION_COST = 10.0  # what being known at the table as a breaker costs in the talks that follow
ANSWER_LIKELY = 0.75    # a move another seat can make only once this one is made is an answer it keeps ready


def effects_of(leader, move_id) -> tuple:
    """The move's effects as the rules apply them; most moves are never weighed, so each is read once needed."""
    hit = leader.effects.get(move_id)
    if hit is None:
        hit = leader.effects[move_id] = tuple(_read_effect(e) for e in leader.moves[move_id]["effects"])
    return hit


def _read_effect(data: dict):
    """An effect read from its plain data: effects are values, so every leader of every game shares one reading
    (an effect kind with a list among its fields is read each time)."""
    try:
        return _effect(tuple(data.items()))
    except TypeError:
        return effect_from_data(data)


@lru_cache(maxsize=4096)
def _effect(items: tuple):
    return effect_from_data(dict(items))


def in_force(obs, kept=None) -> list:
    """The agreements in force, typed again from the observation so the rules can be asked about them. An
    agreement changes only in the issues it still settles, so `kept` (a dict) holds each one typed for next time."""
    out = []
    for a in obs["agreements"]:
        if not a["live"]:
            continue
        if kept is None:
            out.append(Agreement.from_dict(a))
            continue
        key = (a["id"], tuple(a["live"]))
        typed = kept.get(key)
        if typed is None:
            typed = kept[key] = Agreement.from_dict(a)
        out.append(typed)
    return out


def breach_cost(obs, seat, move_id, agreements) -> float:
    """What the breaches this move would commit cost, in score points, as the rules charge them."""
    cost = 0.0
    for breach in breaches(agreements, obs["statements"], seat, move_id):
        cost -= (breach.standing * STAT_WORTH["standing"] + breach.domestic * STAT_WORTH["domestic"]
                 + breach.points)
        cost -= sum(change * TRUST_WORTH_PARTNER for _, change in breach.trust)
        for eff in breach.penalty:
            if isinstance(eff, ShiftStat) and eff.seat == seat:
                cost -= STAT_WORTH.get(eff.stat, 0.1) * eff.add
        cost += REPUTATION_COST
    return cost


def trust_worth(leader, obs, other, change) -> float:
    """What a change in `other`'s trust in this seat is worth: only below the level where trust
    stops weighing on what a partner asks, and only while talks with it remain to be had."""
    if obs["turn"] >= obs["summit_turn"]:
        return 0.0     # the summit's talks are over by the time moves are revealed
    current = obs["trust"][other][leader.seat]
    below = min(current + change, TRUST_COMFORT) - min(current, TRUST_COMFORT)
    pending = any(other in group and leader.table.open_issues(ks, obs) for group, ks in leader.my_groups)
    return (TRUST_WORTH_PARTNER if pending else TRUST_WORTH_OTHER) * below


def answers_in_waiting(leader, obs, facts) -> list:
    """Other seats' moves not possible yet that would cost this seat if a move of its own opened them (a
    harassment and its answer), each likely made on every day left: (what opens it, its cost in points)."""
    days_left = obs["turns"] - obs["turn"]
    out = []
    for requires, cost in _answer_costs(leader, days_left):
        if cost > 0 and not requires.holds(facts):
            out.append((requires, cost))
    return out


def _answer_costs(leader, days_left) -> list:
    """(what opens it, its cost) for each other seat's move that waits on a condition, kept by days left."""
    kept = leader.answer_costs.get(days_left)
    if kept is None:
        me = leader.seat
        kept = leader.answer_costs[days_left] = [
            (requires, -sum(ANSWER_LIKELY * days_left * STAT_WORTH.get(eff.stat, 0.1) * eff.add
                            for eff in effects_of(leader, answer)
                            if isinstance(eff, ShiftStat) and eff.seat == me and eff.add < 0))
            for answer, requires in leader.move_requires.items() if leader.moves[answer]["seat"] != me]
    return kept


def evaluate(leader, obs, move_id, t, agreements, facts, waiting=()) -> float:
    if move_id == HOLD:
        return 0.0
    me = leader.seat
    move = leader.moves[move_id]
    effects = effects_of(leader, move_id)
    after = facts.after(me, move_id, effects)
    value = objectives.worth(leader.objectives, facts, after)
    if leader.level.lookahead:
        value -= sum(cost for opens, cost in waiting if opens.holds(after))
    for eff in effects:
        if isinstance(eff, ShiftStat):
            worth = STAT_WORTH.get(eff.stat, 0.1)
            if eff.seat == me:
                value += worth * eff.add
            elif obs["trust"][me][eff.seat] < 40:
                value -= HARM_WORTH * eff.add
            elif obs["trust"][me][eff.seat] > 60:
                value += HARM_WORTH * eff.add
        elif isinstance(eff, ShiftTrust) and eff.trusted == me and leader.level.lookahead:
            value += trust_worth(leader, obs, eff.truster, eff.add)
    honesty = leader.personality["honesty"]
    value -= breach_cost(obs, me, move_id, agreements) * (0.5 + honesty)
    if move["kind"] in ("escalate", "strike") and leader.level.lookahead:
        pending = leader.unsettled_gain(obs)
        value += PRESSURE * leader.personality["risk"] * (1.0 - t) * min(1.0, pending * 5) - PRESSURE * 0.5
    if value > 0:
        value *= REPEAT_WORTH ** sum(1 for _, seat, done in obs["moves"] if seat == me and done == move_id)
    return value


def choose(leader, obs, legal, t):
    agreements = in_force(obs, leader.typed_agreements)
    facts = objectives.SeenFacts(leader.public, obs, leader.fired)
    options = [a for a in legal if a.type == ActionType.MOVE]
    waiting = answers_in_waiting(leader, obs, facts) if leader.level.lookahead else []
    best, best_value = options[0], None
    for action in options:
        value = evaluate(leader, obs, action.move, t, agreements, facts, waiting)
        if leader.level.move_noise:
            value += float(leader.rng.normal(0.0, leader.level.move_noise))
        if best_value is None or value > best_value + 1e-9:
            best, best_value = action, value
    return best
