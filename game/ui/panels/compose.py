"""Compose a package: parties, issues, a value for each, its worth to you; send, ask, state."""

from __future__ import annotations

import pygame

from game.engine import IllegalAction, counter, propose, statement
from game.engine.kinds import ChoiceKind, Controller, Phase
from game.present.table import ask_words, can_counter, counter_gone, lapse_warning, public_stand
from game.present.words import option_text
from game.present.worth import nothing_yet

from .. import theme
from ..lists import ListState, RichText, ScrollState
from ..scenes.base import button_row
from ..widgets import Button, Cycler, Toggle
from .common import Said, stakes_bar, stakes_bar_height, stakes_hint
from .package import Draft, IssueList

# Fewer issues in view than this, and the buttons take their short wordings to make room.
MIN_ROWS = 4
# Lines kept below the buttons for the game's and the AI leaders' answers, where there is room.
TALK_LINES = 3


class ComposePanel:
    def __init__(self, table):
        self.t = table
        self.app = table.app
        self.draft = Draft()
        self.issues_state = ListState()
        self.replies, self.replies_for = [], None
        self.short_labels, self.talk_lines = False, TALK_LINES
        self.talk_scroll = ScrollState()
        self.said = Said()
        self.until_choices = [0]

    # -- data ----------------------------------------------------------------------------

    @property
    def issue_ids(self):
        return list(self.t.obs["open_issues"])

    def current(self, issue_id):
        return self.draft.terms.get(issue_id) or self.t.obs["settled"].get(issue_id) or \
            self.t.issues[issue_id]["default"]

    def toggle(self, issue_id):
        if issue_id in self.draft.terms:
            self.draft.drop(issue_id, self.t.issues)
        else:
            self.draft.terms[issue_id] = self.current(issue_id)
            self.draft.need(self.t.issues[issue_id]["signatories"])

    def step(self, issue_id, d):
        options = self.t.issues[issue_id]["options"]
        k = (options.index(self.current(issue_id)) + d) % len(options)
        self.draft.terms[issue_id] = options[k]
        self.draft.need(self.t.issues[issue_id]["signatories"])

    def package_stakes(self) -> dict:
        """What signing the package as it stands would do to your final score, in words."""
        if not self.draft.terms:
            return nothing_yet("Put an issue in the package to see what signing it does to your score",
                               "Put an issue in the package", "No issue in it yet")
        parties = [s for s in self.t.scenario_seats if s in self.draft.parties | {self.t.viewer}]
        return self.t.stakes({"kind": ChoiceKind.SIGN, "terms": dict(self.draft.terms), "parties": parties}, "sign")

    # -- layout --------------------------------------------------------------------------

    def layout(self, rect):
        app, t = self.app, self.t
        self.draft.parties.add(t.viewer)
        self._drop_spent_counter()
        self.with_y = rect.top
        y = rect.top + app.text.line_height("label") + app.u(6)
        widgets = self._party_chips(rect, y)
        y = max(w.rect.bottom for w in widgets) + app.u(12)
        self.package_y = y
        y += app.text.line_height("label") + app.u(6)
        row_h = max(app.u(28), app.text.line_height("body") + app.u(10))
        self.value_w = app.u(40) + max((app.text.width(option_text(t.issues[i], o), "bold")
                                        for i in self.issue_ids for o in t.issues[i]["options"]), default=0)
        use_h = self._use_height() if any(terms for _, terms, _, _ in self._current_replies()) else 0
        # Short button wordings first, then fewer lines kept for answers (they scroll), before fewer issues in view.
        for short, lines in ((False, TALK_LINES), (True, TALK_LINES), (True, 1)):
            self.short_labels, self.talk_lines = short, lines
            # Below the list: the value bar, the expiry row, the buttons, and room for the answers to read.
            buttons_h = max(w.rect.bottom for w in self._buttons(pygame.Rect(rect.left, 0, rect.width, 0)))
            fixed_below = stakes_bar_height(app) + row_h + buttons_h + app.u(40) + self._talk_height()
            rows = max(2, min(len(self.issue_ids), (rect.bottom - y - fixed_below) // row_h))
            if rows >= min(len(self.issue_ids), MIN_ROWS):
                break
        widgets.append(IssueList("issues", pygame.Rect(rect.left, y, rect.width, rows * row_h), row_h,
                                 self.issues_state, self))
        y += rows * row_h + app.u(10)
        self.bar_rect = pygame.Rect(rect.left, y, rect.width, stakes_bar_height(app))
        widgets.append(stakes_hint("worth", self.bar_rect, self.package_stakes))
        y = self.bar_rect.bottom + app.u(10)
        widgets += self._options_row(rect, y, row_h)
        y += row_h + app.u(10)
        widgets += self._buttons(pygame.Rect(rect.left, y, rect.width, app.u(36)))
        top = max(w.rect.bottom for w in widgets) + app.u(6)
        items = self._talk_items()
        if items:
            talk = pygame.Rect(rect.left, top, rect.width, rect.bottom - use_h - top)
            widgets.append(RichText("talk", talk, app, items, self.talk_scroll,
                                    "What the game and the AI leaders answered. \u2191\u2193 to scroll."))
        widgets += self._reply_buttons(rect.left, rect.bottom - use_h + app.u(6))
        return widgets

    def _party_chips(self, rect, y):
        """A checkbox a seat, as wide as its name needs, as many to a line as fit."""
        app, t = self.app, self.t
        chip_h = max(app.u(28), app.text.line_height("body") + app.u(8))
        x, out = rect.left, []
        for seat in [s for s in t.scenario_seats if s != t.viewer]:
            look = t.looks[seat]
            w = min(rect.width, app.text.width(look.name, "body") + app.u(54))
            if x > rect.left and x + w > rect.right:
                x, y = rect.left, y + chip_h + app.u(4)
            out.append(Toggle(f"party:{seat}", (x, y, w, chip_h), look.name,
                              seat in self.draft.parties, lambda on, s=seat: self._party(s, on),
                              f"Include {look.name} [{look.code}] ({t.controller_text(seat)}) as a party. Issues "
                              "name the parties they need; they are added for you.", mark=look))
            x += w + app.u(8)
        return out

    def _options_row(self, rect, y, row_h):
        t = self.t
        space = t.space
        first, last = space["expires"]
        choices = list(range(first, last + 1))
        self.draft.until = min(self.draft.until, len(choices) - 1)
        labels = ["today" if d == first else ("the summit" if d == last else f"day {d}") for d in choices]
        self.until_choices = choices
        w = int(rect.width * 0.62)
        return [
            Cycler("until", (rect.left, y, w, row_h), "Open until", labels, self.draft.until,
                   lambda i: setattr(self.draft, "until", i), "How long the others have to answer before it lapses."),
            Toggle("public", (rect.left + w + self.app.u(10), y, rect.width - w - self.app.u(10), row_h), "Public",
                   self.draft.public, lambda on: setattr(self.draft, "public", on),
                   "A public offer is seen by every seat; a private one only by its parties until it is "
                   "signed. Every signed agreement is public."),
        ]

    def _buttons(self, area):
        t = self.t
        can = t.space["can_propose"]
        why = "" if can else " (not now: " + t.wait_reason() + ")"
        ai_parties = [p for p in sorted(self.draft.parties)
                      if p != t.viewer and t.session.controllers[p] != Controller.HUMAN]
        self.ai_parties = ai_parties
        notes = [ask_words(t.words(), p, t.session.asks_left(p, t.viewer))["note"] for p in ai_parties]
        askable = [p for p in ai_parties if t.session.asks_left(p, t.viewer) > 0]
        short = self.short_labels
        send = ("Send counter" if short else "Send counter-offer") if self.draft.counter_to else "Send offer"
        issue = self.issue_ids[self.issues_state.selected] if self.issue_ids else None
        ticked = issue in self.draft.terms
        can_state = ticked and t.viewer in t.obs["to_move"] and t.obs["phase"] == Phase.TALKS and \
            t.viewer not in [s["seat"] for s in t.obs["statements"] if s["turn"] == t.obs["turn"]]
        say = f"Take a {public_stand(t.issues[issue], self.current(issue))}." \
            if ticked else "Tick the issue you mean and set its value, then say it in public."
        return button_row(self.app, area, [
            ("send", send, self.send, "Put this package to its parties." + why, {"style": "primary", "enabled": can}),
            ("ask", "Ask them" if short else "What would they want?", self.ask,
             ("Ask the AI parties what they would sign now, nearest to this package; nothing is sent. "
              + " ".join(notes)) if ai_parties else "Ask works with AI leaders: add an AI seat as a party.",
             {"enabled": bool(askable)}),
            ("state", "Say in public" if short else "Say it in public", self.state_publicly,
             f"{say} Words rally support at home, but backing down later costs you.", {"enabled": can_state}),
            ("clear", "Clear", self.clear, "Start a new package."),
        ])

    def _talk_items(self):
        """The answer to the last action while the package is as it was, and what the AI leaders would want."""
        items = self.said.items(self._snapshot())
        t, d = self.t, self.draft
        if t.space["can_propose"] and d.terms and d.parties - {t.viewer}:
            warning = lapse_warning(t.words(), t.space, d.parties, self.until_choices[d.until], t.obs["turn"])
            if warning:
                items.insert(0, ("small", theme.BAD, "\u26a0 " + warning))
        for seat, _, reason, note in self._current_replies():
            if reason:
                items.append(("small", theme.TEXT, f"{self.t.session.seat_name(seat)}: \u201c{reason}\u201d"))
            items.append(("small", theme.MUTED, note))
        return items

    def _current_replies(self) -> list:
        """The AI leaders' answers to "what would they want?", while the package is the one they were asked about."""
        return self.replies if self.replies_for == self._snapshot() else []

    def _talk_height(self):
        """Room kept for answers and their "Use ... terms" buttons whether or not there are any, so that the
        buttons above never move under the pointer."""
        return self.talk_lines * self.app.text.line_height("body") + self.app.u(8) + self._use_height()

    def _use_height(self):
        app = self.app
        return max(app.u(32), app.text.line_height("bold") + app.u(10)) + app.u(8)

    def _reply_buttons(self, x, y):
        app = self.app
        out = []
        for seat, terms, _, _ in self._current_replies():
            if terms:
                label = f"Use {self.t.looks[seat].code}'s terms"
                w = app.text.width(label, "bold") + app.u(28)
                out.append(Button(f"use:{seat}", (x, y, w, self._use_height() - app.u(8)), label,
                                  lambda s=seat, tm=terms: self._use(s, tm),
                                  f"Put what {self.t.session.seat_name(seat)} asked for into your package."))
                x += w + app.u(8)
        return out

    def _snapshot(self):
        """The package as it stands: an answer shown beside it belongs to it and goes once it changes."""
        d = self.draft
        return (frozenset(d.parties - {self.t.viewer}), tuple(sorted(d.terms.items())), d.counter_to)

    def _say(self, text, bad=False):
        self.said.set(self._snapshot(), text, bad)

    # -- actions -------------------------------------------------------------------------

    def _party(self, seat, on):
        (self.draft.parties.add if on else self.draft.parties.discard)(seat)
        self.draft.added.discard(seat)

    def _use(self, seat, terms):
        self.draft.terms = dict(terms)
        self.draft.parties.add(seat)
        for issue in terms:
            self.draft.need(self.t.issues[issue]["signatories"])
        self.replies = []

    def clear(self):
        self.draft = Draft()
        self.replies = []

    def new_day(self):
        """Yesterday's answers are not about today's table."""
        self.said = Said()
        self.replies = []

    def _drop_spent_counter(self):
        """A counter-offer answers an open offer: once that one is signed, refused, lapsed or accepted here, the
        package would be refused as a counter, so it becomes an offer of its own, and the panel says so."""
        d, t = self.draft, self.t
        if d.counter_to and not can_counter(t.words(), t.obs["proposals"], d.counter_to):
            note = counter_gone(t.words(), t.obs["proposals"], d.counter_to)
            d.counter_to = ""
            self._say(note)

    def load_counter(self, prop):
        """Start a counter-offer from another seat's terms."""
        self.draft.load(prop["parties"], prop["terms"], prop["id"])
        self.replies = []

    def _nothing_ticked(self) -> bool:
        if self.draft.terms:
            return False
        self._say("Tick at least one issue (Space) and set its value (\u2190\u2192) first.", True)
        return True

    def send(self):
        t, d = self.t, self.draft
        parties = [s for s in t.scenario_seats if s in d.parties]
        until = self.until_choices[d.until]
        if self._nothing_ticked():
            return
        if not set(parties) - {t.viewer}:
            self._say("Choose who the package is for: tick a seat under WITH.", True)
            return
        try:
            action = counter(d.counter_to, parties, d.terms, until) if d.counter_to else \
                propose(parties, d.terms, until, d.public)
        except IllegalAction as err:
            self._say(str(err), True)
            return
        problem = t.act(action)
        if problem:
            self._say(problem, True)
            return
        names = ", ".join(t.session.seat_name(p) for p in parties if p != t.viewer)
        self.clear()
        self._say(f"Sent to {names}. Their answers arrive in Offers.")
        # The package is gone from the form: Enter pressed again must not send anything else.
        t.controls.focus = "tabs"

    def ask(self):
        t = self.t
        if self._nothing_ticked():
            return
        self.replies = []
        for seat in self.ai_parties:
            if t.session.asks_left(seat, t.viewer) <= 0:
                self.replies.append((seat, None, "", ask_words(t.words(), seat, 0)["note"]))
                continue
            terms, reason = t.session.ask(seat, t.viewer, dict(self.draft.terms), sorted(self.draft.parties))
            left = t.session.asks_left(seat, t.viewer)
            self.replies.append((seat, terms, reason, ask_words(t.words(), seat, left)["note"]))
        self.replies_for = self._snapshot()
        self.said = Said()

    def state_publicly(self):
        issue = self.issue_ids[self.issues_state.selected]
        if issue not in self.draft.terms:
            self._say("Tick the issue you mean first: a statement says one issue's value.", True)
            return
        problem = self.t.act(statement(issue, self.draft.terms[issue]))
        self._say(problem or "Your statement is on the record for every seat.", bool(problem))

    # -- drawing -------------------------------------------------------------------------

    def issue_tip(self, k):
        issue = self.t.issues[self.issue_ids[k]]
        who = ", ".join(self.t.session.seat_name(s) for s in issue["signatories"])
        return f"{issue['name']}: {issue['description']} Needs {who}. Space: in/out, \u2190\u2192: value."

    def value_left(self, rect) -> int:
        """Where an issue's value starts: room for the longest value between its arrows, the rest for the name."""
        return rect.left + min(int(rect.width * 0.65), max(int(rect.width * 0.5), rect.width - self.value_w))

    def draw_issue(self, surf, k, rect, selected):
        app, t = self.app, self.t
        issue_id = self.issue_ids[k]
        issue = t.issues[issue_id]
        on = issue_id in self.draft.terms
        box = pygame.Rect(rect.left, 0, app.u(14), app.u(14))
        box.centery = rect.centery
        pygame.draw.rect(surf, theme.TEXT if on else theme.MUTED, box, 2, border_radius=2)
        if on:
            pygame.draw.rect(surf, theme.ACCENT, box.inflate(-app.u(6), -app.u(6)))
        value_left = self.value_left(rect)
        room = value_left - box.right - app.u(14)
        app.text.draw(surf, issue["name"], (box.right + app.u(8), rect.centery),
                      app.text.fitting_style(issue["name"], ("body", "small"), room), theme.TEXT if on else theme.MUTED,
                      anchor="midleft", max_width=room)
        shown = option_text(issue, self.current(issue_id))
        settled = issue_id in t.obs["settled"]
        colour = theme.TEXT if on else theme.FAINT
        if on or selected:
            app.text.draw(surf, "\u25c0", (value_left, rect.centery), "small", theme.MUTED, anchor="midleft")
            app.text.draw(surf, "\u25b6", (rect.right - app.u(2), rect.centery), "small", theme.MUTED,
                          anchor="midright")
        suffix = " \u2022" if settled and not on else ""
        app.text.draw(surf, shown + suffix, ((value_left + rect.right) // 2, rect.centery), "bold" if on else "body",
                      colour, anchor="center", max_width=rect.right - value_left - app.u(36))

    def draw(self, surf):
        app, t = self.app, self.t
        rect_left = self.bar_rect.left
        head = "WITH" if not self.draft.counter_to else \
            f"COUNTER-OFFER TO {t.offers.label(self.draft.counter_to, covers=False).upper()} \u2014 WITH"
        app.text.draw(surf, head, (rect_left, self.with_y), "label", theme.MUTED, max_width=self.bar_rect.width)
        n = len(self.draft.terms)
        count = f"PACKAGE \u2014 {n} issue{'s' if n != 1 else ''} in"
        width = self.bar_rect.width
        app.text.draw(surf, app.text.first_fit([f"{count} (\u2022 = already signed)", count], "label", width),
                      (rect_left, self.package_y), "label", theme.MUTED, max_width=width)
        stakes_bar(surf, app, self.bar_rect, self.package_stakes())
