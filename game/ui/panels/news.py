"""The news feed, each item with its source, and the situation's tracks above it."""

from __future__ import annotations

from typing import NamedTuple

import pygame

from game.engine.kinds import EventKind
from game.present.table import TABLE_SOURCE, news_item
from game.present.words import amount, source_text

from .. import theme
from ..widgets import Hint, Widget, focus_ring


class FeedState:
    def __init__(self):
        self.top = 0


class Cite(NamedTuple):
    """Which source a news item cites, the day it was shown, and whether the scenario marks it reported later."""
    source: str
    shown: str
    later: bool


class FeedItem(NamedTuple):
    turn: int
    style: str
    colour: tuple
    title: str
    body: str
    source: str        # the line under the item: a source, or TABLE_SOURCE for what happened at the table
    cite: Cite | None  # None for an item without a source to open


STYLE = {"accent": ("divider", theme.ACCENT), "bad": ("bold", theme.BAD), "good": ("bold", theme.GOOD)}


def feed_items(t, news) -> list:
    """A FeedItem for each event a seat may read, newest first, in the words of game.present."""
    words = t.words()
    out = []
    for e in news:
        item = news_item(words, e)
        if item is None:
            continue
        plain = ("bold" if item["kind"] in (EventKind.NEWS, EventKind.MOVE) else "body", theme.TEXT)
        style, colour = STYLE.get(item["tone"], plain)
        cite = Cite(**item["cite"]) if item.get("cite") else None
        out.append(FeedItem(item["turn"], style, colour, item["title"], item["body"], item["source"], cite))
    out.reverse()
    return out


class SituationPanel:
    """The tracks and the news: a column of the table, or one of its tabs when the window is narrow for the text."""

    def __init__(self, table):
        self.t = table
        self.app = table.app
        self.state = FeedState()

    def layout(self, rect):
        app, t = self.app, self.t
        hints, used = track_hints(t, rect)
        self.tracks_rect = pygame.Rect(rect.left, rect.top, rect.width, used)
        self.news_y = self.tracks_rect.bottom + app.u(12)
        feed_top = self.news_y + app.text.line_height("label") + app.u(6)
        feed = NewsFeed("news", pygame.Rect(rect.left, feed_top, rect.width, rect.bottom - feed_top), app, t.feed,
                        self.state, t.open_source)
        return [feed] + hints

    def draw(self, surf):
        draw_tracks(surf, self.t, self.tracks_rect)
        self.app.text.draw(surf, "NEWS", (self.tracks_rect.left, self.news_y), "label", theme.MUTED)


