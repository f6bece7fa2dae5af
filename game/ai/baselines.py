"""Two reference players for the tournament: one gives in to everything, one never moves."""

from __future__ import annotations

from game.engine.actions import DONE, Action
from game.engine.kinds import HOLD, ActionType, Phase

from .packages import Table


class Pushover:
    """Accepts every offer and proposes nothing."""

    def __init__(self, public, seat, seed=0):
        self.seat = seat
        self.seen = 0

    def decide(self, obs, legal, space):
        self.seen = obs["events_seen"]
        for action in legal:
            if action.type == ActionType.ACCEPT:
                return action
        return DONE if obs["phase"] == Phase.TALKS else Action(ActionType.MOVE, move=HOLD)

    def what_would_you_want(self, obs, partner, terms, parties=()):
        return dict(terms), "Anything you like."


class Stonewall:
    """Rejects everything and proposes only its own ideal package, once a day."""

    table: Table    # its own packages, from its first observation on (which carries its preferences)

    def __init__(self, public, seat, seed=0):
        self.public = public
        self.seat = seat
        self.seen = 0
        self.ready = False
        self.asked = set()

    def decide(self, obs, legal, space):
        self.seen = obs["events_seen"]
        if not self.ready:
            self.table = Table(self.public, self.seat, obs["private"])
            self.ready = True
        if obs["phase"] == Phase.MOVES:
            return Action(ActionType.MOVE, move=HOLD)
        for action in legal:
            if action.type == ActionType.REJECT:
                return action
        if space["can_propose"]:
            for group, ks in self.table.groups.items():
                open_ks = self.table.open_issues(ks, obs)
                key = (obs["turn"], group)
                if self.seat in group and open_ks and key not in self.asked:
                    self.asked.add(key)
                    ideal = {self.table.ids[k]: self.table.options[k][int(self.table.tables[k].argmax())]
                             for k in open_ks}
                    return Action.from_dict({"type": ActionType.PROPOSE, "parties": list(group), "terms": ideal})
        return DONE

    def what_would_you_want(self, obs, partner, terms, parties=()):
        return None, "Nothing but our own terms."
