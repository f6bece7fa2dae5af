"""What a move does for the leader's own secret objectives, read the way the rules read them.

The seat's observation carries its objectives' conditions; the facts are what it can see
(stats, trust, tracks, who holds what, what was signed, done, broken and reported), and a
move's public effects say how they would change. The rules' own condition reader
(engine.world.facts_hold) decides what holds, so the AI never reads a condition differently.
"""

from __future__ import annotations

from game.engine.world import facts_hold
from game.scenario.model import STAT_MAX, STAT_MIN, TRUST_MAX, TRUST_MIN, Condition

NEAR = 20.0     # a number this far short of its threshold counts as no progress at all


def condition(data) -> Condition:
    return Condition(data["kind"], tuple(sorted(data["args"].items())),
                     tuple(condition(c) for c in data["children"]))


class SeenFacts:
    """The facts a seat can see, with a move's effects laid over them."""

    def __init__(self, public, obs, fired):
        self.turn = obs["turn"]
        self._options = {i["id"]: i["options"] for i in public["issues"]}
        self._tracks = {t["id"]: (t["min"], t["max"]) for t in public["tracks"]}
        self.settled = dict(obs["settled"])
        self.stats = {s: dict(v) for s, v in obs["stats"].items()}
        self.trusts = {a: dict(v) for a, v in obs["trust"].items()}
        self.tracks = dict(obs["tracks"])
        self.regions = dict(obs["regions"])
        self.made = {(s, m) for _, s, m in obs["moves"]}
        self.breakers = {b["seat"] for b in obs["breaches"]}
        self.fired = set(fired)

    def _copy(self):
        other = SeenFacts.__new__(SeenFacts)
        other.turn, other._options, other._tracks = self.turn, self._options, self._tracks
        other.settled, other.breakers, other.fired = self.settled, self.breakers, self.fired
        other.stats = {s: dict(v) for s, v in self.stats.items()}
        other.trusts = {a: dict(v) for a, v in self.trusts.items()}
        other.tracks, other.regions, other.made = dict(self.tracks), dict(self.regions), set(self.made)
        return other

    def after(self, seat, move):
        """A copy with `move` made by `seat` and its effects applied."""
        other = self._copy()
        other.made.add((seat, move["id"]))
        for eff in move["effects"]:
            kind = eff["kind"]
            if kind == "stat":
                row = other.stats[eff["seat"]]
                row[eff["stat"]] = max(STAT_MIN, min(STAT_MAX, row[eff["stat"]] + eff["add"]))
            elif kind == "trust":
                pairs = [(eff["from"], eff["to"])] + ([(eff["to"], eff["from"])] if eff.get("mutual") else [])
                for a, b in pairs:
                    if a != b:
                        other.trusts[a][b] = max(TRUST_MIN, min(TRUST_MAX, other.trusts[a][b] + eff["add"]))
            elif kind == "track":
                lo, hi = other._tracks[eff["track"]]
                other.tracks[eff["track"]] = max(lo, min(hi, other.tracks[eff["track"]] + eff["add"]))
            elif kind == "control":
                other.regions[eff["region"]] = "" if eff["seat"] == "contested" else eff["seat"]
        return other

    # -- the questions a condition asks (see engine.world.StateFacts) --

    def options(self, issue_id):
        return self._options[issue_id]

    def agreed(self, issue_id):
        return self.settled.get(issue_id)

    def stat(self, seat, stat):
        return self.stats[seat][stat]

    def trust(self, a, b):
        return self.trusts[a][b]

    def track(self, track):
        return self.tracks[track]

    def holder(self, region):
        return self.regions[region]

    def moved(self, seat, move):
        return (seat, move) in self.made

    def broke(self, seat):
        return seat in self.breakers

    def happened(self, event):
        return event in self.fired


_NUMBERS = {"stat": lambda f, c: f.stat(c.arg("seat"), c.arg("stat")),
            "trust": lambda f, c: f.trust(c.arg("from"), c.arg("to")),
            "track": lambda f, c: f.track(c.arg("track"))}


def progress(facts, cond) -> float:
    """1 if `cond` holds; for a number short of its threshold, how near it is; else 0."""
    if facts_hold(facts, cond):
        return 1.0
    if cond.kind == "all":
        return sum(progress(facts, c) for c in cond.children) / len(cond.children)
    if cond.kind == "any":
        return max(progress(facts, c) for c in cond.children)
    read = _NUMBERS.get(cond.kind)
    if read is None:
        return 0.0
    value = read(facts, cond)
    lo, hi = cond.arg("at_least"), cond.arg("at_most")
    gap = (lo - value if lo is not None and value < lo else 0) + (value - hi if hi is not None and value > hi else 0)
    return 0.5 * max(0.0, 1.0 - gap / NEAR)


def worth(objectives, now, then) -> float:
    """Score points a change from facts `now` to facts `then` moves the seat's objectives by."""
    return sum(o["points"] * (progress(then, o["cond"]) - progress(now, o["cond"])) for o in objectives)
