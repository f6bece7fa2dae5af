"""Scenario choice: title, date, a map thumbnail, the situation and its sources."""

from __future__ import annotations

import pygame

from game.catalog import listing
from game.engine import public_info
from game.present.looks import seat_looks
from game.present.words import long_date
from game.scenario import Place

from .. import shapes, theme
from ..lists import ListBox, ListState, ScrollState, ScrollText
from ..mapview import MapCache
from ..widgets import Widget
from .base import Scene, button_row, panel

YOURS = "YOUR SCENARIO"
PROBLEMS_SHOWN = 8


class ScenarioScene(Scene):
    title = "Choose a scenario"

    def __init__(self, app):
        super().__init__(app)
        # The shipped scenarios, then every file in the player's own folder: those that cannot be played are
        # listed too, with why, so their author sees what to fix.
        self.entries = listing()
        self.publics = [public_info(e.scenario) if e.scenario else None for e in self.entries]
        # Who holds each region and site on day 1: public, it is the map everyone starts from.
        self.start = [({r.id: r.control for r in e.scenario.map.regions},
                       {t.id: t.control for t in e.scenario.map.sites}) if e.scenario else None
                      for e in self.entries]
        self.list_state = ListState()
        self.sources_state = ScrollState()
        self.thumbs = MapCache()

    @property
    def entry(self):
        return self.entries[self.list_state.selected] if self.entries else None

    @property
    def chosen(self):
        return self.publics[self.list_state.selected] if self.entries else None

    def layout(self, area):
        app = self.app
        m = app.u(28)
        self.header = pygame.Rect(area.left + m, area.top + m, area.width - 2 * m, app.text.line_height("h1"))
        top = self.header.bottom + app.u(18)
        bottom = area.bottom - m - app.u(44)
        self.list_rect = pygame.Rect(area.left + m, top, int(area.width * 0.28), bottom - top)
        self.detail_rect = pygame.Rect(self.list_rect.right + app.u(20), top,
                                       area.right - m - self.list_rect.right - app.u(20), bottom - top)
        inner = self.list_rect.inflate(-app.u(16), -app.u(16))
        row_h = app.text.line_height("bold") + app.text.line_height("small") + app.u(16)
        listing = ListBox("list", inner, len(self.publics), row_h, self.list_state, self._draw_row,
                          on_activate=lambda i: self.next(), row_tip=self._row_tip,
                          on_select=lambda i: self.invalidate())
        widgets: list[Widget] = [listing]
        d = self.detail_rect.inflate(-app.u(32), -app.u(28))
        self.thumb_rect = pygame.Rect(d.right - int(d.width * 0.42), d.top, int(d.width * 0.42), int(d.height * 0.5))
        self.text_rect = pygame.Rect(d.left, d.top, self.thumb_rect.left - d.left - app.u(24), d.height)
        src_top = self.thumb_rect.bottom + app.u(14) + app.text.line_height("label") + app.u(4)
        self.sources_rect = pygame.Rect(self.thumb_rect.left, src_top, self.thumb_rect.width, d.bottom - src_top)
        if self.chosen:
            widgets.append(ScrollText("sources", self.sources_rect, app, self._sources_text(), self.sources_state,
                                      "small", "The reporting this scenario is built from. \u2191\u2193 to scroll.",
                                      theme.MUTED))
        row = pygame.Rect(self.detail_rect.left, bottom + app.u(12), self.detail_rect.width, app.u(36))
        widgets += button_row(app, row, [
            ("next", "Choose seats \u2192", self.next, "Decide who plays each government.",
             {"style": "primary", "enabled": bool(self.chosen)}),
            ("back", "Back", self.back, "Return to the title screen."),
        ])
        return widgets

    def _sources_text(self):
        lines = []
        for s in self.chosen["sources"]:
            who = f"{s['publisher']}, " if s.get("publisher") else ""
            lines.append(f"\u2022 {s['title']} ({who}{s['date']})")
        return "\n".join(lines)

    def _row_tip(self, k):
        p, e = self.publics[k], self.entries[k]
        if p is None:
            return f"{e.path}: this file of yours cannot be played yet. {e.problems[0]}"
        where = f" Your file {e.path}." if e.place is Place.USER else ""
        return f"{p['title']}: {len(p['seats'])} seats, {p['calendar']['turns']} days.{where} Enter to choose seats."

    def _draw_row(self, surf, k, rect, selected):
        app = self.app
        p, e = self.publics[k], self.entries[k]
        x, width = rect.left + app.u(8), rect.width - app.u(12)
        sub_y = rect.top + app.u(8) + app.text.line_height("bold")
        if p is None:
            app.text.draw(surf, e.path.name, (x, rect.top + app.u(8)), "bold", theme.BAD, max_width=width)
            app.text.draw(surf, "Yours \u00b7 cannot be played: see why", (x, sub_y), "small", theme.BAD,
                          max_width=width)
            return
        app.text.draw(surf, p["title"].split(":")[0], (x, rect.top + app.u(8)), "bold", theme.TEXT, max_width=width)
        sub = p["title"].split(":", 1)[1].strip() if ":" in p["title"] else long_date(p["date"])
        if e.place is Place.USER:
            sub = f"Yours \u00b7 {sub}"
        app.text.draw(surf, sub, (x, sub_y), "small", theme.ACCENT if e.place is Place.USER else theme.MUTED,
                      max_width=width)

    def _draw_seats(self, surf, p, r, y):
        app = self.app
        looks = seat_looks(p["seats"])
        step = app.text.line_height("body") + app.u(4)
        for heading, inside in (("AT THE TABLE", True), ("OUTSIDE THE ROOM, STILL PLAYING", False)):
            seats = [s for s in p["seats"] if s["at_table"] == inside]
            if not seats or y + app.text.line_height("label") + step > r.bottom:
                continue
            app.text.draw(surf, heading, (r.left, y), "label", theme.MUTED)
            y += app.text.line_height("label") + app.u(6)
            for seat in seats:
                if y + step > r.bottom:
                    break
                look = looks[seat["id"]]
                shapes.marker(surf, look.shape, (r.left + app.u(8), y + step // 2 - app.u(2)), app.u(6), look.colour)
                app.text.draw(surf, f"{seat['name']} \u2014 {seat['leader']}", (r.left + app.u(22), y), "body",
                              theme.TEXT, max_width=r.width - app.u(22))
                y += step
            y += app.u(10)

    def next(self):
        if self.chosen:
            from .seats import SeatsScene
            self.app.push(SeatsScene(self.app, self.entry.scenario))

    def _draw_problems(self, surf, entry):
        app, r = self.app, self.detail_rect.inflate(-self.app.u(32), -self.app.u(28))
        y = r.top
        for line in app.text.wrap(entry.path.name, "h1", r.width):
            app.text.draw(surf, line, (r.left, y), "h1")
            y += app.text.line_height("h1")
        shown = entry.problems[:PROBLEMS_SHOWN]
        more = len(entry.problems) - len(shown)
        text = ("This file in your scenarios folder cannot be played yet. Its first problems (summit validate with "
                "the file's path lists them all):\n\n" + "\n".join(str(p) for p in shown)
                + (f"\n\u2026 and {more} more" if more else ""))
        app.text.draw_wrapped(surf, text, pygame.Rect(r.left, y + app.u(12), r.width, r.bottom - y - app.u(12)),
                              "body", theme.BAD)

    def draw_background(self, surf):
        app = self.app
        app.text.draw(surf, self.title, self.header.topleft, "h1")
        panel(surf, app, self.list_rect)
        panel(surf, app, self.detail_rect)
        if self.entry is not None and self.entry.scenario is None:
            self._draw_problems(surf, self.entry)
        p = self.chosen
        start = self.start[self.list_state.selected] if p else None
        if not p or start is None:
            return
        r = self.text_rect
        y = r.top
        if self.entry.place is Place.USER:
            app.text.draw(surf, YOURS, (r.left, y), "label", theme.ACCENT)
            y += app.text.line_height("label") + app.u(4)
        for line in app.text.wrap(p["title"], "h1", r.width):
            app.text.draw(surf, line, (r.left, y), "h1")
            y += app.text.line_height("h1")
        cal = p["calendar"]
        facts = (f"Summit on {long_date(p['date'])} \u00b7 {cal['turns']} days from {long_date(cal['start_date'])}"
                 f" \u00b7 {len(p['seats'])} seats")
        y += app.u(4)
        for line in app.text.wrap(facts, "body", r.width):
            app.text.draw(surf, line, (r.left, y), "body", theme.ACCENT)
            y += app.text.line_height("body")
        y += app.u(12)
        y = app.text.draw_wrapped(surf, p["summary"], pygame.Rect(r.left, y, r.width, r.bottom - y), "body")
        self._draw_seats(surf, p, r, y + app.u(18))
        regions, sites = start
        pic = self.thumbs.get(app, p["map"], seat_looks(p["seats"]), self.thumb_rect, regions, sites, labels=False)
        surf.blit(pic.surface, self.thumb_rect)
        pygame.draw.rect(surf, theme.LINE, self.thumb_rect, 1)
        app.text.draw(surf, "SOURCES", (self.thumb_rect.left, self.thumb_rect.bottom + app.u(14)), "label",
                      theme.MUTED)

