"""Settings: text size, fullscreen, how fast the AI leaders act."""

from __future__ import annotations

import pygame

from .. import theme
from ..settings import PACES
from ..theme import TEXT_SIZES
from ..widgets import Cycler, Toggle
from .base import Scene, button_row, panel

SAMPLE = ("Sample: Russia proposes to Turkey \u2014 Ceasefire in Idlib: full; Security corridor along the M4: 6 km. "
          "Text is drawn again at each size, so it stays sharp.")


class SettingsScene(Scene):
    title = "Settings"

    def layout(self, area):
        app = self.app
        m = app.u(28)
        self.header = pygame.Rect(area.left + m, area.top + m, area.width - 2 * m, app.text.line_height("h1"))
        row_h = max(app.u(40), app.text.line_height("bold") + app.u(16))
        width = min(area.width - 2 * m, app.u(640))
        self.box = pygame.Rect(area.left + m, self.header.bottom + app.u(24), width, app.u(40) + 3 * (row_h + app.u(12))
                               + app.text.wrapped_height(SAMPLE, "body", width - app.u(48)) + app.u(16))
        x, y, w = self.box.left + app.u(24), self.box.top + app.u(20), width - app.u(48)
        values = app.settings.values
        widgets = [
            Cycler("text", (x, y, w, row_h), "Text size", [t[0] for t in TEXT_SIZES], values["text_size"],
                   app.set_text_size, "Larger or smaller text everywhere. \u2190\u2192 to change."),
            Toggle("fullscreen", (x, y + row_h + app.u(12), w, row_h), "Fullscreen (F11 anywhere)",
                   values["fullscreen"], lambda on: app.toggle_fullscreen(),
                   "Fill the screen, or go back to a window."),
            Cycler("pace", (x, y + 2 * (row_h + app.u(12)), w, row_h), "AI pace", [p[0] for p in PACES],
                   values["pace"], self._pace, "How long to pause after each AI action you can see."),
        ]
        self.sample_top = y + 3 * (row_h + app.u(12)) + app.u(4)
        row = pygame.Rect(self.box.left, self.box.bottom + app.u(20), width, app.u(40))
        widgets += button_row(app, row, [("back", "Done", self.back, "Back to where you were.", {"style": "primary"})])
        return widgets

    def _pace(self, index):
        problem = self.app.settings.set("pace", index)
        if problem:
            self.app.toast(problem)

    def draw_background(self, surf):
        app = self.app
        app.text.draw(surf, self.title, self.header.topleft, "h1")
        panel(surf, app, self.box)
        app.text.draw_wrapped(surf, SAMPLE, pygame.Rect(self.box.left + app.u(24), self.sample_top,
                                                        self.box.width - app.u(48), self.box.bottom - self.sample_top),
                              "body", theme.MUTED)
