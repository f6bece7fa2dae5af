"""Small widgets: each knows its rectangle, its keys, its clicks and how to draw itself.

Widgets are rebuilt whenever their scene lays out again, so anything that
must survive a rebuild (a list's selection, a scroll offset, typed text)
lives in a small state object the scene owns and passes in.
"""

from __future__ import annotations

import pygame

from . import shapes, theme

ACTIVATE = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


class Widget:
    focusable = True

    def __init__(self, key: str, rect, tooltip: str = "", enabled: bool = True):
        self.key = key
        self.rect = pygame.Rect(rect)
        self.tooltip = tooltip
        self.enabled = enabled

    def key_down(self, event) -> bool:
        return False

    def click(self, pos, button: int) -> bool:
        return False

    def wheel(self, dy: int) -> bool:
        return False

    def text_input(self, text: str) -> bool:
        return False

    def tip_at(self, pos) -> str:
        return self.tooltip

    def focus_tip(self) -> str:
        return self.tooltip

    def draw(self, surf, app, focused: bool, hovered: bool) -> None:
        pass


def focus_ring(surf, rect, radius: int = 6) -> None:
    pygame.draw.rect(surf, theme.ACCENT, rect.inflate(4, 4), 2, border_radius=radius + 2)


class Hint(Widget):
    """A non-focusable area with a tooltip: a stat, a marker, a bar."""
    focusable = False

    def draw(self, surf, app, focused, hovered):
        if hovered:
            pygame.draw.rect(surf, theme.LINE, self.rect, 1, border_radius=3)


class Button(Widget):
    def __init__(self, key, rect, label, on_click, tooltip="", enabled=True, style="normal"):
        super().__init__(key, rect, tooltip, enabled)
        self.label = label
        self.on_click = on_click
        self.style = style

    def activate(self):
        if self.enabled:
            self.on_click()

    def key_down(self, event):
        if event.key in ACTIVATE:
            self.activate()
            return True
        return False

    def click(self, pos, button):
        if button == 1:
            self.activate()
        return True

    def draw(self, surf, app, focused, hovered):
        base = {"primary": theme.ACCENT_DIM, "danger": (92, 48, 20), "quiet": theme.PANEL}.get(self.style, theme.RAISED)
        if hovered and self.enabled:
            base = theme.mix(base, theme.TEXT, 0.12)
        radius = app.u(6)
        pygame.draw.rect(surf, base, self.rect, border_radius=radius)
        edge = theme.ACCENT if self.style == "primary" and self.enabled else theme.LINE
        pygame.draw.rect(surf, edge, self.rect, 1, border_radius=radius)
        colour = theme.TEXT if self.enabled else theme.FAINT
        app.text.draw(surf, self.label, self.rect.center, "bold", colour, anchor="center",
                      max_width=self.rect.width - app.u(12))
        if focused:
            focus_ring(surf, self.rect, radius)


class Toggle(Widget):
    """A checkbox: a box with a tick, so on/off never depends on colour."""

    def __init__(self, key, rect, label, value: bool, on_change, tooltip="", enabled=True, mark=None):
        super().__init__(key, rect, tooltip, enabled)
        self.label, self.value, self.on_change, self.mark = label, value, on_change, mark

    def flip(self):
        if self.enabled:
            self.on_change(not self.value)

    def key_down(self, event):
        if event.key in ACTIVATE:
            self.flip()
            return True
        return False

    def click(self, pos, button):
        if button == 1:
            self.flip()
        return True

    def draw(self, surf, app, focused, hovered):
        box = pygame.Rect(0, 0, app.u(16), app.u(16))
        box.midleft = (self.rect.left + app.u(6), self.rect.centery)
        if hovered:
            pygame.draw.rect(surf, theme.PANEL_HI, self.rect, border_radius=app.u(4))
        colour = theme.TEXT if self.enabled else theme.FAINT
        pygame.draw.rect(surf, colour, box, 2, border_radius=3)
        if self.value:
            a = (box.left + box.width * 0.22, box.top + box.height * 0.55)
            b = (box.left + box.width * 0.42, box.top + box.height * 0.78)
            c = (box.left + box.width * 0.8, box.top + box.height * 0.25)
            pygame.draw.lines(surf, theme.ACCENT if self.enabled else theme.FAINT, False, [a, b, c], 3)
        x = box.right + app.u(8)
        if self.mark is not None:
            shapes.marker(surf, self.mark.shape, (x + app.u(5), self.rect.centery), app.u(5), self.mark.colour)
            x += app.u(16)
        app.text.draw(surf, self.label, (x, self.rect.centery), "body", colour,
                      anchor="midleft", max_width=self.rect.right - x - app.u(4))
        if focused:
            focus_ring(surf, self.rect, app.u(4))


