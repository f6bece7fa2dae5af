"""Simple strategies a person could play, to measure how far the AI leaders can be gamed.

Each plays one seat from that seat's observation, as a person would: no peeking.
Those that are about one lever (breaking promises, public demands, statements)
play the hard leader everywhere else, so a difference in score is that lever's.
"""

from __future__ import annotations

import numpy as np

from game.engine.actions import DONE, Action
from game.engine.kinds import HOLD, ActionType, Controller, Phase
from game.engine.obligations import breaches

from .baselines import Pushover
from .leader import Leader
from .moves import in_force
from .packages import Table


class _Scripted:
    """Talks by a fixed rule over its own packages; holds every day."""

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
            if action.type in (ActionType.ACCEPT, ActionType.REJECT):
                prop = next(p for p in obs["proposals"] if p["id"] == action.proposal)
                return self.answer(obs, prop, legal)
        if space["can_propose"]:
            for group, ks in self.table.groups.items():
                open_ks = self.table.open_issues(ks, obs)
                key = (obs["turn"], obs["round"], group)
                if self.seat in group and open_ks and key not in self.asked:
                    self.asked.add(key)
                    terms = self.offer(obs, group, open_ks)
                    if terms:
                        return Action.from_dict({"type": ActionType.PROPOSE, "parties": list(group), "terms": terms})
        return DONE

    def value(self, obs, terms) -> float:
        return self.table.utility_after(obs["settled"], terms)

    def ideal(self, ks) -> dict:
        return {self.table.ids[k]: self.table.options[k][int(self.table.tables[k].argmax())] for k in ks}

    def answer(self, obs, prop, legal) -> Action:
        return Action(ActionType.REJECT, proposal=prop["id"], reason="No.")

    def offer(self, obs, group, ks):
        return None

    def what_would_you_want(self, obs, partner, terms, parties=()):
        return None, "No comment."


class NeverConcede(_Scripted):
    """Asks for its ideal package every round and signs nothing less."""

    def answer(self, obs, prop, legal):
        ks = [self.table.index[i] for i in prop["terms"]]
        if self.value(obs, prop["terms"]) >= self.value(obs, self.ideal(ks)) - 1e-9 and \
                any(a.type == ActionType.ACCEPT and a.proposal == prop["id"] for a in legal):
            return Action(ActionType.ACCEPT, proposal=prop["id"])
        return Action(ActionType.REJECT, proposal=prop["id"], reason="Our terms stand.")

    def offer(self, obs, group, ks):
        return self.ideal(ks)


class ConcedeAll(_Scripted):
    """Signs whatever it is offered and offers the others what it values least, once a day."""

    def answer(self, obs, prop, legal):
        if any(a.type == ActionType.ACCEPT and a.proposal == prop["id"] for a in legal):
            return Action(ActionType.ACCEPT, proposal=prop["id"])
        return Action(ActionType.REJECT, proposal=prop["id"])

    def offer(self, obs, group, ks):
        if obs["round"] != 1:
            return None
        return {self.table.ids[k]: self.table.options[k][int(self.table.tables[k].argmin())] for k in ks}


class TitForTat(_Scripted):
    """Opens with its ideal and gives up, in its own terms, as much as the other side last gave."""

    def __init__(self, public, seat, seed=0):
        super().__init__(public, seat, seed)
        self.level = {}      # group -> the utility it still asks for
        self.theirs = {}     # group -> my utility of the partner's last offer

    def _group(self, terms):
        return tuple(sorted({s for i in terms for s in self.table.issues[self.table.index[i]]["signatories"]}))

    def answer(self, obs, prop, legal):
        group = self._group(prop["terms"])
        ks = self.table.open_issues(self.table.groups.get(group, []), obs) or \
            [self.table.index[i] for i in prop["terms"]]
        value = self.value(obs, prop["terms"])
        asked = self.level.setdefault(group, self.value(obs, self.ideal(ks)))
        last = self.theirs.get(group)
        if last is not None and value > last:
            self.level[group] = asked - (value - last)
        self.theirs[group] = value
        can_accept = any(a.type == ActionType.ACCEPT and a.proposal == prop["id"] for a in legal)
        if value >= self.level[group] - 1e-9 and can_accept:
            return Action(ActionType.ACCEPT, proposal=prop["id"])
        return Action(ActionType.REJECT, proposal=prop["id"], reason="Move as far as we did.")

    def offer(self, obs, group, ks):
        ks_full, packages, own = self.table.space(ks)
        base = self.table.base(obs["settled"])
        fixed = sum(self.table.tables[k][base[k]] for k in range(len(base)) if k not in ks_full)
        total = own + fixed
        level = self.level.setdefault(group, float(total.max()))
        ok = np.flatnonzero(total >= level - 1e-9)
        if not len(ok):
            ok = np.array([int(np.argmax(total))])
        # Of what it still asks for, the package that gives the least away.
        choice = int(ok[int(np.argmin(total[ok]))])
        return self.table.terms(ks_full, packages[choice])


