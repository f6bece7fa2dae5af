"""The hot-seat curtain: nothing of the last player's screen shows until the next one is ready."""

from __future__ import annotations

import pygame

from .. import shapes, theme
from ..widgets import Button
from .base import Scene


class CurtainScene(Scene):
    def __init__(self, app, seat_name: str, on_ready, look=None, note: str = ""):
        super().__init__(app)
        self.seat_name, self.on_ready, self.look, self.note = seat_name, on_ready, look, note

    def layout(self, area):
        app = self.app
        label = f"I am {self.seat_name} \u2014 show me"
        w = min(area.width - app.u(40), max(app.u(280), app.text.width(label, "bold") + app.u(40)))
        h = max(app.u(46), app.text.line_height("bold") + app.u(20))
        rect = pygame.Rect(0, 0, w, h)
        rect.center = (area.centerx, area.centery + app.u(90))
        return [Button("ready", rect, label, self.ready,
                       f"Only the player for {self.seat_name} should look at the screen now.", style="primary")]

    def ready(self):
        self.app.pop()
        self.on_ready()

    def key(self, event):
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.ready()

    def back(self):
        """Escape must not lift the curtain, or show what lies behind it."""

    def keys_hint(self):
        return "Enter when the right player is at the screen"

    def help_text(self):
        return "The screen is hidden so the next player cannot see the last one's secrets."

    def draw_background(self, surf):
        app = self.app
        area = app.content
        surf.fill(theme.CURTAIN, area)
        for k in range(0, area.width, app.u(48)):
            pygame.draw.line(surf, (14, 19, 26), (k, area.top), (k, area.bottom))
        if self.look:
            shapes.marker(surf, self.look.shape, (area.centerx, area.centery - app.u(110)), app.u(22), self.look.colour)
        app.text.draw(surf, f"Pass to the player for {self.seat_name}", (area.centerx, area.centery - app.u(50)),
                      "h1", theme.TEXT, anchor="center")
        app.text.draw(surf, "\u2014 press Enter \u2014", (area.centerx, area.centery), "h2", theme.ACCENT,
                      anchor="center")
        if self.note:
            app.text.draw(surf, self.note, (area.centerx, area.centery + app.u(36)), "body", theme.MUTED,
                          anchor="center", max_width=area.width - app.u(80))
