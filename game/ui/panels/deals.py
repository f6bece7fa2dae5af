"""Agreements: what is signed, who it binds and to what; public statements; broken promises."""

from __future__ import annotations

from game.present.words import option_text, terms_lines
from game.scenario.wording import sentence

from .. import theme
from ..lists import RichText, ScrollState


def agreement_items(t, agreement) -> list:
    """Paragraphs describing one agreement in full (used here and on the end screen)."""
    names = ", ".join(t.session.seat_name(s) for s in agreement["parties"])
    live = agreement["live"]
    status = "in force" if len(live) == len(agreement["terms"]) else \
        ("partly overtaken by a later agreement" if live else "overtaken by a later agreement")
    items = [("bold", theme.TEXT, f"Signed on day {agreement['turn']} by {names} \u00b7 {status}")]
    items += [("body", theme.TEXT, "\u2022 " + line) for line in terms_lines(t.issues, agreement["terms"])]
    moves = {m["id"]: m["name"] for m in t.public["moves"]}
    for ob in agreement["obligations"]:
        bound = ", ".join(t.session.seat_name(s) for s in ob["seats"])
        forbids = ", ".join(moves.get(m, m) for m in ob["forbids"])
        still = "" if ob["issue"] in live else " (no longer binding)"
        items.append(("small", theme.MUTED, f"   binds {bound}: {sentence(ob['text'])} No more: {forbids}.{still}"))
    return items


class DealsPanel:
    def __init__(self, table):
        self.t = table
        self.app = table.app
        self.scroll = ScrollState()

    def items(self) -> list:
        t = self.t
        obs = t.obs
        items = []
        if not obs["agreements"]:
            items.append(("body", theme.MUTED, "Nothing is signed yet. A package becomes an agreement when every "
                                               "party to it has accepted."))
        for agreement in reversed(obs["agreements"]):
            items += agreement_items(t, agreement) + [("gap", theme.TEXT, "")]
        if obs["statements"]:
            items.append(("label", theme.MUTED, "PUBLIC STATEMENTS ON THE RECORD"))
            for st in obs["statements"]:
                issue = t.issues[st["issue"]]
                items.append(("small", theme.TEXT, f"Day {st['turn']} \u00b7 {t.session.seat_name(st['seat'])}: "
                                                   f"{issue['name']} must be {option_text(issue, st['option'])}"))
            items.append(("gap", theme.TEXT, ""))
        if obs["breaches"]:
            items.append(("label", theme.MUTED, "BROKEN PROMISES"))
            moves = {m["id"]: m["name"] for m in t.public["moves"]}
            for b in obs["breaches"]:
                items.append(("small", theme.BAD, f"\u2717 Day {b['turn']} \u00b7 {t.session.seat_name(b['seat'])} broke "
                                                  f"{b['agreement']} with \u201c{moves.get(b['move'], b['move'])}\u201d"))
        return items

    def layout(self, rect):
        return [RichText("deals", rect, self.app, self.items(), self.scroll,
                         "Signed agreements and what they bind each side to. \u2191\u2193 to scroll.")]

    def draw(self, surf):
        pass
