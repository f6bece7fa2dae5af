"""Packages an AI can put on the table, and its own utility for them.

Issues are grouped by who must sign them; a package settles some of one
group's issues. Everything is built from the public scenario and the seat's
own preferences, as numpy arrays, once per group and set of unsettled issues.

Up to MAX_PACKAGES packages it weighs every one. Beyond, it weighs a cover of
those that are best for it and for the other signatories as it believes them
(game/engine/cover.py): for every package, one no worse for anyone by more
than a little; and when it answers an offer, the same for each number of issues
changed from that offer, so the smallest change it would sign is among them.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from functools import lru_cache

import numpy as np

from game.engine.cover import cover

MAX_PACKAGES = 60_000
COVER_CAP = 300     # packages in a cover
KEPT_COVERS = 8     # covers kept for reuse (the beliefs they were built on change as the game goes)


@lru_cache(maxsize=64)
def _nearness(n: int) -> np.ndarray:
    p = np.arange(n)
    out = np.exp(-np.abs(p[None, :] - p[:, None]))
    out.setflags(write=False)     # shared by every table with an issue of n options
    return out


@lru_cache(maxsize=64)
def _flat(n: int) -> np.ndarray:
    out = np.full(n, 0.5)
    out.setflags(write=False)
    return out


class Table:
    """The public issues plus this seat's own weighted value vectors."""

    def __init__(self, public, seat, private):
        self.seat = seat
        self.issues = public["issues"]
        self.ids = [i["id"] for i in self.issues]
        self.index = {i: k for k, i in enumerate(self.ids)}
        self.options = [i["options"] for i in self.issues]
        self.defaults = [i["options"].index(i["default"]) for i in self.issues]
        # Options are ordered, so evidence about one spreads to its neighbours: row o of
        # nearness[k] is how near each option of issue k lies to option o.
        self.nearness = [_nearness(len(o)) for o in self.options]
        # A belief with nothing to go on yet gives every option the same middling value.
        self.flat = [_flat(len(o)) for o in self.options]
        prefs = private["preferences"]
        self.reservation = prefs["reservation"]
        self.tables = []
        for issue in self.issues:
            w = prefs["weights"].get(issue["id"], 0.0)
            vals = prefs["values"].get(issue["id"])
            vec = np.zeros(len(issue["options"])) if vals is None else np.asarray(vals, float)
            self.tables.append(w * vec)
        self.best = [float(t.max()) for t in self.tables]
        # Options some obligation attaches to: signing one binds a seat even at the issue's default.
        self.binding = [{o for ob in i["obligations"] for o in ob["options"]} for i in self.issues]
        groups: dict[tuple[str, ...], list[int]] = {}    # who signs -> the issues they sign
        for k, issue in enumerate(self.issues):
            groups.setdefault(tuple(sorted(issue["signatories"])), []).append(k)
        self.groups = groups
        self.group_of = [tuple(sorted(i["signatories"])) for i in self.issues]
        self._cache = {}
        self._rest: dict[tuple, list] = {}
        self._listable: dict[tuple, bool] = {}
        self._utility: dict[tuple, float] = {}
        self._open_in: dict | None = None   # the observation _open_now was worked out from
        self._open_now: set[int] = set()
        self._covers: OrderedDict = OrderedDict()

    def base(self, settled) -> list:
        idx = list(self.defaults)
        for issue, option in settled.items():
            k = self.index[issue]
            idx[k] = self.options[k].index(option)
        return idx

    def utility(self, idx) -> float:
        key = tuple(idx)
        hit = self._utility.get(key)
        if hit is None:
            hit = self._utility[key] = float(sum(self.tables[k][o] for k, o in enumerate(idx)))
        return hit

    def utility_after(self, settled, terms) -> float:
        idx = self.base(settled)
        for issue, option in terms.items():
            k = self.index[issue]
            idx[k] = self.options[k].index(option)
        return self.utility(idx)

    def fixed(self, ks, base) -> float:
        """Its utility from the issues outside ks, held at `base`."""
        rest = self._rest.get(ks)
        if rest is None:
            rest = self._rest[ks] = [k for k in range(len(self.ids)) if k not in ks]
        tables = self.tables
        return sum(tables[k][base[k]] for k in rest)

    def listable(self, ks) -> bool:
        key = tuple(ks)
        hit = self._listable.get(key)
        if hit is None:
            hit = self._listable[key] = math.prod(len(self.options[k]) for k in ks) <= MAX_PACKAGES
        return hit

    def space(self, ks, others=(), near=None):
        """(ks, packages, own utility over ks): every package over issue indices ks while they are
        few enough, else a cover of the best for this seat and for `others` (models of the other
        signatories: a seat, a version and weighted value tables), nearest `near` (a row) first."""
        key = tuple(ks)
        hit = self._cache.get(key)      # only listable spaces are kept here
        if hit is None:
            if not self.listable(ks):
                return self._cover(ks, others, near)
            sizes = [len(self.options[k]) for k in ks]
            grids = np.meshgrid(*[np.arange(n, dtype=np.int16) for n in sizes], indexing="ij")
            packages = np.stack([g.ravel() for g in grids], axis=1)
            own = np.zeros(len(packages))
            for j, k in enumerate(ks):
                own += self.tables[k][packages[:, j]]
            hit = (tuple(ks), packages, own)
            self._cache[key] = hit
        return hit

    def _cover(self, ks, others, near):
        key = (tuple(ks), tuple((o.seat, o.version) for o in others),
               None if near is None else tuple(int(x) for x in near))
        hit = self._covers.get(key)
        if hit is None:
            theirs = [o.weighted() for o in others] or [[-t for t in self.tables]]
            columns = []
            for j, k in enumerate(ks):
                col = [t[k] for t in theirs] + [self.tables[k]]
                if near is not None:
                    col.insert(0, -(np.arange(len(self.options[k])) != near[j]).astype(float))
                columns.append(np.column_stack(col))
            found = cover(columns, COVER_CAP, counted=0 if near is None else 1)
            packages = found.rows
            own = np.zeros(len(packages))
            for j, k in enumerate(ks):
                own += self.tables[k][packages[:, j]]
            hit = (tuple(ks), packages, own)
            self._covers[key] = hit
            if len(self._covers) > KEPT_COVERS:
                self._covers.popitem(last=False)
        return hit

    def terms(self, ks, row) -> dict:
        return {self.ids[k]: self.options[k][int(o)] for k, o in zip(ks, row)}

    def changes(self, terms, settled) -> dict:
        """The terms that would change something: an option other than the one in force (the one
        signed, or the default of an issue left unsigned), or one that binds a seat on an issue not
        yet signed. The rest are the same signed or not, so they are left out (and open to a later deal)."""
        out = {}
        for issue, option in terms.items():
            k = self.index[issue]
            in_force = settled.get(issue, self.options[k][self.defaults[k]])
            if option != in_force or (issue not in settled and option in self.binding[k]):
                out[issue] = option
        return out

    def plain(self, terms) -> dict:
        """`terms` without those that leave an issue at its default, binding nobody."""
        return self.changes(terms, {})

    def whole(self, terms, obs) -> dict:
        """`terms` with every other open, unsettled issue of the groups they touch at its default:
        the package as the outcome it would leave, whatever the proposer chose to name."""
        out = dict(terms)
        for group in {self.group_of[self.index[i]] for i in terms}:
            for k in self.open_issues(self.groups[group], obs):
                out.setdefault(self.ids[k], self.options[k][self.defaults[k]])
        return out

    def among(self, ks, packages, listed) -> np.ndarray:
        """Which of `packages` (rows over ks) would put the same terms on the table as one of `listed`
        ((issues a package named, its terms that change something)), the issues it leaves out unsigned."""
        out = np.zeros(len(packages), bool)
        ids = {self.ids[k] for k in ks}
        rows = [[self.options[k].index(said.get(self.ids[k], self.options[k][self.defaults[k]])) for k in ks]
                for named, said in listed if said.keys() <= ids and not named.isdisjoint(ids)]
        if not rows:
            return out
        if self.listable(ks):
            # Every package over ks is listed, so a package's place follows from its options.
            sizes = [len(self.options[k]) for k in ks]
            out[[int(np.ravel_multi_index(tuple(r), sizes)) for r in rows]] = True
            return out
        for r in rows:
            out |= (packages == r).all(axis=1)
        return out

    def row(self, ks, terms):
        return np.array([self.options[k].index(terms[self.ids[k]]) if self.ids[k] in terms else -1 for k in ks])

    def open_issues(self, group_ks, obs):
        """The group's issues that are on the table and not yet settled."""
        if obs is not self._open_in:
            # A decision asks this many times of one observation: the answer is worked out once for it.
            settled = obs["settled"]
            self._open_in = obs
            self._open_now = {self.index[i] for i in obs["open_issues"] if i not in settled}
        open_now = self._open_now
        return [k for k in group_ks if k in open_now]
