"""Promises: every agreement, what it bound each side to, who kept and who broke it, and the trust
between the seats that dealt with each other, day by day."""

from __future__ import annotations

from game.engine.kinds import EventKind
from game.present import debrief
from game.present.table import Words, agreement_card

from .story import Story

MAX_TRUST_LINES = 8


def agreements(w: Words, state_agreements: list, events: list, breaches: list) -> list:
    out = []
    for a in state_agreements:
        card = agreement_card(w, a)
        kept: dict = {}
        for e in events:
            if e["kind"] == EventKind.KEPT and e.get("agreement") == a["id"]:
                kept.setdefault(tuple(e["seats"]), []).append(e["turn"])
        lines = [{"tone": "good", "text": debrief.kept_line(w, list(seats), days)} for seats, days in kept.items()]
        broken = [b for b in breaches if b["agreement"] == a["id"]]
        lines += [{"tone": "bad", "text": debrief.broken_line(w, b["seat"], b["turn"], b["move"])} for b in broken]
        if not a["obligations"]:
            lines.append({"tone": "muted", "text": debrief.no_obligations_line()})
        out.append({**card, "lines": lines, "broken": bool(broken), "kept_by": sorted({s for k in kept for s in k}),
                    "broken_by": sorted({b["seat"] for b in broken}), "turn": a["turn"],
                    "parties": list(a["parties"]), "terms_raw": dict(a["terms"])})
    return out


def trust_pairs(seat_ids: list, state_agreements: list, breaches: list, story: Story) -> list:
    """The trust of each seat in each seat it signed with or was betrayed by, at the end of every day:
    [{"from", "to", "values": [(day, trust), ...]}], the pairs whose trust moved most first."""
    pairs: set = set()
    for a in state_agreements:
        for x in a["parties"]:
            pairs.update((x, y) for y in a["parties"] if y != x)
    for b in breaches:
        agreement = next(a for a in state_agreements if a["id"] == b["agreement"])
        pairs.update((x, b["seat"]) for x in agreement["parties"] if x != b["seat"])
    index = {s: k for k, s in enumerate(seat_ids)}
    out = []
    for a, b in pairs:
        values = [(day.turn, day.trust[index[a]][index[b]]) for day in story.days]
        out.append({"from": a, "to": b, "values": values})
    out.sort(key=lambda p: (-abs(p["values"][-1][1] - p["values"][0][1]), index[p["from"]], index[p["to"]]))
    return out


def trust_lines(w: Words, pairs: list) -> list:
    return [debrief.trust_line(w, p["from"], p["to"], p["values"][0][1], p["values"][-1][1]) for p in pairs]
