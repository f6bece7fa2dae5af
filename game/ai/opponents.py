"""What an AI believes each counterpart wants, learned only from what it sees.

A frequency model, as in automated-negotiation agents: options a seat asks
for, accepts or states publicly gain value (spread to neighbouring options,
since options are ordered); issues it never gives ground on gain weight;
options in packages it refused lose a little value. Nothing here reads
another seat's private data: only offers, answers and statements.
"""

from __future__ import annotations

import numpy as np

from .levels import Model

PROPOSED = 1.0
ACCEPTED = 0.6
STATED = 2.0
REFUSED = -0.4
PRIOR_STRENGTH = 1.0


class Belief:
    def __init__(self, table, seat, kind):
        self.table = table
        self.seat = seat
        self.kind = kind
        n = len(table.ids)
        self.evidence = [np.zeros(len(o)) for o in table.options]
        self.seen = np.zeros(n)
        self.firmness = np.zeros(n)
        self.last = {}
        self.stands = {}        # issue index -> the option it last stated in public
        self.asked = []         # packages this seat has proposed itself
        self.refusals = []      # packages it has refused
        self.said_no = []       # each refused package as (issues it named, the terms that change something)
        self.version = 0
        self._weights = None
        self._threshold = None
        self._grids = {}
        self.signs = np.array([seat in i["signatories"] for i in table.issues], float)
        self.prior = self._prior()
        self._values = list(self.prior)
        self._stale = set()     # issues whose learned values must be recomputed

    def _prior(self):
        if self.kind != Model.FULL:
            return list(self.table.flat)
        out = []
        for k, own in enumerate(self.table.tables):
            span = float(np.ptp(own))
            if span <= 0 or not self.signs[k]:
                out.append(self.table.flat[k])
            else:
                out.append(1.0 - (own - own.min()) / span)
        return out

    def _spread(self, k, o, amount):
        self.evidence[k] += amount * self.table.nearness[k][o]
        self.seen[k] += abs(amount)
        self.version += 1
        self._weights = None
        self._grids = {}
        self._stale.add(k)

    def proposed(self, terms):
        for issue, option in terms.items():
            k = self.table.index[issue]
            o = self.table.options[k].index(option)
            self._spread(k, o, PROPOSED)
            if self.last.get(k) == o:
                self.firmness[k] += 1.0
            self.last[k] = o
        self.asked.append(terms)

    def accepted(self, terms):
        for issue, option in terms.items():
            k = self.table.index[issue]
            self._spread(k, self.table.options[k].index(option), ACCEPTED)

    def refused(self, terms):
        if self.kind == Model.FULL:
            for issue, option in terms.items():
                k = self.table.index[issue]
                self._spread(k, self.table.options[k].index(option), REFUSED)
        self.refusals.append(terms)
        self.said_no.append((frozenset(terms), self.table.plain(terms)))

    def stated(self, issue, option):
        # Saying the same thing again costs nothing more (a climb-down is priced once), so it shows nothing more.
        k = self.table.index[issue]
        o = self.table.options[k].index(option)
        if self.stands.get(k) == o:
            return
        self.stands[k] = o
        self._spread(k, o, STATED)
        self.firmness[k] += 2.0

    def _model(self):
        """(weight per issue, value vector per issue), refreshed after new evidence."""
        if self._weights is None:
            for k in self._stale:
                ev = self.evidence[k]
                if self.seen[k] > 0 and ev.max() > ev.min():
                    learned = (ev - ev.min()) / (ev.max() - ev.min())
                    mix = self.seen[k] / (self.seen[k] + PRIOR_STRENGTH)
                    self._values[k] = mix * learned + (1 - mix) * self.prior[k]
                else:
                    self._values[k] = self.prior[k]
            self._stale.clear()
            raw = (0.5 + self.signs) * (1.0 + self.firmness) * (1.0 + np.minimum(self.seen, 3.0) / 3.0)
            total = raw.sum()
            self._weights = (raw / total if total > 0 else raw).tolist()
        return self._weights, self._values

    def estimate_terms(self, terms) -> float:
        weights, values = self._model()
        total = 0.0
        for k, default in enumerate(self.table.defaults):
            option = terms.get(self.table.ids[k])
            o = default if option is None else self.table.options[k].index(option)
            total += weights[k] * values[k][o]
        return float(total)

    def threshold(self) -> float:
        """What this seat seems to need before it signs, cached per model version."""
        if self._threshold is not None and self._threshold[0] == self.version:
            return self._threshold[1]
        refused = max((self.estimate_terms(t) for t in self.refusals[-4:]), default=0.0)
        if self.asked:
            value = max(refused, min(self.estimate_terms(t) for t in self.asked[-4:]) - 0.05)
        else:
            value = max(refused, 0.45)
        self._threshold = (self.version, value)
        return value

    def weighted(self) -> list:
        """The believed weight times value of each option, issue by issue."""
        weights, values = self._model()
        return [w * np.asarray(v) for w, v in zip(weights, values)]

    def group_utility(self, ks, base, packages=None):
        """Estimated utility of every package over ks, in the order of Table.space(ks) (or of the
        rows `packages` when the table weighs a cover of them), with the other issues held at
        `base`; kept until the next piece of evidence."""
        if packages is not None and not self.table.listable(ks):
            weights, values = self._model()
            fixed = sum(weights[k] * values[k][base[k]] for k in range(len(weights)) if k not in ks)
            return fixed + sum(weights[k] * np.asarray(values[k])[packages[:, j]] for j, k in enumerate(ks))
        key = (tuple(ks), tuple(base))
        hit = self._grids.get(key)
        if hit is None:
            weights, values = self._model()
            fixed = sum(weights[k] * values[k][base[k]] for k in range(len(weights)) if k not in ks)
            grid = weights[ks[0]] * values[ks[0]]
            for k in ks[1:]:
                grid = np.add.outer(grid, weights[k] * values[k])
            hit = grid.ravel() + fixed
            self._grids[key] = hit
        return hit
