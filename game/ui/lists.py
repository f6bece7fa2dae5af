"""Widgets for reading long things: lists, scrolled text, mixed-style paragraphs.

What must survive a rebuild (the selected row, the first line shown) lives in
a small state object the scene owns and passes in.
"""

from __future__ import annotations

import pygame

from . import theme
from .widgets import Widget, focus_ring


def scroll_bar(surf, app, rect, first, shown, total, last_first=None) -> None:
    """A thin bar at the right edge, drawn only when there is more than `shown` of `total` to see."""
    if total <= shown:
        return
    last_first = max(1, total - shown if last_first is None else last_first)
    track = pygame.Rect(rect.right - app.u(4), rect.top, app.u(3), rect.height)
    pygame.draw.rect(surf, theme.LINE, track)
    h = max(app.u(12), track.height * shown // total)
    y = track.top + (track.height - h) * min(first, last_first) // last_first
    pygame.draw.rect(surf, theme.MUTED, (track.left, y, track.width, h))


class ListState:
    """What a list remembers across rebuilds: the selected row and the first row shown."""

    def __init__(self):
        self.selected = 0
        self.top = 0
        self.followed = 0  # the selection the view last scrolled to: the wheel may scroll away from it


class ListBox(Widget):
    """Rows drawn by a callback; Up/Down/Home/End/PageUp/PageDown, Enter activates."""

    def __init__(self, key, rect, count, row_height, state, draw_row, on_activate=None, tooltip="",
                 row_tip=None, on_select=None):
        super().__init__(key, rect, tooltip)
        self.count, self.row_height, self.state = count, max(1, row_height), state
        self.draw_row, self.on_activate, self.row_tip, self.on_select = draw_row, on_activate, row_tip, on_select
        self.state.selected = max(0, min(self.state.selected, count - 1))
        # A rebuild keeps where the wheel scrolled to; only a new selection brings the view to it.
        self._scroll_into_view(follow=False)

    @property
    def visible_rows(self):
        return max(1, self.rect.height // self.row_height)

    def _scroll_into_view(self, follow=True):
        st = self.state
        st.top = max(0, min(st.top, self.count - self.visible_rows))
        if not follow and st.selected == st.followed:
            return
        st.followed = st.selected
        if st.selected < st.top:
            st.top = st.selected
        elif st.selected >= st.top + self.visible_rows:
            st.top = st.selected - self.visible_rows + 1

    def select(self, index):
        if self.count:
            self.state.selected = max(0, min(self.count - 1, index))
            self._scroll_into_view()
            if self.on_select:
                self.on_select(self.state.selected)

    def key_down(self, event):
        moves = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -self.visible_rows,
                 pygame.K_PAGEDOWN: self.visible_rows}
        if event.key in moves and self.count:
            self.select(self.state.selected + moves[event.key])
            return True
        if event.key == pygame.K_HOME:
            self.select(0)
            return True
        if event.key == pygame.K_END:
            self.select(self.count - 1)
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.on_activate and self.count:
            self.on_activate(self.state.selected)
            return True
        return False

    def _row_at(self, pos):
        k = self.state.top + (pos[1] - self.rect.top) // self.row_height
        return k if 0 <= k < self.count else None

    def click(self, pos, button):
        k = self._row_at(pos)
        if k is not None and button == 1:
            self.select(k)
        return True

    def wheel(self, dy):
        self.state.top = max(0, min(self.count - self.visible_rows, self.state.top - dy))
        return True

    def tip_at(self, pos):
        k = self._row_at(pos)
        if k is not None and self.row_tip:
            return self.row_tip(k)
        return self.tooltip

    def focus_tip(self):
        if self.row_tip and self.count:
            return self.row_tip(self.state.selected)
        return self.tooltip

    def draw(self, surf, app, focused, hovered):
        clip = surf.get_clip()
        surf.set_clip(self.rect)
        for i in range(self.visible_rows + 1):
            k = self.state.top + i
            if k >= self.count:
                break
            row = pygame.Rect(self.rect.left, self.rect.top + i * self.row_height, self.rect.width, self.row_height)
            selected = k == self.state.selected
            if selected:
                pygame.draw.rect(surf, theme.PANEL_HI, row, border_radius=app.u(4))
                pygame.draw.rect(surf, theme.ACCENT if focused else theme.LINE,
                                 (row.left, row.top + 2, app.u(3), row.height - 4))
            self.draw_row(surf, k, row.inflate(-app.u(10), 0).move(app.u(4), 0), selected)
        surf.set_clip(clip)
        scroll_bar(surf, app, self.rect, self.state.top, self.visible_rows, self.count)
        if focused:
            focus_ring(surf, self.rect, app.u(4))


class ScrollState:
    def __init__(self):
        self.line = 0


class RichText(Widget):
    """Paragraphs in mixed styles, wrapped and scrolled together: (style, colour, text) items."""

    def __init__(self, key, rect, app, items, state, tooltip=""):
        super().__init__(key, rect, tooltip)
        self.state = state
        self.body = self.rect.inflate(-app.u(12), -app.u(8))
        self.lines = []
        for style, colour, text in items:
            if style == "gap":
                self.lines.append(("small", colour, ""))
                continue
            for line in app.text.wrap(text, style, self.body.width):
                self.lines.append((style, colour, line))
        self.heights = [app.text.line_height(style) for style, _, _ in self.lines]

    def _page_from(self, start):
        total, n = 0, 0
        for h in self.heights[start:]:
            if total + h > self.body.height:
                break
            total += h
            n += 1
        return max(1, n)

    def _last_top(self):
        total, k = 0, len(self.heights)
        while k > 0 and total + self.heights[k - 1] <= self.body.height:
            total += self.heights[k - 1]
            k -= 1
        return k

    def scroll(self, d):
        self.state.line = max(0, min(self._last_top(), self.state.line + d))

    def key_down(self, event):
        page = self._page_from(self.state.line)
        steps = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -page, pygame.K_PAGEDOWN: page}
        if event.key in steps:
            self.scroll(steps[event.key])
            return True
        if event.key in (pygame.K_HOME, pygame.K_END):
            self.state.line = 0 if event.key == pygame.K_HOME else self._last_top()
            return True
        return False

    def wheel(self, dy):
        self.scroll(-3 * dy)
        return True

    def draw(self, surf, app, focused, hovered):
        self.state.line = max(0, min(self.state.line, self._last_top()))
        y = self.body.top
        for (style, colour, line), h in zip(self.lines[self.state.line:], self.heights[self.state.line:]):
            if y + h > self.body.bottom:
                break
            if line:
                app.text.draw(surf, line, (self.body.left, y), style, colour)
            y += h
        if self._last_top() > 0:
            scroll_bar(surf, app, self.rect, self.state.line, self._page_from(self.state.line), len(self.lines),
                       self._last_top())
        if focused:
            focus_ring(surf, self.rect, app.u(4))


class ScrollText(RichText):
    """A long text in one style to read: Up/Down/PageUp/PageDown scroll it."""

    def __init__(self, key, rect, app, text, state, style="body", tooltip="", colour=theme.TEXT):
        super().__init__(key, rect, app, [(style, colour, text)], state, tooltip)
