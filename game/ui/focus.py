"""Keyboard focus, mouse routing and tooltips for one scene's widgets.

Tab and Shift-Tab walk the widgets in the order the scene listed them; the
arrow keys do the same when the focused widget has no use for them, so a
menu works with arrows alone. Focus is remembered by key, so a scene can
rebuild its widgets (after a resize or a change of state) without losing it.

Left and Right that walked the focus onto a widget keep walking it past: a
player pressing them along a row of buttons must not change a value (a
choice, a tab, an issue's option) by arriving on it. A widget takes Left and
Right once the player came to it on purpose: Tab, a click, Up or Down, or a
key the scene gives it.
"""

from __future__ import annotations

import pygame

NEXT_KEYS = (pygame.K_DOWN, pygame.K_RIGHT)
PREV_KEYS = (pygame.K_UP, pygame.K_LEFT)
SIDEWAYS = (pygame.K_LEFT, pygame.K_RIGHT)


class Controls:
    def __init__(self):
        self.widgets = []
        self._focus = None
        self.passing = False  # the focus arrived by Left or Right: those keys walk on rather than change a value
        self.mouse = (-1, -1)
        # The control the pointer last moved onto: only it is hovered. A control that came under a pointer
        # standing still (a scene back on top, a layout that changed) shows no tooltip until the pointer moves.
        self.pointed = None

    @property
    def focus(self):
        return self._focus

    @focus.setter
    def focus(self, key) -> None:
        self._focus, self.passing = key, False

    def set(self, widgets) -> None:
        self.widgets = list(widgets)
        keys = [w.key for w in self.widgets if w.focusable]
        if self._focus not in keys:
            self.focus = keys[0] if keys else None

    def find(self, key):
        for w in self.widgets:
            if w.key == key:
                return w
        return None

    def focused(self):
        return self.find(self.focus) if self.focus else None

    def focus_on(self, key) -> None:
        if any(w.key == key and w.focusable for w in self.widgets):
            self.focus = key

    def move(self, step: int) -> None:
        keys = [w.key for w in self.widgets if w.focusable]
        if not keys:
            return
        k = keys.index(self._focus) if self._focus in keys else -step
        self.focus = keys[(k + step) % len(keys)]

    def widget_at(self, pos):
        for w in reversed(self.widgets):
            if w.rect.collidepoint(pos):
                return w
        return None

    def handle(self, event) -> bool:
        """Route one event; True when a widget or the focus order used it."""
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_TAB:
                self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            w = self.focused()
            sideways = event.key in SIDEWAYS
            if w is not None and not (sideways and self.passing) and w.key_down(event):
                self.passing = False
                return True
            if event.key in NEXT_KEYS or event.key in PREV_KEYS:
                self.move(1 if event.key in NEXT_KEYS else -1)
                self.passing = sideways
                return True
            return False
        if event.type == pygame.TEXTINPUT:
            w = self.focused()
            return bool(w is not None and w.text_input(event.text))
        if event.type == pygame.MOUSEMOTION:
            self._point(event.pos)
            return False
        if event.type == pygame.MOUSEBUTTONDOWN:
            self._point(event.pos)
            if event.button not in (1, 3):
                return False
            w = self.widget_at(event.pos)
            if w is None:
                return False
            if w.focusable:
                self.focus = w.key
            return w.click(event.pos, event.button)
        if event.type == pygame.MOUSEWHEEL:
            w = self.widget_at(self.mouse)
            return bool(w is not None and w.wheel(event.y))
        return False

    def _point(self, pos) -> None:
        self.mouse = pos
        w = self.widget_at(pos)
        self.pointed = w.key if w is not None else None

    def lose_pointer(self) -> None:
        """The scene was covered or uncovered: where the pointer stood is no longer known to point at anything."""
        self.pointed = None

    def hovered(self):
        w = self.widget_at(self.mouse)
        return w if w is not None and w.key == self.pointed else None

    def draw(self, surf, app) -> None:
        hovered = self.hovered()
        for w in self.widgets:
            w.draw(surf, app, w.key == self.focus, w is hovered)

    def help_text(self) -> str:
        """The tooltip to show in the help bar: the hovered widget's, else the focused one's."""
        w = self.hovered()
        if w is not None:
            tip = w.tip_at(self.mouse)
            if tip:
                return tip
        w = self.focused()
        return w.focus_tip() if w is not None else ""
