"""What an AI believes each counterpart wants, learned only from what it sees.

A frequency model, as in automated-negotiation agents: options a seat asks
for, accepts or states publicly gain value (spread to neighbouring options,
since options are ordered); issues it never gives ground on gain weight;
options in packages it refused lose a little value. Nothing here reads
another seat's private data: only offers, answers and statements.
"""

from __future__ import annotations

import numpy as np

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
        self.asked = []         # packages this seat has proposed itself
        self.refusals = []      # packages it has refused
        self.version = 0
        self._tables = None
        self._threshold = None
        self.signs = np.array([seat in i["signatories"] for i in table.issues], float)
        self.prior = self._prior()

    def _prior(self):
        if self.kind != "full":
            return [np.full(len(o), 0.5) for o in self.table.options]
        out = []
        for k, own in enumerate(self.table.tables):
            span = float(np.ptp(own))
            if span <= 0 or not self.signs[k]:
                out.append(np.full(len(own), 0.5))
            else:
                out.append(1.0 - (own - own.min()) / span)
        return out

    def _spread(self, k, o, amount):
        positions = np.arange(len(self.evidence[k]))
        self.evidence[k] += amount * np.exp(-np.abs(positions - o))
        self.seen[k] += abs(amount)
        self.version += 1
        self._tables = None

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
        if self.kind == "full":
            for issue, option in terms.items():
                k = self.table.index[issue]
                self._spread(k, self.table.options[k].index(option), REFUSED)
        self.refusals.append(terms)

    def stated(self, issue, option):
        k = self.table.index[issue]
        self._spread(k, self.table.options[k].index(option), STATED)
        self.firmness[k] += 2.0

    def tables(self):
        """Estimated weighted value vectors, one per issue."""
        if self._tables is not None:
            return self._tables
        values = []
        for k, ev in enumerate(self.evidence):
            prior = self.prior[k]
            if self.seen[k] > 0 and ev.max() > ev.min():
                learned = (ev - ev.min()) / (ev.max() - ev.min())
                mix = self.seen[k] / (self.seen[k] + PRIOR_STRENGTH)
                values.append(mix * learned + (1 - mix) * prior)
            else:
                values.append(prior)
        raw = (0.5 + self.signs) * (1.0 + self.firmness) * (1.0 + np.minimum(self.seen, 3.0) / 3.0)
        weights = raw / raw.sum() if raw.sum() > 0 else raw
        self._tables = [w * v for w, v in zip(weights, values)]
        return self._tables

    def estimate_terms(self, terms) -> float:
        tables = self.tables()
        total = 0.0
        for k, default in enumerate(self.table.defaults):
            option = terms.get(self.table.ids[k])
            o = default if option is None else self.table.options[k].index(option)
            total += tables[k][o]
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

    def group_utility(self, ks, packages, base):
        """Estimated utility of each package (other issues held at `base`)."""
        tables = self.tables()
        fixed = sum(tables[k][base[k]] for k in range(len(tables)) if k not in ks)
        out = np.full(len(packages), fixed)
        for j, k in enumerate(ks):
            out += tables[k][packages[:, j]]
        return out
