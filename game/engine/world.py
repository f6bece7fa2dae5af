"""Conditions tested and effects applied on a state: the scenario's vocabulary."""

from __future__ import annotations

from game.scenario.model import STAT_IDS, STAT_MAX, STAT_MIN, TRUST_MAX, TRUST_MIN
from game.scenario.wording import STAT_NAMES, trust_change

STAT_INDEX = {s: k for k, s in enumerate(STAT_IDS)}


def _within(value, cond) -> bool:
    lo = cond.arg("at_least")
    hi = cond.arg("at_most")
    return (lo is None or value >= lo) and (hi is None or value <= hi)


def holds(state, cond) -> bool:
    kind = cond.kind
    g = state.game
    if kind == "all":
        return all(holds(state, c) for c in cond.children)
    if kind == "any":
        return any(holds(state, c) for c in cond.children)
    if kind == "not":
        return not holds(state, cond.children[0])
    if kind == "agreed":
        issue_id = cond.arg("issue")
        settled = state.settled.get(issue_id)
        if settled is None:
            return False
        options = g.scenario.issue(issue_id).options
        at = options.index(settled[1])
        if cond.arg("option") is not None and settled[1] != cond.arg("option"):
            return False
        if cond.arg("at_least") is not None and at < options.index(cond.arg("at_least")):
            return False
        if cond.arg("at_most") is not None and at > options.index(cond.arg("at_most")):
            return False
        return True
    if kind == "stat":
        return _within(int(state.stats[g.seat_index[cond.arg("seat")], STAT_INDEX[cond.arg("stat")]]), cond)
    if kind == "trust":
        a, b = g.seat_index[cond.arg("from")], g.seat_index[cond.arg("to")]
        return _within(int(state.trust[a, b]), cond)
    if kind == "track":
        return _within(int(state.tracks[g.track_index[cond.arg("track")]]), cond)
    if kind == "controls":
        return state.regions[g.region_index[cond.arg("region")]] == cond.arg("seat")
    if kind == "moved":
        return (cond.arg("seat"), cond.arg("move")) in state.moves_made
    if kind == "broke":
        return any(b["seat"] == cond.arg("seat") for b in state.breaches)
    if kind == "happened":
        return cond.arg("event") in state.fired
    if kind == "turn":
        return _within(state.turn, cond)
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
