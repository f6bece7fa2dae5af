"""What the table scenes need of a game: one interface, played here or at a class server.

`LocalSession` (session.py) wraps a Match in this process: hot-seat, saves, AI leaders stepped
between frames. `RemoteSession` (remote.py) wraps a connection to a class server, which holds the
game and runs its AI leaders. The briefing, table, resolution and end scenes use only this.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Protocol

from game.engine import Action
from game.engine.kinds import EventKind, Phase

NOT_SHOWN = (EventKind.CHOSEN,)


class Resolution:
    """What a finished day showed: its number and, for each seat, where its news starts in that seat's news."""

    def __init__(self, turn: int, since: dict):
        self.turn, self.since = turn, since


class DayWatch:
    """Notices that a day was resolved: the turn moved on, or the summit ended after the moves.

    Each seat's news is numbered on its own, so the marks are per seat: where each seat's news
    stood when the day began and when its moves phase began (the resolution shows what came after).
    """

    def __init__(self, turn: int, phase: str, marks: dict):
        self.turn_seen = turn
        self.day_mark = marks
        self.moves_mark = marks if phase == Phase.MOVES else None
        self.pending: Resolution | None = None

    def notice(self, turn: int, phase: str, over: bool, marks: Callable[[], dict]) -> bool:
        """Take in where the game is now; return True when a new day began (not the end of the summit)."""
        if phase == Phase.MOVES and self.moves_mark is None:
            self.moves_mark = marks()
        if turn != self.turn_seen or (over and self.pending is None and self.moves_mark is not None):
            since = self.moves_mark if self.moves_mark is not None else self.day_mark
            self.pending = Resolution(self.turn_seen, since)
            self.turn_seen = turn
            self.moves_mark = None
            self.day_mark = marks()
            return not over
        return False

    def take(self) -> Resolution | None:
        pending, self.pending = self.pending, None
        return pending


@dataclass
class Ending:
    """What the end screen shows: every seat's score and its parts, the table beside history, the agreements,
    and the secret objectives this client may reveal (every seat's in local play; at a class, its own)."""
    scores: dict
    history: dict
    agreements: list
    objectives: dict   # seat -> its objectives, for the seats whose objectives are known here
    par: dict          # seat -> its score against what AI leaders score in that seat (game.par.Par.rating)


@dataclass
class Pace:
    """How play stands at a class: the connection, the facilitator's pause, the time left, the end.

    Each text is a tuple of wordings, longest first (empty when there is nothing to say)."""
    connection: tuple = ()        # what is happening to the connection, when it is down
    paused: tuple = ()            # why nobody may act now (paused, not started yet)
    ended: tuple = ()             # why the table takes no more actions
    seconds_left: float | None = None


class TableSession(Protocol):
    """A game as the scenes see it: only observations, legal actions, submitting, asking and noticing change."""

    public: dict                # the scenario as every seat knows it (game.engine.public_info)
    viewer: str | None          # whose screen it is: a seat played here, or None (curtain or watching)
    notice: str                 # something to tell the player once ('' when nothing)
    save_note: str              # '' when the game can be saved by name here; otherwise why not
    leave_note: str             # what happens to the game when the player leaves it
    seat_note: str              # '' or where the player sits, for the game menu (a class's table and team code)

    @property
    def seat_ids(self) -> list[str]: ...

    @property
    def humans(self) -> list[str]:
        """The seats the people at this screen play."""

    @property
    def controllers(self) -> dict[str, str]:
        """Who plays each seat: human, or an AI level."""

    @property
    def turn(self) -> int: ...

    @property
    def over(self) -> bool: ...

    @property
    def version(self) -> Hashable:
        """Changes whenever anything the scenes show may have changed."""

    def seat_name(self, seat: str) -> str: ...

    def observation(self, seat: str, since: int = 0) -> dict: ...

    def spectator_view(self) -> dict:
        """What to show when nobody here plays a seat (watching AI leaders play)."""

    def legal_actions(self, seat: str) -> list[Action]: ...

    def proposal_space(self, seat: str) -> dict: ...

    def act(self, seat: str, action: Action) -> str:
        """Submit an action; return '' or the reason it was refused (nothing changes then)."""

    def ask(self, ai_seat: str, partner: str, terms: dict, parties: Any = ()) -> tuple[dict | None, str]:
        """What an AI leader would want for these terms: (terms it says it could sign or None, what it says)."""

    def asks_left(self, ai_seat: str, partner: str) -> int:
        """How many more "what would you want?" questions `partner` may put to this AI leader today."""

    def stakes(self, seat: str, choice: dict) -> tuple[dict | None, str]:
        """What a choice would do to `seat`'s final score (game.engine.stakes, as plain data), or (None, why
        the rules would not take it). `choice` is {"kind": SIGN, "terms", "parties"} or
        {"kind": MOVE, "move"}, with a ChoiceKind."""

    def outlook(self, seat: str) -> dict | None:
        """`seat`'s final score as things stand, part by part (game.engine.stakes.Projector.outlook), or None
        where it is not known (a class server that sent none)."""

    def poll(self) -> None:
        """Take in what changed elsewhere (a class server's messages); nothing to do in local play."""

    def human_to_move(self) -> str | None:
        """A seat played here that may act now, or None."""

    def ai_to_move(self) -> bool:
        """Whether an AI leader in this process acts next (step_ai lets it)."""

    def step_ai(self) -> list:
        """One AI decision here; the events it caused."""

    def pending_resolution(self) -> bool: ...

    def take_resolution(self) -> Resolution | None: ...

    def take_reseated(self) -> bool:
        """True once when the people here were moved to other seats (a facilitator's doing): start again."""

    def news_for(self, viewer: str | None, since: dict | None = None) -> list: ...

    def pace(self) -> Pace | None:
        """How play stands at a class, or None in local play."""

    def ending(self) -> Ending: ...

    def full_report(self) -> tuple[str, str]:
        """The game's full report: (an address a browser opens, '') or ('', why there is none)."""

    def finish(self) -> str:
        """The game is over: tidy up; return '' or a problem to show."""

    def autosave(self) -> str: ...

    def save(self, name: str) -> str: ...

    def close(self) -> None:
        """Leave the game (it is saved or kept elsewhere first)."""
