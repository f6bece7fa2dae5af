"""The package being built on the Propose panel, and the list of issues that builds it."""

from __future__ import annotations

import pygame

from ..lists import ListBox


class Draft:
    """The package being built; kept by the table across rebuilds and turns."""

    def __init__(self):
        self.parties, self.terms, self.until, self.public, self.counter_to = set(), {}, 0, False, ""
        self.added = set()  # parties ticked for the player because an issue needs them

    def load(self, parties, terms, counter_to=""):
        self.parties, self.terms, self.counter_to = set(parties), dict(terms), counter_to
        self.added = set()

    def need(self, seats):
        self.added |= set(seats) - self.parties
        self.parties |= set(seats)

    def drop(self, issue_id, issues):
        """Take an issue out, and with it the parties that were added only because it needed them."""
        del self.terms[issue_id]
        needed = {s for i in self.terms for s in issues[i]["signatories"]}
        for seat in self.added - needed:
            self.parties.discard(seat)
        self.added &= needed


class IssueList(ListBox):
    """Up/Down pick an issue, Space puts it in or takes it out, Left/Right change its value."""

    def __init__(self, key, rect, row_h, state, panel):
        self.panel = panel
        super().__init__(key, rect, len(panel.issue_ids), row_h, state, panel.draw_issue,
                         row_tip=panel.issue_tip, tooltip="The issues on the table.")

    def key_down(self, event):
        if not self.count:
            return False
        issue = self.panel.issue_ids[self.state.selected]
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self.panel.step(issue, 1 if event.key == pygame.K_RIGHT else -1)
            return True
        if event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.panel.toggle(issue)
            return True
        return super().key_down(event)

    def click(self, pos, button):
        k = self._row_at(pos)
        if k is None or button != 1:
            return True
        self.select(k)
        issue = self.panel.issue_ids[k]
        x = pos[0] - self.rect.left
        value_left = self.panel.value_left(self.rect) - self.rect.left
        if x < self.panel.app.u(30):
            self.panel.toggle(issue)
        elif x >= value_left:
            self.panel.step(issue, -1 if x < value_left + (self.rect.width - value_left) / 3 else 1)
        return True
