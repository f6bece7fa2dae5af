"""Who speaks when in a round of talks, in words: each seat's place, and the round's order in one line.

The order comes from the observation (`talk_order`, `spoken`), which the engine fills: it rotates by a
seat each day and is the same in every round of a day.
"""

from __future__ import annotations

from dataclasses import dataclass

from .table import Words

SPOKEN, SPEAKING, LATER = "spoken", "speaking", "later"


def ordinal(n: int) -> str:
    """'1st', '2nd', '3rd', '4th', '11th', '22nd'."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@dataclass(frozen=True)
class Place:
    """A seat's place in this round: `text` ('✓ spoke 1st', '▶ speaking', 'speaks 4th'), a `short` wording
    for a narrow column ('✓ 1st', '▶ 2nd', '4th'), and `state` (spoken, speaking or later)."""
    text: str
    short: str
    state: str

    def to_dict(self) -> dict:
        return {"text": self.text, "short": self.short, "state": self.state}


def talk_place(obs: dict, seat: str) -> Place | None:
    """Where `seat` speaks in this round of talks; None outside the talks."""
    order = obs.get("talk_order") or []
    if seat not in order:
        return None
    nth = ordinal(order.index(seat) + 1)
    if seat in obs["to_move"]:
        return Place("\u25b6 speaking", f"\u25b6 {nth}", SPEAKING)
    if seat in obs.get("spoken", []):
        return Place(f"\u2713 spoke {nth}", f"\u2713 {nth}", SPOKEN)
    return Place(f"speaks {nth}", nth, LATER)


def talk_order_line(w: Words, obs: dict) -> str:
    """This round's order in one line: 'Order this round: ✓ Russia, ▶ Turkey (you), Syrian government, …'
    ('' outside the talks)."""
    order = obs.get("talk_order") or []
    if not order:
        return ""
    marks = {SPOKEN: "\u2713 ", SPEAKING: "\u25b6 ", LATER: ""}
    places = {s: talk_place(obs, s) for s in order}
    names = [(marks[p.state] if (p := places[s]) else "") + w.name(s) + (" (you)" if s == w.viewer else "")
             for s in order]
    return f"Order of speaking, round {obs['round']} of {obs['talk_rounds']}: " + ", ".join(names) + \
        " (\u2713 has spoken, \u25b6 speaking now)."
