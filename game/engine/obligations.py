"""Obligations and the one rule for what breaking them costs.

An agreement binds seats through typed obligations. `breaches()` says which
agreements a move would break and what each breach costs the breaker; the
resolution phase applies exactly that, and an AI weighing a move asks the
same function rather than re-doing the arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.scenario.vocabulary import effect_from_data

BREACH_STANDING = -8
BREACH_DOMESTIC = -3
BREACH_TRUST = -20
BREACH_STATED_DOMESTIC = -5
BREACH_POINTS = -5      # integrity points at the end, per breach


@dataclass(frozen=True)
class Obligation:
    """While an agreement holds `issue`, the `seats` may not make the `forbids` moves."""
    issue: str
    seats: tuple
    forbids: tuple
    text: str
    penalty: tuple = ()   # (Effect, ...) the scenario adds for a breach
    _penalty_data: tuple = field(init=False, repr=False, compare=False)

    def forbids_move(self, seat: str, move_id: str) -> bool:
        return seat in self.seats and move_id in self.forbids

    def __post_init__(self):
        # Every observation lists the obligations in force, so the penalty's plain form is worked out once.
        object.__setattr__(self, "_penalty_data", tuple(e.to_data() for e in self.penalty))

    def to_dict(self) -> dict:
        return {"issue": self.issue, "seats": list(self.seats), "forbids": list(self.forbids), "text": self.text,
                "penalty": [dict(d) for d in self._penalty_data]}

    @staticmethod
    def from_dict(data: dict) -> "Obligation":
        penalty = tuple(effect_from_data(e) for e in data.get("penalty", ()))
        return Obligation(data["issue"], tuple(data["seats"]), tuple(data["forbids"]), data["text"], penalty)


@dataclass(frozen=True)
class Breach:
    """What one move breaking one agreement costs the breaker, as the rules charge it."""
    agreement: str
    seat: str
    move: str
    broken: tuple         # (Obligation, ...) the move offends, one breach however many
    standing: int         # change to the breaker's standing
    domestic: int         # change to its domestic support (more if it had spoken for the deal)
    trust: tuple          # ((party, change), ...) each other party's trust in the breaker
    points: int           # integrity points at the end of the game

    @property
    def issues(self) -> tuple:
        return tuple(ob.issue for ob in self.broken)

    @property
    def penalty(self) -> tuple:
        return tuple(e for ob in self.broken for e in ob.penalty)


def breaches(agreements, statements, seat: str, move_id: str) -> list:
    """The breaches `seat` commits by making `move_id` now, one per agreement in force that forbids it.

    `agreements` are objects with id, parties, live and obligations (the engine's own, or ones
    read from an observation); `statements` the public record of what each seat said.
    """
    out = []
    for agreement in agreements:
        broken = tuple(ob for ob in agreement.obligations
                       if ob.issue in agreement.live and ob.forbids_move(seat, move_id))
        if not broken:
            continue
        issues = {ob.issue for ob in broken}
        stated = any(s["seat"] == seat and s["issue"] in issues for s in statements)
        out.append(Breach(agreement.id, seat, move_id, broken, BREACH_STANDING,
                          BREACH_DOMESTIC + (BREACH_STATED_DOMESTIC if stated else 0),
                          tuple((p, BREACH_TRUST) for p in agreement.parties if p != seat), BREACH_POINTS))
    return out
