"""Agreements: what is signed, who it binds and to what; public statements; broken promises."""

from __future__ import annotations

from game.present.table import agreement_card, breach_line, statement_line

from .. import theme
from ..lists import RichText, ScrollState


def agreement_items(words, agreement) -> list:
    """Paragraphs describing one agreement in full (used here and on the end screen)."""
    card = agreement_card(words, agreement)
    items = [("bold", theme.TEXT, card["title"])]
    items += [("body", theme.TEXT, "\u2022 " + line) for line in card["terms"]]
    return items + [("small", theme.MUTED, "   " + line) for line in card["binds"]]


class DealsPanel:
    def __init__(self, table):
        self.t = table
        self.app = table.app
        self.scroll = ScrollState()

    def items(self) -> list:
        t = self.t
        obs = t.obs
        words = t.words()
        items = []
        if not obs["agreements"]:
            items.append(("body", theme.MUTED, "Nothing is signed yet. A package becomes an agreement when every "
                                               "party to it has accepted."))
        for agreement in reversed(obs["agreements"]):
            items += agreement_items(words, agreement) + [("gap", theme.TEXT, "")]
        if obs["statements"]:
            items.append(("label", theme.MUTED, "PUBLIC STATEMENTS ON THE RECORD"))
            items += [("small", theme.TEXT, statement_line(words, st)) for st in obs["statements"]]
            items.append(("gap", theme.TEXT, ""))
        if obs["breaches"]:
            items.append(("label", theme.MUTED, "BROKEN PROMISES"))
            items += [("small", theme.BAD, breach_line(words, b)) for b in obs["breaches"]]
        return items

    def layout(self, rect):
        return [RichText("deals", rect, self.app, self.items(), self.scroll,
                         "Signed agreements and what they bind each side to. \u2191\u2193 to scroll.")]

    def draw(self, surf):
        pass
