"""The seats around the table: who they are, their four stats, and trust."""

from __future__ import annotations

import pygame

from .. import shapes, theme
from ..format import STAT_NAMES, STAT_SHORT
from ..widgets import Hint

STATS = ("military", "economy", "domestic", "standing")


class SeatsPanel:
    def __init__(self, table):
        self.t = table
        self.app = table.app

    def layout(self, rect):
        app, t = self.app, self.t
        self.rect = rect
        seats = t.scenario_seats
        self.head_h = app.text.line_height("label") + app.u(6)
        self.row_h = max(app.u(34), min(app.u(52), (rect.height - self.head_h) // max(1, len(seats))))
        self.name_w = int(rect.width * 0.38)
        self.trust_w = int(rect.width * 0.18) if t.viewer else 0
        self.cell_w = (rect.width - self.name_w - self.trust_w) // 4
        hints = []
        for k, stat in enumerate(STATS):
            r = pygame.Rect(rect.left + self.name_w + k * self.cell_w, rect.top, self.cell_w, self.head_h)
            hints.append(Hint(f"head:{stat}", r, f"{STAT_SHORT[stat]}: {STAT_NAMES[stat]}, 0 to 100."))
        if t.viewer:
            r = pygame.Rect(rect.right - self.trust_w, rect.top, self.trust_w, self.head_h)
            hints.append(Hint("head:trust", r, "Trust, 0 to 100: how far each seat trusts you (\u2192you) and how far "
                                               "you trust it (you\u2192). Kept promises build it; broken ones cost it."))
        for i, seat in enumerate(seats):
            y = rect.top + self.head_h + i * self.row_h
            name = t.session.seat_name(seat)
            hints.append(Hint(f"who:{seat}", (rect.left, y, self.name_w, self.row_h), self.who_tip(seat)))
            for k, stat in enumerate(STATS):
                value = t.obs["stats"][seat][stat]
                hints.append(Hint(f"stat:{seat}:{stat}", (rect.left + self.name_w + k * self.cell_w, y, self.cell_w,
                                                         self.row_h), f"{name} \u2014 {STAT_NAMES[stat]}: {value} of 100."))
            if t.viewer:
                hints.append(Hint(f"trust:{seat}", (rect.right - self.trust_w, y, self.trust_w, self.row_h),
                                  self.trust_tip(seat)))
        return hints

    def who_tip(self, seat) -> str:
        t = self.t
        info = next(s for s in t.public["seats"] if s["id"] == seat)
        where = "at the table" if info["at_table"] else "acting from outside the room"
        return f"{info['name']}: {info['leader']}, {info['title']}; {where}; played by {t.controller_text(seat)}."

    def trust_tip(self, seat) -> str:
        t = self.t
        row = t.obs["trust"][seat]
        parts = [f"{t.session.seat_name(o)} {v}" for o, v in row.items() if o != seat]
        return f"How far {t.session.seat_name(seat)} trusts each seat: " + ", ".join(parts) + "."

    def draw(self, surf):
        app, t = self.app, self.t
        rect = self.rect
        for k, stat in enumerate(STATS):
            x = rect.left + self.name_w + k * self.cell_w
            app.text.draw(surf, STAT_SHORT[stat], (x + self.cell_w // 2, rect.top), "label", theme.MUTED,
                          anchor="midtop", max_width=self.cell_w - app.u(4))
        if t.viewer:
            half = self.trust_w // 2 - app.u(2)
            app.text.draw(surf, "\u2192you", (rect.right - self.trust_w * 3 // 4, rect.top), "small", theme.MUTED,
                          anchor="midtop", max_width=half)
            app.text.draw(surf, "you\u2192", (rect.right - self.trust_w // 4, rect.top), "small", theme.MUTED,
                          anchor="midtop", max_width=half)
        to_move = t.obs["to_move"]
        for i, seat in enumerate(t.scenario_seats):
            look = t.looks[seat]
            y = rect.top + self.head_h + i * self.row_h
            row = pygame.Rect(rect.left, y, rect.width, self.row_h)
            if seat == t.viewer:
                pygame.draw.rect(surf, theme.PANEL_HI, row, border_radius=app.u(4))
            if i:
                pygame.draw.line(surf, theme.LINE, (rect.left, y), (rect.right, y))
            shapes.marker(surf, look.shape, (rect.left + app.u(10), row.centery), app.u(7), look.colour)
            moving = seat in to_move
            name = look.name
            two = self.row_h >= app.text.line_height("bold") + app.text.line_height("small") + app.u(4)
            ny = row.centery - (app.text.line_height("bold") if two else app.text.line_height("bold") // 2)
            app.text.draw(surf, name, (rect.left + app.u(24), ny), "bold", theme.ACCENT if moving else theme.TEXT,
                          max_width=self.name_w - app.u(28))
            if two:
                if t.obs["phase"] == "moves":
                    doing = "\u25b6 choosing" if moving else "\u2713 chosen"
                else:
                    doing = "\u25b6 speaking" if moving else t.controller_text(seat)
                sub = f"{look.code} \u00b7 {doing}"
                app.text.draw(surf, sub, (rect.left + app.u(24), ny + app.text.line_height("bold")), "small",
                              theme.ACCENT if moving else theme.MUTED, max_width=self.name_w - app.u(28))
            for k, stat in enumerate(STATS):
                self._stat(surf, rect.left + self.name_w + k * self.cell_w, row, t.obs["stats"][seat][stat], look)
            if t.viewer and seat != t.viewer:
                them = t.obs["trust"][seat][t.viewer]
                you = t.obs["trust"][t.viewer][seat]
                app.text.draw(surf, str(them), (rect.right - self.trust_w * 3 // 4, row.centery), "body",
                              theme.TEXT, anchor="center")
                app.text.draw(surf, str(you), (rect.right - self.trust_w // 4, row.centery), "body", theme.MUTED,
                              anchor="center")

    def _stat(self, surf, x, row, value, look):
        app = self.app
        cell = pygame.Rect(x + app.u(6), row.top, self.cell_w - app.u(12), row.height)
        app.text.draw(surf, str(value), (cell.centerx, cell.centery - app.u(1)), "body", theme.TEXT,
                      anchor="midbottom")
        bar = pygame.Rect(cell.left, cell.centery + app.u(4), cell.width, app.u(4))
        pygame.draw.rect(surf, theme.RAISED, bar)
        pygame.draw.rect(surf, look.colour, (bar.left, bar.top, bar.width * value // 100, bar.height))
