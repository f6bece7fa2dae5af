"""Pieces the table's panels share: the value bar, the tab bar, seat chips, an item's details and the answer
to an action."""

from __future__ import annotations

import pygame

from .. import shapes, theme
from ..lists import RichText, ScrollState
from ..widgets import Hint, Widget, focus_ring


def stakes_bar(surf, app, rect, words: dict) -> None:
    """What a choice does to the final score: the verdict in words, then the parts as a bar around zero
    (gains right of the centre line, losses left), then the parts on one line."""
    colour = {"good": theme.GOOD, "bad": theme.BAD}.get(words["tone"], theme.MUTED)
    if len(words["headlines"]) > 1:
        headline = app.text.first_fit(words["headlines"], "bold", rect.width)
        app.text.draw(surf, headline, rect.topleft, "bold", colour, max_width=rect.width)
    else:
        # A refusal reads whole: on two lines if it must, over the bar.
        app.text.draw_wrapped(surf, words["headline"], rect, "small", colour)
        return
    bar = pygame.Rect(rect.left, rect.top + app.text.line_height("bold") + app.u(4), rect.width, app.u(10))
    pygame.draw.rect(surf, theme.RAISED, bar, border_radius=app.u(3))
    segments = words["segments"]
    gain = sum(s["points"] for s in segments if s["points"] > 0)
    loss = -sum(s["points"] for s in segments if s["points"] < 0)
    half = bar.width / 2
    scale = half / max(gain, loss, 10)
    right = left = bar.centerx
    for s in segments:
        width = max(1, int(abs(s["points"]) * scale))
        if s["points"] > 0:
            seg, right = pygame.Rect(right, bar.top, width, bar.height), right + width
        else:
            left -= width
            seg = pygame.Rect(left, bar.top, width, bar.height)
        pygame.draw.rect(surf, theme.GOOD if s["points"] > 0 else theme.BAD, seg)
        pygame.draw.line(surf, theme.PANEL, seg.topleft, seg.bottomleft)
    pygame.draw.line(surf, theme.TEXT, (bar.centerx, bar.top - app.u(4)), (bar.centerx, bar.bottom + app.u(4)), 2)
    summary = words["summary"] or words["notes"]
    if summary:
        shown = app.text.first_fit([summary, summary.split(" \u00b7 ")[0] + " \u2026 (point here for all)"], "small",
                                   rect.width)
        app.text.draw(surf, shown, (bar.left, bar.bottom + app.u(8)), "small", theme.MUTED, max_width=rect.width)


def stakes_bar_height(app) -> int:
    return app.text.line_height("bold") + app.u(22) + app.text.line_height("small")


class StakesHint(Hint):
    """The bar's tooltip: every part in full, and what the figure assumes, for the choice as it is now."""

    def __init__(self, key, rect, words_of):
        super().__init__(key, rect, "What this would do to your final score, in points.")
        self.words_of = words_of

    def tip_at(self, pos) -> str:
        words = self.words_of()
        lines = [words["headline"]] + [p["text"] for p in words["parts"]] + [words["notes"]]
        return " \u00b7 ".join(line for line in lines if line)

    def focus_tip(self) -> str:
        return self.tip_at(None)


def stakes_hint(key, rect, words_of) -> StakesHint:
    return StakesHint(key, rect, words_of)


class TabBar(Widget):
    """Tabs as wide as their labels need, sharing out what is left, so a long label is not cut first."""

    def __init__(self, key, rect, app, tabs, active, on_change, tooltip=""):
        super().__init__(key, rect, tooltip)
        self.tabs, self.active, self.on_change = tabs, active, on_change
        needs = [app.text.width(f"{hotkey} {label}", "bold") + app.u(12) for label, hotkey, _ in tabs]
        spare = max(0, self.rect.width - sum(needs)) // max(1, len(tabs))
        self.rects, x = [], self.rect.left
        for need in needs:
            w = need + spare if sum(needs) <= self.rect.width else self.rect.width * need // sum(needs)
            self.rects.append(pygame.Rect(x, self.rect.top, w - 4, self.rect.height))
            x += w

    def key_down(self, event):
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.on_change((self.active + (1 if event.key == pygame.K_RIGHT else -1)) % len(self.tabs))
            return True
        return False

    def click(self, pos, button):
        for k, r in enumerate(self.rects):
            if r.collidepoint(pos):
                self.on_change(k)
        return True

    def tip_at(self, pos):
        for r, (_, _, tip) in zip(self.rects, self.tabs):
            if r.collidepoint(pos):
                return tip
        return self.tooltip

    def focus_tip(self):
        return self.tabs[self.active][2]

    def draw(self, surf, app, focused, hovered):
        for k, (r, (label, hotkey, _)) in enumerate(zip(self.rects, self.tabs)):
            on = k == self.active
            pygame.draw.rect(surf, theme.PANEL_HI if on else theme.PANEL, r, border_radius=app.u(6))
            if on:
                pygame.draw.rect(surf, theme.ACCENT, (r.left + app.u(6), r.bottom - app.u(3), r.width - app.u(12),
                                                      app.u(3)))
            app.text.draw(surf, f"{hotkey} {label}", r.center, "bold" if on else "body",
                          theme.TEXT if on else theme.MUTED, anchor="center", max_width=r.width - app.u(8))
        if focused:
            focus_ring(surf, self.rect, app.u(6))


def seat_tag(surf, app, look, pos, style="bold", colour=theme.TEXT, max_width=None, name=True) -> pygame.Rect:
    """Marker, then 'Name [CODE]' (or just the code): a seat never named by colour alone."""
    x, y = pos
    h = app.text.line_height(style)
    shapes.marker(surf, look.shape, (x + app.u(7), y + h // 2), app.u(6), look.colour)
    text = f"{look.name} [{look.code}]" if name else look.code
    width = None if max_width is None else max_width - app.u(18)
    return app.text.draw(surf, text, (x + app.u(18), y), style, colour, max_width=width)


class Said:
    """What the game answered to the player's last action, kept with the item it was about and shown only with it."""

    def __init__(self):
        self.about, self.text, self.bad = None, "", False

    def set(self, about, text: str, bad: bool = False) -> None:
        self.about, self.text, self.bad = about, text, bad

    def items(self, about) -> list:
        if not self.text or about != self.about:
            return []
        return [("body", theme.BAD if self.bad else theme.GOOD, ("\u2717 " if self.bad else "") + self.text)]


class DetailState(ScrollState):
    """Where the details of the selected item are scrolled to, and which item that was."""

    def __init__(self):
        super().__init__()
        self.about = None


def detail_text(key, rect, app, items, state, about, tooltip) -> RichText:
    """The selected item's details, wrapped and scrolled, from the top again whenever another item is selected."""
    if state.about != about:
        state.about, state.line = about, 0
    return RichText(key, rect, app, items, state, tooltip)
