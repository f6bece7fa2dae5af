"""Scores at the end of a game, and the table's outcome beside history's."""

from __future__ import annotations

from game.scenario.model import Settled

from .obligations import BREACH_POINTS
from .world import STAT_INDEX, holds

REVERSAL_POINTS = -2


def scores(state) -> dict:
    """Per seat: deal utility against walk-away, objectives met, stat changes, integrity."""
    g = state.game
    scen = g.scenario
    outcome = state.outcome()
    out = {}
    for k, seat in enumerate(scen.seats):
        utility = g.space.utility(seat.id, outcome)
        deal = round(100 * (utility - seat.preferences.reservation))
        met = [o.id for o in seat.objectives if holds(state, o.when)]
        objective_points = sum(o.points for o in seat.objectives if o.id in met)
        start = dict(seat.stats)
        delta = sum(int(state.stats[k, STAT_INDEX[s]]) - start[s] for s in ("domestic", "standing"))
        stat_points = delta // 2
        breaches = sum(1 for b in state.breaches if b["seat"] == seat.id)
        reversals = sum(1 for r in state.reversals if r["seat"] == seat.id)
        integrity = BREACH_POINTS * breaches + REVERSAL_POINTS * reversals
        out[seat.id] = {
            "total": deal + objective_points + stat_points + integrity,
            "deal": deal, "utility": round(utility, 6), "reservation": seat.preferences.reservation,
            "objectives": objective_points, "objectives_met": met, "stats": stat_points,
            "integrity": integrity, "breaches": breaches, "reversals": reversals,
        }
    return out


def history_comparison(state) -> dict:
    """Issue by issue: the table's option beside what the real summit did with the issue.

    Closeness counts only what the summit itself settled: an issue it agreed is measured by how far
    the table's option lies from history's (0..1 along the options); an issue it left open matches
    a table that left it unsigned too, and a table that signed anything on it departs from history
    (distance 1). What was said only in words, or covered by an earlier contract, is set beside the
    table's result for the debrief but not counted (distance None).
    """
    scen = state.game.scenario
    outcome = state.outcome()
    rows = []
    for issue in scen.issues:
        entry = scen.history.entry(issue.id)
        table = outcome.get(issue.id, issue.default)
        signed = issue.id in outcome
        rows.append({"issue": issue.id, "name": issue.name, "table": table, "signed": signed,
                     "settled": str(entry.settled), "history": entry.option, "note": entry.note,
                     "distance": _distance(issue, entry, table, signed)})
    counted = [r["distance"] for r in rows if r["distance"] is not None]
    closeness = 1.0 - sum(counted) / len(counted)
    return {"issues": rows, "closeness": round(closeness, 6)}


def _distance(issue, entry, table: str, signed: bool):
    if entry.settled is Settled.AGREED:
        span = max(1, len(issue.options) - 1)
        return round(abs(issue.options.index(table) - issue.options.index(entry.option)) / span, 6)
    if entry.settled is Settled.OPEN:
        return 1.0 if signed else 0.0
    return None
