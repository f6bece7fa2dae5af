"""Packages an AI can put on the table, and its own utility for them.

Issues are grouped by who must sign them; a package settles some of one
group's issues. Everything is built from the public scenario and the seat's
own preferences, as numpy arrays, once per group and set of unsettled issues.
"""

from __future__ import annotations

import numpy as np

MAX_PACKAGES = 60_000


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
        positions = [np.arange(len(o)) for o in self.options]
        self.nearness = [np.exp(-np.abs(p[None, :] - p[:, None])) for p in positions]
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
        groups = {}
        for k, issue in enumerate(self.issues):
            groups.setdefault(tuple(sorted(issue["signatories"])), []).append(k)
        self.groups = groups
        self.group_of = [tuple(sorted(i["signatories"])) for i in self.issues]
        self._cache = {}

    def base(self, settled) -> list:
        idx = list(self.defaults)
        for issue, option in settled.items():
            k = self.index[issue]
            idx[k] = self.options[k].index(option)
        return idx

    def utility(self, idx) -> float:
        return float(sum(self.tables[k][o] for k, o in enumerate(idx)))

    def utility_after(self, settled, terms) -> float:
        idx = self.base(settled)
        for issue, option in terms.items():
            k = self.index[issue]
            idx[k] = self.options[k].index(option)
        return self.utility(idx)

    def space(self, ks):
        """(packages, own group utility) for issue indices ks, cached."""
        key = tuple(ks)
        hit = self._cache.get(key)
        if hit is None:
            sizes = [len(self.options[k]) for k in ks]
            if int(np.prod(sizes)) > MAX_PACKAGES:
                ks = sorted(ks, key=lambda k: -float(np.ptp(self.tables[k])))
                while int(np.prod([len(self.options[k]) for k in ks])) > MAX_PACKAGES:
                    ks = ks[:-1]
                ks = sorted(ks)
                sizes = [len(self.options[k]) for k in ks]
            grids = np.meshgrid(*[np.arange(n, dtype=np.int16) for n in sizes], indexing="ij")
            packages = np.stack([g.ravel() for g in grids], axis=1)
            own = np.zeros(len(packages))
            for j, k in enumerate(ks):
                own += self.tables[k][packages[:, j]]
            hit = (tuple(ks), packages, own)
            self._cache[key] = hit
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

    def among(self, ks, listed) -> np.ndarray:
        """Which packages of the grid over ks would put the same terms on the table as one of `listed`
        ((issues a package named, its terms that change something)), the issues it leaves out unsigned."""
        sizes = [len(self.options[k]) for k in ks]
        out = np.zeros(int(np.prod(sizes)), bool)
        ids = {self.ids[k] for k in ks}
        for named, said in listed:
            if said.keys() <= ids and not named.isdisjoint(ids):
                # The grid is the full product over ks, so a package's place follows from its options.
                row = [self.options[k].index(said.get(self.ids[k], self.options[k][self.defaults[k]])) for k in ks]
                out[np.ravel_multi_index(tuple(row), sizes)] = True
        return out

    def row(self, ks, terms):
        return np.array([self.options[k].index(terms[self.ids[k]]) if self.ids[k] in terms else -1 for k in ks])

    def open_issues(self, group_ks, obs):
        """The group's issues that are on the table and not yet settled."""
        open_ids, settled, ids = obs["open_issues"], obs["settled"], self.ids
        return [k for k in group_ks if ids[k] in open_ids and ids[k] not in settled]
