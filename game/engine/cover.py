"""The Pareto frontier of a package space too large to list, built one issue at a time.

Utilities are additive, so a package's utilities are the sum of its options' and a package on
the frontier is made of parts each on the frontier of its own issues: the frontier over issues
1..k is the frontier of (the frontier over 1..k-1) + (each option of issue k). Built that way it
is exact, and cheap while the frontiers stay small, whatever the number of packages.

When a frontier grows past `cap` points it is thinned: every objective but the last is cut into
cells, and each cell keeps its point that is best on the last. A point dropped has one kept that
is no worse on the last objective and less than a cell's width worse on the others. The widths
add up over the issues into `Cover.error`: for every package of the space, some package of the
cover is at least as good on every objective less that error. An error of zero means the cover is
exactly the frontier.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Literal, overload

import numpy as np

DIGITS = 9      # utilities equal to this many decimals are ties, as in the listing of every package
BLOCK = 512     # rows compared at once when filtering three or more objectives
EXACT_ROWS = 2  # with four or more objectives, filter exactly up to this many times `cap` packages


@dataclass(frozen=True)
class Cover:
    rows: np.ndarray    # (packages, issues): the option index of each issue, issues in the order given
    values: np.ndarray  # (packages, objectives): each package's summed values
    error: np.ndarray   # (objectives,): how far any package of the space may lie beyond the cover

    @property
    def exact(self) -> bool:
        return not self.error.any()


def nondominated(U: np.ndarray, limit: int = 0):
    """Indices of the rows of U that no other row weakly dominates (of equal rows, one); with a
    `limit`, None as soon as more than that many are found (three or more objectives only)."""
    n, d = U.shape
    if n == 0:
        return np.zeros(0, int)
    R = np.round(U, DIGITS)
    if d == 1:
        return np.array([int(np.argmax(R[:, 0]))])
    if d == 2:
        order = np.lexsort((np.arange(n), -R[:, 1], -R[:, 0]))
        second = R[order, 1]
        before = np.maximum.accumulate(np.concatenate([[-np.inf], second[:-1]]))
        return np.sort(order[second > before])
    if d == 3:
        rest = _screen3(R)
        found = _sweep3(R[rest], limit)
        return None if found is None else rest[found]
    rest = np.arange(n)
    if n > 4 * BLOCK:
        # Rows best for a weighted sum are on the frontier; most rows that are not fall to one of them.
        pivots = np.unique(np.argmax(R @ _directions(d).T, axis=0))
        beaten = (R[pivots][None] >= R[:, None]).all(axis=2).any(axis=1)
        beaten[pivots] = False
        rest = np.flatnonzero(~beaten)
    # A row can only be dominated by one before it in this order (larger sum, or equal and larger first).
    S = R[rest]
    order = rest[np.lexsort((rest,) + tuple(-S[:, j] for j in range(d - 1, -1, -1)) + (-S.sum(axis=1),))]
    kept: list = []
    front = np.zeros((0, d))
    for start in range(0, len(order), BLOCK):
        block = order[start:start + BLOCK]
        X = R[block]
        if len(front):
            beaten = np.zeros(len(X), bool)
            for f in range(0, len(front), BLOCK):
                beaten |= np.any(np.all(front[None, f:f + BLOCK] >= X[:, None], axis=2), axis=1)
            block, X = block[~beaten], X[~beaten]
        inside = np.tril((X[None, :] >= X[:, None]).all(axis=2), -1).any(axis=1)
        block, X = block[~inside], X[~inside]
        kept.extend(block.tolist())
        front = np.concatenate([front, X])
        if limit and len(kept) > limit:
            return None
    return np.sort(np.array(kept, int))


def _screen3(R: np.ndarray) -> np.ndarray:
    """Rows of R (three objectives) that no row in a strictly higher cell of a grid on the first two
    beats on the third: a vector pass that leaves the frontier and few others for the sweep."""
    n = len(R)
    if n < 2048:
        return np.arange(n)
    g = min(1024, int(np.sqrt(n) / 2))
    cell = []
    for j in (0, 1):
        lo, hi = R[:, j].min(), R[:, j].max()
        cell.append(np.minimum(((R[:, j] - lo) / max(hi - lo, 1e-300) * g).astype(np.int64), g - 1))
    top = np.full((g + 1, g + 1), -np.inf)
    np.maximum.at(top, (cell[0], cell[1]), R[:, 2])
    above = np.maximum.accumulate(np.maximum.accumulate(top[::-1, ::-1], axis=0), axis=1)[::-1, ::-1]
    return np.flatnonzero(R[:, 2] > above[cell[0] + 1, cell[1] + 1])


def _sweep3(R: np.ndarray, limit: int):
    """Three objectives: rows in decreasing order of the first, each checked against the staircase of
    the other two among those before it (sorted by the second rising, so the third falls)."""
    n = len(R)
    order = np.lexsort((np.arange(n), -R[:, 2], -R[:, 1], -R[:, 0]))
    ys: list = []
    zs: list = []
    kept = []
    for i, y, z in zip(order.tolist(), R[order, 1].tolist(), R[order, 2].tolist()):
        at = bisect.bisect_left(ys, y)
        if at < len(ys) and zs[at] >= z:
            continue
        # Drop the staircase's points this one covers: the second no larger, the third no larger.
        start = at
        while start > 0 and zs[start - 1] <= z:
            start -= 1
        if at < len(ys) and ys[at] == y:
            at += 1
        ys[start:at] = [y]
        zs[start:at] = [z]
        kept.append(i)
        if limit and len(kept) > limit:
            return None
    return np.sort(np.array(kept, int))


def thin(U: np.ndarray, cap: int, grid: int = 0, counted: int = 0) -> tuple:
    """(indices of at most `cap` rows, cell widths, the grid used): one row per cell of the objectives
    but the last, the best on the last. The first `counted` objectives are whole numbers, and cells
    never mix two of them. `grid` is where the search starts."""
    n, d = U.shape
    if n <= cap:
        return np.arange(n), np.zeros(d), grid
    if d == 1:
        return np.array([int(np.argmax(U[:, 0]))]), np.zeros(1), grid
    whole = np.rint(U[:, :counted]).astype(np.int64)
    whole -= whole.min(axis=0) if counted else 0
    exact = np.zeros(n, np.int64)
    for j in range(counted):
        exact = exact * (int(whole[:, j].max()) + 1) + whole[:, j]
    kinds = len(np.unique(exact))
    binned = d - 1 - counted
    lo = U[:, counted:-1].min(axis=0)
    span = U[:, counted:-1].max(axis=0) - lo
    z = np.where(span > 0, (U[:, counted:-1] - lo) / np.where(span > 0, span, 1.0), 0.0)

    def cells(g):
        idx = np.minimum((z * g).astype(np.int64), g - 1)
        key = exact.copy()
        for j in range(binned):
            key = key * g + idx[:, j]
        return key

    # So few cells that they cannot hold more than cap points (when the whole numbers leave room).
    safe = max(1, int((cap / kinds) ** (1.0 / binned))) if binned else 1
    g = max(safe, grid)
    # Occupied cells grow about as the grid's power: aim at cap from what this grid holds.
    for _ in range(6 if binned else 0):
        count = len(np.unique(cells(g)))
        aim = int(g * (0.97 * cap / count) ** (1.0 / binned))
        if count <= cap and (aim <= g or count > 0.8 * cap):
            break
        g = max(safe, min(aim, 1 << (62 // (d - 1))))
    else:
        count = len(np.unique(cells(g)))
    if count > cap:
        g = safe
    key = cells(g)
    order = np.lexsort((-U[:, -1], key))
    first = np.concatenate([[True], key[order][1:] != key[order][:-1]])
    widths = np.concatenate([np.zeros(counted), span / g, [0.0]])
    return np.sort(order[first]), widths, g


@overload
def cover(values: list, cap: int, floor=None, whole: Literal[False] = False, counted: int = 0) -> Cover: ...
@overload
def cover(values: list, cap: int, floor=None, *, whole: bool, counted: int = 0) -> Cover | None: ...
def cover(values: list, cap: int, floor=None, whole: bool = False, counted: int = 0) -> Cover | None:
    """A cover of the frontier of every package over the issues whose options' values are `values`:
    values[k] is (options of issue k, objectives), and a package's values are the sum of its options'.

    With a `floor`, only the frontier packages at least that good on every objective. With `whole`,
    None as soon as the frontier would have to be thinned. The first `counted` objectives are whole
    numbers (such as how many issues a package changes) that thinning keeps apart."""
    d = values[0].shape[1] if values else 0
    error = np.zeros(d)
    # An option another option of its issue beats on every objective is in no frontier package.
    options = [nondominated(v) for v in values]
    order = sorted(range(len(values)), key=lambda k: (len(options[k]), k))
    rows = np.zeros((1, 0), np.int16)
    U = np.zeros((1, d))
    grid = 0
    if floor is not None:
        # A partial package can still reach the floor only if, along every direction, the floor lies
        # below it plus the best the remaining issues can add along that direction.
        directions = _directions(d)
        reach = [(values[k] @ directions.T).max(axis=0) for k in order]
        rest = [sum(reach[i + 1:], np.zeros(len(directions))) for i in range(len(order))]
    for step, k in enumerate(order):
        opts = options[k]
        n = len(opts)
        C = (U[:, None, :] + values[k][opts][None, :, :]).reshape(-1, d)
        live = np.arange(len(C))
        if floor is not None:
            live = np.flatnonzero(((floor - C) @ directions.T <= rest[step] + 1e-9).all(axis=1))
        if d == 3 and not whole and len(live) > 4 * cap:
            # The exact frontier of these may be many times cap: thin first what the screen leaves.
            screened = live[_screen3(np.round(C[live], DIGITS))]
            if len(screened) > 4 * cap:
                pick, widths, grid = thin(C[screened], 2 * cap, grid, counted)
                error += widths
                screened = screened[pick]
            live = screened
        # Two or three objectives filter fast at any size; more only while the packages are few.
        affordable = d <= 3 or len(live) <= EXACT_ROWS * cap
        found = nondominated(C[live], cap if whole else (0 if d <= 3 else 4 * cap)) if affordable else None
        if found is not None:
            keep = live[found]
        elif whole:
            return None
        else:
            pick, widths, grid = thin(C[live], cap, grid, counted)
            error += widths
            keep = live[pick[nondominated(C[live[pick]])]]
        if len(keep) > cap:
            if whole:
                return None
            pick, widths, grid = thin(C[keep], cap, grid, counted)
            error += widths
            keep = keep[pick]
        rows = np.column_stack([rows[keep // n], opts[keep % n].astype(np.int16)])
        U = C[keep]
    if not values:
        return Cover(rows, U, error)
    unsorted = np.empty(len(order), int)
    unsorted[order] = np.arange(len(order))
    return Cover(rows[:, unsorted], U, error)


def _directions(d: int, count: int = 24) -> np.ndarray:
    """The objectives' own directions, then mixtures of them spread over the simplex (fixed, not drawn)."""
    golden = (np.sqrt(5) - 1) / 2
    mixed = np.abs(np.sin(np.outer(np.arange(1, count + 1), np.arange(1, d + 1)) * golden * 7.0)) + 0.05
    return np.vstack([np.eye(d), mixed / mixed.sum(axis=1, keepdims=True)])
