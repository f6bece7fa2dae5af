"""Briefing: the public situation, then each human seat's private briefing and objectives."""

from __future__ import annotations

import pygame

from game.present.looks import seat_looks
from game.present.seatview import briefing_view
from game.present.words import long_date, source_text

from .. import shapes, theme
from ..lists import ScrollState, ScrollText
from ..widgets import Widget
from .base import Scene, button_row, panel


class BriefingScene(Scene):
    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.public = session.public
        self.looks = seat_looks(self.public["seats"])
        self.pages = [None] + list(session.humans)
        self.page = 0
        self.scroll = ScrollState()

    @property
    def seat(self):
        return self.pages[self.page]

    def layout(self, area):
        app = self.app
        m = app.u(28)
        self.header = pygame.Rect(area.left + m, area.top + m, area.width - 2 * m, app.text.line_height("h1"))
        top = self.header.bottom + app.text.line_height("body") + app.u(22)
        bottom = area.bottom - m - app.u(48)
        self.main = pygame.Rect(area.left + m, top, int((area.width - 2 * m) * 0.6), bottom - top)
        self.side = pygame.Rect(self.main.right + app.u(20), top, area.right - m - self.main.right - app.u(20),
                                bottom - top)
        text = self.public["briefing"] if self.seat is None else \
            self._private()["briefing"] + self._worths() + self._cited()
        body = self.main.inflate(-app.u(20), -app.u(20))
        last = self.page == len(self.pages) - 1
        widgets: list[Widget] = [ScrollText("text", body, app, text, self.scroll, "body",
                                            "The briefing. \u2191\u2193 PageUp PageDown to scroll.")]
        row = pygame.Rect(self.main.left, bottom + app.u(14), self.main.width, app.u(40))
        specs: list[tuple] = [("next", "Go to the table \u2192" if last else "Next \u2192", self.next,
                  "Start day 1." if last else "On to the next page.", {"style": "primary"})]
        if self.page:
            specs.append(("prev", "Back", self.back, "Back to the situation every seat shares."))
        widgets += button_row(app, row, specs)
        return widgets

    def _cited(self) -> str:
        seat = next(s for s in self.public["seats"] if s["id"] == self.seat)
        words = source_text(self.public, seat["source"], self.public["calendar"]["start_date"], seat["reported_later"])
        return f"\n\nSource: {words}." if words else ""

    def _worths(self) -> str:
        """Every issue the seat cares about, its weight and what each option is worth: the whole seat, in the
        words the browser's briefing uses."""
        view = briefing_view(self.public, self.seat, self._private())
        lines = ["", "", "WHAT EACH ISSUE IS WORTH TO YOU", view["walk_away_text"]]
        for issue in view["issues"]:
            options = " \u00b7 ".join(f"{o['label']} {o['value']:.2f}" for o in issue["options"])
            lines.append(f"{issue['name']} (weight {round(issue['weight'] * 100)}%): {options}")
        return "\n".join(lines)

    def _private(self):
        # The seat's own observation: the only place a seat's secrets come from.
        return self.session.observation(self.seat)["private"]

    def next(self):
        if self.page == len(self.pages) - 1:
            from .flow import enter_table
            enter_table(self.app, self.session)
            return
        self._turn_to(self.page + 1)

    def back(self):
        """Back to the situation everyone shares: never into another seat's private pages."""
        if self.page:
            self._turn_to(0)

    def _turn_to(self, page):
        self.page = page
        self.scroll = ScrollState()
        self.controls.focus = "next"
        self.invalidate()
        if self.seat is not None and len(self.session.humans) > 1:
            from .curtain import CurtainScene
            seat = self.seat
            self.app.push(CurtainScene(self.app, self.session.seat_name(seat), lambda: self._shown(seat),
                                       self.looks[seat], "Your private briefing comes next."))
        elif self.seat is not None:
            self.session.viewer = self.seat

    def key(self, event):
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.next()

    def _shown(self, seat):
        self.session.viewer = seat

    def keys_hint(self):
        return "Enter next \u00b7 \u2191\u2193 scroll \u00b7 Esc back to the shared page \u00b7 Tab move"

    # -- drawing --------------------------------------------------------------------------

    def draw_background(self, surf):
        app = self.app
        if self.seat is None:
            title, sub = "The situation", f"{self.public['title']} \u2014 read by every player"
        else:
            seat = self.public["seats"][[s["id"] for s in self.public["seats"]].index(self.seat)]
            title = f"Your role: {seat['name']}"
            sub = f"{seat['leader']}, {seat['title']} \u2014 private: only the player for {seat['name']} reads this"
        app.text.draw(surf, title, self.header.topleft, "h1")
        app.text.draw(surf, sub, (self.header.left, self.header.bottom + app.u(8)), "body", theme.ACCENT,
                      max_width=self.header.width)
        panel(surf, app, self.main)
        inner = panel(surf, app, self.side, "Around the table" if self.seat is None else "Your objectives")
        if self.seat is None:
            self._draw_table(surf, inner)
        else:
            self._draw_objectives(surf, inner)
        app.text.draw(surf, f"Page {self.page + 1} of {len(self.pages)}",
                      (self.main.right, self.main.bottom + app.u(24)), "small", theme.MUTED, anchor="midright")

    def _draw_table(self, surf, inner):
        app = self.app
        y = inner.top
        step = app.text.line_height("bold") + app.text.line_height("small") + app.u(10)
        for seat in self.public["seats"]:
            look = self.looks[seat["id"]]
            shapes.marker(surf, look.shape, (inner.left + app.u(10), y + app.u(10)), app.u(8), look.colour)
            app.text.draw(surf, f"{seat['name']} [{look.code}]", (inner.left + app.u(26), y), "bold",
                          max_width=inner.width - app.u(26))
            where = "at the table" if seat["at_table"] else "outside the room"
            app.text.draw(surf, f"{seat['leader']} \u00b7 {where}", (inner.left + app.u(26),
                          y + app.text.line_height("bold")), "small", theme.MUTED, max_width=inner.width - app.u(26))
            y += step
        cal = self.public["calendar"]
        y += app.u(10)
        facts = (f"{cal['turns']} days, from {long_date(cal['start_date'])} to the summit on "
                 f"{long_date(self.public['date'])}. Each day: news, {cal['talk_rounds']} rounds of talks, then "
                 "every seat secretly chooses one move, and the moves are revealed together.")
        app.text.draw_wrapped(surf, facts, pygame.Rect(inner.left, y, inner.width, inner.bottom - y), "small",
                              theme.MUTED)

    def _draw_objectives(self, surf, inner):
        app = self.app
        private = self._private()
        y = inner.top
        for obj in private["objectives"]:
            line = f"\u25c6 {obj['text']} ({obj['points']} points)"
            y = app.text.draw_wrapped(surf, line, pygame.Rect(inner.left, y, inner.width, inner.bottom - y),
                                      "body") + app.u(6)
        y += app.u(8)
        app.text.draw(surf, "WHAT MATTERS MOST TO YOU", (inner.left, y), "label", theme.MUTED)
        y += app.text.line_height("label") + app.u(6)
        issues = {i["id"]: i for i in self.public["issues"]}
        weights = sorted(private["preferences"]["weights"].items(), key=lambda kv: -kv[1])
        for issue_id, weight in weights[:5]:
            if weight <= 0 or y + app.text.line_height("small") > inner.bottom:
                continue
            bar = pygame.Rect(inner.left, y + app.u(3), int(app.u(90) * weight / max(weights[0][1], 1e-9)), app.u(9))
            pygame.draw.rect(surf, theme.GOOD, bar, border_radius=2)
            app.text.draw(surf, f"{issues[issue_id]['name']} ({round(weight * 100)}%)", (inner.left + app.u(100), y),
                          "small", max_width=inner.width - app.u(100))
            y += app.text.line_height("small") + app.u(4)
        walk = private["preferences"]["reservation"]
        y += app.u(8)
        app.text.draw_wrapped(surf, f"Walk-away value {walk:.2f}: a deal is worth signing only if it is worth more "
                                    "than this to you. The table shows the value of every package as you build it.",
                              pygame.Rect(inner.left, y, inner.width, inner.bottom - y), "small", theme.MUTED)
