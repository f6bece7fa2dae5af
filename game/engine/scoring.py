"""Scores at the end of a game, and the table's outcome beside history's."""

from __future__ import annotations

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
    """Issue by issue: the table's option, history's, and the distance between them (0..1)."""
    scen = state.game.scenario
    outcome = state.outcome()
    real = dict(scen.history.outcome)
    rows = []
    for issue in scen.issues:
        table = outcome.get(issue.id, issue.default)
        history = real.get(issue.id, issue.default)
        span = max(1, len(issue.options) - 1)
        distance = abs(issue.options.index(table) - issue.options.index(history)) / span
        rows.append({"issue": issue.id, "name": issue.name, "table": table, "history": history,
                     "signed": issue.id in outcome, "distance": round(distance, 6)})
    closeness = 1.0 - sum(r["distance"] for r in rows) / len(rows)
    return {"issues": rows, "closeness": round(closeness, 6)}
