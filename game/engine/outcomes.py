"""The outcome space as numpy arrays: utilities, Pareto frontiers, Nash points.

An outcome gives every issue one option. Utilities are additive, so a seat's
utility over any set of issues is a sum of per-issue value vectors, and the
frontier of any set of seats is a vector operation over the product of those
issues' options. The same functions take estimated value tables, so an AI
can run them on what it believes the others want.

Up to MAX_SUBSPACE packages every one is listed; beyond, the frontier is built
issue by issue and the Nash point searched for (game/engine/frontier.py).
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from .frontier import LargeFront

MAX_SUBSPACE = 250_000


class OutcomeSpace:
    def __init__(self, scenario):
        self.scenario = scenario
        self.issue_ids = scenario.issue_ids
        self.issue_index = {i: k for k, i in enumerate(self.issue_ids)}
        self.sizes = tuple(len(i.options) for i in scenario.issues)
        self.defaults = tuple(i.options.index(i.default) for i in scenario.issues)
        self.seat_ids = scenario.seat_ids
        self.seat_index = {s: k for k, s in enumerate(self.seat_ids)}
        # tables[seat][issue] = weight * value per option (a float64 vector)
        self.tables = [self._tables(seat.preferences) for seat in scenario.seats]
        self.reservations = np.array([s.preferences.reservation for s in scenario.seats])

    def _tables(self, prefs):
        out = []
        for issue in self.scenario.issues:
            weight = prefs.weight(issue.id)
            values = prefs.value_table(issue.id)
            vec = np.zeros(len(issue.options)) if values is None else np.asarray(values, dtype=float)
            out.append(weight * vec)
        return out

    # -- single packages -----------------------------------------------------

    def indices(self, terms) -> list:
        """Option indices for a full outcome: the terms given, defaults elsewhere."""
        idx = list(self.defaults)
        for issue, option in dict(terms).items():
            k = self.issue_index[issue]
            idx[k] = self.scenario.issues[k].options.index(option)
        return idx

    def utility(self, seat: str, terms) -> float:
        return utility_of(self.tables[self.seat_index[seat]], self.indices(terms))

    # -- sets of seats and issues ----------------------------------------------

    def count(self, issues) -> int:
        """How many packages the given issues make."""
        return math.prod(self.sizes[self.issue_index[i]] for i in issues)

    def listable(self, issues) -> bool:
        return self.count(issues) <= MAX_SUBSPACE

    def subspace(self, issues):
        """All combinations of the given issues' options, shape (N, len(issues))."""
        ks = [self.issue_index[i] for i in issues]
        count = self.count(issues)
        if count > MAX_SUBSPACE:
            raise ValueError(f"{count} packages is too many to enumerate; choose fewer issues")
        grids = np.meshgrid(*[np.arange(self.sizes[k]) for k in ks], indexing="ij")
        return ks, np.stack([g.ravel() for g in grids], axis=1) if ks else np.zeros((1, 0), int)

    def utilities(self, tables_by_seat, issues, base=None):
        """(packages, U) where U[p, s] is seat s's utility of package p.

        `tables_by_seat` is a list of per-issue weighted value vectors (real or
        estimated); issues outside `issues` take `base` (defaults if None).
        """
        ks, packages = self.subspace(issues)
        base = list(self.defaults if base is None else base)
        rest = [k for k in range(len(self.issue_ids)) if k not in ks]
        U = np.empty((len(packages), len(tables_by_seat)))
        for s, tables in enumerate(tables_by_seat):
            fixed = sum(tables[k][base[k]] for k in rest)
            col = np.full(len(packages), fixed, dtype=float)
            for j, k in enumerate(ks):
                col += tables[k][packages[:, j]]
            U[:, s] = col
        return ks, packages, U

    def large(self, seats, issues, tables_by_seat=None) -> LargeFront:
        """The frontier of these seats over these issues without listing every package; the other
        issues at their defaults."""
        tables = tables_by_seat or [self.tables[self.seat_index[s]] for s in seats]
        ks = [self.issue_index[i] for i in issues]
        values = [np.column_stack([t[k] for t in tables]) for k in ks]
        fixed = [sum(t[k][self.defaults[k]] for k in range(len(self.issue_ids)) if k not in ks) for t in tables]
        return LargeFront(values, np.array(fixed, float))

    def pareto(self, seats, issues, tables_by_seat=None):
        """Packages on the Pareto frontier for these seats: (list of terms dicts, their utilities). Past
        MAX_SUBSPACE packages, a cover of it (the frontier itself while small enough to keep)."""
        tables = tables_by_seat or [self.tables[self.seat_index[s]] for s in seats]
        if not self.listable(issues):
            front = self.large(seats, issues, tables)
            ks = [self.issue_index[i] for i in issues]
            return [self.terms(ks, row) for row in front.sample.rows], front.points
        ks, packages, U = self.utilities(tables, issues)
        keep = pareto_mask(U)
        return [self.terms(ks, packages[p]) for p in np.flatnonzero(keep)], U[keep]

    def nash(self, seats, issues, tables_by_seat=None, reservations=None):
        """The package maximising the product of gains over walk-away values.

        Returns (terms, utilities) or (None, None) when no package beats every
        seat's reservation value.
        """
        tables = tables_by_seat or [self.tables[self.seat_index[s]] for s in seats]
        if reservations is None:
            reservations = [self.reservations[self.seat_index[s]] for s in seats]
        if not self.listable(issues):
            found = self.large(seats, issues, tables).nash(reservations)
            if found.row is None:
                return None, None
            return self.terms([self.issue_index[i] for i in issues], found.row), found.utilities
        ks, packages, U = self.utilities(tables, issues)
        gains = U - np.asarray(reservations)
        ok = np.all(gains > 0, axis=1)
        if not ok.any():
            return None, None
        product = np.where(ok, np.prod(np.clip(gains, 1e-12, None), axis=1), -1.0)
        best = int(np.argmax(product))
        return self.terms(ks, packages[best]), U[best]

    def terms(self, ks, row) -> dict:
        return {self.issue_ids[k]: self.scenario.issues[k].options[int(o)] for k, o in zip(ks, row)}


def utility_of(tables, idx) -> float:
    return float(sum(tables[k][o] for k, o in enumerate(idx)))


def pareto_mask(U: np.ndarray) -> np.ndarray:
    """True for rows of U not weakly dominated by another row (ties keep one).

    Repeatedly takes the remaining row with the largest sum (it cannot be
    dominated by what is left) and drops every row it weakly dominates: one
    vector pass per frontier point.
    """
    n = len(U)
    keep = np.zeros(n, bool)
    if n == 0:
        return keep
    rounded = np.round(U, 9)
    alive = np.arange(n)
    sums = rounded.sum(axis=1)
    while len(alive):
        top = alive[int(np.argmax(sums[alive]))]
        keep[top] = True
        dominated = np.all(rounded[alive] <= rounded[top], axis=1)
        alive = alive[~dominated]
    return keep


def all_packages(space: OutcomeSpace, issues):
    """Every package over `issues` as terms dicts (for small sets, in tests)."""
    lists = [space.scenario.issue(i).options for i in issues]
    return [dict(zip(issues, combo)) for combo in itertools.product(*lists)]
