"""Conditions tested and effects applied on a state: the scenario's vocabulary."""

from __future__ import annotations

from game.scenario.model import STAT_IDS, STAT_MAX, STAT_MIN, TRUST_MAX, TRUST_MIN
from game.scenario.wording import STAT_NAMES, trust_change

STAT_INDEX = {s: k for k, s in enumerate(STAT_IDS)}


def _within(value, cond) -> bool:
    lo = cond.arg("at_least")
    hi = cond.arg("at_most")
    return (lo is None or value >= lo) and (hi is None or value <= hi)


class StateFacts:
    """What a condition may ask about, read from the whole state."""

    def __init__(self, state):
        self.state = state
        self.game = state.game
        self.turn = state.turn

    def options(self, issue_id):
        return self.game.scenario.issue(issue_id).options

    def agreed(self, issue_id):
        settled = self.state.settled.get(issue_id)
        return None if settled is None else settled[1]

    def stat(self, seat, stat):
        return int(self.state.stats[self.game.seat_index[seat], STAT_INDEX[stat]])

    def trust(self, a, b):
        return int(self.state.trust[self.game.seat_index[a], self.game.seat_index[b]])

    def track(self, track):
        return int(self.state.tracks[self.game.track_index[track]])

    def holder(self, region):
        return self.state.regions[self.game.region_index[region]]

    def moved(self, seat, move):
        return (seat, move) in self.state.moves_made

    def broke(self, seat):
        return any(b["seat"] == seat for b in self.state.breaches)

    def happened(self, event):
        return event in self.state.fired


def holds(state, cond) -> bool:
    return facts_hold(StateFacts(state), cond)


def facts_hold(facts, cond) -> bool:
    """Whether `cond` holds of `facts`: a state's (StateFacts) or what a seat knows and expects
    (anything with the same questions), so the rules and the AI read a condition one way."""
    kind = cond.kind
    if kind == "all":
        return all(facts_hold(facts, c) for c in cond.children)
    if kind == "any":
        return any(facts_hold(facts, c) for c in cond.children)
    if kind == "not":
        return not facts_hold(facts, cond.children[0])
    if kind == "agreed":
        option = facts.agreed(cond.arg("issue"))
        if option is None:
            return False
        options = facts.options(cond.arg("issue"))
        at = options.index(option)
        if cond.arg("option") is not None and option != cond.arg("option"):
            return False
        if cond.arg("at_least") is not None and at < options.index(cond.arg("at_least")):
            return False
        if cond.arg("at_most") is not None and at > options.index(cond.arg("at_most")):
            return False
        return True
    if kind == "stat":
        return _within(facts.stat(cond.arg("seat"), cond.arg("stat")), cond)
    if kind == "trust":
        return _within(facts.trust(cond.arg("from"), cond.arg("to")), cond)
    if kind == "track":
        return _within(facts.track(cond.arg("track")), cond)
    if kind == "controls":
        return facts.holder(cond.arg("region")) == cond.arg("seat")
    if kind == "moved":
        return facts.moved(cond.arg("seat"), cond.arg("move"))
    if kind == "broke":
        return facts.broke(cond.arg("seat"))
    if kind == "happened":
        return facts.happened(cond.arg("event"))
    if kind == "turn":
        return _within(facts.turn, cond)
    raise ValueError(f"unknown condition {kind}")


def add_stat(state, seat: str, stat: str, amount: int) -> int:
    """Add within bounds; return the change actually made."""
    i, j = state.game.seat_index[seat], STAT_INDEX[stat]
    old = int(state.stats[i, j])
    new = max(STAT_MIN, min(STAT_MAX, old + amount))
    state.stats[i, j] = new
    return new - old


def add_trust(state, a: str, b: str, amount: int) -> None:
    i, j = state.game.seat_index[a], state.game.seat_index[b]
    if i != j:
        state.trust[i, j] = max(TRUST_MIN, min(TRUST_MAX, int(state.trust[i, j]) + amount))


def _holder(game, seat) -> str:
    return "no one (contested)" if seat == "contested" else game.scenario.seat(seat).name


def apply_effect(state, effect) -> str:
    """Apply one effect; return a short line describing it for the news feed."""
    g = state.game
    kind = effect.kind
    if kind == "stat":
        seat, stat = effect.arg("seat"), effect.arg("stat")
        change = add_stat(state, seat, stat, effect.arg("add"))
        return f"{g.scenario.seat(seat).name}: {STAT_NAMES.get(stat, stat)} {change:+d}"
    if kind == "trust":
        a, b, amount = effect.arg("from"), effect.arg("to"), effect.arg("add")
        add_trust(state, a, b, amount)
        if effect.arg("mutual"):
            add_trust(state, b, a, amount)
        return trust_change(g.scenario.seat(a).name, g.scenario.seat(b).name, f"{amount:+d}",
                            bool(effect.arg("mutual")))
    if kind == "track":
        k = g.track_index[effect.arg("track")]
        track = g.scenario.tracks[k]
        state.tracks[k] = max(track.min, min(track.max, int(state.tracks[k]) + effect.arg("add")))
        return f"{track.name} {effect.arg('add'):+d}"
    if kind == "control":
        seat = effect.arg("seat")
        state.regions[g.region_index[effect.arg("region")]] = "" if seat == "contested" else seat
        region = g.scenario.map.regions[g.region_index[effect.arg("region")]]
        return f"{region.name} now held by {_holder(g, seat)}"
    if kind == "site":
        seat = effect.arg("seat")
        state.sites[g.site_index[effect.arg("site")]] = "" if seat == "contested" else seat
        site = g.scenario.map.sites[g.site_index[effect.arg("site")]]
        return f"{site.name} now held by {_holder(g, seat)}"
    if kind in ("open_issue", "close_issue"):
        issue = effect.arg("issue")
        state.issue_open[g.issue_index[issue]] = kind == "open_issue"
        return f"{g.scenario.issue(issue).name} {'opens' if kind == 'open_issue' else 'closes'}"
    raise ValueError(f"unknown effect {kind}")