class Cycler(Widget):
    """Pick one of a few values with Left/Right (or the arrows), which stop at either end: holding a key
    down must not wrap a value round to its opposite. Enter or Space steps on and does wrap, being the one
    key that goes through every value."""

    def __init__(self, key, rect, label, options, index, on_change, tooltip="", enabled=True):
        super().__init__(key, rect, tooltip, enabled)
        self.label, self.options, self.index, self.on_change = label, list(options), index, on_change

    def step(self, d):
        k = max(0, min(len(self.options) - 1, self.index + d))
        if self.enabled and self.options and k != self.index:
            self.on_change(k)

    def key_down(self, event):
        if event.key == pygame.K_LEFT:
            self.step(-1)
            return True
        if event.key == pygame.K_RIGHT:
            self.step(1)
            return True
        if event.key in ACTIVATE:
            if self.enabled and self.options:
                self.on_change((self.index + 1) % len(self.options))
            return True
        return False

    def click(self, pos, button):
        if button == 1:
            value = self._value_rect()
            self.step(-1 if value.left <= pos[0] < value.left + value.width // 3 else 1)
        return True

    def _value_rect(self):
        r = self.rect.copy()
        r.width = int(self.rect.width * 0.55)
        r.right = self.rect.right
        return r

    def draw(self, surf, app, focused, hovered):
        colour = theme.TEXT if self.enabled else theme.FAINT
        if hovered:
            pygame.draw.rect(surf, theme.PANEL_HI, self.rect, border_radius=app.u(4))
        value = self._value_rect()
        app.text.draw(surf, self.label, (self.rect.left + app.u(6), self.rect.centery), "body", theme.MUTED,
                      anchor="midleft", max_width=value.left - self.rect.left - app.u(8))
        pygame.draw.rect(surf, theme.RAISED, value, border_radius=app.u(4))
        shown = self.options[self.index] if self.options else ""
        # An arrow with nowhere to go is drawn faint.
        first, last = self.index <= 0, self.index >= len(self.options) - 1
        app.text.draw(surf, "\u25c0", (value.left + app.u(6), value.centery), "small",
                      theme.FAINT if first else theme.MUTED, anchor="midleft")
        app.text.draw(surf, "\u25b6", (value.right - app.u(6), value.centery), "small",
                      theme.FAINT if last else theme.MUTED, anchor="midright")
        app.text.draw(surf, shown, value.center, "bold", colour, anchor="center", max_width=value.width - app.u(40))
        if focused:
            focus_ring(surf, self.rect, app.u(4))


class TextField(Widget):
    """One line of typed text; Enter submits.

    A suggested text (holder["suggested"] true) starts selected, as in any text box: typing replaces it,
    Backspace clears it, End or Right keeps it and types after it.
    """

    def __init__(self, key, rect, holder: dict, on_submit, tooltip="", limit=60):
        super().__init__(key, rect, tooltip)
        self.holder, self.on_submit, self.limit = holder, on_submit, limit

    def key_down(self, event):
        if event.key == pygame.K_BACKSPACE:
            suggested = self.holder.pop("suggested", False)
            self.holder["text"] = "" if suggested else self.holder["text"][:-1]
            return True
        if event.key in (pygame.K_END, pygame.K_RIGHT, pygame.K_HOME, pygame.K_LEFT):
            self.holder.pop("suggested", None)
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.on_submit(self.holder["text"])
            return True
        return event.key not in (pygame.K_TAB, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN)

    def text_input(self, text):
        kept = "" if self.holder.pop("suggested", False) else self.holder["text"]
        self.holder["text"] = (kept + text)[:self.limit]
        return True

    def draw(self, surf, app, focused, hovered):
        pygame.draw.rect(surf, theme.BG, self.rect, border_radius=app.u(4))
        pygame.draw.rect(surf, theme.ACCENT if focused else theme.LINE, self.rect, 1, border_radius=app.u(4))
        if focused and self.holder.get("suggested") and self.holder["text"]:
            mark = pygame.Rect(self.rect.left + app.u(6), self.rect.top + app.u(5), 0, self.rect.height - app.u(10))
            mark.width = min(app.text.width(self.holder["text"], "body") + app.u(4), self.rect.width - app.u(12))
            pygame.draw.rect(surf, theme.mix(theme.BG, theme.ACCENT, 0.35), mark, border_radius=app.u(3))
        shown = self.holder["text"] + ("\u258f" if focused else "")
        app.text.draw(surf, shown, (self.rect.left + app.u(8), self.rect.centery), "body", theme.TEXT,
                      anchor="midleft", max_width=self.rect.width - app.u(16))
        if focused:
            focus_ring(surf, self.rect, app.u(4))
