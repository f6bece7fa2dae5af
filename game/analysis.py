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
        self.front_terms, self.front = self.space.pareto(self.seats, issues)
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

    def over_days(self, outcomes: list) -> list:
        """`evaluate` for each outcome of a sequence (the terms in force at the end of each day)."""
        return [self.evaluate(outcome) for outcome in outcomes]

    def better_for_all(self, outcome):
        """The frontier package that most raises the worst-off seat's utility above this outcome, when every
        seat gains from it: (terms, the gain of each seat), or (None, None) when no package gives all more."""
        u = self.utilities(outcome)
        gains = self.front - u
        ok = np.all(gains > 1e-9, axis=1)
        if not ok.any():
            return None, None
        best = int(np.argmax(np.where(ok, gains.min(axis=1), -np.inf)))
        return self.front_terms[best], dict(zip(self.seats, np.round(gains[best], 6).tolist()))


_FRONTIERS: dict = {}


def frontier_for(scenario) -> Frontier:
    """One Frontier per scenario version: a class's tables and a server's reports share it."""
    key = (scenario.id, scenario.content_hash)
    if key not in _FRONTIERS:
        _FRONTIERS[key] = Frontier(scenario)
    return _FRONTIERS[key]
