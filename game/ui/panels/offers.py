"""Offers: incoming and outgoing proposals, their notes and reasons; accept, reject, counter, withdraw."""

from __future__ import annotations

import pygame

from game.engine import accept, reject, withdraw

from .. import theme
from ..format import terms_lines
from ..lists import ListBox, ListState
from ..scenes.base import button_row
from ..value import worth
from .common import seat_tag, value_bar, value_bar_height, value_hint

STATUS = {"open": "open", "signed": "signed", "rejected": "rejected", "countered": "countered",
          "withdrawn": "withdrawn", "expired": "expired", "void": "overtaken"}


class OffersPanel:
    def __init__(self, table):
        self.t = table
        self.app = table.app
        self.state = ListState()
        self.message = ("", False)

    def offers(self):
        """Open offers waiting for you first, then your open ones, then the rest, newest first."""
        t = self.t
        viewer = t.viewer

        newest = {p["id"]: -i for i, p in enumerate(t.obs["proposals"])}

        def rank(p):
            waiting = p["status"] == "open" and viewer in p["parties"] and viewer not in p["accepted"]
            mine = p["status"] == "open" and p["proposer"] == viewer
            return (0 if waiting else 1 if mine else 2 if p["status"] == "open" else 3, newest[p["id"]])
        return sorted(t.obs["proposals"], key=rank)

    def waiting_count(self):
        v = self.t.viewer
        return sum(1 for p in self.t.obs["proposals"]
                   if p["status"] == "open" and v in p["parties"] and v not in p["accepted"])

    def selected(self):
        items = self.offers()
        return items[self.state.selected] if items else None

    # -- layout --------------------------------------------------------------------------

    def layout(self, rect):
        app = self.app
        items = self.offers()
        row_h = app.text.line_height("bold") + app.text.line_height("small") + app.u(12)
        rows = max(2, min(len(items), 5, (rect.height // 2) // row_h))
        widgets = [ListBox("offers", pygame.Rect(rect.left, rect.top, rect.width, rows * row_h), len(items), row_h,
                           self.state, self.draw_row, row_tip=self.row_tip,
                           tooltip="Offers to you and from you. \u2191\u2193 to read one.")]
        self.detail = pygame.Rect(rect.left, rect.top + rows * row_h + app.u(12), rect.width,
                                  rect.bottom - rect.top - rows * row_h - app.u(12))
        prop = self.selected()
        self.bar_rect = None
        if prop is None or self.t.viewer is None:
            return widgets
        legal = {(a.type, a.proposal) for a in self.t.legal()}
        pid = prop["id"]
        can_accept = ("accept", pid) in legal
        can_answer = ("reject", pid) in legal
        can_counter = can_answer and self.t.space["can_propose"]
        buttons = pygame.Rect(self.detail.left, self.detail.bottom - app.u(40), self.detail.width, app.u(36))
        specs = []
        if prop["proposer"] == self.t.viewer:
            specs.append(("withdraw", "Withdraw", lambda: self._do(withdraw(pid), "Withdrawn."),
                          "Take this offer back.", {"enabled": ("withdraw", pid) in legal}))
        else:
            wait = "" if can_answer else f" (not now: {self.t.wait_reason()})"
            specs += [
                ("accept", "Accept", lambda: self._do(accept(pid), "Accepted."),
                 "Sign this package. It becomes binding when every party has accepted." + wait,
                 {"style": "primary", "enabled": can_accept}),
                ("reject", "Reject", lambda: self._do(reject(pid), "Rejected."), "Turn this package down." + wait,
                 {"enabled": can_answer}),
                ("counter", "Counter\u2026", self._counter,
                 "Load these terms into Propose, change them and send them back." + wait, {"enabled": can_counter}),
            ]
        widgets += button_row(app, buttons, specs)
        top = min(w.rect.top for w in widgets[1:])
        self.bar_rect = pygame.Rect(self.detail.left, top - value_bar_height(app) - app.u(10), self.detail.width,
                                    value_bar_height(app))
        widgets.append(value_hint("offer-worth", self.bar_rect))
        return widgets

    def _do(self, action, done):
        problem = self.t.act(action)
        self.message = (problem, True) if problem else (done, False)

    def _counter(self):
        prop = self.selected()
        self.t.compose.draft.load(prop["parties"], prop["terms"], prop["id"])
        self.t.compose.replies = []
        self.t.show_tab("propose")

    # -- drawing -------------------------------------------------------------------------

    def headline(self, p):
        t = self.t
        to = ", ".join("you" if s == t.viewer else t.looks[s].code for s in p["parties"] if s != p["proposer"])
        status = STATUS.get(p["status"], p["status"])
        if p["status"] == "open" and t.viewer in p["parties"] and t.viewer not in p["accepted"]:
            status = "answer needed"
        return f"{p['id']} to {to} \u00b7 {status}"

    def row_tip(self, k):
        p = self.offers()[k]
        return "; ".join(terms_lines(self.t.issues, p["terms"]))

    def draw_row(self, surf, k, rect, selected):
        app, t = self.app, self.t
        p = self.offers()[k]
        look = t.looks[p["proposer"]]
        waiting = self.headline(p).endswith("answer needed")
        seat_tag(surf, app, look, (rect.left, rect.top + app.u(5)), "bold", theme.ACCENT if waiting else theme.TEXT,
                 max_width=app.u(60), name=False)
        app.text.draw(surf, self.headline(p), (rect.left + app.u(58), rect.top + app.u(5)), "bold",
                      theme.ACCENT if waiting else theme.TEXT, max_width=rect.width - app.u(60))
        app.text.draw(surf, "; ".join(terms_lines(t.issues, p["terms"])),
                      (rect.left + app.u(58), rect.top + app.u(5) + app.text.line_height("bold")), "small",
                      theme.MUTED, max_width=rect.width - app.u(60))

    def draw(self, surf):
        app, t = self.app, self.t
        p = self.selected()
        box = self.detail
        if p is None:
            app.text.draw_wrapped(surf, "No offers yet. Build one under Propose, or wait for the others to speak.",
                                  box, "body", theme.MUTED)
            return
        pygame.draw.line(surf, theme.LINE, (box.left, box.top - app.u(6)), (box.right, box.top - app.u(6)))
        y = box.top
        limit = self.bar_rect.top - app.u(6) if self.bar_rect else box.bottom
        who = "you" if p["proposer"] == t.viewer else t.session.seat_name(p["proposer"])
        lines = [("bold", theme.TEXT, f"From {who}: {self.headline(p)}")]
        signed = ", ".join(t.session.seat_name(s) for s in p["accepted"]) or "nobody yet"
        lines.append(("small", theme.MUTED, f"Accepted so far: {signed} \u00b7 open until day {p['expires']}"
                      + (" \u00b7 public" if p["public"] else "")))
        lines += [("body", theme.TEXT, "\u2022 " + line) for line in terms_lines(t.issues, p["terms"])]
        if p["note"]:
            lines.append(("body", theme.GOOD, f"They say: \u201c{p['note']}\u201d"))
        if p["reason"]:
            lines.append(("body", theme.BAD, f"Reason given: \u201c{p['reason']}\u201d"))
        if p["counter_to"]:
            lines.append(("small", theme.MUTED, f"A counter-offer to {p['counter_to']}."))
        text, bad = self.message
        if text:
            lines.append(("body", theme.BAD if bad else theme.GOOD, ("\u2717 " if bad else "") + text))
        for style, colour, line in lines:
            y = app.text.draw_wrapped(surf, line, pygame.Rect(box.left, y, box.width, limit - y), style, colour)
            y += app.u(2)
        if self.bar_rect is None:
            return
        prefs = t.obs["private"]["preferences"]
        value = worth(prefs, t.public["issues"], t.obs["settled"], p["terms"])
        now = worth(prefs, t.public["issues"], t.obs["settled"], {})
        value_bar(surf, app, self.bar_rect, value, prefs["reservation"], now)
