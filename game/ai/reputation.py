"""What a leader remembers of each seat's conduct: broken agreements, climb-downs, kept word.

Built only from public news (every breach, climb-down and kept agreement is announced to
the whole table), so a witness learns from a breach as the victim does, if less. Each
record weighs in proportion to how much it concerned this leader, and fades slowly from
day to day, never at once.
"""

from __future__ import annotations

from game.engine.kinds import EventKind

BROKE_WITH_ME = 1.0     # a breach of an agreement this leader signed
BROKE_SEEN = 0.45       # a breach of someone else's agreement
BACKED_DOWN = 0.15      # a public climb-down: its word in public is worth less
KEPT = 0.04             # a day an agreement held with it bound: slowly earns back
FADE = 0.9              # what is left of a record after each day
REFUSE_FROM = 0.6       # a victim will not sign at all while this much is remembered
TRUST_COMFORT = 50      # at or above this trust a leader asks no premium for signing on promises
MENTION_FROM = 0.1      # a record this heavy is named when the leader explains a refusal


class Reputation:
    def __init__(self, seat: str, others):
        self.seat = seat
        self.debt = {s: 0.0 for s in others}    # how much each seat's conduct is held against it
        self.day = 1
        self.broke_with_me: dict[str, dict] = {}    # seat -> the last breach of an agreement with me
        self.last_breach: dict[str, dict] = {}      # seat -> the last breach of any agreement

    def _fade_to(self, turn: int) -> None:
        while self.day < turn:
            for s in self.debt:
                self.debt[s] *= FADE
            self.day += 1

    def heard(self, event: dict, agreements: dict) -> None:
        """Take in one piece of news; `agreements` are the agreements seen so far, by id."""
        self._fade_to(event["turn"])
        # News read a day or more after it happened has faded as if it had been heard at once.
        faded = FADE ** max(0, self.day - event["turn"])
        kind, who = event["kind"], event["seat"]
        if kind == EventKind.BREACH and who in self.debt:
            agreement = agreements.get(event["agreement"])
            mine = agreement is not None and self.seat in agreement["parties"]
            self.debt[who] += (BROKE_WITH_ME if mine else BROKE_SEEN) * faded
            self.last_breach[who] = event
            if mine:
                self.broke_with_me[who] = event
        elif kind == EventKind.REVERSAL and who in self.debt:
            self.debt[who] += BACKED_DOWN * faded
        elif kind == EventKind.KEPT:
            for s in event.get("seats", ()):
                if s in self.debt:
                    self.debt[s] = max(0.0, self.debt[s] - KEPT * faded)

    def held_against(self, seat: str, turn: int) -> float:
        """The weight of `seat`'s record on day `turn` (0 for a clean one)."""
        self._fade_to(turn)
        return self.debt.get(seat, 0.0)

    def remembered(self, seat: str, turn: int):
        """The breach that still weighs on what this leader asks of `seat`, or None."""
        if seat in self.last_breach and self.held_against(seat, turn) >= MENTION_FROM:
            return self.last_breach[seat]
        return None

    def refuses(self, seat: str, turn: int):
        """The breach this leader still will not sign over, or None."""
        if seat in self.broke_with_me and self.held_against(seat, turn) >= REFUSE_FROM:
            return self.broke_with_me[seat]
        return None
