"""Questions about the Pareto frontier of a package space too large to list.

The frontier is first covered whole (`cover`), thinned if it is too large to keep. Each question
then needs only part of it: the frontier packages nearest an outcome are no worse than it on any
seat by more than their distance; those better for everyone lie above it; the Nash point lies
above a floor its product of gains sets. Built with that floor, the part is often small enough to
list exactly even when the whole frontier is not, and the answer is then exact; otherwise it comes
from the thinned cover, polished by local search, and says so (`exact` False).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from .cover import Cover, cover

TINY = 1e-9             # gains and distances closer than this are ties
SLACK = 1e-12           # what summing the same utilities in another order may change
# Frontier packages kept, by the number of seats: filtering is cheap for two or three, dear beyond.
CAPS = {1: 1, 2: 20_000, 3: 8_000}
CAP_MANY = 2_000
PART_CAP = 2_000        # frontier packages a part may hold and still be listed exactly...
ABOVE_CAP = 4_000       # ...and the part at least as good as an outcome for everyone, usually small
TRY_BELOW = 250         # a part is listed only if fewer of the sample's packages than this lie in it
WIDENINGS = 3           # tries at the part near an outcome before settling for the estimate
KEPT_PARTS = 256        # parts kept for the questions that come again (the same terms day after day)
BOUND_STEPS = 300       # Frank-Wolfe steps for the bound on the Nash product
_UNSEEN = object()


@dataclass(frozen=True)
class Answer:
    row: np.ndarray | None      # the package: an option index per issue; None when there is none
    utilities: np.ndarray | None
    value: float                # the distance, the smallest gain, or the product of gains
    exact: bool


class LargeFront:
    """The frontier over issues whose options are worth values[k][option, seat] to each seat, plus
    `fixed`, what the other issues are worth where they are held."""

    def __init__(self, values: list, fixed, cap: int = 0, part_cap: int = PART_CAP):
        self.values = values
        self.fixed = np.asarray(fixed, float)
        d = len(self.fixed)
        self.part_cap = part_cap
        self.ideal = self.fixed + sum(v.max(axis=0) for v in values)
        self.sample = cover(values, cap or CAPS.get(d, CAP_MANY))
        self.exact = self.sample.exact
        self.points = self.sample.values + self.fixed
        self._parts: OrderedDict = OrderedDict()

    def utilities(self, rows) -> np.ndarray:
        rows = np.atleast_2d(rows)
        return self.fixed + sum(v[rows[:, k]] for k, v in enumerate(self.values))

    def above(self, floor, cap: int = 0) -> Cover | None:
        """Every frontier package at least `floor` for each seat, or None if there are more than `cap` to
        list (judged first from how many of the sample's packages are above it)."""
        floor = np.asarray(floor, float)
        cap = cap or self.part_cap
        if self.exact:
            keep = (self.points >= floor - SLACK).all(axis=1)
            return Cover(self.sample.rows[keep], self.sample.values[keep], self.sample.error)
        key = (tuple(floor.tolist()), cap)
        part = self._parts.get(key, _UNSEEN)
        if part is not _UNSEEN:
            return part
        part = None
        if (self.points >= floor - SLACK).all(axis=1).sum() <= min(cap // 8, TRY_BELOW):
            part = cover(self.values, cap, floor - self.fixed, whole=True)
        if part is not None:
            keep = (part.values + self.fixed >= floor - SLACK).all(axis=1)
            part = Cover(part.rows[keep], part.values[keep], part.error)
        self._parts[key] = part
        if len(self._parts) > KEPT_PARTS:
            self._parts.popitem(last=False)
        return part

    def supported(self) -> np.ndarray:
        """Packages best for a positive weighted sum of the seats, one per seat and one for all: each is
        on the frontier, for another package better for some seat and worse for none would sum higher."""
        d = len(self.fixed)
        weights = np.vstack([np.ones(d), np.eye(d) + 1e-3])
        return np.array([[int(np.argmax(v @ w)) for v in self.values] for w in weights])

    # -- the nearest frontier package --------------------------------------------------------------

    def nearest(self, u) -> Answer:
        u = np.asarray(u, float)
        dist = np.sqrt(((self.points - u) ** 2).sum(axis=1))
        guess = int(np.argmin(dist))
        if self.exact:
            return Answer(self.sample.rows[guess], self.points[guess], float(dist[guess]), True)
        # On the frontier itself when nothing is at least as good for everyone but itself.
        mine = self.above(u, ABOVE_CAP)
        if mine is not None and len(mine.rows) and (np.abs(mine.values + self.fixed - u) <= TINY).all():
            return Answer(mine.rows[0], mine.values[0] + self.fixed, 0.0, True)
        sure = self.supported()
        sure_u = self.utilities(sure)
        sure_d = np.sqrt(((sure_u - u) ** 2).sum(axis=1))
        certain = float(sure_d.min())
        r = min(certain, float(dist[guess]))
        for _ in range(WIDENINGS):
            part = self.above(u - r - TINY)
            if part is None:
                break
            points = part.values + self.fixed
            near = np.sqrt(((points - u) ** 2).sum(axis=1))
            best = int(np.argmin(near)) if len(near) else -1
            # The nearest frontier package is no worse than u by more than its distance on any seat, so
            # once one lies within r, every package that could be nearer is in this part.
            if best >= 0 and near[best] <= r + TINY:
                return Answer(part.rows[best], points[best], float(near[best]), True)
            if r >= certain:
                break
            r = min(certain, 2 * r + TINY)
        # An estimate: the nearest of the sample, the packages best for a weighted sum, and the frontier
        # packages at least as good as u for everyone when those could be listed.
        rows = [self.sample.rows, sure] + ([mine.rows] if mine is not None else [])
        points = np.vstack([self.points, sure_u] + ([mine.values + self.fixed] if mine is not None else []))
        near = np.sqrt(((points - u) ** 2).sum(axis=1))
        best = int(np.argmin(near))
        return Answer(np.vstack(rows)[best], points[best], float(near[best]), False)

    # -- the frontier package best for everyone ------------------------------------------------------

    def best_for_all(self, u) -> Answer:
        """The frontier package whose smallest gain over u is largest, when every seat gains."""
        u = np.asarray(u, float)
        part = self.above(u + TINY, ABOVE_CAP)
        if part is not None:
            if not len(part.rows):
                return Answer(None, None, 0.0, True)
            gains = (part.values + self.fixed - u).min(axis=1)
            best = int(np.argmax(gains))
            return Answer(part.rows[best], part.values[best] + self.fixed, float(gains[best]), True)
        gains = (self.points - u).min(axis=1)
        # The sample is thinned: start from its best for all, or the package itself, and climb.
        row = self.sample.rows[int(np.argmax(gains))] if gains.max() > TINY else None
        if row is None:
            return Answer(None, None, 0.0, False)
        row = climb(self.values, self.fixed, row, lambda U: (U - u).min(axis=-1))
        U = self.utilities(row)[0]
        return Answer(row, U, float((U - u).min()), False)

    # -- the Nash point ----------------------------------------------------------------------------

    def nash(self, reservations) -> Answer:
        """The package with the largest product of gains over the reservations, when one gives every
        seat a gain."""
        r = np.asarray(reservations, float)
        product = gains_product(self.points, r)
        if self.exact or product.max() <= 0:
            if product.max() <= 0:
                return self._nash_from_scratch(r)
            best = int(np.argmax(product))
            return Answer(self.sample.rows[best], self.points[best], float(product[best]), True)
        row = climb(self.values, self.fixed, self.sample.rows[int(np.argmax(product))],
                    lambda U: gains_product(U, r))
        U = self.utilities(row)[0]
        found = float(gains_product(U, r))
        # No package beats this product unless it gives each seat at least this much.
        room = np.maximum(self.ideal - r, TINY)
        part = self.above(np.maximum(r + found / (np.prod(room) / room), r + TINY))
        if part is not None and len(part.rows):
            exact = gains_product(part.values + self.fixed, r)
            best = int(np.argmax(exact))
            return Answer(part.rows[best], part.values[best] + self.fixed, float(exact[best]), True)
        # Exact all the same when no mixture of options does better (the optimum is a supported point).
        return Answer(row, U, found, self.nash_bound(r, U) <= found * (1 + 1e-9))

    def _nash_from_scratch(self, r) -> Answer:
        """When no sampled package gives every seat a gain: whether any does, and the best if so."""
        part = self.above(r + TINY)
        if part is not None:
            if not len(part.rows):
                return Answer(None, None, 0.0, True)
            product = gains_product(part.values + self.fixed, r)
            best = int(np.argmax(product))
            return Answer(part.rows[best], part.values[best] + self.fixed, float(product[best]), True)
        # Climb towards the largest smallest gain from the sample's best for that and from the packages
        # best for each seat, until one gives every seat a gain.
        starts = [self.sample.rows[int(np.argmax((self.points - r).min(axis=1)))], *self.supported()]
        for start in starts:
            row = climb(self.values, self.fixed, start, lambda U: (U - r).min(axis=-1))
            if (self.utilities(row)[0] - r).min() > 0:
                row = climb(self.values, self.fixed, row, lambda U: gains_product(U, r))
                U = self.utilities(row)[0]
                return Answer(row, U, float(gains_product(U, r)), False)
        return Answer(None, None, 0.0, False)

    def nash_bound(self, reservations, start) -> float:
        """An upper bound on any package's product of gains: the best product over mixtures of options
        (the space's convex hull), approached by Frank-Wolfe from the utilities `start`; at each step the
        duality gap bounds how far the optimum can lie above."""
        r = np.asarray(reservations, float)
        U = np.asarray(start, float)
        bound = np.inf
        for _ in range(BOUND_STEPS):
            g = 1.0 / (U - r)
            vertex = self.fixed + sum(v[int(np.argmax(v @ g))] for v in self.values)
            gap = float(g @ (vertex - U))
            bound = min(bound, float(np.log(U - r).sum()) + gap)
            if gap <= 1e-12:
                break
            U = U + _step(U - r, vertex - U) * (vertex - U)
        return float(np.exp(bound))


def gains_product(U: np.ndarray, r: np.ndarray) -> np.ndarray:
    """The product of gains over r, or -1 where some seat does not gain. A gain within rounding of zero is none:
    the same package summed issue by issue or as a whole may land either side of zero."""
    gains = U - r
    return np.where((gains > SLACK).all(axis=-1), np.prod(np.clip(gains, 0, None), axis=-1), -1.0)


def _step(gains, direction) -> float:
    """The step in [0, 1] along `direction` that maximises the sum of log gains (a concave function)."""
    end = gains + direction
    if (end > 0).all() and (direction / end).sum() >= 0:
        return 1.0
    lo, hi = 0.0, 1.0
    for _ in range(40):
        mid = (lo + hi) / 2
        at = gains + mid * direction
        if (at > 0).all() and (direction / at).sum() > 0:
            lo = mid
        else:
            hi = mid
    return lo


def climb(values: list, fixed: np.ndarray, row, score) -> np.ndarray:
    """Change one issue at a time to its best option for `score` until no change helps."""
    row = np.array(row)
    U = fixed + sum(v[row[k]] for k, v in enumerate(values))
    current = float(score(U))
    improved = True
    while improved:
        improved = False
        for k, v in enumerate(values):
            trial = U - v[row[k]] + v
            scores = score(trial)
            o = int(np.argmax(scores))
            if scores[o] > current + TINY:
                row[k], U, current, improved = o, trial[o], float(scores[o]), True
    return row
