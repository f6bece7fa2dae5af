"""Seats: who plays each government, a person or an AI leader at some level."""

from __future__ import annotations

import random

import pygame

from game.engine import public_info
from game.engine.kinds import Controller
from game.present.looks import seat_looks

from .. import shapes, theme
from ..widgets import Cycler, TextField, Widget
from .base import Scene, button_row, panel

PLAYER_LABEL = "Your name"
CHOICES = ((Controller.HUMAN, "Human"), (Controller.EASY, "AI \u00b7 easy"), (Controller.NORMAL, "AI \u00b7 normal"),
           (Controller.HARD, "AI \u00b7 hard"))
KIND_TIPS = {
    Controller.HUMAN: "A person plays this seat at this computer.",
    Controller.EASY: "An AI leader that reads the others poorly and bargains simply.",
    Controller.NORMAL: "An AI leader that models what the others want from their offers.",
    Controller.HARD: "An AI leader with a sharp model of the others and a longer view.",
}


class SeatsScene(Scene):
    title = "Who plays each seat?"

    def __init__(self, app, scenario, controllers=None):
        super().__init__(app)
        self.scenario = scenario
        self.public = public_info(scenario)
        self.looks = seat_looks(self.public["seats"])
        first = next((s["id"] for s in self.public["seats"] if s["at_table"]), self.public["seats"][0]["id"])
        self.choice = controllers or {s["id"]: (Controller.HUMAN if s["id"] == first else Controller.NORMAL)
                                      for s in self.public["seats"]}
        self.player = {"text": app.store.player, "suggested": bool(app.store.player)}

    def layout(self, area):
        app = self.app
        m = app.u(28)
        self.header = pygame.Rect(area.left + m, area.top + m, area.width - 2 * m, app.text.line_height("h1"))
        top = self.header.bottom + app.text.line_height("body") + app.u(24)
        self.row_h = max(app.u(58), app.text.line_height("bold") + app.text.line_height("small") + app.u(18))
        width = min(area.width - 2 * m, app.u(900))
        self.box = pygame.Rect(area.left + m, top, width, self.row_h * len(self.public["seats"]) + app.u(24))
        widgets: list[Widget] = []
        kinds = [c[0] for c in CHOICES]
        # The choice's value takes 55% of the control; it must hold the longest choice between its arrows.
        value_w = max(app.text.width(c[1], "bold") for c in CHOICES) + app.u(72)
        self.cycler_w = max(app.u(310), int(value_w / 0.55) + 1)
        cycler_h = max(app.u(38), app.text.line_height("bold") + app.u(12))
        for k, seat in enumerate(self.public["seats"]):
            y = self.box.top + app.u(12) + k * self.row_h
            rect = pygame.Rect(self.box.right - app.u(20) - self.cycler_w, y + (self.row_h - cycler_h) // 2,
                               self.cycler_w, cycler_h)
            sid = seat["id"]
            widgets.append(Cycler(f"seat:{sid}", rect, "Played by", [c[1] for c in CHOICES],
                                  kinds.index(self.choice[sid]), lambda i, s=sid: self._set(s, kinds[i]),
                                  f"{seat['name']}: {KIND_TIPS[self.choice[sid]]} \u2190\u2192 to change."))
        presets = pygame.Rect(self.box.left, self.box.bottom + app.u(16), width, app.u(36))
        widgets += button_row(app, presets, [
            ("preset:solo", ("One human, AI for the rest", "One human, rest AI"), self._solo,
             "You take the first seat at the table; AI leaders play the others."),
            ("preset:hot", ("Everyone human (hot-seat)", "All human (hot-seat)"), lambda: self._all(Controller.HUMAN),
             "Pass the computer around; a curtain hides each seat's secrets."),
            ("preset:watch", "All AI (watch)", lambda: self._all(Controller.NORMAL),
             "Watch the AI leaders negotiate."),
        ])
        row = pygame.Rect(self.box.left, max(w.rect.bottom for w in widgets) + app.u(24), width, app.u(40))
        buttons = button_row(app, row, [
            ("start", "Read the briefing \u2192", self.start, "Start the game: the situation, then each role.",
             {"style": "primary"}),
            ("back", "Back", self.back, "Choose another scenario."),
        ])
        # Your name goes beside the buttons where there is room, else on its own line below them.
        label_w = app.text.width(PLAYER_LABEL, "bold") + app.u(12)
        x = max(b.rect.right for b in buttons) + app.u(28)
        field_h = max(b.rect.height for b in buttons)
        y = buttons[0].rect.top
        if x + label_w + app.u(200) > self.box.right:
            x, y = self.box.left, max(b.rect.bottom for b in buttons) + app.u(12)
        self.player_label = (x, y + field_h // 2)
        widgets.append(TextField("player", (x + label_w, y, min(app.u(300), self.box.right - x - label_w), field_h),
                                 self.player, lambda _text: self.start(),
                                 "Your name keeps your games apart from others' on this computer: Continue and Load "
                                 "offer only the games of the player named at the title screen. Empty: unnamed.",
                                 limit=40))
        return widgets + buttons

    def _set(self, seat, kind):
        self.choice[seat] = kind

    def _all(self, kind):
        for s in self.choice:
            self.choice[s] = kind

    def _solo(self):
        first = next((s["id"] for s in self.public["seats"] if s["at_table"]), self.public["seats"][0]["id"])
        for s in self.choice:
            self.choice[s] = Controller.HUMAN if s == first else Controller.NORMAL

    def mode(self) -> str:
        humans = sum(1 for v in self.choice.values() if v == Controller.HUMAN)
        if humans == 0:
            return "Watch mode: every seat is an AI leader."
        if humans == len(self.choice):
            return "Hot-seat: every seat is a person at this computer."
        return f"{humans} human seat{'s' if humans > 1 else ''}, {len(self.choice) - humans} AI."

    def start(self):
        from ..session import LocalSession
        from .briefing import BriefingScene
        if self.player["text"].strip() != self.app.store.player:
            problem = self.app.set_player(self.player["text"])
            if problem and not problem.startswith("The setting applies now"):
                self.app.toast(f"Your name: {problem}")
                return
        seed = self.app.seed if self.app.seed is not None else random.randrange(1 << 30)
        try:
            session = LocalSession.new(self.scenario, dict(self.choice), self.app.store, seed)
        except ValueError as err:
            self.app.toast(str(err))
            return
        if session.notice:
            self.app.toast(session.notice)
        self.app.session = session
        self.app.reset(BriefingScene(self.app, session))

    def draw_background(self, surf):
        app = self.app
        app.text.draw(surf, self.title, self.header.topleft, "h1")
        app.text.draw(surf, f"{self.public['title']} \u2014 {self.mode()}",
                      (self.header.left, self.header.bottom + app.u(8)), "body", theme.MUTED)
        panel(surf, app, self.box)
        app.text.draw(surf, PLAYER_LABEL, self.player_label, "bold", anchor="midleft")
        for k, seat in enumerate(self.public["seats"]):
            look = self.looks[seat["id"]]
            y = self.box.top + app.u(12) + k * self.row_h
            if k:
                pygame.draw.line(surf, theme.LINE, (self.box.left + app.u(14), y), (self.box.right - app.u(14), y))
            cy = y + self.row_h // 2
            shapes.marker(surf, look.shape, (self.box.left + app.u(30), cy), app.u(10), look.colour)
            x = self.box.left + app.u(52)
            width = self.box.width - app.u(72) - self.cycler_w
            app.text.draw(surf, f"{seat['name']}  [{look.code}]", (x, cy - app.u(2)), "bold", anchor="bottomleft",
                          max_width=width)
            where = ("at the table",) if seat["at_table"] else ("acts from outside the room", "outside the room")
            about = app.text.first_fit([f"{seat['leader']} \u00b7 {w}" for w in where] + [seat["leader"]], "small",
                                       width)
            app.text.draw(surf, about, (x, cy + app.u(2)), "small", theme.MUTED, max_width=width)
