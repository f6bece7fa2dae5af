"""A leader's own initiatives: an opening public demand, and compromises between others."""

from __future__ import annotations

import numpy as np

from game.engine.actions import Action
from game.engine.kinds import ActionType

from . import voice
from .levels import Model

MEDIATION_GAIN = 0.05   # a mediator steps in only where a deal would clearly serve it
MEDIATION_TRIES = 2     # compromises offered to the same two sides in a game
MEDIATION_FROM = 3      # the day from which a mediator steps in, once the sides have had time alone
DEMAND_RISK = 0.65      # leaders at least this bold open the summit with a public demand


def public_demand(leader, obs, legal):
    """A bold leader opens by stating in public its best option on the issue it cares most
    about: the stand makes backing down cost it at home, so the others know it will hold,
    and it tells the table, and any mediator, where it stands. A hard leader takes that stand
    whatever its temper when the option is the one already in force: it only has to keep
    what it has."""
    if obs["turn"] != 1 or obs["round"] != 1 or leader.level.model == Model.NONE \
            or not any(a.type == ActionType.STATEMENT for a in legal):
        return None
    mine = [k for _, ks in leader.my_groups for k in leader.table.open_issues(ks, obs)]
    if not mine:
        return None
    k = max(mine, key=lambda k: float(np.ptp(leader.table.tables[k])))
    o = int(np.argmax(leader.table.tables[k]))
    keeps = leader.level.model == Model.FULL and o == leader.table.base(obs["settled"])[k]
    if leader.personality["risk"] < DEMAND_RISK and not keeps:
        return None
    return Action(ActionType.STATEMENT, issue=leader.table.ids[k], option=leader.table.options[k][o])


def mediate(leader, obs):
    """A compromise between two sides whose issues this leader does not sign, once both have shown their hand."""
    for group, ks in leader.other_groups:
        open_ks = leader.table.open_issues(ks, obs)
        parties = tuple(sorted(set(group) | {leader.seat}))
        tries = [turn for turn, p in leader.mediated if p == parties]
        if not open_ks or obs["turn"] < MEDIATION_FROM or obs["turn"] in tries or len(tries) >= MEDIATION_TRIES \
                or leader.pending_with(obs, parties):
            continue
        partners = list(group)
        # Without having seen what each side asks for in the open, it has no compromise to offer.
        if not all(leader.beliefs[p].seen[open_ks].any() for p in partners):
            continue
        ks_full, packages, total, base = leader.candidates(obs, open_ks, partners)
        leader.mediated.append((obs["turn"], parties))
        # A compromise: among packages that serve the mediator, the one giving both sides the
        # most over what they seem to need (the Nash product of their believed gains).
        useful = total - leader.table.utility(base) >= MEDIATION_GAIN
        product = np.ones(len(packages))
        for other in partners:
            belief = leader.beliefs[other]
            product *= np.clip(belief.group_utility(ks_full, base, packages) - belief.threshold(), 0, None)
        product = np.where(useful & ~leader.refused(ks_full, packages, partners), product, 0.0)
        # Between equal compromises, the one that serves the mediator best.
        choice = int(np.argmax(product + 1e-6 * total * (product > 0)))
        if product[choice] <= 0:
            continue
        return Action.from_dict({"type": ActionType.PROPOSE, "parties": list(parties), "expires": leader.expiry(obs),
                                 "terms": leader.table.changes(leader.table.terms(ks_full, packages[choice]),
                                                                obs["settled"]),
                                 "reason": voice.mediation(leader.me)})
    return None
