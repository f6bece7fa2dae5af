"""A game in progress: the match, its saves, and what the screens need to notice.

The session submits actions and lets AI seats act, then notices what changed
that the screens must react to: a new day (autosave, show the resolution),
the end. It holds no rules: everything it shows comes from observations.
"""

from __future__ import annotations

import json

from game.engine import IllegalAction
from game.persistence import SaveError

NOT_SHOWN = ("chosen",)
NO_NEWS = 1 << 62  # an observation from here on carries no news: only its count is wanted


class Resolution:
    """What a finished day showed: its number and, for each seat, where its news starts in that seat's news."""

    def __init__(self, turn: int, since: dict):
        self.turn, self.since = turn, since


class Session:
    def __init__(self, match, store):
        self.match = match
        self.store = store
        state = match.state
        self.turn_seen = state.turn
        self.day_mark = self._marks()
        self.moves_mark = self.day_mark if state.phase == "moves" else None
        self.pending = None
        self.viewer = None
        self.notice = ""

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
    def resume(cls, state, seats, store):
        from game.match import Match
        controllers = {s: seats.get(s, "normal") for s in state.game.scenario.seat_ids}
        return cls(Match(state.game.scenario, state.game.seed, controllers, state=state), store)

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
    def controllers(self):
        return self.match.controllers

    @property
    def humans(self):
        return self.match.humans

    @property
    def over(self) -> bool:
        return self.state.is_over()

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

    def step_ai(self) -> list:
        events = self.match.step_ai(limit=1)
        self._notice_changes()
        return events

    def ask(self, ai_seat: str, partner: str, terms: dict, parties=()):
        return self.match.ask(ai_seat, partner, terms, parties)

    def _notice_changes(self) -> None:
        state = self.state
        if state.phase == "moves" and self.moves_mark is None:
            self.moves_mark = self._marks()
        if state.turn != self.turn_seen or (state.is_over() and self.pending is None and self.moves_mark is not None):
            since = self.moves_mark if self.moves_mark is not None else self.day_mark
            self.pending = Resolution(self.turn_seen, since)
            self.turn_seen = state.turn
            self.moves_mark = None
            self.day_mark = self._marks()
            if not state.is_over():
                self.autosave()

    def _marks(self) -> dict:
        """How much news each seat has had: each seat's news is numbered on its own, private talks included."""
        return {seat: self.observation(seat, NO_NEWS)["events_seen"] for seat in self.scenario.seat_ids}

    def take_resolution(self):
        pending, self.pending = self.pending, None
        return pending

    # -- views (only observations) ------------------------------------------------------

    def observation(self, seat: str, since: int = 0) -> dict:
        return self.state.observation(seat, since)

    def public_news(self, since: dict | None = None) -> list:
        """News every seat sees: the same for all, so any seat's observation gives it."""
        seat = self.scenario.seat_ids[0]
        return [e for e in self.observation(seat, (since or {}).get(seat, 0))["news"] if e["visible"] == "all"]

    def news_for(self, viewer, since: dict | None = None) -> list:
        """The news `viewer` has had since the marks in `since` (all of it without them)."""
        if viewer is None or len(self.humans) > 1:
            return self.public_news(since)
        news = self.observation(viewer, (since or {}).get(viewer, 0))["news"]
        return [e for e in news if e["kind"] not in NOT_SHOWN]

    # -- saving ------------------------------------------------------------------------

    def autosave(self) -> str:
        try:
            self.store.autosave(self.state, seats=self.controllers)
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
            path = self.store.save(self.state, name.strip(), seats=self.controllers)
        except SaveError as err:
            return str(err)
        except OSError as err:
            return f"Could not write the save: {err}"
        self.notice = f"Saved as \u201c{name.strip()}\u201d in {path.parent}"
        return ""
