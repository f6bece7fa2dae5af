"""How far each other seat has come towards this leader, judged by its own offers.

Each offer a seat makes is placed between the worst and the best this leader could get
on the issues it covers (0 worst, 1 best). What the seat has given is how far its best
offer so far lies beyond its first, as a share of the way that was left. A seat that
has only turned this leader's offers down, and offered nothing, has given nothing.
"""

from __future__ import annotations

NO_WORD_YET = 1.0     # nothing offered, nothing refused: no reason yet to hold back


class Concessions:
    def __init__(self, table):
        self.table = table
        self.positions = {}     # (seat, group) -> place of each of its offers, in order
        self.best = {}          # (seat, group) -> (place, terms) of its best offer so far
        self.refused = set()    # (seat, group) pairs where the seat turned an offer of mine down

    def group_of(self, terms):
        issue = self.table.issues[self.table.index[next(iter(terms))]]
        return tuple(sorted(issue["signatories"]))

    def place(self, terms) -> float:
        t = self.table
        ks = [t.index[i] for i in terms]
        own = sum(t.tables[k][t.options[k].index(terms[t.ids[k]])] for k in ks)
        best = sum(float(t.tables[k].max()) for k in ks)
        worst = sum(float(t.tables[k].min()) for k in ks)
        return 1.0 if best - worst <= 1e-12 else (own - worst) / (best - worst)

    def offered(self, seat, terms):
        """Record an offer; return what undoes it (for judging an offer only supposed)."""
        key = (seat, self.group_of(terms))
        place = self.place(terms)
        self.positions.setdefault(key, []).append(place)
        before = self.best.get(key)
        if before is None or place > before[0]:
            self.best[key] = (place, dict(terms))
        return key, before

    def forget(self, undo):
        key, before = undo
        self.positions[key].pop()
        if not self.positions[key]:
            del self.positions[key]
        if before is None:
            del self.best[key]
        else:
            self.best[key] = before

    def best_offer(self, seat, group):
        """The best terms `seat` has itself offered on `group`'s issues, or None."""
        found = self.best.get((seat, group))
        return found and found[1]

    def turned_down(self, seat, terms):
        self.refused.add((seat, self.group_of(terms)))

    def given(self, seat, group) -> float:
        """0 (has not moved at all) .. 1 (has come all the way), for `seat` on `group`'s issues."""
        places = self.positions.get((seat, group))
        if not places:
            return 0.0 if (seat, group) in self.refused else NO_WORD_YET
        first = places[0]
        if first >= 1.0 - 1e-9:
            return 1.0
        return max(0.0, (max(places) - first) / (1.0 - first))

    def has_moved(self, seat, group) -> bool:
        return self.given(seat, group) >= 0.05
