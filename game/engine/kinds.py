"""The kinds the rules speak of, defined once for the engine, the AI, the clients and the protocol.

They are `StrEnum`s, so each member is also the plain string that saves, observations and
protocol messages carry: `EventKind.PROPOSAL == "proposal"`.
"""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    TALKS = "talks"
    MOVES = "moves"
    OVER = "over"


class EventKind(StrEnum):
    DAY = "day"
    NEWS = "news"
    PHASE = "phase"
    PROPOSAL = "proposal"
    ACCEPT = "accept"
    REJECT = "reject"
    WITHDRAW = "withdraw"
    EXPIRED = "expired"
    AGREEMENT = "agreement"
    STATEMENT = "statement"
    CHOSEN = "chosen"
    MOVE = "move"
    BREACH = "breach"
    KEPT = "kept"
    OVER = "over"


class ActionType(StrEnum):
    PROPOSE = "propose"
    ACCEPT = "accept"
    REJECT = "reject"
    COUNTER = "counter"
    WITHDRAW = "withdraw"
    STATEMENT = "statement"
    DONE = "done"
    MOVE = "move"


class OpType(StrEnum):
    """What a facilitator may do to a table's state (everything else a facilitator does is not a rule)."""
    ANNOUNCE = "announce"   # free-text news with a source line
    TRIGGER = "trigger"     # one of the scenario's events, now


# The log names the facilitator where it names a seat for everything else.
FACILITATOR = "@facilitator"
