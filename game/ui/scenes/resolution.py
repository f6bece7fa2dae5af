"""Turn resolution: the moves revealed, their effects, promises kept or broken, the next morning's news.

With more than one person at the computer, only what every seat may know is
shown here: the next player has not sat down behind the curtain yet.
"""

from __future__ import annotations

import pygame

from game.engine.kinds import HOLD, KEPT_OR_BROKEN, EventKind
from game.present.looks import seat_looks
from game.present.words import day_date

from .. import theme
from ..lists import RichText, ScrollState
from .base import Scene, button_row, panel


class ResolutionScene(Scene):
    def __init__(self, app, session, resolution):
        super().__init__(app)
        self.session = session
        self.res = resolution
        self.public = session.public
        self.looks = seat_looks(self.public["seats"])
        self.private_ok = len(session.humans) == 1 and session.viewer is not None
        viewer = session.viewer if self.private_ok else None
        self.news = session.news_for(viewer, resolution.since)
        self.left_scroll, self.right_scroll = ScrollState(), ScrollState()

    # -- content ------------------------------------------------------------------------------

    def _moves_made(self) -> dict:
        s = self.session
        seat = s.viewer if self.private_ok else s.seat_ids[0]
        public_moves = {m["id"]: m for m in self.public["moves"]}
        made = {}
        for turn, who, mid in s.observation(seat)["moves"]:
            if turn != self.res.turn:
                continue
            # On a shared screen every seat is shown as the others see it, the first seat's own hold included:
            # others' holds are not in anyone's view, or a missing hold would give a secret move away.
            if self.private_ok or (mid != HOLD and public_moves[mid]["public"]):
                made[who] = mid
        return made

    def field_items(self) -> list:
        names = {m["id"]: m["name"] for m in self.public["moves"]}
        made = self._moves_made()
        changes = {e.get("move"): e.get("changes", []) for e in self.news if e["kind"] == EventKind.MOVE}
        items = []
        for seat in self.session.seat_ids:
            look = self.looks[seat]
            mid = made.get(seat)
            if mid is None:
                text, colour = "no move the others can see (it held, or moved in secret)", theme.MUTED
            elif mid == HOLD:
                text, colour = "held: no move", theme.MUTED
            else:
                text, colour = names.get(mid, mid), theme.TEXT
            items.append(("bold", colour, f"{look.name} [{look.code}]: {text}"))
            for line in changes.get(mid, []) if mid not in (None, HOLD) else []:
                items.append(("small", theme.MUTED, f"    {line}"))
        return items

    def table_items(self) -> list:
        items = [("label", theme.MUTED, "PROMISES")]
        kept = [e for e in self.news if e["kind"] in KEPT_OR_BROKEN]
        for e in kept:
            good = e["kind"] == EventKind.KEPT
            items.append(("body", theme.GOOD if good else theme.BAD, ("\u2713 " if good else "\u2717 ") + e["text"]))
            items += [("small", theme.MUTED, f"    {line}") for line in e.get("changes", [])]
        if not kept:
            items.append(("body", theme.MUTED, "No agreement bound anyone today."))
        morning = [e for e in self.news if e["kind"] in (EventKind.NEWS, EventKind.DAY, EventKind.OVER)]
        if morning:
            items += [("gap", theme.TEXT, ""), ("label", theme.MUTED, "NEXT")]
            for e in morning:
                items.append(("bold", theme.ACCENT if e["kind"] != EventKind.NEWS else theme.TEXT, e["text"]))
                if e.get("body"):
                    items.append(("small", theme.MUTED, e["body"]))
        return items

    # -- scene ------------------------------------------------------------------------------------

    def layout(self, area):
        app = self.app
        m = app.u(28)
        self.header = pygame.Rect(area.left + m, area.top + m, area.width - 2 * m, app.text.line_height("h1"))
        top = self.header.bottom + app.text.line_height("body") + app.u(24)
        bottom = area.bottom - m - app.u(50)
        half = (area.width - 2 * m - app.u(20)) // 2
        self.left = pygame.Rect(area.left + m, top, half, bottom - top)
        self.right = pygame.Rect(self.left.right + app.u(20), top, half, bottom - top)
        title_h = app.text.line_height("label") + app.u(8)
        widgets = [
            RichText("field", self.left.inflate(-app.u(24), -app.u(20)).move(0, title_h // 2).inflate(0, -title_h),
                     app, self.field_items(), self.left_scroll, "Who moved, and what it changed."),
            RichText("promises", self.right.inflate(-app.u(24), -app.u(20)).move(0, title_h // 2).inflate(0, -title_h),
                     app, self.table_items(), self.right_scroll, "Agreements kept or broken, and the next news."),
        ]
        if self.session.over:
            label, tip = "See the result \u2192", "See the result: every seat's final score against its par, " \
                                                   "and the table beside what the real summit agreed."
        else:
            label, tip = f"On to day {self.session.turn} \u2192", f"Back to the table for day {self.session.turn}."
        row = pygame.Rect(self.left.left, bottom + app.u(12), self.left.width, app.u(40))
        widgets = button_row(app, row, [("continue", label, self.app.pop, tip, {"style": "primary"})]) + widgets
        return widgets

    def back(self):
        self.app.pop()

    def key(self, event):
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.app.pop()

    def keys_hint(self):
        return "Enter continue \u00b7 Tab move \u00b7 \u2191\u2193 scroll"

    def draw_background(self, surf):
        app = self.app
        date = day_date(self.public["calendar"]["start_date"], self.res.turn)
        app.text.draw(surf, f"Day {self.res.turn}: what happened", self.header.topleft, "h1")
        sub = f"{date} \u00b7 the moves were revealed together"
        if not self.private_ok and self.session.humans:
            sub += " \u00b7 only what every seat may see is shown"
        app.text.draw(surf, sub, (self.header.left, self.header.bottom + app.u(8)), "body", theme.ACCENT)
        panel(surf, app, self.left, "In the field")
        panel(surf, app, self.right, "At the table")
