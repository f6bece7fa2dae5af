"""'What would you want for this?': what the leader would sign now, said as advice, and kept.

The answer names the package nearest the asker's terms that the leader would accept if it were
offered now, found with the same judgement as an answer to an offer, and the leader keeps to it:
offered that very package by the asker the same day, it signs (promised). Its opening ask,
what it would put forward itself, is named beside it as such.
"""

from __future__ import annotations

import numpy as np

from game.engine.kinds import ActionType

from . import voice


def advise(leader, obs, asker, terms, parties=()):
    """(terms it would sign, or None; what it says), for `terms` put to it by `asker` with `parties`."""
    issues = leader.issues_by_id
    terms = {i: str(o) for i, o in terms.items() if i in leader.table.index}
    partners = [p for p in leader.beliefs if p != leader.seat and (p == asker or p in parties)]
    mine = [issues[i] for i in obs["open_issues"] if leader.seat in issues[i]["signatories"]]
    if not terms:
        return None, voice.not_mine(leader.me, mine)
    # Judged as if the terms had been put to it, for putting them shows how far the asker has come.
    supposed = leader.concessions.offered(asker, leader.table.whole(terms, obs)) \
        if asker in leader.beliefs else None
    try:
        verdict, _, reason = leader.judge(obs, terms, partners)
        opening = opening_ask(leader, obs, terms, partners)
    finally:
        if supposed is not None:
            leader.concessions.forget(supposed)
    wanted = terms if verdict == ActionType.ACCEPT else nearest_acceptable(leader, obs, asker, terms, partners)
    if wanted is not None and wanted != terms:
        # Named as it would offer them: the terms that change something, the rest left unsigned.
        wanted = leader.table.changes(wanted, obs["settled"]) or None
    if wanted is not None:
        signers = frozenset(parties) | {asker, leader.seat}
        leader.promises.append((asker, obs["turn"], dict(wanted), signers))
        said = voice.want_answer(leader.me, issues, leader.table.whole(terms, obs), leader.table.whole(wanted, obs),
                                 opening if wanted != terms else None, named=terms)
        return wanted, said
    if not any(leader.seat in issues[i]["signatories"] for i in terms):
        return None, reason + " " + voice.not_mine(leader.me, mine)
    # A counter-offer's note names terms it would want as a reply; as an answer it would mislead (those terms may
    # be what is already signed): nothing near these terms would it sign now.
    return None, reason if verdict == ActionType.REJECT else voice.want_answer(leader.me, issues, terms, None)


def nearest_acceptable(leader, obs, asker, terms, partners, tries=200):
    """The package over the asked issues it would sign now that lies nearest the asked terms, option by
    option (the most of what the asker wants), each judged as if offered; None if none is near enough.
    The terms are read as the outcome they would leave (the group's other open issues unsigned), so the
    nearest package may settle an issue the asker left out."""
    terms = leader.table.whole({i: o for i, o in terms.items() if i in obs["open_issues"]}, obs)
    ks = sorted(leader.table.index[i] for i in terms)
    if not ks:
        return None
    ks_full, packages, total, _ = leader.candidates(obs, ks, partners, leader.table.row(ks, terms))
    # Nothing is signed that does not improve on what is in force, nor below the lowest demand any offer
    # could bring it to: the one it would make were it offered its own best package (a concession brings a
    # demand down; the rule never to ask for less than was offered only raises it).
    now, floor, _ = leader._bounds(obs, ks_full)
    lowest = floor
    if not (obs["turn"] == obs["summit_turn"] and obs["round"] == obs["talk_rounds"]):
        best = leader.table.whole(leader.table.terms(ks_full, packages[int(np.argmax(total))]), obs)
        supposed = leader.concessions.offered(asker, best) if asker in leader.beliefs else None
        try:
            lowest = max(floor, leader._demand(obs, ks_full, partners, offered=False)[0])
        finally:
            if supposed is not None:
                leader.concessions.forget(supposed)
    ok = np.flatnonzero((total >= lowest - 1e-9) & (total > now + 1e-9))
    asked = leader.table.row(ks_full, terms)
    spans = np.array([max(1, len(leader.table.options[k]) - 1) for k in ks_full], float)
    distance = np.where(asked >= 0, np.abs(packages[ok] - asked) / spans, 0.0).sum(axis=1)
    # Nearest first; between equals, what leaves it the least over its own value of the asked terms.
    order = ok[np.lexsort((total[ok], distance))]
    for choice in order[:tries]:
        wanted = leader.table.terms(ks_full, packages[choice])
        if would_sign(leader, obs, asker, wanted, partners):
            return wanted
    return None


def opening_ask(leader, obs, terms, partners):
    """What it would put forward itself on these issues now: its opening ask, or None."""
    ks = [leader.table.index[i] for i in terms if i in obs["open_issues"]]
    if not ks:
        return None
    demand, _ = leader._demand(obs, ks, partners)
    # Saying what it would ask for is not deciding anything: the leader's own draws stay as they were.
    drawn = leader.rng.bit_generator.state
    try:
        picked = leader._pick(obs, ks, partners, demand)
    finally:
        leader.rng.bit_generator.state = drawn
    return None if picked is None else leader.table.changes(leader.table.terms(picked[0], picked[1]), obs["settled"])


def promised(leader, obs, prop) -> bool:
    """Whether it named these very terms, with these parties, to their proposer the day the offer was made
    (and nobody party to it has since broken its word with it): what it said it would sign, it signs."""
    parties = frozenset(prop["parties"])
    if any(leader.breach_by(obs, p) for p in parties if p != leader.seat):
        return False
    return any(asker == prop["proposer"] and turn == prop["turn"] and terms == prop["terms"] and
               signers == parties for asker, turn, terms, signers in leader.promises)

def would_sign(leader, obs, asker, terms, partners) -> bool:
    """Whether it would accept `terms` were `asker` to offer them now: the answer's own judgement, with the
    offer counted as the concession it would show, and nothing of it kept."""
    supposed = leader.concessions.offered(asker, leader.table.whole(terms, obs)) if asker in leader.beliefs else None
    try:
        return leader.judge(obs, terms, partners)[0] == ActionType.ACCEPT
    finally:
        if supposed is not None:
            leader.concessions.forget(supposed)
