"""How a leader reads the news: offers, answers and statements teach it what each counterpart wants and how far
it has come; kept and broken agreements feed its reputation of each seat; scenario events it has seen happen."""

from __future__ import annotations

from game.engine.kinds import KEPT_OR_BROKEN, EventKind

OFFER_NEWS = (EventKind.PROPOSAL, EventKind.ACCEPT, EventKind.REJECT)


def absorb(leader, obs):
    """Take in the news the observation brings that the leader has not read yet."""
    if not obs["news"]:
        leader.seen = obs["events_seen"]
        return
    known = leader.known
    for p in obs["proposals"]:
        known.setdefault(p["id"], p)
    agreements = None
    for event in obs["news"]:
        n = event["n"]
        if n in leader.absorbed:
            continue
        leader.absorbed.add(n)
        kind, who = event["kind"], event["seat"]
        if kind == EventKind.NEWS and event.get("event"):
            leader.fired.add(event["event"])
        if kind in KEPT_OR_BROKEN:
            if agreements is None:
                agreements = {a["id"]: a for a in obs["agreements"]}
            leader.reputation.heard(event, agreements)
        if who == leader.seat or who not in leader.beliefs:
            continue
        if kind == EventKind.STATEMENT:
            leader.beliefs[who].stated(event["issue"], event["option"])
        elif kind in OFFER_NEWS and (prop := known.get(event.get("proposal"))):
            _heard_offer(leader, kind, who, prop, event, obs)
    leader.seen = obs["events_seen"]


def _heard_offer(leader, kind, who, prop, event, obs):
    if kind == EventKind.REJECT and prop["proposer"] != leader.seat:
        return      # only a refusal of its own offer tells it something it uses
    # A package leaves the issues it does not name as they are: it is read as that outcome.
    terms = leader.table.whole(prop["terms"], obs)
    if kind == EventKind.PROPOSAL:
        leader.beliefs[who].proposed(terms)
        answered = leader.known.get(event.get("counter_to"))
        if answered and answered["proposer"] == leader.seat:
            # A counter-offer turns down the package it answers.
            mine = leader.table.whole(answered["terms"], obs)
            leader.beliefs[who].refused(mine)
            leader.concessions.turned_down(who, mine)
        if leader.seat in prop["parties"]:
            leader.concessions.offered(who, terms)
    elif kind == EventKind.ACCEPT:
        leader.beliefs[who].accepted(terms)
        if prop["proposer"] == leader.seat:
            leader.agreed_by.add(who)
    else:
        leader.beliefs[who].refused(terms)
        leader.concessions.turned_down(who, terms)