class Mirror(_Scripted):
    """Answers every offer by putting the same terms back to the seat that made them."""

    def answer(self, obs, prop, legal):
        if self.seat not in prop["parties"] or not any(a.type == ActionType.ACCEPT and a.proposal == prop["id"]
                                                        for a in legal):
            return Action(ActionType.REJECT, proposal=prop["id"])
        if obs["round"] == obs["talk_rounds"] and obs["turn"] == obs["summit_turn"]:
            return Action(ActionType.ACCEPT, proposal=prop["id"])
        return Action.from_dict({"type": ActionType.COUNTER, "proposal": prop["id"], "parties": prop["parties"],
                                 "terms": prop["terms"]})

    def decide(self, obs, legal, space):
        if obs["phase"] == Phase.TALKS and not space["can_propose"]:
            for action in legal:
                if action.type == ActionType.REJECT:
                    return action
        return super().decide(obs, legal, space)


class _Lever:
    """The hard leader, plus one lever pulled by rule."""

    def __init__(self, public, seat, seed=0):
        self.leader = Leader(public, seat, Controller.HARD, seed)
        self.seat = seat

    @property
    def seen(self):
        return self.leader.seen

    def what_would_you_want(self, obs, partner, terms, parties=()):
        return self.leader.what_would_you_want(obs, partner, terms, parties)


class Breaker(_Lever):
    """Breaks every promise a move allows it to break."""

    def decide(self, obs, legal, space):
        chosen = self.leader.decide(obs, legal, space)
        if obs["phase"] != Phase.MOVES:
            return chosen
        agreements = in_force(obs)
        counted = [(len(breaches(agreements, obs["statements"], self.seat, a.move)), k, a)
                   for k, a in enumerate(legal) if a.type == ActionType.MOVE]
        most, _, action = max(counted, key=lambda c: (c[0], -c[1]))
        return action if most else chosen


class _Speaks(_Lever):
    """Makes one public statement a day, first thing, then plays on."""

    def decide(self, obs, legal, space):
        self.leader.observe(obs)
        said = self._statement(obs) if any(a.type == ActionType.STATEMENT for a in legal) else None
        return said or self.leader.decide(obs, legal, space)

    def _statement(self, obs) -> Action | None:
        """Today's statement, or None for none (each strategy says which)."""
        raise NotImplementedError

    def _ranked(self, obs, signs):
        table = self.leader.table
        issues = [k for k, i in enumerate(table.issues)
                  if i["id"] in obs["open_issues"] and (self.seat in i["signatories"]) == signs]
        return sorted(issues, key=lambda k: -float(np.ptp(table.tables[k])))

    def _say(self, k):
        table = self.leader.table
        return Action(ActionType.STATEMENT, issue=table.ids[k], option=table.options[k][int(table.tables[k].argmax())])


class DailyDemand(_Speaks):
    """Demands in public, every day, its best option on the issue it cares most about."""

    def _statement(self, obs):
        ranked = self._ranked(obs, True)
        return self._say(ranked[0]) if ranked else None


class FreeStatements(_Speaks):
    """Speaks in public every day on an issue it does not sign, where no signature can betray it."""

    def _statement(self, obs):
        ranked = self._ranked(obs, False) or self._ranked(obs, True)
        return self._say(ranked[0]) if ranked else None


STRATEGIES = {
    Controller.NEVER_CONCEDE: NeverConcede,
    Controller.CONCEDE_ALL: ConcedeAll,
    Controller.ACCEPT_ALL: Pushover,
    Controller.BREAKER: Breaker,
    Controller.DAILY_DEMAND: DailyDemand,
    Controller.FREE_STATEMENTS: FreeStatements,
    Controller.TIT_FOR_TAT: TitForTat,
    Controller.MIRROR: Mirror,
}
