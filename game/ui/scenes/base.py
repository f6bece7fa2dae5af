"""The scene contract: handle_event, update, draw; widgets rebuilt by layout().

`draw` never changes game state. A scene rebuilds its widgets when the
window size, the text size or its own `invalidate()` says so, which is
cheap, so any event a widget used simply invalidates the layout.
"""

from __future__ import annotations

import pygame

from .. import theme
from ..focus import Controls


class Scene:
    transparent = False
    title = ""

    def __init__(self, app):
        self.app = app
        self.controls = Controls()
        self._laid_for = None

    # -- layout ------------------------------------------------------------------

    def invalidate(self) -> None:
        self._laid_for = None

    def prepare(self) -> None:
        key = (self.app.size, self.app.text.scale)
        if key != self._laid_for:
            self._laid_for = key
            self.controls.set(self.layout(self.app.content))

    def layout(self, area) -> list:
        """Return this scene's widgets, in focus order, for the area it may use."""
        return []

    # -- the frame -----------------------------------------------------------------

    def handle_event(self, event) -> None:
        self.prepare()
        if self.controls.handle(event):
            self.invalidate()
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.back()
            else:
                self.key(event)

    def key(self, event) -> None:
        """Keys no widget used: shortcuts."""

    def back(self) -> None:
        self.app.pop()

    def update(self, dt: float) -> None:
        self.prepare()

    def draw(self, surf) -> None:
        self.draw_background(surf)
        self.controls.draw(surf, self.app)

    def draw_background(self, surf) -> None:
        pass

    # -- help ------------------------------------------------------------------------

    def help_text(self) -> str:
        return self.controls.help_text()

    def keys_hint(self) -> str:
        return "Tab next \u00b7 Enter choose \u00b7 Esc back \u00b7 F11 fullscreen"


def panel(surf, app, rect, title: str = "", colour=theme.PANEL) -> pygame.Rect:
    """Draw a rounded panel with an optional heading; return the inner area below the heading."""
    pygame.draw.rect(surf, colour, rect, border_radius=app.u(8))
    pygame.draw.rect(surf, theme.LINE, rect, 1, border_radius=app.u(8))
    inner = rect.inflate(-app.u(24), -app.u(20))
    if title:
        app.text.draw(surf, title.upper(), inner.topleft, "label", theme.MUTED, max_width=inner.width)
        gap = app.text.line_height("label") + app.u(8)
        inner = pygame.Rect(inner.left, inner.top + gap, inner.width, inner.height - gap)
    return inner


def button_row(app, area, specs, height=None, gap=None):
    """Lay buttons left to right in `area`, wrapping to a new line when one would not fit.

    specs are (key, label, callback, tooltip[, Button keyword arguments]). A label may be a pair (long, short):
    the short wordings are used when the long ones would not all fit on one line.
    """
    from ..widgets import Button
    gap = app.u(10) if gap is None else gap
    height = height or max(app.u(36), app.text.line_height("bold") + app.u(14))
    longest = [s[1][0] if isinstance(s[1], tuple) else s[1] for s in specs]
    wide = sum(app.text.width(label, "bold") + app.u(32) + gap for label in longest) - gap <= area.width
    x, y = area.left, area.top
    out = []
    for spec in specs:
        key, label, callback, tip = spec[:4]
        if isinstance(label, tuple):
            label = label[0] if wide else label[1]
        extra = spec[4] if len(spec) > 4 else {}
        w = min(area.width, app.text.width(label, "bold") + app.u(32))
        if x > area.left and x + w > area.right:
            x, y = area.left, y + height + gap
        out.append(Button(key, (x, y, w, height), label, callback, tip, **extra))
        x += w + gap
    return out


def buttons_at_bottom(app, area, specs, height=None, gap=None):
    """`button_row`, raised so that its last line of buttons, however many it wraps to, ends at `area`'s bottom."""
    out = button_row(app, pygame.Rect(area.left, area.top, area.width, 0), specs, height, gap)
    shift = area.bottom - max(w.rect.bottom for w in out)
    for w in out:
        w.rect.move_ip(0, shift)
    return out
