"""The table's header: the scenario and the day, whose turn it is, your score as things stand, and the round,
help and menu buttons.

At large text sizes the full wordings do not fit beside each other, so each
piece has shorter wordings that say the same, tried longest first, rather
than cutting words off.
"""

from __future__ import annotations

import math

import pygame

from game.engine.kinds import ActionType, Phase
from game.present.words import day_date
from game.present.worth import outlook_words

from .. import theme
from ..scenes.base import button_row
from ..widgets import Hint
from .common import seat_tag

WATCHING = ("Watching: every seat is an AI leader", "Watching")
YOUR_MOVE = "your move"
SCORE_LABELS = ("Your score so far", "Score so far", "Score")  # the tip says it is the final score as things stand


class TableHeader:
    def __init__(self, table):
        self.t = table
        self.app = table.app

    def height(self) -> int:
        app = self.app
        return max(app.u(60), app.text.line_height("h2") + app.text.line_height("body") + app.u(18))

    # -- wordings, longest first -----------------------------------------------------------

    def day_lines(self) -> list:
        obs, public = self.t.obs, self.t.public
        left = obs["summit_turn"] - obs["turn"]
        when = "the summit is today" if left == 0 else f"{left} day{'s' if left > 1 else ''} to the summit"
        date = day_date(public["calendar"]["start_date"], obs["turn"])
        day = f"Day {obs['turn']} of {obs['turns']}"
        return [f"{day} \u00b7 {date} \u00b7 {when}", f"{day} \u00b7 {date}", day]

    def phase_lines(self) -> list:
        obs = self.t.obs
        if obs["phase"] == Phase.TALKS:
            lines = [f"Talks \u00b7 round {obs['round']} of {obs['talk_rounds']}",
                     f"Round {obs['round']} of {obs['talk_rounds']}"]
        elif obs["phase"] == Phase.MOVES:
            lines = ["Moves: each seat chooses in secret", "Moves, in secret", "Moves"]
        else:
            return ["The summit is over"]
        clock = self.clock()
        # The time left matters more than the words around it: it is the last thing to go.
        return [f"{line} \u00b7 {clock}" for line in lines] + [clock] if clock else lines

    def clock(self) -> str:
        """The time left for this round or moves phase, when a class's facilitator set one."""
        pace = self.t.session.pace()
        if pace is None or pace.seconds_left is None:
            return ""
        left = max(0, math.ceil(pace.seconds_left))
        return f"{left // 60}:{left % 60:02d} left" + (" (stopped)" if pace.paused else "")

    def pace_line(self) -> tuple | None:
        """What stops or holds up play at a class, in the place of whose turn it is: (wordings, colour) or None."""
        pace = self.t.session.pace()
        if pace is None:
            return None
        if pace.connection:
            return pace.connection, theme.BAD
        if pace.ended or pace.paused:
            return pace.ended or pace.paused, theme.ACCENT
        return None

    def waiting_lines(self) -> list:
        t = self.t
        names = ", ".join(t.session.seat_name(s) for s in t.obs["to_move"])
        codes = ", ".join(t.looks[s].code for s in t.obs["to_move"])
        return [f"You are {t.session.seat_name(t.viewer)} \u00b7 waiting for {names}\u2026",
                f"Waiting for {names}\u2026", f"Waiting for {codes}\u2026", "Waiting\u2026"]

    def _button_specs(self, short: bool) -> list:
        t = self.t
        can_end = t.viewer is not None and any(a.type == ActionType.DONE for a in t.legal())
        specs: list[tuple] = []    # (key, label, action, tip[, options])
        if t.viewer is not None and t.obs["phase"] == Phase.TALKS:
            specs.append(("end", "End round" if short else "End my round (E)", t.end_round,
                          "Pass the word to the next seat (E). Offers you made stay open." if can_end
                          else f"Not now: {t.wait_reason()}.", {"style": "primary", "enabled": can_end}))
        specs.append(("help", "Help" if short else "Help (F1)", t.help, "How to play (F1)."))
        specs.append(("menu", "Menu" if short else "Menu (Esc)", t.menu,
                      "Save, load, settings, or leave the game (Esc)."))
        return specs

    def score(self) -> dict | None:
        """The viewing seat's final score as things stand, in words (None when nobody sits here)."""
        t = self.t
        outlook = t.session.outlook(t.viewer) if t.viewer is not None else None
        return outlook_words(outlook) if outlook else None

    def _score_widths(self) -> list:
        """The widths the score may take, widest first: its label's wordings over the figure."""
        words = self.score()
        if words is None:
            return [0]
        app = self.app
        figure = app.text.width(str(words["final"]), "h2")
        return [max(figure, app.text.width(label, "small")) for label in SCORE_LABELS]

    def _buttons_width(self, specs) -> int:
        app = self.app
        return sum(app.text.width(s[1], "bold") + app.u(42) for s in specs)

    # -- layout ------------------------------------------------------------------------------

    def layout(self, rect, status_x) -> list:
        """The buttons, right-aligned; the status starts at `status_x` and has what they leave."""
        app = self.app
        self.rect, self.status_x = rect, status_x
        gap = app.u(24)

        def room(specs, score_w):
            return rect.right - app.u(24) - self._buttons_width(specs) - (score_w + gap if score_w else 0) - status_x

        # The status in full first, then the score's full label, then the buttons' shorter wordings; where even
        # those leave too little room for the status's shortest wording, the score takes a shorter label.
        widths = self._score_widths()
        specs = self._button_specs(short=False)
        if room(specs, widths[0]) < self._status_wants():
            specs = self._button_specs(short=True)
        score_w = next((w for w in widths if room(specs, w) >= self._status_needs()), widths[-1])
        width = self._buttons_width(specs)
        h = max(app.u(36), app.text.line_height("bold") + app.u(14))
        area = pygame.Rect(rect.right - app.u(12) - width, rect.centery - h // 2, width, h)
        widgets = button_row(app, area, specs, height=h)
        self.score_rect = None
        words = self.score()
        if score_w and words is not None:
            self.score_rect = pygame.Rect(area.left - gap - score_w, rect.top + app.u(8), score_w,
                                          rect.height - app.u(16))
            widgets.append(Hint("score", self.score_rect, words["detail"]))
        self.status_right = (self.score_rect.left if self.score_rect else area.left) - app.u(12)
        return widgets

    def _status_wants(self) -> int:
        """How wide the status would be in its longest wording."""
        app, t = self.app, self.t
        held = self.pace_line()
        if held is not None:
            who = app.text.width(held[0][0], "body")
        elif t.viewer is None:
            who = app.text.width(WATCHING[0], "body")
        elif t.viewer in t.obs["to_move"]:
            who = self._mine_width(named=True)
        else:
            who = app.text.width(self.waiting_lines()[0], "body")
        return max(app.text.width(self.phase_lines()[0], "bold"), who)

    def _status_needs(self) -> int:
        """How wide the status is in its shortest wordings."""
        app, t = self.app, self.t
        held = self.pace_line()
        if held is not None:
            who = app.text.width(held[0][-1], "body")
        elif t.viewer is None:
            who = app.text.width(WATCHING[-1], "body")
        elif t.viewer in t.obs["to_move"]:
            who = self._mine_width(named=False)
        else:
            who = app.text.width(self.waiting_lines()[-1], "body")
        return max(app.text.width(self.phase_lines()[-1], "bold"), who)

    def _mine_width(self, named: bool) -> int:
        app, look = self.app, self.t.looks[self.t.viewer]
        tag = f"{look.name} [{look.code}]" if named else look.code
        return app.u(26) + app.text.width(tag, "body") + app.text.width(YOUR_MOVE, "body")

    # -- drawing -----------------------------------------------------------------------------

    def draw(self, surf) -> None:
        app, t = self.app, self.t
        rect = self.rect
        pygame.draw.rect(surf, theme.PANEL, rect)
        pygame.draw.line(surf, theme.LINE, rect.bottomleft, rect.bottomright)
        x = rect.left + app.u(18)
        room = self.status_x - x - app.u(16)
        app.text.draw(surf, t.public["title"].split(":")[0], (x, rect.top + app.u(8)), "h2", max_width=room)
        app.text.draw(surf, app.text.first_fit(self.day_lines(), "body", room),
                      (x, rect.top + app.u(10) + app.text.line_height("h2")), "body", theme.ACCENT, max_width=room)
        self._draw_status(surf)
        self._draw_score(surf)

    def _draw_score(self, surf):
        r = self.score_rect
        words = self.score() if r is not None else None
        if r is None or words is None:
            return
        app = self.app
        app.text.draw(surf, app.text.first_fit(list(SCORE_LABELS), "small", r.width), (r.right, r.top), "small",
                      theme.MUTED, anchor="topright", max_width=r.width)
        app.text.draw(surf, str(words["final"]), (r.right, r.top + app.text.line_height("small")), "h2",
                      theme.TEXT, anchor="topright")

    def _draw_status(self, surf):
        app, t = self.app, self.t
        x = self.status_x
        y = self.rect.top + app.u(8)
        width = self.status_right - x
        app.text.draw(surf, app.text.first_fit(self.phase_lines(), "bold", width), (x, y), "bold", theme.TEXT,
                      max_width=width)
        y += app.text.line_height("h2") + app.u(2)
        held = self.pace_line()
        if held is not None:
            app.text.draw(surf, app.text.first_fit(held[0], "body", width), (x, y), "body", held[1], max_width=width)
        elif t.viewer is None:
            app.text.draw(surf, app.text.first_fit(WATCHING, "body", width), (x, y), "body", theme.MUTED,
                          max_width=width)
        elif t.viewer in t.obs["to_move"]:
            named = self._mine_width(named=True) <= width
            tag = seat_tag(surf, app, t.looks[t.viewer], (x, y), "body", theme.TEXT, max_width=width, name=named)
            app.text.draw(surf, YOUR_MOVE, (tag.right + app.u(8), y), "body", theme.ACCENT,
                          max_width=self.status_right - tag.right - app.u(8))
        else:
            app.text.draw(surf, app.text.first_fit(self.waiting_lines(), "body", width), (x, y), "body",
                          theme.MUTED, max_width=width)
