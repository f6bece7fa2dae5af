"""How good a table's outcome was: distance to the Pareto frontier and the Nash point.

Computed with the seats' real preferences, for the debrief and the simulate
statistics; the frontier of the whole outcome space is found once per scenario.
"""

from __future__ import annotations

import numpy as np

from game.engine.outcomes import OutcomeSpace


class Frontier:
    def __init__(self, scenario):
        self.scenario = scenario
        self.space = OutcomeSpace(scenario)
        self.seats = [s for s in scenario.seat_ids if any(s in i.signatories for i in scenario.issues)]
        issues = list(scenario.issue_ids)
        _, self.front = self.space.pareto(self.seats, issues)
        self.nash_terms, self.nash_u = self.space.nash(self.seats, issues)
        self.best_welfare = float(self.front.sum(axis=1).max())

    def utilities(self, outcome) -> np.ndarray:
        return np.array([self.space.utility(s, outcome) for s in self.seats])

    def evaluate(self, outcome) -> dict:
        u = self.utilities(outcome)
        pareto = float(np.sqrt(((self.front - u) ** 2).sum(axis=1)).min())
        nash = float(np.sqrt(((self.nash_u - u) ** 2).sum())) if self.nash_u is not None else None
        return {"utilities": dict(zip(self.seats, np.round(u, 6).tolist())),
                "pareto_distance": round(pareto, 6),
                "nash_distance": None if nash is None else round(nash, 6),
                "unclaimed_welfare": round(self.best_welfare - float(u.sum()), 6)}
