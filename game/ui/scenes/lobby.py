"""The lobby: the class's tables and their seats, live from the server; take a free one, or join a team.

A free seat (an AI leader plays it until someone sits down) is taken with the class code alone;
a seat classmates hold is joined as a team with the team code they see on their screen.
"""

from __future__ import annotations

import pygame

from game.client.connection import Disconnected, ServerError
from game.engine.kinds import Controller
from game.server.protocol import ClientType

from .. import theme
from ..lists import ListBox, ListState
from ..widgets import TextField, Widget
from .base import Scene, button_row, panel
from .join import sentence

TEAM_CODE_MAX = 12


class LobbyScene(Scene):
    title = "Choose your seat"

    def __init__(self, app, session, seat_choice=None):
        super().__init__(app)
        self.session = session
        self.list_state = ListState()
        self.team_code = {"text": (seat_choice or {}).get("team_code") or ""}
        self.wanted = seat_choice or {}
        self.future = None
        self.problem = ""
        self.status = ""
        self.rows: list = []
        self.lobby_seen = None
        self._read_lobby()
        if self.wanted.get("seat"):
            self._claim_wanted()

    # -- the lobby's rows -------------------------------------------------------------------------

    def _read_lobby(self) -> None:
        lobby = self.session.lobby
        if lobby is self.lobby_seen:
            return
        chosen = self.rows[self.list_state.selected] if self.rows else None
        self.lobby_seen = lobby
        self.rows = [(t, s) for t in lobby["tables"] for s in t["seats"]] if lobby else []
        keys = [(t["table"], s["seat"]) for t, s in self.rows]
        if chosen is not None and (chosen[0]["table"], chosen[1]["seat"]) in keys:
            # The lobby changed under the player: the row they had chosen stays chosen.
            self.list_state.selected = keys.index((chosen[0]["table"], chosen[1]["seat"]))
        else:
            self.list_state.selected = next((k for k, (t, s) in enumerate(self.rows) if s["free"] and not t["over"]),
                                            0)
        self.invalidate()

    @property
    def chosen(self):
        return self.rows[self.list_state.selected] if self.rows else None

    def _claim_wanted(self) -> None:
        """The seat named on the command line: at the table named, or the first table where it is free."""
        seat, table = self.wanted["seat"], self.wanted.get("table")
        rows = [(t, s) for t, s in self.rows if s["seat"] == seat and (table is None or t["table"] == table)]
        if not rows:
            where = f"table {table}" if table else "any table"
            self.problem = f"There is no seat {seat} at {where} of this class; choose one below."
            return
        free = next(((t, s) for t, s in rows if s["free"] and not t["over"]), rows[0])
        self.list_state.selected = self.rows.index(free)
        self.claim()

    # -- layout ---------------------------------------------------------------------------------

    def layout(self, area):
        app = self.app
        m = app.u(28)
        self.header = pygame.Rect(area.left + m, area.top + m, area.width - 2 * m, app.text.line_height("h1"))
        top = self.header.bottom + app.text.line_height("body") + app.u(24)
        bottom = area.bottom - m - app.u(44)
        self.list_rect = pygame.Rect(area.left + m, top, int((area.width - 2 * m) * 0.55), bottom - top)
        side_left = self.list_rect.right + app.u(20)
        self.side = pygame.Rect(side_left, top, area.right - m - side_left, bottom - top)
        row_h = app.text.line_height("bold") + app.text.line_height("small") + app.u(16)
        listing = ListBox("seats", self.list_rect.inflate(-app.u(16), -app.u(16)), len(self.rows), row_h,
                          self.list_state, self._draw_row, on_activate=lambda i: self.claim(), row_tip=self._row_tip,
                          on_select=lambda i: self.invalidate())
        widgets: list[Widget] = [listing]
        inner = self.side.inflate(-app.u(32), -app.u(28))
        field_h = max(app.u(40), app.text.line_height("body") + app.u(16))
        self.team_label = (inner.left, inner.top)
        y = inner.top + app.text.line_height("label") + app.u(6)
        widgets.append(TextField("team", (inner.left, y, inner.width, field_h), self.team_code, lambda _: self.claim(),
                                 "Only to join a seat classmates already hold: the team code they see.",
                                 limit=TEAM_CODE_MAX))
        self.side_text_top = y + field_h + app.u(16)
        row = pygame.Rect(self.list_rect.left, bottom + app.u(12), self.list_rect.width, app.u(40))
        chosen = self.chosen
        can = chosen is not None and not chosen[0]["over"] and self.future is None
        widgets += button_row(app, row, [
            ("take", "Take this seat", self.claim, "Sit down at the chosen seat (Enter on the list does the same).",
             {"style": "primary", "enabled": can}),
            ("back", "Back", self.back, "Back to the class code and your name."),
        ])
        return widgets

    def _row_tip(self, k):
        table, seat = self.rows[k]
        return f"{seat['name']} at table {table['table']}: {self._seat_words(table, seat)}. Enter to take it."

    @staticmethod
    def _seat_words(table, seat) -> str:
        if table["over"]:
            return "the summit is over at this table"
        if seat["free"]:
            kind = seat["controller"]
            if kind == Controller.HUMAN:
                return "free"
            return f"free \u00b7 an AI leader ({kind}) plays it until you sit down"
        return f"held by {', '.join(seat['holders'])} \u00b7 join their team with its team code"

    def _draw_row(self, surf, k, rect, selected):
        app = self.app
        table, seat = self.rows[k]
        x = rect.left + app.u(8)
        several = len(self.session.lobby["tables"]) > 1
        name = f"{seat['name']} \u00b7 table {table['table']}" if several else seat["name"]
        app.text.draw(surf, name, (x, rect.top + app.u(8)), "bold",
                      theme.TEXT if seat["free"] else theme.MUTED, max_width=rect.right - x)
        app.text.draw(surf, self._seat_words(table, seat), (x, rect.top + app.u(8) + app.text.line_height("bold")),
                      "small", theme.MUTED, max_width=rect.right - x)

    # -- taking a seat -----------------------------------------------------------------------------

    def claim(self):
        chosen = self.chosen
        if chosen is None or self.future is not None:
            return
        table, seat = chosen
        message = {"type": ClientType.CLAIM, "table": table["table"], "seat": seat["seat"]}
        code = self.team_code["text"].strip()
        if code and not seat["free"]:
            message["team_code"] = code
        self.future = self.session.link.request(message)
        self.problem, self.status = "", f"Taking {seat['name']} at table {table['table']}\u2026"
        self.invalidate()

    def update(self, dt):
        super().update(dt)
        session = self.session
        session.poll()
        if session.lobby is not None:
            self._read_lobby()
        if self.future is not None and self.future.done():
            future, self.future = self.future, None
            self.invalidate()
            try:
                future.result()
            except ServerError as err:
                self.problem, self.status = sentence(err.message), ""
                return
            except Disconnected as err:
                self.problem, self.status = f"{sentence(str(err))} It is coming back: try again in a moment.", ""
                return
            session.poll()
        if session.seated:
            from .flow import enter_class
            enter_class(self.app, session, resumed=False)

    def back(self):
        self.app.pop()

    def keys_hint(self):
        return "\u2191\u2193 choose \u00b7 Enter take the seat \u00b7 Tab move \u00b7 Esc back"

    # -- drawing ---------------------------------------------------------------------------------------

    def draw_background(self, surf):
        app = self.app
        app.text.draw(surf, self.title, self.header.topleft, "h1")
        lobby = self.session.lobby or {}
        title = lobby["tables"][0]["title"] if lobby.get("tables") else ""
        sub = f"{title} \u00b7 {self.session.connection[0]}" if self.session.connection else title
        app.text.draw(surf, sub, (self.header.left, self.header.bottom + app.u(8)), "body",
                      theme.BAD if self.session.connection else theme.ACCENT, max_width=self.header.width)
        panel(surf, app, self.list_rect)
        panel(surf, app, self.side)
        app.text.draw(surf, "TEAM CODE (ONLY TO JOIN CLASSMATES)", self.team_label, "label", theme.MUTED,
                      max_width=self.side.width - app.u(32))
        inner = self.side.inflate(-app.u(32), -app.u(28))
        rect = pygame.Rect(inner.left, self.side_text_top, inner.width, inner.bottom - self.side_text_top)
        if self.problem:
            y = app.text.draw_wrapped(surf, self.problem, rect, "body", theme.BAD) + app.u(12)
            rect = pygame.Rect(inner.left, y, inner.width, inner.bottom - y)
        text = self.status or ("A free seat is yours with the class code alone: an AI leader plays it until you sit "
                               "down. A seat classmates hold can be shared as a team: type the team code they see "
                               "on their screen, then take it.")
        if lobby.get("ended"):
            text = "The facilitator has ended this class: no seat can be taken."
        app.text.draw_wrapped(surf, text, rect, "body", theme.MUTED)
