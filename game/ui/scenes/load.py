"""Load: named saves and autosaves, newest first; a damaged file is shown with why, never loaded."""

from __future__ import annotations

import pygame

from game.engine.kinds import Controller
from game.persistence import SaveError, resume_match
from game.scenario import Place

from .. import theme
from ..lists import ListBox, ListState
from .base import Scene, button_row, panel


class Entry:
    def __init__(self, path, save=None, problem="", auto=False):
        self.path, self.save, self.problem, self.auto = path, save, problem, auto

    @property
    def title(self):
        if self.save is None:
            return self.path.name
        return f"{'Autosave: ' if self.auto else ''}{self.save.name or self.path.stem}"

    @property
    def detail(self):
        if self.save is None:
            return f"Cannot be loaded: {self.problem}"
        s = self.save
        humans = sum(1 for v in s.seats.values() if v == Controller.HUMAN)
        yours = "" if s.scenario.place is Place.SHIPPED else " (your scenario)"
        return (f"{s.scenario.id}{yours} \u00b7 day {s.turn} \u00b7 {humans} human seat"
                f"{'s' if humans != 1 else ''} \u00b7 saved {s.saved_at or 'at an unknown time'}")


class LoadScene(Scene):
    title = "Load a game"

    def __init__(self, app):
        super().__init__(app)
        self.state = ListState()
        self.entries = self._scan()

    def _scan(self):
        store = self.app.store
        out: list[Entry] = []
        try:
            files = [(p, False) for p in store.named()] + [(p, True) for p in store.autosaves()]
        except OSError as err:
            self.app.toast(f"The saves folder cannot be read: {err}")
            return out
        for path, auto in files:
            try:
                out.append(Entry(path, store.read(path), auto=auto))
            except SaveError as err:
                out.append(Entry(path, problem=str(err), auto=auto))
        return out

    def layout(self, area):
        app = self.app
        m = app.u(28)
        self.header = pygame.Rect(area.left + m, area.top + m, area.width - 2 * m, app.text.line_height("h1"))
        top = self.header.bottom + app.u(20)
        bottom = area.bottom - m - app.u(50)
        self.box = pygame.Rect(area.left + m, top, min(area.width - 2 * m, app.u(980)), bottom - top)
        row_h = app.text.line_height("bold") + app.text.line_height("small") + app.u(14)
        inner = self.box.inflate(-app.u(20), -app.u(20))
        widgets = [ListBox("saves", inner, len(self.entries), row_h, self.state, self._draw_row,
                           on_activate=lambda i: self.load(), row_tip=lambda k: str(self.entries[k].path),
                           tooltip="Your saves. \u2191\u2193 to pick one, Enter to load it.")]
        row = pygame.Rect(self.box.left, bottom + app.u(12), self.box.width, app.u(40))
        widgets += button_row(app, row, [
            ("load", "Load", self.load, "Load the chosen save.", {"style": "primary", "enabled": bool(self.entries)}),
            ("back", "Back", self.back, "Return without loading."),
        ])
        return widgets

    def _draw_row(self, surf, k, rect, selected):
        app = self.app
        e = self.entries[k]
        app.text.draw(surf, e.title, (rect.left + app.u(6), rect.top + app.u(6)), "bold",
                      theme.TEXT if e.save else theme.BAD, max_width=rect.width - app.u(12))
        app.text.draw(surf, e.detail, (rect.left + app.u(6), rect.top + app.u(6) + app.text.line_height("bold")),
                      "small", theme.MUTED, max_width=rect.width - app.u(12))

    def load(self):
        if not self.entries:
            return
        e = self.entries[self.state.selected]
        if e.save is None:
            self.app.toast(f"{e.path.name} cannot be loaded: {e.problem}")
            return
        try:
            match = resume_match(e.save, e.path.name)
        except SaveError as err:
            self.app.toast(f"Cannot be loaded: {err}")
            return
        from ..session import LocalSession
        from .flow import enter_game
        enter_game(self.app, LocalSession.resume(match, self.app.store), f"Loaded {e.title}.")

    def draw_background(self, surf):
        app = self.app
        app.text.draw(surf, self.title, self.header.topleft, "h1")
        panel(surf, app, self.box)
        if not self.entries:
            app.text.draw(surf, "No saves yet. Games are autosaved at the start of every day; save by name from the "
                                "game menu (Esc).", (self.box.left + app.u(24), self.box.top + app.u(24)), "body",
                          theme.MUTED, max_width=self.box.width - app.u(48))