class NewsFeed(Widget):
    """The feed scrolls an item at a time; the item at the top is the selected one, whose source Enter opens."""

    def __init__(self, key, rect, app, items, state, open_source):
        super().__init__(key, rect, "The news, newest first, each with its source. \u2191\u2193 to scroll; Enter, "
                                    "or a click on an item, shows its source in full: outlet, date and address.")
        self.app, self.items, self.state, self.open_source = app, items, state, open_source
        self.state.top = max(0, min(self.state.top, len(items) - 1))

    def key_down(self, event):
        steps = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -5, pygame.K_PAGEDOWN: 5}
        if event.key in steps:
            self.state.top = max(0, min(len(self.items) - 1, self.state.top + steps[event.key]))
            return True
        if event.key == pygame.K_HOME:
            self.state.top = 0
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._open(self.state.top)
        return False

    def click(self, pos, button):
        if button == 1:
            hit = self._item_at(pos[1])
            if hit is not None:
                self._open(hit)
        return True

    def _open(self, k) -> bool:
        if 0 <= k < len(self.items) and self.items[k].cite is not None:
            self.open_source(self.items[k])
            return True
        return False

    def wheel(self, dy):
        self.state.top = max(0, min(len(self.items) - 1, self.state.top - dy))
        return True

    def _lines(self, app, item, width) -> list:
        """(style, colour, text, gap below) for each line of one item; a divider is drawn as a rule under it."""
        _, style, colour, title, body, source, _ = item
        if style == "divider":
            return [("label", colour, app.text.fit(title, "label", width), "rule")]
        lines = app.text.wrap(title, style, width)
        if source == TABLE_SOURCE and len(lines) > 3:
            # Table records repeat whole packages; the Offers panel has them in full.
            lines = lines[:2] + [app.text.fit(" ".join(lines[2:]), style, width)]
        out = [(style, colour, line, 0) for line in lines]
        out += [("small", theme.MUTED, line, 0) for line in (app.text.wrap(body, "small", width) if body else [])]
        if source:
            # Wrapped, not cut: "reported later by OUTLET on DATE" must be read whole.
            out += [("small", theme.FAINT, line, 0) for line in app.text.wrap(f"Source: {source}", "small", width)]
        style, colour, text, _ = out[-1]
        out[-1] = (style, colour, text, app.u(8))
        return out

    def _placed(self, app):
        """(item index, style, colour, text, y) of each line that fits, the bottom kept for '▼ more', and
        whether every line fitted."""
        width = self.rect.width - app.u(14)
        lines = [(k, line) for k in range(self.state.top, len(self.items))
                 for line in self._lines(app, self.items[k], width)]
        bottom = self.rect.bottom
        # The first line of the panel says how many newer items are above, when some are: it covered the headline.
        top = self.rect.top + (app.text.line_height("small") if self.state.top > 0 else 0)
        if self._height(app, [line for _, line in lines]) > bottom - top - app.u(4):
            # Keep the last line of the panel for the note that more follows, rather than cover a line with it.
            bottom -= app.text.line_height("small")
        y = top + app.u(4)
        placed = []
        for k, (style, colour, text, gap) in lines:
            h = app.text.line_height(style)
            if y + h > bottom:
                break
            placed.append((k, style, colour, text, y, gap))
            y += h + (app.u(6) if gap == "rule" else gap)
        return placed, bottom, len(placed) == len(lines)

    def _item_at(self, y):
        for k, style, _, _, top, gap in self._placed(self.app)[0]:
            h = self.app.text.line_height(style) + (self.app.u(6) if gap == "rule" else gap)
            if top <= y < top + h:
                return k
        return None

    def draw(self, surf, app, focused, hovered):
        width = self.rect.width - app.u(14)
        x = self.rect.left + app.u(4)
        placed, bottom, complete = self._placed(app)
        for k, style, colour, text, y, gap in placed:
            h = app.text.line_height(style)
            if focused and k == self.state.top and self.items[k].cite is not None:
                # The selected item, whose source Enter opens.
                pygame.draw.rect(surf, theme.ACCENT, (self.rect.left, y, app.u(2), h))
            app.text.draw(surf, text, (x, y), style, colour)
            if gap == "rule":
                pygame.draw.line(surf, theme.ACCENT_DIM, (x, y + h + app.u(2)), (x + width, y + h + app.u(2)))
        if self.state.top > 0:
            app.text.draw(surf, f"\u25b2 {self.state.top} newer", (self.rect.right - app.u(6), self.rect.top),
                          "small", theme.ACCENT, anchor="topright")
        if not complete:
            app.text.draw(surf, "\u25bc more", (self.rect.right - app.u(6), bottom), "small", theme.ACCENT,
                          anchor="topright")
        if focused:
            focus_ring(surf, self.rect, app.u(4))

    @staticmethod
    def _height(app, lines) -> int:
        return sum(app.text.line_height(style) + (app.u(6) if gap == "rule" else gap) for style, _, _, gap in lines)


def _track_lines(t, track, width):
    app = t.app
    value = amount(t.obs["tracks"][track["id"]], track["unit"])
    name_w = width - app.text.width(value, "label") - app.u(10)
    return value, app.text.wrap(track["name"], "small", name_w)


def track_hints(t, rect) -> tuple:
    """Widgets and the height used by the tracks block at the top of the news column."""
    app = t.app
    hints = []
    y = rect.top
    for track in t.public["tracks"]:
        _, lines = _track_lines(t, track, rect.width)
        h = len(lines) * app.text.line_height("small") + app.u(6)
        span = f"{track['min']} to {track['max']} {track['unit']}".strip()
        source = source_text(t.public, track["source"], t.public["calendar"]["start_date"], track["reported_later"])
        hints.append(Hint(f"track:{track['id']}", (rect.left, y, rect.width, h),
                          f"{track['name']}: {amount(t.obs['tracks'][track['id']], track['unit'])} (scale {span}). "
                          f"Starting figure: {source}."))
        y += h
    return hints, y - rect.top


def draw_tracks(surf, t, rect) -> None:
    app = t.app
    y = rect.top
    for track in t.public["tracks"]:
        value, lines = _track_lines(t, track, rect.width)
        app.text.draw(surf, value, (rect.right, y), "label", theme.TEXT, anchor="topright")
        for k, line in enumerate(lines):
            app.text.draw(surf, line, (rect.left, y + k * app.text.line_height("small")), "small", theme.MUTED)
        y += len(lines) * app.text.line_height("small") + app.u(6)
