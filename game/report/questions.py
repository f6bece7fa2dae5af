"""Questions for the class that come from what happened at this table, the most telling first."""

from __future__ import annotations

from game.engine.kinds import EventKind
from game.present import debrief
from game.present.table import Words

MAX_QUESTIONS = 6


def questions(w: Words, scenario, proposals: list, events: list, agreements: list, breaches: list,
              reversals: list, history_rows: list, better: dict | None, scores: dict) -> list:
    found = []   # (priority, text): lower first
    found += _changed_minds(w, scenario, proposals, events, agreements)
    agreement_turn = {a["id"]: a["turn"] for a in agreements}
    for b in breaches[:2]:
        found.append((1, debrief.question_breach(w, b["seat"], b["move"], b["turn"], agreement_turn[b["agreement"]])))
    for r in reversals[:1]:
        found.append((2, debrief.question_reversal(w, r["seat"], r["issue"])))
    if not agreements:
        found.append((0, debrief.question_no_deal(w)))
    elif better:
        found.append((2, debrief.question_value_left(w, better)))
    apart = [r for r in history_rows if r["settled"] == "agreed" and r["distance"]]
    if apart:
        row = max(apart, key=lambda r: r["distance"])
        found.append((3, debrief.question_history(w, row["issue"], row["table"], row["signed"], row["history"])))
    opened = [r for r in history_rows if r["settled"] == "open" and r["signed"]]
    if opened:
        found.append((4, debrief.question_open_history(w, opened[0]["issue"], opened[0]["table"])))
    found += _objectives(w, scenario, scores)
    found.sort(key=lambda f: f[0])
    return [text for _, text in found[:MAX_QUESTIONS]]


def _changed_minds(w: Words, scenario, proposals: list, events: list, agreements: list) -> list:
    """A seat that signed an option on an issue after refusing another: most telling when what it signed
    is worse for it than what it had refused."""
    refused: dict[str, list] = {}   # proposal id -> the seats that refused it (by a refusal or by countering it)
    for e in events:
        if e["kind"] == EventKind.REJECT:
            refused.setdefault(e["proposal"], []).append(e["seat"])
    for p in proposals:
        if p["counter_to"]:
            refused.setdefault(p["counter_to"], []).append(p["proposer"])
    by_id = {p["id"]: p for p in proposals}
    candidates = []
    for a in agreements:
        for seat in a["parties"]:
            values = scenario.seat(seat).preferences
            for issue_id, signed in a["terms"].items():
                options = scenario.issue(issue_id).options
                table = values.value_table(issue_id)
                weight = values.weight(issue_id)
                for pid, seats in refused.items():
                    p = by_id[pid]
                    if seat not in seats or p["proposer"] == seat or p["turn"] > a["turn"]:
                        continue
                    other = p["terms"].get(issue_id)
                    if other is None or other == signed:
                        continue
                    gave = weight * (table[options.index(other)] - table[options.index(signed)]) if table else 0.0
                    candidates.append((-gave, a["turn"] - p["turn"], seat, issue_id, signed, a["turn"], other,
                                       p["turn"]))
    candidates.sort(key=lambda c: (c[0], -c[1]))
    out: list = []
    seen: set = set()
    for _, _, seat, issue_id, signed, day, other, refused_day in candidates:
        if (seat, issue_id) in seen:
            continue
        seen.add((seat, issue_id))
        out.append((0 if len(out) == 0 else 3, debrief.question_changed_mind(w, seat, issue_id, signed, day, other,
                                                                              refused_day)))
        if len(out) == 2:
            break
    return out


def _objectives(w: Words, scenario, scores: dict) -> list:
    """The weightiest secret objective missed, and the weightiest met."""
    out = []
    for met in (False, True):
        best = None
        for seat in scenario.seats:
            for o in seat.objectives:
                if (o.id in scores[seat.id]["objectives_met"]) == met and (best is None or o.points > best[1].points):
                    best = (seat.id, o)
        if best:
            out.append((5, debrief.question_objective(w, best[0], best[1].text, met)))
    return out
