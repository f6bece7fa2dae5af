"""The kinds the game speaks of, defined once for the engine, the AI, the clients and the protocol.

They are `StrEnum`s, so each member is also the plain string that saves, observations and
protocol messages carry: `EventKind.PROPOSAL == "proposal"`.
"""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    """Where a day stands: talks, then the moves chosen in secret; over once the summit ends."""
    TALKS = "talks"
    MOVES = "moves"
    OVER = "over"


class EventKind(StrEnum):
    """What an entry of the news says happened (the `kind` of each event the rules record)."""
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
    REVERSAL = "reversal"   # a seat backs down from its public stand
    OVER = "over"


# An event's `visible` is EVERYONE or the list of seats that may see it.
EVERYONE = "all"


def visible_to(visible, seat) -> bool:
    """Whether `seat` (None: the whole room) may see an event recorded with this `visible`."""
    return visible == EVERYONE or (seat is not None and seat in visible)


# News of what a seat did with its word: an agreement kept or broken, a public stand backed down from.
KEPT_OR_BROKEN = frozenset({EventKind.KEPT, EventKind.BREACH, EventKind.REVERSAL})


class ProposalStatus(StrEnum):
    """Where a proposal stands: open to answers until it is signed, turned down, answered with a counter-offer,
    withdrawn, lapses, or is overtaken (void) by an agreement on its issues."""
    OPEN = "open"
    SIGNED = "signed"
    REJECTED = "rejected"
    COUNTERED = "countered"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    VOID = "void"


class ActionType(StrEnum):
    """What a seat does at the table (the `type` of an action)."""
    PROPOSE = "propose"
    ACCEPT = "accept"
    REJECT = "reject"
    COUNTER = "counter"
    WITHDRAW = "withdraw"
    STATEMENT = "statement"
    DONE = "done"
    MOVE = "move"


class ChoiceKind(StrEnum):
    """What a seat asks the stakes of: signing a package, or making a move tonight."""
    SIGN = "sign"
    MOVE = "move"


class Controller(StrEnum):
    """Who plays a seat: a person, an AI leader at a level, a reference baseline, or a scripted strategy
    (the exploitability benchmark's players, for simulate)."""
    HUMAN = "human"
    EASY = "easy"
    NORMAL = "normal"
    HARD = "hard"
    PUSHOVER = "pushover"
    STONEWALL = "stonewall"
    NEVER_CONCEDE = "never_concede"
    CONCEDE_ALL = "concede_all"
    ACCEPT_ALL = "accept_all"
    BREAKER = "breaker"
    DAILY_DEMAND = "daily_demand"
    FREE_STATEMENTS = "free_statements"
    TIT_FOR_TAT = "tit_for_tat"
    MIRROR = "mirror"


class OpType(StrEnum):
    """What a facilitator may do to a table's state (everything else a facilitator does is not a rule)."""
    ANNOUNCE = "announce"   # free-text news with a source line
    TRIGGER = "trigger"     # one of the scenario's events, now


# The log names the facilitator where it names a seat for everything else.
FACILITATOR = "@facilitator"
# The move every seat may make on any day: none.
HOLD = "hold"
