"""What the partners have turned down, so a leader does not put the same terms to them again.

A refused package is remembered by the terms that would change something: offering the
same words again, whatever else has been signed since, is asking the same question twice.
Refusals only ever grow, so their count keys the answers kept for the next round.
"""

from __future__ import annotations

import numpy as np


class TurnedDown:
    def __init__(self, table, beliefs):
        self.table = table
        self.beliefs = beliefs
        self._masks = {}        # (issues, partners, refusals seen) -> packages turned down
        self._offerable = {}    # the same, and what is in force on the issues -> packages worth offering

    def _seen(self, partners) -> tuple:
        return tuple(len(self.beliefs[p].said_no) for p in partners)

    def mask(self, ks, packages, partners) -> np.ndarray:
        """Which of `packages` over ks a partner has already turned down."""
        listed = [r for p in partners for r in self.beliefs[p].said_no]
        if not self.table.listable(ks):
            return self.table.among(ks, packages, listed)     # a cover: its rows change as beliefs do
        key = (tuple(ks), tuple(partners), self._seen(partners))
        hit = self._masks.get(key)
        if hit is None:
            hit = self._masks[key] = self.table.among(ks, packages, listed)
        return hit

    def said_no(self, partners, terms) -> bool:
        """Whether a partner has already turned down these very terms."""
        plain = self.table.plain(terms)
        return any(plain == said for p in partners for _, said in self.beliefs[p].said_no)

    def worth_offering(self, ks, base, partners) -> np.ndarray:
        """Packages over ks (as Table.space weighs them with these partners) that gain this seat
        something over what is in force (`base`) and that the partners have not turned down."""
        models = [self.beliefs[p] for p in partners if p in self.beliefs]
        ks_full, packages, own = self.table.space(ks, models)
        listable = self.table.listable(ks_full)
        if listable:
            key = (ks_full, tuple(base[k] for k in ks_full), tuple(partners), self._seen(partners))
            hit = self._offerable.get(key)
            if hit is not None:
                return hit
        now = sum(self.table.tables[k][base[k]] for k in ks_full)
        offerable = (own > now + 1e-6) & ~self.mask(ks_full, packages, partners)
        if listable:
            self._offerable[key] = offerable
        return offerable
