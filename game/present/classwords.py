"""What the class server did to a table, in words: the slot an action or a deadline was for, and what a
roll-back undoes."""

from __future__ import annotations

from typing import Any

from game.engine.kinds import Phase
from game.scenario.wording import and_list


def undone_words(now: Any, back: Any) -> str:
    """What going back from state `now` to the earlier state `back` undoes, in words."""
    actions = len(now.log) - len(back.log)
    if actions <= 0:
        return "nothing had happened since, so nothing is undone"
    parts = []
    for count, one, many in ((len(now.agreements) - len(back.agreements), "signed agreement", "signed agreements"),
                             (len(now.proposals) - len(back.proposals), "offer", "offers"),
                             (len(now.fired) - len(back.fired), "event", "events")):
        if count > 0:
            parts.append(f"{count} {one if count == 1 else many}")
    among = f", among them {and_list(parts)}" if parts else ""
    return f"{actions} action{'s' if actions != 1 else ''} and what they caused are undone{among}"


def slot_words(key: tuple[Any, ...]) -> str:
    turn, phase, round_ = key
    if phase == Phase.TALKS:
        return f"day {turn}, round {round_} of talks"
    if phase == Phase.MOVES:
        return f"day {turn}'s moves"
    return "the end of the summit"
