"""How good a table's outcome was: distance to the Pareto frontier and the Nash point.

Computed with the seats' real preferences, for the debrief and the simulate
statistics; the frontier of the whole outcome space is found once per scenario.
Up to the outcome space's MAX_SUBSPACE packages every one is listed; beyond,
the frontier is built issue by issue (game/engine/frontier.py), each figure is
exact when the part of the frontier it needs can be listed in full, and
`estimated` says whether any figure given so far was an estimate instead.
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
        self.ks = [self.space.issue_index[i] for i in issues]
        self.large = None if self.space.listable(issues) else self.space.large(self.seats, issues)
        self.estimated = False
        if self.large is None:
            self.front_terms, self.front = self.space.pareto(self.seats, issues)
            self.nash_terms, self.nash_u = self.space.nash(self.seats, issues)
            self.best_welfare = float(self.front.sum(axis=1).max())
            return
        front = self.large
        self.front_terms = [self.space.terms(self.ks, row) for row in front.sample.rows]
        self.front = front.points
        reservations = [self.space.reservations[self.space.seat_index[s]] for s in self.seats]
        nash = front.nash(reservations)
        self.nash_terms = None if nash.row is None else self.space.terms(self.ks, nash.row)
        self.nash_u = nash.utilities
        self.estimated = not nash.exact
        # The package best for the seats together takes, issue by issue, the option best for their sum.
        self.best_welfare = float(front.fixed.sum() + sum(v.sum(axis=1).max() for v in front.values))

    def utilities(self, outcome) -> np.ndarray:
        return np.array([self.space.utility(s, outcome) for s in self.seats])

    def _pareto_distance(self, u) -> float:
        if self.large is None:
            return float(np.sqrt(((self.front - u) ** 2).sum(axis=1)).min())
        found = self.large.nearest(u)
        self.estimated |= not found.exact
        return found.value

    def evaluate(self, outcome) -> dict:
        u = self.utilities(outcome)
        pareto = self._pareto_distance(u)
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
        if self.large is not None:
            found = self.large.best_for_all(u)
            self.estimated |= not found.exact
            if found.row is None:
                return None, None
            gains = found.utilities - u
            return self.space.terms(self.ks, found.row), dict(zip(self.seats, np.round(gains, 6).tolist()))
        gains = self.front - u
        ok = np.all(gains > 1e-9, axis=1)
        if not ok.any():
            return None, None
        best = int(np.argmax(np.where(ok, gains.min(axis=1), -np.inf)))
        return self.front_terms[best], dict(zip(self.seats, np.round(gains[best], 6).tolist()))


def limits(scenario) -> list:
    """What the engine can only estimate at this scenario's size, in words (empty when nothing)."""
    space = OutcomeSpace(scenario)
    if space.listable(scenario.issue_ids):
        return []
    frontier = frontier_for(scenario)
    if frontier.large is None or frontier.large.exact:
        return []
    return [f"the end-of-game analysis cannot list the Pareto frontier of {len(frontier.seats)} signing seats "
            f"over {space.count(scenario.issue_ids):,} packages: it keeps {len(frontier.front):,} of its packages, "
            "so distances to the frontier, and the package better for everyone, are estimates "
            "(docs/scenario-format.md, Sizes)"]


_FRONTIERS: dict = {}


def frontier_for(scenario) -> Frontier:
    """One Frontier per scenario version: a class's tables and a server's reports share it."""
    key = (scenario.id, scenario.content_hash)
    if key not in _FRONTIERS:
        _FRONTIERS[key] = Frontier(scenario)
    return _FRONTIERS[key]
