"""A news item's source in full, over the table: who published it, when, its title and its address."""

from __future__ import annotations

import re

import pygame

from game.present.words import source_lines

from .. import theme
from ..lists import RichText, ScrollState
from ..widgets import Button
from .dialogs import Dialog


class SourceScene(Dialog):
    heading = "Where this news comes from"
    width = 640

    def __init__(self, app, public, item):
        super().__init__(app)
        self.item = item
        self.rows = source_lines(public, item.cite.source, item.cite.shown, item.cite.later)
        self.scroll = ScrollState()

    def items(self, width) -> list:
        out = [("bold", theme.TEXT, self.item.title), ("gap", theme.TEXT, "")]
        for label, text in self.rows:
            out.append(("label", theme.MUTED, label.upper()))
            lines = address_lines(self.app, text, "body", width) if label == "Address" else [text]
            out += [("body", theme.TEXT, line) for line in lines]
        return out

    def layout(self, area):
        app = self.app
        width = min(area.width - app.u(40), int(app.u(self.width) * max(1.0, app.settings.text_scale)))
        self.box = pygame.Rect(0, 0, width, min(area.height - app.u(40), int(area.height * 0.7)))
        self.box.center = area.center
        label = "Back to the table"
        close = Button("close", (self.box.left + app.u(24), self.box.bottom - self.row_h() - app.u(18),
                                 app.text.width(label, "bold") + app.u(32), self.row_h()), label, self.app.pop,
                       "Close this and go back to the news.", style="primary")
        body = pygame.Rect(self.box.left + app.u(18), self.box.top + app.u(58), self.box.width - app.u(36),
                           self.box.height - app.u(58) - self.row_h() - app.u(30))
        return [close, RichText("source", body, app, self.items(body.width - app.u(12)), self.scroll,
                                "The source of the news item. \u2191\u2193 to scroll.")]

    def keys_hint(self):
        return "Enter or Esc close \u00b7 Tab then \u2191\u2193 scroll"


def address_lines(app, address: str, style: str, width: int) -> list:
    """A web address has no spaces to wrap at: break it after its slashes and dashes instead, never inside a word."""
    lines, line = [], ""
    for piece in re.split(r"(?<=[/\-_.?=&])", address):
        if line and app.text.width(line + piece, style) > width:
            lines.append(line)
            line = piece
        else:
            line += piece
    return lines + [line]
