"""One table of a class: its match and its pace (tablelog.py reads the log that rebuilds it).

A table is a single writer. Everything that changes it (an action, a question to an AI
leader, a facilitator's operation, a deadline passing) is a method here, called one at a
time by the table's worker (see room.py); each method changes the match, then returns the log
rows to commit. The server commits them before it acknowledges or broadcasts anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine import DONE, Action, IllegalAction
from game.engine.kinds import HOLD, ActionType, Controller, Phase, visible_to
from game.match import AskRefused, JournalError, Match
from game.present.classwords import slot_words, undone_words
from game.scenario import Scenario

from .protocol import ErrorCode
from .store import LogRow, TableRecord
from .tablelog import Row, read_log
from .worth import Worth


class TableError(Exception):
    """A request the table refuses, with the protocol's error code and a plain reason."""

    def __init__(self, code: ErrorCode, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Deadline:
    at: float
    key: tuple[Any, ...]


MAX_STEPS_PER_ROUND = 500


class Table:
    def __init__(self, record: TableRecord, scenario: Scenario, match: Match, level: str):
        self.record = record
        self.id = record.id
        self.scenario = scenario
        self.match = match
        self.level = level
        self.paused = False
        self.started = True                      # False until the facilitator first starts the table
        self.paused_left: float | None = None   # the deadline's time left when paused
        self.deadline: Deadline | None = None
        self.pace: int | None = None             # seconds every round and moves phase gets, if set
        self.ended = False
        self.notes: list[dict[str, Any]] = []
        self.notices: list[str] = []             # said to everyone at the table with the next update
        self.version = 0
        self.logged = len(match.journal)         # journal entries already in the store
        self.worth = Worth()

    # -- building ----------------------------------------------------------------------

    @classmethod
    def new(cls, record: TableRecord, scenario: Scenario, level: str) -> tuple["Table", list[Any]]:
        match = Match(scenario, record.seed, {s: level for s in scenario.seat_ids})
        table = cls(record, scenario, match, level)
        table.logged = 0
        table.paused, table.started = True, False
        return table, table.pending_rows() + [(Row.PAUSE, {"left": None})]

    @classmethod
    def restore(cls, record: TableRecord, scenario: Scenario, rows: list[LogRow], level: str) -> "Table":
        """The table its log describes; raise JournalError if the log does not replay."""
        journal, state = read_log(rows)
        match = Match.replay(scenario, record.seed, journal)
        table = cls(record, scenario, match, level)
        table.paused = state["paused"]
        table.started = state["started"]
        table.pace = state["pace"]
        table.ended = state["ended"]
        table.notes = state["notes"]
        deadline = state["deadline"]
        if deadline and deadline.get("at") is not None and tuple(deadline["key"]) == table.key():
            table.deadline = Deadline(float(deadline["at"]), table.key())
            if table.paused:
                table.paused_left = max(0.0, float(deadline.get("left") or 0.0))
        table.version = len(rows)
        return table

    def pending_rows(self) -> list[Any]:
        """Journal entries made since the last call, as log rows."""
        rows = [(Row.JOURNAL, entry) for entry in self.match.journal[self.logged:]]
        self.logged = len(self.match.journal)
        return rows

    # -- what it is now ------------------------------------------------------------------

    @property
    def state(self) -> Any:
        return self.match.state

    def key(self) -> tuple[Any, ...]:
        """Which slot of the game a deadline or a request belongs to: (turn, phase, round)."""
        s = self.state
        return (s.turn, str(s.phase), s.round if s.phase == Phase.TALKS else 0)

    def controllers(self) -> dict[str, Any]:
        return {s: str(k) for s, k in self.match.controllers.items()}

    def seconds_left(self, now: float) -> float | None:
        if self.deadline is None:
            return None
        if self.paused:
            return self.paused_left
        return max(0.0, self.deadline.at - now)

    # -- a seat acts -------------------------------------------------------------------

    def check_open(self) -> None:
        if self.ended:
            raise TableError(ErrorCode.ENDED, "the class has ended; the table takes no more actions")
        if self.state.is_over():
            raise TableError(ErrorCode.ENDED, "the summit is over at this table")
        if self.paused:
            raise TableError(ErrorCode.PAUSED, "paused by the facilitator; wait for the table to resume" if self.started
                             else "the facilitator has not started the class yet")

    def act(self, seat: str, turn: int, phase: str, round_: int, action: dict[str, Any]) -> tuple[list[Any], list[Any]]:
        """A person's action for `seat`, checked against the slot it was meant for; return the rows and
        what the seat reads of what it caused."""
        self.check_open()
        if self.match.controllers.get(seat) != Controller.HUMAN:
            raise TableError(ErrorCode.NOT_ALLOWED, "an AI leader plays this seat now; take the seat back first")
        meant = (turn, phase, round_ if phase == Phase.TALKS else 0)
        if meant != self.key():
            raise TableError(ErrorCode.STALE, f"that was meant for {slot_words(meant)}; it is now "
                                              f"{slot_words(self.key())}")
        try:
            events = self.match.act(seat, action)
        except IllegalAction as err:
            raise TableError(ErrorCode.REFUSED, str(err)) from None
        said = [e["text"] for e in events if visible_to(e["visible"], seat)]
        return self.pending_rows(), said

    def ask(self, asker: str, ai_seat: str, terms: dict[str, Any], parties: list[Any]) -> tuple[Any, str, list[Any]]:
        self.check_open()
        if ai_seat not in self.scenario.seat_ids:
            raise TableError(ErrorCode.NO_SEAT, f"there is no seat {ai_seat[:40]!r} at this table")
        if self.match.controllers[ai_seat] == Controller.HUMAN:
            raise TableError(ErrorCode.NOT_AI, f"people play {self.scenario.seat(ai_seat).name}: send them a note")
        if ai_seat == asker:
            raise TableError(ErrorCode.NOT_ALLOWED, "ask another seat, not your own")
        clean = {}
        for issue, option in terms.items():
            if not isinstance(issue, str) or issue not in self.match.game.issue_index:
                raise TableError(ErrorCode.BAD_FIELD, f"there is no issue {str(issue)[:40]!r}")
            try:
                said = Action.from_dict({"type": ActionType.STATEMENT, "issue": issue, "option": option})
                clean[issue] = said.option
            except IllegalAction as err:
                raise TableError(ErrorCode.BAD_FIELD, str(err)) from None
        if not all(isinstance(p, str) and p in self.scenario.seat_ids for p in parties):
            raise TableError(ErrorCode.BAD_FIELD, "parties must be seats of this table")
        try:
            wanted, text = self.match.ask(ai_seat, asker, clean, parties)
        except AskRefused as err:
            raise TableError(ErrorCode.ASKED_ENOUGH, str(err)) from None
        return wanted, text, self.pending_rows()

    def asks_left(self, asker: str) -> dict[str, int]:
        """How many more questions `asker` may put to each AI leader today."""
        return {s: self.match.asks_left(s, asker) for s, kind in self.match.controllers.items()
                if kind != Controller.HUMAN and s != asker}

    def step_ai(self) -> list[Any]:
        """One AI decision, if an AI seat is to act and the table runs; return the rows."""
        if self.paused or self.ended or self.state.is_over():
            return []
        self.match.step_ai(limit=1)
        return self.pending_rows()

    def ai_to_move(self) -> bool:
        return not (self.paused or self.ended or self.state.is_over()) and self.match.ai_to_move() is not None

    # -- the facilitator -----------------------------------------------------------------

    def set_controller(self, seat: str, kind: str) -> list[Any]:
        if seat not in self.scenario.seat_ids:
            raise TableError(ErrorCode.NO_SEAT, f"there is no seat {seat[:40]!r} at this table")
        if self.match.controllers[seat] != kind:
            self.match.set_controller(seat, kind)
        return self.pending_rows()

    def facilitate(self, op: dict[str, Any]) -> list[Any]:
        if self.ended:
            raise TableError(ErrorCode.ENDED, "the class has ended")
        try:
            self.match.facilitate(op)
        except IllegalAction as err:
            raise TableError(ErrorCode.REFUSED, str(err)) from None
        return self.pending_rows()

    def end_slot(self, row_kind: Row) -> list[Any]:
        """End the current talks round or moves phase now: every person who has not acted ends their
        turn or holds; AI seats act as they always do. Return the rows, the reason's row first."""
        if self.state.is_over():
            raise TableError(ErrorCode.ENDED, "the summit is over at this table")
        key = self.key()
        ended = []
        rows: list[Any] = []
        for _ in range(MAX_STEPS_PER_ROUND):
            if self.key() != key or self.state.is_over():
                break
            human = self.match.human_to_move()
            if human is not None:
                self.match.act(human, DONE if self.state.phase == Phase.TALKS else Action(ActionType.MOVE, move=HOLD))
                ended.append(human)
            else:
                self.match.step_ai(limit=1)
        rows.append((row_kind, {"key": list(key), "seats": ended}))
        rows += self.pending_rows()
        self.deadline = None
        names = ", ".join(self.scenario.seat(s).name for s in ended)
        why = "Time is up" if row_kind == Row.TIMEOUT else "The facilitator ended " + slot_words(key)
        self.notices.append(f"{why}: {names} {'ended their turn' if key[1] == Phase.TALKS else 'hold'}."
                            if ended else f"{why}.")
        return rows

    def set_deadline(self, seconds: int | None, now: float, pace: int | None = None,
                     keep_pace: bool = False) -> list[Any]:
        if not keep_pace:
            self.pace = pace
        if seconds is None or self.state.is_over():
            self.deadline = None
            self.paused_left = None
            return [(Row.DEADLINE, {"at": None, "key": list(self.key()), "pace": self.pace})]
        self.deadline = Deadline(now + seconds, self.key())
        self.paused_left = float(seconds) if self.paused else None
        return [(Row.DEADLINE, {"at": self.deadline.at, "key": list(self.key()), "pace": self.pace,
                                "left": self.paused_left})]

    def extend_deadline(self, seconds: int, now: float) -> list[Any]:
        if self.deadline is None or self.deadline.key != self.key():
            return self.set_deadline(seconds, now, keep_pace=True)
        if self.paused and self.paused_left is not None:
            self.paused_left += seconds
        self.deadline = Deadline(self.deadline.at + seconds, self.deadline.key)
        return [(Row.DEADLINE, {"at": self.deadline.at, "key": list(self.key()), "pace": self.pace,
                                "left": self.paused_left})]

    def after_change(self, now: float) -> list[Any]:
        """A deadline for a slot that has passed lapses; with a pace set, a new slot gets its own."""
        if self.deadline is not None and (self.deadline.key != self.key() or self.state.is_over()):
            self.deadline = None
        if self.pace and self.deadline is None and not self.state.is_over() and not self.ended:
            return self.set_deadline(self.pace, now, keep_pace=True)
        return []

    def pause(self, now: float) -> list[Any]:
        if self.paused:
            return []
        self.paused = True
        self.paused_left = self.seconds_left(now) if self.deadline else None
        return [(Row.PAUSE, {"left": self.paused_left})]

    def resume(self, now: float) -> list[Any]:
        if not self.paused:
            return []
        self.paused = False
        self.started = True
        if self.deadline is not None and self.paused_left is not None:
            self.deadline = Deadline(now + self.paused_left, self.deadline.key)
        self.paused_left = None
        rows: list[Any] = [(Row.RESUME, {})]
        if self.deadline is not None:
            rows.append((Row.DEADLINE, {"at": self.deadline.at, "key": list(self.deadline.key), "pace": self.pace}))
        return rows

    def rollback(self, day: int, dry_run: bool = False) -> tuple[list[Any], str]:
        """Back to the start of `day` (today or yesterday): undo the journal from there on. The
        people and leaders who play each seat now keep playing it. Return the rows and what was undone, in
        words; with `dry_run`, change nothing and return no rows: what would be undone."""
        state = self.state
        if day < 1:
            raise TableError(ErrorCode.NOT_ALLOWED, "it is day 1: there is no yesterday to roll back to (roll back to "
                                                    "the start of today)")
        if day not in (state.turn, state.turn - 1):
            raise TableError(ErrorCode.NOT_ALLOWED, f"a table rolls back to the start of today or yesterday "
                                            f"(day {state.turn} or {state.turn - 1}), not day {day}")
        starts = self._day_starts()
        if day not in starts:
            raise TableError(ErrorCode.NOT_ALLOWED, f"day {day} has not started at this table")
        keep = self.match.journal[:starts[day]]
        controllers = dict(self.match.controllers)
        try:
            match = Match.replay(self.scenario, self.record.seed, keep)
        except JournalError as err:
            raise TableError(ErrorCode.REFUSED, f"the table cannot be rebuilt: {err}") from None
        undone = undone_words(state, match.state)
        if dry_run:
            return [], undone
        self.match = match
        self.logged = len(keep)
        for seat, kind in controllers.items():
            if match.controllers[seat] != kind:
                match.set_controller(seat, kind)
        self.deadline = None
        self.notices.append(f"The facilitator rolled the table back to the start of day {day}: {undone}. The news "
                            "starts again from there.")
        return [(Row.ROLLBACK, {"to": len(keep), "day": day})] + self.pending_rows(), undone

    def hand_over(self, seat: str, kind: str, to_bot: bool = False) -> list[Any]:
        """The facilitator hands `seat` to an AI leader of level `kind`, or back to its people (human), who may be
        a bot (`to_bot`); everyone at the table is told."""
        if seat not in self.scenario.seat_ids:
            raise TableError(ErrorCode.NO_SEAT, f"there is no seat {seat[:40]!r} at this table")
        name = self.scenario.seat(seat).name
        now = self.match.controllers[seat]
        if now == kind:
            raise TableError(ErrorCode.NOT_ALLOWED, f"its students already play {name}" if kind == Controller.HUMAN
                             else f"an AI leader ({kind}) already plays {name}")
        rows = self.set_controller(seat, kind)
        self.notices.append((f"The facilitator handed {name} back to its bot: the bot plays it again." if to_bot else
                             f"The facilitator handed {name} back to its students: they play it again.")
                            if kind == Controller.HUMAN else
                            f"The facilitator handed {name} to an AI leader ({kind}): it plays the seat until the "
                            "facilitator hands it back.")
        return rows

    def _day_starts(self) -> dict[int, int]:
        """For each day, the journal length when it began (found by replaying the journal)."""
        starts = {1: len(self.scenario.seat_ids)}

        def mark(match: Match) -> None:
            if match.state.turn not in starts:
                starts[match.state.turn] = len(match.journal)

        Match.replay(self.scenario, self.record.seed, self.match.journal, on_action=mark)
        return starts

    def note_row(self, sender: str, to: str, member: int, name: str, text: str, now: float) -> tuple[Any, ...]:
        note = {"from": sender, "to": to, "member": member, "name": name, "text": text, "at": now,
                "turn": self.state.turn}
        self.notes.append(note)
        return (Row.NOTE, note)

    def result(self) -> dict[str, Any] | None:
        """Scores and the table beside history, once the summit is over or the table has ended before it. Par
        rates whole games only: a table ended early gets its scores as they stood, `par` empty, and `ended_early`."""
        over = self.state.is_over()
        if not over and not self.ended:
            return None
        from game.engine import history_comparison
        from game.par import ratings
        scores = self.state.scores()
        result = {"scores": scores, "history": history_comparison(self.state),
                  "par": ratings(self.scenario, scores) if over else {}}
        if not over:
            result["ended_early"] = {"day": self.state.turn, "turns": self.scenario.calendar.turns}
        return result

