"""A game played in this process: the match, its saves, and what the screens need to notice.

The session submits actions and lets AI seats act, then notices what changed
that the screens must react to: a new day (autosave, show the resolution),
the end. It holds no rules: everything it shows comes from observations.
It is the local `TableSession` (see tablesession.py).
"""

from __future__ import annotations

import json
import time

from game.engine import IllegalAction, history_comparison
from game.engine.kinds import EVERYONE
from game.engine.stakes import Projector, choice_from, material
from game.match import AskRefused
from game.par import ratings
from game.persistence import SaveError

from .tablesession import NOT_SHOWN, DayWatch, Ending, Pace, Resolution

NO_NEWS = 1 << 62  # an observation from here on carries no news: only its count is wanted


class LocalSession:
    save_note = ""
    leave_note = "Game saved. Continue picks it up where you left it."
    seat_note = ""

    def __init__(self, match, store):
        self.match = match
        self.store = store
        state = match.state
        self.days = DayWatch(state.turn, state.phase, self._marks())
        self.viewer = None
        self.notice = ""
        self._stakes: dict = {}
        self._projector: Projector | None = None

    @classmethod
    def new(cls, scenario, controllers, store, seed):
        from game.match import Match
        session = cls(Match(scenario, seed, controllers), store)
        try:
            store.clear_autosaves(scenario.id)
        except OSError as err:
            session.notice = f"Old autosaves could not be cleared: {err}"
        session.autosave()
        return session

    @classmethod
    def resume(cls, match, store):
        return cls(match, store)

    # -- what it is ------------------------------------------------------------------

    @property
    def state(self):
        return self.match.state

    @property
    def scenario(self):
        return self.match.scenario

    @property
    def public(self):
        return self.match.public

    @property
    def seat_ids(self) -> list:
        return list(self.scenario.seat_ids)

    @property
    def controllers(self):
        return self.match.controllers

    @property
    def humans(self):
        return self.match.humans

    @property
    def turn(self) -> int:
        return self.state.turn

    @property
    def over(self) -> bool:
        return self.state.is_over()

    @property
    def version(self):
        return len(self.state.log), len(self.state.events)

    def seat_name(self, seat) -> str:
        return self.scenario.seat(seat).name

    # -- acting ---------------------------------------------------------------------

    def act(self, seat: str, action) -> str:
        """Apply a human action; return '' or the reason it was refused (nothing changes then)."""
        try:
            self.match.act(seat, action)
        except IllegalAction as err:
            return str(err)
        self._notice_changes()
        return ""

    def poll(self) -> None:
        """Everything happens in this process: nothing arrives from elsewhere."""

    def human_to_move(self):
        return self.match.human_to_move()

    def ai_to_move(self) -> bool:
        return self.match.ai_to_move() is not None

    def step_ai(self) -> list:
        events = self.match.step_ai(limit=1)
        self._notice_changes()
        return events

    def ask(self, ai_seat: str, partner: str, terms: dict, parties=()):
        try:
            return self.match.ask(ai_seat, partner, terms, parties)
        except AskRefused as err:
            return None, str(err)

    def asks_left(self, ai_seat: str, partner: str) -> int:
        return self.match.asks_left(ai_seat, partner)

    def _projection(self) -> Projector:
        projector = self._projector
        if projector is None or self._stakes.get("version") != self.version:
            # Talk that signs nothing leaves what the projection reads as it was: keep what was worked out.
            mark = material(self.state)
            if projector is None or self._stakes.get("material") != mark:
                projector = self._projector = Projector(self.state)
                self._stakes = {"material": mark}
            self._stakes["version"] = self.version
        return projector

    def outlook(self, seat: str) -> dict | None:
        return self._projection().outlook(seat)

    def stakes(self, seat: str, choice: dict) -> tuple[dict | None, str]:
        key = (seat, json.dumps(choice, sort_keys=True))
        self._projection()
        if key not in self._stakes:
            assert self._projector is not None, "made above for this version"
            try:
                self._stakes[key] = (self._projector.stakes(seat, choice_from(seat, choice)), "")
            except IllegalAction as err:
                self._stakes[key] = (None, str(err))
        return self._stakes[key]

    def _notice_changes(self) -> None:
        state = self.state
        if self.days.notice(state.turn, state.phase, state.is_over(), self._marks):
            self.autosave()

    def _marks(self) -> dict:
        """How much news each seat has had: each seat's news is numbered on its own, private talks included."""
        return {seat: self.observation(seat, NO_NEWS)["events_seen"] for seat in self.scenario.seat_ids}

    def pending_resolution(self) -> bool:
        return self.days.pending is not None

    def take_resolution(self) -> Resolution | None:
        return self.days.take()

    def take_reseated(self) -> bool:
        return False

    def pace(self) -> Pace | None:
        return None

    # -- views (only observations) ------------------------------------------------------

    def observation(self, seat: str, since: int = 0) -> dict:
        return self.state.observation(seat, since)

    def spectator_view(self) -> dict:
        # Nobody plays here, so there is nobody to hide anything from.
        return self.state.facilitator_view()

    def legal_actions(self, seat: str) -> list:
        return self.state.legal_actions(seat)

    def proposal_space(self, seat: str) -> dict:
        return self.state.proposal_space(seat)

    def public_news(self, since: dict | None = None) -> list:
        """News every seat sees: the same for all, so any seat's observation gives it."""
        seat = self.scenario.seat_ids[0]
        return [e for e in self.observation(seat, (since or {}).get(seat, 0))["news"] if e["visible"] == EVERYONE]

    def news_for(self, viewer, since: dict | None = None) -> list:
        """The news `viewer` has had since the marks in `since` (all of it without them)."""
        if viewer is None or len(self.humans) > 1:
            return self.public_news(since)
        news = self.observation(viewer, (since or {}).get(viewer, 0))["news"]
        return [e for e in news if e["kind"] not in NOT_SHOWN]

    def ending(self) -> Ending:
        state = self.state
        # The game is over: every seat's objectives can now be revealed for the debrief.
        view = state.facilitator_view()
        scores = state.scores()
        return Ending(scores=scores, history=history_comparison(state), agreements=view["agreements"],
                      objectives={seat: view["private"][seat]["objectives"] for seat in self.scenario.seat_ids},
                      par=ratings(self.scenario, scores))

    def full_report(self) -> tuple[str, str]:
        """Write the report into the saves folder (reports/), each time afresh, and give its address."""
        from game.report import ReportError
        from game.report.inputs import from_match
        from game.report.write import write_game_report
        stamp = time.strftime("%Y-%m-%d %H.%M.%S")
        folder = self.store.root / "reports" / f"{self.scenario.id} {stamp}"
        try:
            page, _ = write_game_report(from_match(self.match, f"{self.scenario.title}, {stamp[:10]}"), folder)
        except ReportError as err:
            return "", str(err)
        return page.resolve().as_uri(), ""

    # -- saving ------------------------------------------------------------------------

    def autosave(self) -> str:
        try:
            self.store.autosave(self.state, seats=self.controllers, journal=self.match.journal)
        except OSError as err:
            self.notice = f"Autosave failed ({err}); your game goes on, but save it by name soon."
            return self.notice
        return ""

    def finish(self) -> str:
        """Clear this game's autosaves once it is over, so Continue never offers a finished game.

        Only autosaves that are earlier points of this very game go: same scenario, same seed, and an action
        log this game went through. Another game's autosaves, and every save made by name, are kept.
        """
        state = self.state
        log = [tuple(entry) for entry in json.loads(json.dumps([[seat, action] for seat, action in state.log]))]
        try:
            for path in self.store.autosaves():
                try:
                    save = self.store.read(path)
                except SaveError:
                    continue
                if save.scenario.id == self.scenario.id and save.scenario.content_hash == self.scenario.content_hash \
                        and save.seed == state.game.seed and list(save.actions) == log[:len(save.actions)]:
                    path.unlink()
        except OSError as err:
            return f"The finished game's autosaves could not be cleared ({err}); Continue may still offer it."
        return ""

    def save(self, name: str) -> str:
        """Save by name; return '' or what went wrong (the game is never touched)."""
        try:
            path = self.store.save(self.state, name.strip(), seats=self.controllers, journal=self.match.journal)
        except SaveError as err:
            return str(err)
        except OSError as err:
            return f"Could not write the save: {err}"
        self.notice = f"Saved as \u201c{name.strip()}\u201d in {path.parent}"
        return ""

    def close(self) -> None:
        """The game was saved before leaving; nothing is held open."""
