"""Offers: incoming and outgoing proposals, their notes and reasons; accept, reject, counter, withdraw."""

from __future__ import annotations

import pygame

from game.engine import accept, reject, withdraw
from game.engine.kinds import ActionType, ChoiceKind
from game.present.table import needs_answer, offer_card, offer_headline, offer_label, offer_order, why_not_answer
from game.present.words import terms_lines
from game.present.worth import nothing_yet

from .. import theme
from ..lists import ListBox, ListState
from ..scenes.base import buttons_at_bottom
from ..widgets import Widget
from .common import (
    DetailState,
    Said,
    detail_text,
    seat_tag,
    stakes_bar,
    stakes_bar_height,
    stakes_hint,
)


class OffersPanel:
    def __init__(self, table):
        self.t = table
        self.app = table.app
        self.state = ListState()
        self.detail_state = DetailState()
        self.said = Said()

    def offers(self):
        """Open offers waiting for you first, then your open ones, then the rest, newest first."""
        return offer_order(self.t.words(), self.t.obs["proposals"])

    def waiting_count(self):
        w = self.t.words()
        return sum(1 for p in self.t.obs["proposals"] if needs_answer(w, p))

    def selected(self):
        items = self.offers()
        return items[min(self.state.selected, len(items) - 1)] if items else None

    # -- layout --------------------------------------------------------------------------

    def layout(self, rect):
        app = self.app
        items = self.offers()
        row_h = app.text.line_height("bold") + app.text.line_height("small") + app.u(12)
        rows = max(1, min(len(items), 5, int(rect.height * 0.42) // row_h)) if items else 2
        self.code_w = max(app.text.width(look.code, "bold") for look in self.t.looks.values()) + app.u(26)
        listing = ListBox("offers", pygame.Rect(rect.left, rect.top, rect.width, rows * row_h), len(items), row_h,
                          self.state, self.draw_row, row_tip=self.row_tip,
                          tooltip="Offers to you and from you. \u2191\u2193 to read one.")
        widgets: list[Widget] = [listing]
        self.detail = pygame.Rect(rect.left, rect.top + rows * row_h + app.u(12), rect.width,
                                  rect.bottom - rect.top - rows * row_h - app.u(12))
        prop = self.selected()
        self.bar_rect = None
        if prop is None:
            return widgets
        bottom = self.detail.bottom
        if self.t.viewer is not None:
            buttons = buttons_at_bottom(app, self.detail, self._button_specs(prop))
            top = min(w.rect.top for w in buttons)
            self.bar_rect = pygame.Rect(self.detail.left, top - stakes_bar_height(app) - app.u(10), self.detail.width,
                                        stakes_bar_height(app))
            bottom = self.bar_rect.top - app.u(6)
        text = pygame.Rect(self.detail.left, self.detail.top, self.detail.width, bottom - self.detail.top)
        widgets.append(detail_text("offer", text, app, self.detail_items(prop), self.detail_state, prop["id"],
                                   "The offer in full, with what its sender said. \u2191\u2193 to scroll."))
        if self.t.viewer is not None:
            widgets += buttons
            widgets.append(stakes_hint("offer-worth", self.bar_rect, lambda: self.offer_stakes(prop)))
        return widgets

    def _button_specs(self, prop):
        t = self.t
        legal = {(a.type, a.proposal) for a in t.legal()}
        pid = prop["id"]
        if prop["proposer"] == t.viewer:
            return [("withdraw", "Withdraw", lambda: self._do(withdraw(pid), pid, "Withdrawn."),
                     "Take this offer back.", {"enabled": (ActionType.WITHDRAW, pid) in legal})]
        can_answer = (ActionType.REJECT, pid) in legal
        wait = "" if can_answer else f" (not now: {self._why_not(prop)})"
        return [
            ("accept", "Accept", lambda: self._do(accept(pid), pid, "Accepted."),
             "Sign this package. It becomes binding when every party has accepted." + wait,
             {"style": "primary", "enabled": (ActionType.ACCEPT, pid) in legal}),
            ("reject", "Reject", lambda: self._do(reject(pid), pid, "Rejected."), "Turn this package down." + wait,
             {"enabled": can_answer}),
            ("counter", "Counter\u2026", self._counter,
             "Load these terms into Propose, change them and send them back." + wait,
             {"enabled": can_answer and t.space["can_propose"]}),
        ]

    def offer_stakes(self, prop) -> dict:
        """What signing this offer would do to your final score, in words; an offer between others is not yours
        to sign."""
        if self.t.viewer not in prop["parties"]:
            names = ", ".join(self.t.session.seat_name(s) for s in prop["parties"])
            return nothing_yet(f"Between {names}: not yours to sign", "Not yours to sign")
        choice = {"kind": ChoiceKind.SIGN, "terms": dict(prop["terms"]), "parties": list(prop["parties"])}
        return self.t.stakes(choice, "offer")

    def _why_not(self, prop) -> str:
        return why_not_answer(self.t.words(), self.t.obs, prop)

    def _do(self, action, pid, done):
        problem = self.t.act(action)
        self.said.set(pid, problem or done, bool(problem))
        # The list re-sorts after an answer: keep the answered offer selected and take the focus off the
        # buttons, so that pressing Enter again cannot answer an offer the player has not read.
        ids = [p["id"] for p in self.offers()]
        if pid in ids:
            self.state.selected = ids.index(pid)
        self.t.controls.focus = "offers"

    def _counter(self):
        self.t.compose.load_counter(self.selected())
        self.t.show_tab("propose")

    def detail_items(self, p) -> list:
        card = offer_card(self.t.words(), self.t.obs["proposals"], p)
        tones = {"good": theme.GOOD, "bad": theme.BAD}
        items = [("bold", theme.TEXT, card["headline"]), ("small", theme.MUTED, card["accepted_line"])]
        items += [("body", theme.TEXT, "\u2022 " + line) for line in card["terms"]]
        items += [("body" if n["tone"] != "muted" else "small", tones.get(n["tone"], theme.MUTED), n["text"])
                  for n in card["notes"]]
        return items + self.said.items(p["id"])

    # -- drawing -------------------------------------------------------------------------

    def headline(self, p):
        t = self.t
        return offer_headline(t.words(), p, {s: look.code for s, look in t.looks.items()})

    def label(self, pid, covers=True):
        return offer_label(self.t.words(), self.t.obs["proposals"], pid, covers)

    def row_tip(self, k):
        p = self.offers()[k]
        return "; ".join(terms_lines(self.t.issues, p["terms"]))

    def draw_row(self, surf, k, rect, selected):
        app, t = self.app, self.t
        p = self.offers()[k]
        look = t.looks[p["proposer"]]
        waiting = needs_answer(t.words(), p)
        colour = theme.ACCENT if waiting else theme.TEXT
        seat_tag(surf, app, look, (rect.left, rect.top + app.u(5)), "bold", colour, max_width=self.code_w, name=False)
        x = rect.left + self.code_w
        app.text.draw(surf, self.headline(p), (x, rect.top + app.u(5)), "bold", colour, max_width=rect.right - x)
        app.text.draw(surf, "; ".join(terms_lines(t.issues, p["terms"])),
                      (x, rect.top + app.u(5) + app.text.line_height("bold")), "small", theme.MUTED,
                      max_width=rect.right - x)

    def draw(self, surf):
        app = self.app
        p = self.selected()
        box = self.detail
        if p is None:
            app.text.draw_wrapped(surf, "No offers yet. Build one under Propose, or wait for the others to speak.",
                                  box, "body", theme.MUTED)
            return
        pygame.draw.line(surf, theme.LINE, (box.left, box.top - app.u(6)), (box.right, box.top - app.u(6)))
        if self.bar_rect is None:
            return
        stakes_bar(surf, app, self.bar_rect, self.offer_stakes(p))
