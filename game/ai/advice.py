"""'What would you want for this?': what the leader would sign now, said as advice, and kept.

The answer names the package nearest the asker's terms that the leader would accept if it were
offered now, found with the same judgement as an answer to an offer, and the leader keeps to it:
offered that very package by the asker the same day, it signs (leader.promised). Its opening ask,
what it would put forward itself, is named beside it as such.
"""

from __future__ import annotations

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
        opening = leader.opening(obs, terms, partners)
    finally:
        if supposed is not None:
            leader.concessions.forget(supposed)
    wanted = terms if verdict == ActionType.ACCEPT else leader.nearest_acceptable(obs, asker, terms, partners)
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
