"""What a move does for the leader's own secret objectives, read the way the rules read them.

The seat's observation carries its objectives' conditions; the facts are what it can see
(stats, trust, tracks, who holds what, what was signed, done, broken and reported), and a
move's public effects say how they would change. Each condition's and effect's own class
(game/scenario/vocabulary) decides what holds and what changes, so the AI never reads one differently.
"""

from __future__ import annotations

from game.scenario.vocabulary import AllOf, AnyOf

NEAR = 20.0     # a number this far short of its threshold counts as no progress at all


class SeenFacts:
    """The facts a seat can see (game.scenario.vocabulary.World), with a move's effects laid over them."""

    def __init__(self, public, obs, fired):
        self.turn = obs["turn"]
        self._options = {i["id"]: i["options"] for i in public["issues"]}
        self._tracks = {t["id"]: (t["min"], t["max"]) for t in public["tracks"]}
        self.settled = dict(obs["settled"])
        self.stats = {s: dict(v) for s, v in obs["stats"].items()}
        self.trusts = {a: dict(v) for a, v in obs["trust"].items()}
        self.tracks = dict(obs["tracks"])
        self.regions = dict(obs["regions"])
        self.sites = dict(obs["sites"])
        self.open = set(obs["open_issues"])
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
        other.sites, other.open = dict(self.sites), set(self.open)
        return other

    def after(self, seat, move_id, effects):
        """A copy with the move made by `seat` and its effects applied."""
        other = self._copy()
        other.made.add((seat, move_id))
        for effect in effects:
            effect.apply(other)
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

    # -- what an effect changes --

    def track_range(self, track):
        return self._tracks[track]

    def set_stat(self, seat, stat, value):
        self.stats[seat][stat] = value

    def set_trust(self, a, b, value):
        self.trusts[a][b] = value

    def set_track(self, track, value):
        self.tracks[track] = value

    def set_holder(self, region, seat):
        self.regions[region] = seat

    def set_site_holder(self, site, seat):
        self.sites[site] = seat

    def set_open(self, issue, is_open):
        (self.open.add if is_open else self.open.discard)(issue)


def progress(facts, cond) -> float:
    """1 if `cond` holds; for a number short of its threshold, how near it is; else 0."""
    if cond.holds(facts):
        return 1.0
    if isinstance(cond, AllOf):
        return sum(progress(facts, c) for c in cond.items) / len(cond.items)
    if isinstance(cond, AnyOf):
        return max(progress(facts, c) for c in cond.items)
    gap = cond.gap(facts)
    return 0.0 if gap is None else 0.5 * max(0.0, 1.0 - gap / NEAR)


def worth(objectives, now, then) -> float:
    """Score points a change from facts `now` to facts `then` moves the seat's objectives by."""
    return sum(o["points"] * (progress(then, o["cond"]) - progress(now, o["cond"])) for o in objectives)
