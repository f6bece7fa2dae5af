"""Joining a class: the class code and a name, then (see lobby.py) a seat.

A seat pass kept from an earlier run for this class (its address and code) takes the player
straight back to the seat. Every problem (a wrong code, a server out of reach, a pass the class
no longer knows) is said on the screen, and Join tries again.
"""

from __future__ import annotations

import time

import pygame

from game.client.connection import Disconnected, ServerError
from game.server.protocol import NAME_MAX, ErrorCode

from .. import theme
from ..remote import RemoteSession
from ..widgets import TextField
from .base import Scene, button_row, panel

WAIT_FOR_SEAT = 10.0   # seconds for the server to send the lobby or the seat after its welcome
CODE_MAX = 20


def sentence(text: str) -> str:
    """A server's reason as a sentence on its own."""
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else text


class JoinScene(Scene):
    title = "Join a class"

    def __init__(self, app, link, passes, code: str = "", name: str = "", seat_choice=None, shown_url: str = ""):
        super().__init__(app)
        self.link = link
        self.passes = passes
        self.url = link.url
        self.shown_url = shown_url or link.url
        self.code = {"text": code}
        self.name = {"text": name}
        self.seat_choice = seat_choice or {}
        self.problem = ""
        self.status = ""
        self.session: RemoteSession | None = None
        self.future = None
        self.welcome: dict | None = None
        self.waiting_since = 0.0
        self.resuming = False
        self.controls.focus = "name" if code else "code"
        if code and (name or self.passes.get(self.url, code)):
            self.join()

    # -- layout --------------------------------------------------------------------------------

    def layout(self, area):
        app = self.app
        m = app.u(28)
        self.header = pygame.Rect(area.left + m, area.top + m, area.width - 2 * m, app.text.line_height("h1"))
        top = self.header.bottom + app.text.line_height("body") + app.u(28)
        width = min(area.width - 2 * m, app.u(640))
        field_h = max(app.u(40), app.text.line_height("body") + app.u(16))
        label_h = app.text.line_height("label") + app.u(6)
        self.box = pygame.Rect(area.left + m, top, width, 2 * (label_h + field_h) + app.u(60))
        inner = self.box.inflate(-app.u(40), -app.u(36))
        self.code_label = (inner.left, inner.top)
        code = TextField("code", (inner.left, inner.top + label_h, inner.width, field_h), self.code,
                         lambda _: self.controls.focus_on("name"),
                         "The class code your teacher shows (six letters and digits, e.g. MKX-3E7).", limit=CODE_MAX)
        y = inner.top + label_h + field_h + app.u(16)
        self.name_label = (inner.left, y)
        name = TextField("name", (inner.left, y + label_h, inner.width, field_h), self.name, lambda _: self.join(),
                         "The name the class sees beside your seat.", limit=NAME_MAX)
        self.message_top = self.box.bottom + app.u(18)
        row = pygame.Rect(self.box.left, self.message_top + 3 * app.text.line_height("body") + app.u(20), width,
                          app.u(40))
        buttons = button_row(app, row, [
            ("join", "Join the class", self.join, "Connect with this code and name.",
             {"style": "primary", "enabled": self.future is None}),
            ("quit", "Quit", self.quit, "Close Summit."),
        ])
        return [code, name] + buttons

    # -- joining --------------------------------------------------------------------------------

    def join(self):
        if self.future is not None:
            return
        code, name = self.code["text"].strip(), self.name["text"].strip()
        if not code:
            self._fail("Type the class code first: your teacher's screen shows it (e.g. MKX-3E7).")
            self.controls.focus = "code"
            return
        token = self.passes.get(self.url, code)
        if not token and not name:
            self._fail("Type your name: the class sees it beside your seat.")
            self.controls.focus = "name"
            return
        self.session = RemoteSession(self.link, self.url, code, self.passes)
        self.resuming = bool(token)
        self.future = self.link.come_back(token) if token else self.link.join(code, name)
        self.problem = ""
        self.status = "Coming back to your seat\u2026" if token else "Connecting to the class server\u2026"
        self.invalidate()

    def _fail(self, problem: str) -> None:
        self.problem, self.status = problem, ""
        self.welcome = None
        self.invalidate()

    def update(self, dt):
        super().update(dt)
        if self.future is not None and self.future.done():
            self._answered(self.future)
        if self.welcome is None or self.session is None:
            return
        session = self.session
        session.poll()
        you = self.welcome.get("you") or {}
        if session.seated:
            from .flow import enter_class
            enter_class(self.app, session, resumed=True)
        elif session.lobby is not None and not you.get("table"):
            from .lobby import LobbyScene
            self.welcome = None
            self.status = ""
            self.app.push(LobbyScene(self.app, session, self.seat_choice))
        elif time.monotonic() - self.waiting_since > WAIT_FOR_SEAT:
            self._fail("The class server let you in but sent no tables; press Join to try again.")

    def _answered(self, future) -> None:
        self.future = None
        self.invalidate()
        try:
            self.welcome = future.result()
        except ServerError as err:
            if err.code == ErrorCode.BAD_TOKEN:
                self._pass_unknown()
                return
            self._fail(sentence(err.message))
            self.controls.focus = "code" if err.code == ErrorCode.BAD_CODE else "name"
            return
        except Disconnected as err:
            self._fail(f"{sentence(str(err))} Check the address and that the class is running, then press Join "
                       "to try again.")
            return
        self.waiting_since = time.monotonic()
        self.status = "Connected. Waiting for your seat\u2026" if self.resuming else \
            "Connected. Waiting for the tables\u2026"

    def _pass_unknown(self) -> None:
        """The class no longer knows the kept pass (it was started again): join with the code and name."""
        self.passes.forget(self.url, self.code["text"].strip())
        if self.name["text"].strip():
            self.join()
            return
        self._fail("This class no longer knows your old seat: type your name to join it again.")
        self.controls.focus = "name"

    def quit(self):
        self.app.running = False

    def back(self):
        self.quit()

    def keys_hint(self):
        return "Type \u00b7 Tab next field \u00b7 Enter join \u00b7 Esc quit"

    # -- drawing --------------------------------------------------------------------------------

    def draw_background(self, surf):
        app = self.app
        app.text.draw(surf, self.title, self.header.topleft, "h1")
        app.text.draw(surf, f"Class server: {self.shown_url}", (self.header.left, self.header.bottom + app.u(8)),
                      "body", theme.ACCENT, max_width=self.header.width)
        panel(surf, app, self.box)
        app.text.draw(surf, "CLASS CODE", self.code_label, "label", theme.MUTED)
        app.text.draw(surf, "YOUR NAME", self.name_label, "label", theme.MUTED)
        text, colour = (self.problem, theme.BAD) if self.problem else (self.status, theme.MUTED)
        if not text:
            text, colour = ("Your teacher's screen shows the class code. The class sees your name; a seat pass kept "
                            "on this computer brings you back to your seat next time."), theme.MUTED
        app.text.draw_wrapped(surf, text, pygame.Rect(self.box.left, self.message_top, self.box.width,
                                                      3 * app.text.line_height("body")), "body", colour)
