"""The title screen: new game, continue, load, settings, quit."""

from __future__ import annotations

import math

import pygame

from game.present.looks import OKABE_ITO, SHAPES

from .. import shapes, theme
from ..widgets import Button
from .base import Scene

TAGLINE = "A negotiation game built from real news reporting"


class TitleScene(Scene):
    def layout(self, area):
        app = self.app
        w = app.u(300)
        h = max(app.u(44), app.text.line_height("bold") + app.u(18))
        x = area.left + app.u(110)
        y = area.top + int(area.height * 0.36)
        has_autosave = bool(self._autosaves())
        who = self.app.store.player
        mine = f"{who}'s last game" if who else "the last game"
        specs = [
            ("new", "New game", self.new_game, "Choose a scenario and who plays each seat."),
            ("continue", "Continue", self.continue_game,
             f"Pick up {mine} where its autosave left it." if has_autosave
             else f"No game in progress{' for ' + who if who else ''}: a game is saved at the start of every day "
                  "until it ends; finished games are not continued. Another player? Change the name below."),
            ("load", "Load a saved game", self.load,
             f"Open a game {'of ' + who if who else 'you'} saved by name, or any autosave."),
            ("player", f"Player: {who}" if who else "Player: not named", self.player,
             "Who is playing: each player's games are kept apart, so Continue and Load offer only yours."),
            ("settings", "Settings", self.settings, "Text size, fullscreen and how fast the AI leaders act."),
            ("quit", "Quit", self.quit, "Close Summit."),
        ]
        out = []
        for k, (key, label, cb, tip) in enumerate(specs):
            out.append(Button(key, (x, y + k * (h + app.u(12)), w, h), label, cb, tip,
                              enabled=key != "continue" or has_autosave,
                              style="primary" if k == 0 else "normal"))
        return out

    def _autosaves(self):
        try:
            return self.app.store.autosaves()
        except OSError:
            return []

    # -- actions -----------------------------------------------------------------------

    def new_game(self):
        from .choose import ScenarioScene
        self.app.push(ScenarioScene(self.app))

    def continue_game(self):
        from ..session import LocalSession
        from .flow import enter_game
        path, match, save, skipped = self.app.store.latest_good_autosave()
        if match is None:
            why = f" ({skipped[0][1]})" if skipped else ""
            self.app.toast(f"There is no autosave that can be continued{why}.")
            return
        note = f"Skipped an autosave that cannot be continued: {skipped[0][1]}" if skipped else ""
        enter_game(self.app, LocalSession.resume(match, self.app.store), note)

    def load(self):
        from .load import LoadScene
        self.app.push(LoadScene(self.app))

    def player(self):
        from .player import PlayerDialog
        self.app.push(PlayerDialog(self.app, then=self.invalidate))

    def settings(self):
        from .settings import SettingsScene
        self.app.push(SettingsScene(self.app))

    def quit(self):
        self.app.running = False

    def back(self):
        self.quit()

    def keys_hint(self):
        return "\u2191\u2193 or Tab move \u00b7 Enter choose \u00b7 Esc quit \u00b7 F11 fullscreen"

    # -- drawing ---------------------------------------------------------------------------

    def draw_background(self, surf):
        app = self.app
        area = app.content
        self._draw_table(surf, area)
        x = area.left + app.u(110)
        app.text.draw(surf, "SUMMIT", (x, area.top + int(area.height * 0.16)), "title", theme.TEXT)
        app.text.draw(surf, TAGLINE, (x + app.u(3), area.top + int(area.height * 0.16) + app.text.line_height("title")),
                      "h2", theme.MUTED)
        app.text.draw(surf, "Sochi 2008 \u00b7 Moscow 2020", (x + app.u(3), area.bottom - app.u(40)),
                      "small", theme.FAINT)

    def _draw_table(self, surf, area):
        """A round table seen from above, with six chairs in the seat shapes."""
        app = self.app
        cx, cy = area.left + int(area.width * 0.74), area.centery
        r = int(min(area.width * 0.16, area.height * 0.3))
        for k in range(5, 0, -1):
            pygame.draw.circle(surf, theme.mix(theme.BG, theme.PANEL_HI, k / 6), (cx, cy), r + k * app.u(16), 1)
        pygame.draw.circle(surf, theme.PANEL, (cx, cy), r)
        pygame.draw.circle(surf, theme.LINE, (cx, cy), r, 2)
        pygame.draw.circle(surf, theme.ACCENT_DIM, (cx, cy), r // 3, 1)
        for k in range(6):
            a = -math.pi / 2 + k * math.pi / 3
            pos = (cx + int((r + app.u(34)) * math.cos(a)), cy + int((r + app.u(34)) * math.sin(a)))
            shapes.marker(surf, SHAPES[k], pos, app.u(13), OKABE_ITO[k])
