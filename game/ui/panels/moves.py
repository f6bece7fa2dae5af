"""Moves: your unilateral options for the day, their effects, and the promises they would break."""

from __future__ import annotations

import pygame

from game.engine import move
from game.engine.kinds import HOLD, ActionType, ChoiceKind, Phase
from game.present.table import breaks, hold_move, move_card, revealed_moves
from game.present.worth import points

from .. import theme
from ..lists import ListBox, ListState, RichText, ScrollState
from ..scenes.base import buttons_at_bottom
from ..widgets import Widget
from .common import DetailState, Said, detail_text


class MovesPanel:
    def __init__(self, table):
        self.t = table
        self.app = table.app
        self.state = ListState()
        self.scroll = ScrollState()
        self.detail_state = DetailState()
        self.said = Said()

    def moves(self) -> list:
        t = self.t
        return [hold_move()] + [m for m in t.public["moves"] if m["seat"] == t.viewer]

    def available(self):
        """Move ids the engine allows now, or None while the talks go on."""
        legal = self.t.legal()
        if self.t.obs["phase"] != Phase.MOVES or not legal:
            return None
        return {a.move for a in legal if a.type == ActionType.MOVE}

    def breaks(self, move_id) -> list:
        """Agreements in force that bind you not to make this move (read from the agreements' text)."""
        return breaks(self.t.words(), self.t.obs, move_id)

    def new_day(self):
        """What was chosen yesterday is not today's choice: each day starts on Hold, which breaks nothing."""
        self.said = Said()
        self.state.selected = 0

    def selected(self):
        items = self.moves()
        return items[min(self.state.selected, len(items) - 1)]

    # -- layout ----------------------------------------------------------------------------

    def layout(self, rect):
        app, t = self.app, self.t
        if t.viewer is None:
            return [RichText("history", rect, app, self._history(), self.scroll, "Moves revealed so far.")]
        items = self.moves()
        row_h = app.text.line_height("bold") + app.text.line_height("small") + app.u(10)
        rows = max(2, min(len(items), (rect.height * 5 // 9) // row_h))
        listing = ListBox("moves", pygame.Rect(rect.left, rect.top, rect.width, rows * row_h), len(items), row_h,
                          self.state, self.draw_row, on_activate=lambda i: self.choose(), row_tip=self.row_tip,
                          tooltip="Your moves. \u2191\u2193 to read one, Enter to make it once the talks are over.")
        widgets: list[Widget] = [listing]
        self.detail = pygame.Rect(rect.left, rect.top + rows * row_h + app.u(12), rect.width,
                                  rect.height - rows * row_h - app.u(12))
        available = self.available()
        mv = self.selected()
        can = available is not None and mv["id"] in available
        if t.obs["my_move"]:
            why = "you have chosen today's move"
        elif available is None:
            why = "moves are chosen when today's talks end"
        else:
            why = move_card(t.words(), t.obs, mv, available)["why_not"].rstrip(".") or "not available now"
        buttons = buttons_at_bottom(app, self.detail, [
            ("choose", "Make this move", self.choose,
             "Commit to this move; all moves are revealed together." + ("" if can else f" (Not now: {why}.)"),
             {"style": "primary", "enabled": can}),
        ])
        text = pygame.Rect(self.detail.left, self.detail.top, self.detail.width,
                           min(w.rect.top for w in buttons) - app.u(8) - self.detail.top)
        widgets.append(detail_text("move", text, app, self.detail_items(mv), self.detail_state, mv["id"],
                                   "What this move does, and any promise it would break. \u2191\u2193 to scroll."))
        return widgets + buttons

    def choose(self):
        mv = self.selected()
        available = self.available()
        if available is None or mv["id"] not in available:
            why = move_card(self.t.words(), self.t.obs, mv, available)["why_not"]
            self.said.set(mv["id"], "Moves are chosen after the talks." if available is None
                          else f"{mv['name']}: {why}", True)
            return
        problem = self.t.act(move(mv["id"]))
        self.said.set(mv["id"], problem or f"You chose: {mv['name']}.", bool(problem))

    def _history(self):
        lines = revealed_moves(self.t.words(), self.t.obs)
        return [("body", theme.TEXT, line) for line in lines] or \
            [("body", theme.MUTED, "No moves revealed yet: moves are revealed together after the talks.")]

    # -- drawing -----------------------------------------------------------------------------

    def row_tip(self, k):
        return self.moves()[k]["description"]

    def draw_row(self, surf, k, rect, selected):
        app = self.app
        card = move_card(self.t.words(), self.t.obs, self.moves()[k], self.available())
        ok = self.available() is None or card["available"]
        broken = bool(card["breaks"])
        name = ("\u26a0 " if broken else "") + card["name"]
        app.text.draw(surf, name, (rect.left, rect.top + app.u(4)), "bold",
                      (theme.BAD if broken else theme.TEXT) if ok else theme.FAINT, max_width=rect.width)
        # The warning leads the second line, where it cannot be cut off by a long name.
        stakes = self.move_stakes(self.moves()[k])
        kind = card["kind"] + (f" \u00b7 {points(stakes['total'])}" if stakes and stakes["total"] else "")
        app.text.draw(surf, kind, (rect.left, rect.top + app.u(4) + app.text.line_height("bold")), "small",
                      theme.BAD if broken and ok else theme.MUTED, max_width=rect.width)

    def move_stakes(self, mv) -> dict | None:
        """What this move would do to your final score tonight, in words (None for Hold, or a move not open
        to you now)."""
        if mv["id"] == HOLD or self.t.viewer is None:
            return None
        words = self.t.stakes({"kind": ChoiceKind.MOVE, "move": mv["id"]}, "move")
        return None if words["final"] is None else words

    def detail_items(self, mv) -> list:
        t = self.t
        card = move_card(t.words(), t.obs, mv, self.available())
        items = []
        if t.obs["my_move"]:
            chosen = next((m["name"] for m in self.moves() if m["id"] == t.obs["my_move"]), t.obs["my_move"])
            items.append(("bold", theme.ACCENT, f"Today you chose: {chosen}. Waiting for the others."))
        elif t.obs["phase"] == Phase.TALKS:
            items.append(("small", theme.ACCENT, f"Talks first: moves are chosen after round {t.obs['talk_rounds']}."))
        items.append(("body", theme.TEXT, card["description"]))
        if card["why_not"]:
            items.append(("body", theme.BAD, "\u2717 " + card["why_not"]))
        elif card["requires"]:
            items.append(("small", theme.MUTED, card["requires"]))
        items += [("small", theme.MUTED, "\u2022 " + effect) for effect in card["effects"]]
        items += [("small", theme.BAD, line) for line in card["breaks"]]
        stakes = self.move_stakes(mv)
        if stakes is not None:
            tone = {"good": theme.GOOD, "bad": theme.BAD}.get(stakes["tone"], theme.MUTED)
            items.append(("bold", tone, stakes["headline"]))
            items += [("small", theme.MUTED, "\u2022 " + p["text"]) for p in stakes["parts"]]
            items.append(("small", theme.FAINT, stakes["notes"]))
        return items + self.said.items(mv["id"])

    def draw(self, surf):
        app = self.app
        if self.t.viewer is None:
            return
        box = self.detail
        pygame.draw.line(surf, theme.LINE, (box.left, box.top - app.u(6)), (box.right, box.top - app.u(6)))
