"""What a move does for the leader's own secret objectives, read the way the rules read them.

The seat's observation carries its objectives' conditions; the facts are what it can see
(stats, trust, tracks, who holds what, what was signed, done, broken and reported), and a
move's public effects say how they would change. Each condition's and effect's own class
(game/scenario/vocabulary) decides what holds and what changes, so the AI never reads one differently.
"""

from __future__ import annotations

from game.scenario.vocabulary import AllOf, AnyOf

NEAR = 20.0     # a number this far short of its threshold counts as no progress at all
WRITABLE = ("stats", "trusts", "tracks", "regions", "sites", "open")


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
        self._shared: set[str] = set()      # the parts still shared with the facts this copy was made from
        self._rows: set | None = None       # rows of a seat-by-seat part made its own (None: all of them)
        self._progress: dict[int, list] = {}

    def after(self, seat, move_id, effects):
        """A copy with the move made by `seat` and its effects applied. A move weighed touches few facts,
        so the copy shares the rest with this one and copies a part only when an effect changes it."""
        other = SeenFacts.__new__(SeenFacts)
        other.__dict__.update(self.__dict__)
        other._shared, other._rows, other._progress = set(WRITABLE), set(), {}
        other.made = self.made | {(seat, move_id)}
        for effect in effects:
            effect.apply(other)
        return other

    def _writable(self, part):
        value = getattr(self, part)
        if part in self._shared:
            self._shared.discard(part)
            value = type(value)(value)
            setattr(self, part, value)
        return value

    def _row(self, part, key) -> dict:
        """One seat's row of a seat-by-seat part (stats, trust), made this copy's own before it changes."""
        table = self._writable(part)
        if self._rows is not None and (part, key) not in self._rows:
            self._rows.add((part, key))
            table[key] = dict(table[key])
        return table[key]

    def progress_of(self, objectives) -> list:
        """Each objective's progress on these facts; every move weighed is measured from the same facts,
        so it is worked out once (facts are not changed once weighed)."""
        kept = self._progress.get(id(objectives))
        if kept is None:
            kept = self._progress[id(objectives)] = [progress(self, o["cond"]) for o in objectives]
        return kept

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
        self._row("stats", seat)[stat] = value

    def set_trust(self, a, b, value):
        self._row("trusts", a)[b] = value

    def set_track(self, track, value):
        self._writable("tracks")[track] = value

    def set_holder(self, region, seat):
        self._writable("regions")[region] = seat

    def set_site_holder(self, site, seat):
        self._writable("sites")[site] = seat

    def set_open(self, issue, is_open):
        open_now = self._writable("open")
        (open_now.add if is_open else open_now.discard)(issue)


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
    before = now.progress_of(objectives)
    return sum(o["points"] * (progress(then, o["cond"]) - b) for o, b in zip(objectives, before))
