"""The seats around the table: who they are, their four stats, and trust."""

from __future__ import annotations

import pygame

from game.engine.kinds import Phase
from game.present.turns import talk_order_line, talk_place
from game.present.words import STAT_NAMES, STAT_SHORT

from .. import shapes, theme
from ..widgets import Hint

STATS = ("military", "economy", "domestic", "standing")
STAT_WHY = {
    "military": "Moves and events change it; some events and secret objectives depend on it.",
    "economy": "Moves and events change it; some events and secret objectives depend on it.",
    "domestic": "Half its change over the game counts in the final score.",
    "standing": "Half its change over the game counts in the final score.",
}
# The trust columns' heads, a word a line: read at first sight, where arrows ('→you', 'you→') needed the help.
TRUST_IN, TRUST_OUT = ("trusts", "you"), ("you", "trust")


class SeatsPanel:
    def __init__(self, table):
        self.t = table
        self.app = table.app

    def layout(self, rect):
        app, t = self.app, self.t
        self.rect = rect
        seats = t.scenario_seats
        lines = 2 if t.viewer else 1
        self.head_h = max(app.text.line_height("label"), lines * app.text.line_height("small")) + app.u(6)
        self.row_h = max(app.text.line_height("bold") + app.u(10),
                         min(app.u(52), (rect.height - self.head_h) // max(1, len(seats))))
        self.two_lines = self.row_h >= app.text.line_height("bold") + app.text.line_height("small") + app.u(4)
        self._columns(rect)
        names_fit = all(app.text.width(t.looks[s].name, "bold") <= self.name_w - app.u(28) for s in seats)
        # No room for every name: the codes, which the map and the offers use too, rather than names cut short.
        self.codes = not names_fit
        hints = []
        for k, stat in enumerate(STATS):
            r = pygame.Rect(rect.left + self.name_w + k * self.cell_w, rect.top, self.cell_w, self.head_h)
            hints.append(Hint(f"head:{stat}", r, f"{STAT_SHORT[stat]}: {STAT_NAMES[stat]}, 0 to 100. "
                                                 f"{STAT_WHY[stat]}"))
        if t.viewer:
            half = self.trust_w // 2
            hints.append(Hint("head:trust-in", (rect.right - self.trust_w, rect.top, half, self.head_h),
                              f"{' '.join(TRUST_IN).capitalize()}: how far each seat trusts you, 0 to 100. Kept "
                              "promises build it; broken ones cost it."))
            hints.append(Hint("head:trust-out", (rect.right - self.trust_w + half, rect.top, self.trust_w - half,
                                                 self.head_h),
                              f"{' '.join(TRUST_OUT).capitalize()}: how far you trust each seat, 0 to 100, from how "
                              "it kept its word."))
        for i, seat in enumerate(seats):
            y = rect.top + self.head_h + i * self.row_h
            name = t.session.seat_name(seat)
            hints.append(Hint(f"who:{seat}", (rect.left, y, self.name_w, self.row_h), self.who_tip(seat)))
            for k, stat in enumerate(STATS):
                value = t.obs["stats"][seat][stat]
                cell = (rect.left + self.name_w + k * self.cell_w, y, self.cell_w, self.row_h)
                hints.append(Hint(f"stat:{seat}:{stat}", cell, f"{name} \u2014 {STAT_NAMES[stat]}: {value} of 100."))
            if t.viewer:
                hints.append(Hint(f"trust:{seat}", (rect.right - self.trust_w, y, self.trust_w, self.row_h),
                                  self.trust_tip(seat)))
        return hints

    def _columns(self, rect):
        """Name, four stats and two trust columns; the stats and trust get what their labels need first."""
        app, t = self.app, self.t
        cell_need = max([app.text.width(STAT_SHORT[s], "label") for s in STATS] + [app.text.width("100", "body")])
        cell_need += app.u(6)
        trust_need = 2 * (max([app.text.width(w, "small") for w in TRUST_IN + TRUST_OUT]
                              + [app.text.width("100", "body")]) + app.u(4))
        self.trust_w = int(rect.width * 0.18) if t.viewer else 0
        self.name_w = int(rect.width * 0.38)
        if t.viewer and self.trust_w < trust_need:
            self.trust_w = trust_need
        self.cell_w = (rect.width - self.name_w - self.trust_w) // 4
        if self.cell_w < cell_need:
            self.cell_w = cell_need
            self.name_w = rect.width - self.trust_w - 4 * cell_need

    def who_tip(self, seat) -> str:
        t = self.t
        info = next(s for s in t.public["seats"] if s["id"] == seat)
        where = "at the table" if info["at_table"] else "acting from outside the room"
        tip = f"{info['name']}: {info['leader']}, {info['title']}; {where}; played by {t.controller_text(seat)}."
        order = talk_order_line(t.words(), t.obs)
        return f"{tip} {order}" if order else tip

    def trust_tip(self, seat) -> str:
        t = self.t
        row = t.obs["trust"][seat]
        parts = [f"{t.session.seat_name(o)} {v}" for o, v in row.items() if o != seat]
        return f"How far {t.session.seat_name(seat)} trusts each seat: " + ", ".join(parts) + "."

    def draw(self, surf):
        app, t = self.app, self.t
        rect = self.rect
        # The heads sit on the header's last line, over their columns.
        base = rect.top + self.head_h - app.u(6)
        for k, stat in enumerate(STATS):
            x = rect.left + self.name_w + k * self.cell_w
            app.text.draw(surf, STAT_SHORT[stat], (x + self.cell_w // 2, base), "label", theme.MUTED,
                          anchor="midbottom", max_width=self.cell_w - app.u(4))
        if t.viewer:
            half = self.trust_w // 2 - app.u(2)
            step = app.text.line_height("small")
            columns = ((rect.right - self.trust_w * 3 // 4, TRUST_IN), (rect.right - self.trust_w // 4, TRUST_OUT))
            for x, words in columns:
                for k, word in enumerate(words):
                    app.text.draw(surf, word, (x, base - (len(words) - 1 - k) * step), "small", theme.MUTED,
                                  anchor="midbottom", max_width=half)
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
            name = look.code if self.codes else look.name
            ny = row.centery - app.text.line_height("bold") // (1 if self.two_lines else 2)
            app.text.draw(surf, name, (rect.left + app.u(24), ny), "bold", theme.ACCENT if moving else theme.TEXT,
                          max_width=self.name_w - app.u(28))
            if self.two_lines:
                width = self.name_w - app.u(28)
                app.text.draw(surf, app.text.first_fit(self._doing(seat, look), "small", width),
                              (rect.left + app.u(24), ny + app.text.line_height("bold")), "small",
                              theme.ACCENT if moving else theme.MUTED, max_width=width)
            for k, stat in enumerate(STATS):
                self._stat(surf, rect.left + self.name_w + k * self.cell_w, row, t.obs["stats"][seat][stat], look)
            if t.viewer and seat != t.viewer:
                them = t.obs["trust"][seat][t.viewer]
                you = t.obs["trust"][t.viewer][seat]
                app.text.draw(surf, str(them), (rect.right - self.trust_w * 3 // 4, row.centery), "body",
                              theme.TEXT, anchor="center")
                app.text.draw(surf, str(you), (rect.right - self.trust_w // 4, row.centery), "body", theme.MUTED,
                              anchor="center")

    def _doing(self, seat, look) -> list:
        """What the seat is doing, longest wording first: a narrow column takes a shorter one rather than a cut
        one. In talks, its place in the round's order ('✓ spoke 1st', '▶ speaking', 'speaks 4th') before who
        plays it."""
        t = self.t
        played = t.controller_text(seat)
        place = talk_place(t.obs, seat)
        if place is not None:
            doing = [f"{place.text} \u00b7 {played}", place.text, place.short]
        elif t.obs["phase"] == Phase.MOVES:
            mark = "\u25b6 choosing" if seat in t.obs["to_move"] else "\u2713 chosen"
            doing = [mark, mark.split()[0]]
        else:
            doing = [played, played.split(" \u00b7 ")[-1]]
        return ([] if self.codes else [f"{look.code} \u00b7 {doing[0]}"]) + doing

    def _stat(self, surf, x, row, value, look):
        app = self.app
        cell = pygame.Rect(x + app.u(6), row.top, self.cell_w - app.u(12), row.height)
        app.text.draw(surf, str(value), (cell.centerx, cell.centery - app.u(1)), "body", theme.TEXT,
                      anchor="midbottom")
        bar = pygame.Rect(cell.left, cell.centery + app.u(4), cell.width, app.u(4))
        pygame.draw.rect(surf, theme.RAISED, bar)
        pygame.draw.rect(surf, look.colour, (bar.left, bar.top, bar.width * value // 100, bar.height))
