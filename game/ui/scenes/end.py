"""The end: scores and their parts, objectives met, the agreements in full, and history beside the table."""

from __future__ import annotations

import pygame

from game.present.debrief import PAR_NOTE, SCORE_PARTS, par_headlines, par_line
from game.present.looks import seat_looks
from game.present.table import Words
from game.present.words import long_date, option_text, signed
from game.scenario.wording import history_verdict

from .. import shapes, theme
from ..lists import RichText, ScrollState
from ..panels.deals import agreement_items
from ..widgets import Hint, Widget
from .base import Scene, button_row, panel

HUMAN = "human"
PARTS = SCORE_PARTS


class EndScene(Scene):
    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.public = session.public
        self.issues = {i["id"]: i for i in self.public["issues"]}
        self.looks = seat_looks(self.public["seats"])
        self.ending = session.ending()
        self.scores = self.ending.scores
        self.par = self.ending.par
        # Seats are ranked by how each did against its own par, not by totals no two seats can earn alike.
        self.order = sorted(self.scores, key=lambda s: (-self.par[s]["percentile"], -self.par[s]["diff"]))
        self.compare = self.ending.history
        self.left_scroll, self.right_scroll = ScrollState(), ScrollState()

    def objective_items(self) -> list:
        known = self.ending.objectives
        everyone = all(seat in known for seat in self.order)
        items = [("label", theme.MUTED, "SECRET OBJECTIVES, NOW REVEALED" if everyone else "SECRET OBJECTIVES")]
        # The objectives this screen may reveal come first, in score order.
        for seat in sorted(self.order, key=lambda s: s not in known):
            met = set(self.scores[seat]["objectives_met"])
            items.append(("bold", theme.TEXT, self.session.seat_name(seat)))
            if seat not in known:
                points = self.scores[seat]["objectives"]
                items.append(("small", theme.MUTED, f"{len(met)} met, for {points} points; the objectives "
                                                    "themselves stay secret"))
                continue
            for obj in known[seat]:
                ok = obj["id"] in met
                mark = "\u2713 met" if ok else "\u2717 missed"
                items.append(("small", theme.GOOD if ok else theme.MUTED,
                              f"{mark} \u00b7 {obj['text']} ({obj['points']} points)"))
        return items

    def history_items(self) -> list:
        h = self.public["history"]
        closeness = round(self.compare["closeness"] * 100)
        counted = sum(1 for row in self.compare["issues"] if row["distance"] is not None)
        items = [("label", theme.MUTED, f"THE TABLE BESIDE HISTORY \u00b7 {closeness}% alike"),
                 ("small", theme.MUTED, f"What the summit of {long_date(h['date'])} did, issue by issue. The figure "
                                        f"counts the {counted} issues it agreed or left open; what was only said, or "
                                        "contracted before it, is shown but not counted.")]
        for row in self.compare["issues"]:
            issue = self.issues[row["issue"]]
            history = option_text(issue, row["history"]) if row["history"] else ""
            verdict, detail = history_verdict(row["settled"], row["distance"], row["signed"],
                                              option_text(issue, row["table"]), history)
            same = row["distance"] == 0
            items.append(("body", theme.GOOD if same else theme.TEXT, f"{issue['name']}: {verdict}"))
            items.append(("small", theme.MUTED, f"    {detail}"))
            if row["note"]:
                items.append(("small", theme.MUTED, f"    {row['note']}"))
        items += [("gap", theme.TEXT, ""), ("label", theme.MUTED, "WHAT REALLY HAPPENED"),
                  ("body", theme.TEXT, h["summary"]), ("gap", theme.TEXT, ""),
                  ("label", theme.MUTED, "AFTERWARDS"), ("body", theme.TEXT, h["aftermath"]),
                  ("gap", theme.TEXT, ""), ("label", theme.MUTED, "THE AGREEMENTS IN FULL")]
        if not self.ending.agreements:
            items.append(("body", theme.MUTED, "The table signed nothing."))
        for agreement in self.ending.agreements:
            items += agreement_items(Words(self.public, None), agreement) + [("gap", theme.TEXT, "")]
        return items

    def seat_name(self, seat):
        return self.session.seat_name(seat)

    # -- scene ---------------------------------------------------------------------------------

    def layout(self, area):
        app = self.app
        m = app.u(24)
        self.header = pygame.Rect(area.left + m, area.top + m, area.width - 2 * m, app.text.line_height("h1"))
        top = self.header.bottom + app.text.line_height("body") + app.u(20)
        bottom = area.bottom - m - app.u(50)
        left_w = int((area.width - 2 * m) * 0.48)
        self.left = pygame.Rect(area.left + m, top, left_w, bottom - top)
        self.right = pygame.Rect(self.left.right + app.u(16), top, area.right - m - self.left.right - app.u(16),
                                 bottom - top)
        inner = self.left.inflate(-app.u(24), -app.u(20))
        self.row_h = max(app.u(30), app.text.line_height("h2") + app.u(8))
        head = app.text.line_height("label") + app.u(8)
        self.name_w = int(inner.width * 0.38)
        self.col_w = (inner.width - self.name_w) // 6
        self.names = {seat: self._name_lines(seat) for seat in self.order}
        # A name too long for its column takes a second line rather than losing its end.
        self.row_top = [inner.top + head + self.row_h]
        for seat in self.order:
            lines = len(self.names[seat])
            self.row_top.append(self.row_top[-1] + max(self.row_h, lines * app.text.line_height("bold") + app.u(8)))
        self.table_rect = pygame.Rect(inner.left, inner.top + head, inner.width, self.row_top[-1] - inner.top - head)
        widgets: list[Widget] = []
        for k, (part, label, tip) in enumerate(self.columns()):
            widgets.append(Hint(f"col:{part}", (inner.left + self.name_w + k * self.col_w, self.table_rect.top,
                                                self.col_w, self.row_h), f"{label}: {tip}"))
        w = Words(self.public, None)
        for i, seat in enumerate(self.order):
            widgets.append(Hint(f"par:{seat}", (inner.left + self.name_w + self.col_w, self.row_top[i], self.col_w,
                                                self.row_top[i + 1] - self.row_top[i]),
                                par_line(w, seat, self.scores[seat]["total"], self.par[seat])))
        self.note_y = self.table_rect.bottom + app.u(8)
        games = next(iter(self.par.values()))["games"] if self.par else 0
        self.note = PAR_NOTE.format(games=games)
        note_lines = len(app.text.wrap(self.note, "small", inner.width))
        obj_top = self.note_y + note_lines * app.text.line_height("small") + app.u(10)
        widgets.append(RichText("objectives", pygame.Rect(inner.left, obj_top, inner.width, inner.bottom - obj_top),
                                app, self.objective_items(), self.left_scroll, "Each seat's secret objectives."))
        widgets.append(RichText("history", self.right.inflate(-app.u(24), -app.u(20)), app, self.history_items(),
                                self.right_scroll, "The table's result beside history. \u2191\u2193 to scroll."))
        row = pygame.Rect(self.left.left, bottom + app.u(12), self.left.width, app.u(40))
        return button_row(app, row, [("title", "Back to the title", self.to_title, "Play again or try the other "
                                      "scenario.", {"style": "primary"}),
                                     ("report", "Open the full report", self.open_report,
                                      "The whole story of this game in your browser: every offer and reason, "
                                      "the promises kept and broken, how good the deal was, and questions to "
                                      "talk over. It prints well too.")]) + widgets

    def columns(self) -> tuple:
        return (("total", "Total", "The final score."),
                ("par", "Par", "Above (+) or below (\u2212) what AI leaders score in this seat; point at a number "
                               "for where the score stands among theirs.")) + PARTS

    def open_report(self):
        address, why = self.session.full_report()
        if not address:
            self.app.toast(why)
        elif self.app.open_url(address):
            self.app.toast("The report is open in your browser.")
        else:
            self.app.toast(f"No browser could be started here: open {address}")

    def to_title(self):
        from .title import TitleScene
        self.app.reset(TitleScene(self.app))

    def back(self):
        self.to_title()

    def keys_hint(self):
        return "Tab move \u00b7 \u2191\u2193 scroll \u00b7 Enter or Esc back to the title"

    def draw_background(self, surf):
        app = self.app
        app.text.draw(surf, "The summit is over", self.header.topleft, "h1")
        headlines = par_headlines(Words(self.public, None), list(self.session.humans), self.scores, self.par)
        app.text.draw(surf, app.text.first_fit(headlines, "body", self.header.width),
                      (self.header.left, self.header.bottom + app.u(8)), "body", theme.ACCENT,
                      max_width=self.header.width)
        inner = panel(surf, app, self.left, "Scores")
        panel(surf, app, self.right)
        y = self.table_rect.top
        cols = tuple(c[1] for c in self.columns())
        for k, label in enumerate(cols):
            app.text.draw(surf, label.upper(), (inner.left + self.name_w + k * self.col_w + self.col_w // 2,
                                                y + self.row_h // 2), "label", theme.MUTED, anchor="center")
        for i, seat in enumerate(self.order):
            y, h = self.row_top[i], self.row_top[i + 1] - self.row_top[i]
            look = self.looks[seat]
            sc = self.scores[seat]
            if seat in self.session.humans:
                pygame.draw.rect(surf, theme.PANEL_HI, (inner.left, y, inner.width, h), border_radius=4)
            shapes.marker(surf, look.shape, (inner.left + app.u(10), y + h // 2), app.u(7), look.colour)
            lines = self.names[seat]
            step = app.text.line_height("bold")
            top = y + (h - step * len(lines)) // 2
            x = inner.left + app.u(24)
            for k, line in enumerate(lines):
                app.text.draw(surf, line, (x, top + k * step), "bold", max_width=self.name_w - app.u(28))
            if seat in self.session.humans:
                after = app.text.width(lines[-1], "bold") + app.u(8) if lines[-1] else 0
                app.text.draw(surf, HUMAN, (x + after, top + (len(lines) - 1) * step + step // 2), "small",
                              theme.ACCENT, anchor="midleft")
            values = [sc["total"], self.par[seat]["diff"], sc["deal"], sc["objectives"], sc["stats"], sc["integrity"]]
            for k, v in enumerate(values):
                cx = inner.left + self.name_w + k * self.col_w + self.col_w // 2
                tone = theme.TEXT if k == 0 else theme.MUTED
                if k == 1:
                    tone = theme.GOOD if v > 0 else theme.BAD if v < 0 else theme.TEXT
                app.text.draw(surf, str(v) if k == 0 else signed(v), (cx, y + h // 2),
                              "h2" if k == 0 else "bold" if k == 1 else "body", tone, anchor="center")
        app.text.draw_wrapped(surf, self.note, pygame.Rect(inner.left, self.note_y, inner.width,
                                                          app.text.line_height("small") * 3), "small", theme.MUTED)

    def _name_lines(self, seat) -> list:
        """The seat's name in as many lines as its column needs, with room after the last for the 'human' badge."""
        app = self.app
        room = self.name_w - app.u(28)
        lines = app.text.wrap(self.looks[seat].name, "bold", room)
        badge = app.text.width(HUMAN, "small") + app.u(8) if seat in self.session.humans else 0
        if app.text.width(lines[-1], "bold") + badge > room:
            lines.append("")
        return lines
