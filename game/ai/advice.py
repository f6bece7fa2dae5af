"""'What would you want for this?': the judgement an answer to the offer would make, said as advice."""

from __future__ import annotations

from . import voice


def advise(leader, obs, asker, terms, parties=()):
    """(terms it would sign, or None; what it says), for `terms` put to it by `asker` with `parties`.

    The same judgement as an answer to the offer, so that what it says it could sign, it signs.
    """
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
        verdict, wanted, reason = leader.judge(obs, terms, partners)
    finally:
        if supposed is not None:
            leader.concessions.forget(supposed)
    if verdict == "accept":
        return terms, voice.want_answer(leader.me, issues, terms, terms)
    asked = leader.table.whole(terms, obs)
    if wanted and wanted != asked:
        return leader.table.changes(wanted, obs["settled"]), voice.want_answer(leader.me, issues, asked, wanted)
    if not any(leader.seat in issues[i]["signatories"] for i in terms):
        return None, reason + " " + voice.not_mine(leader.me, mine)
    return None, reason
