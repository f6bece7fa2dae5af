"""A state's facts, as the scenario's conditions ask them and its effects change them.

What each condition means and what each effect does is its own class's (game/scenario/vocabulary);
this module only says where a state keeps each fact.
"""

from __future__ import annotations

from game.scenario.model import STAT_IDS
from game.scenario.vocabulary import ShiftStat, ShiftTrust

STAT_INDEX = {s: k for k, s in enumerate(STAT_IDS)}


class StateFacts:
    """A state's facts (game.scenario.vocabulary.World): read by conditions, changed by effects."""

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

    def track_range(self, track):
        t = self.game.scenario.tracks[self.game.track_index[track]]
        return t.min, t.max

    def set_stat(self, seat, stat, value):
        self.state.stats[self.game.seat_index[seat], STAT_INDEX[stat]] = value

    def set_trust(self, a, b, value):
        self.state.trust[self.game.seat_index[a], self.game.seat_index[b]] = value

    def set_track(self, track, value):
        self.state.tracks[self.game.track_index[track]] = value

    def set_holder(self, region, seat):
        self.state.regions[self.game.region_index[region]] = seat

    def set_site_holder(self, site, seat):
        self.state.sites[self.game.site_index[site]] = seat

    def set_open(self, issue, is_open):
        self.state.issue_open[self.game.issue_index[issue]] = is_open


def holds(state, cond) -> bool:
    return cond.holds(StateFacts(state))


def apply_effect(state, effect) -> str:
    """Apply one effect; return how it took place, in its own words, for the news."""
    return effect.apply(StateFacts(state)).words(state.game.names)


def add_stat(state, seat: str, stat: str, amount: int) -> int:
    """What the rules themselves charge (a breach, a reversal) moves a stat as a scenario's effect does;
    the change actually made (a stat stops at its bounds) is returned, for the news to say what was taken."""
    return ShiftStat(seat, stat, amount).apply(StateFacts(state)).add


def add_trust(state, a: str, b: str, amount: int) -> None:
    ShiftTrust(a, b, amount).apply(StateFacts(state))
