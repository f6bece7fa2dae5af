"""How alive a game stays: which days after the opening held a decision worth points, seat by seat.

A day is lively for a seat when that seat faced a choice that day that changes some seat's final
score by at least LIVELY_POINTS, as the engine's stakes count it (game.engine.stakes): a move it
could make that evening, or an offer put to it that it could sign. A choice whose only effect that
large is a loss to the seat making it (breaking an agreement for nothing) is not a decision and
does not count. The measure reads a finished game's log alone, so AI-only games, a scripted game
through the desktop and a class table are measured the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import Game, IllegalAction
from game.engine.kinds import FACILITATOR, HOLD, ActionType, Phase
from game.engine.phases import available_moves
from game.engine.stakes import Projector, making, signing

LIVELY_POINTS = 3
FIRST_COUNTED_DAY = 3     # the opening days hold the first deals; what matters is what comes after


@dataclass
class Day:
    turn: int
    seat: str
    lively: bool = False
    why: str = ""          # the first choice found that made it so, in a few words


def matters(changes: dict, chooser: str) -> bool:
    """Some seat's score moves by LIVELY_POINTS or more, and not only as a loss to the chooser."""
    big = {seat: d for seat, d in changes.items() if abs(d) >= LIVELY_POINTS}
    return bool(big) and not (set(big) == {chooser} and big[chooser] < 0)


def _describe(changes: dict) -> str:
    return ", ".join(f"{seat} {d:+d}" for seat, d in changes.items() if abs(d) >= LIVELY_POINTS)


def _moves(state, days: dict) -> None:
    projector = Projector(state)
    for seat, day in days.items():
        for move_id in available_moves(state, seat):
            if move_id == HOLD or day.lively:
                continue
            changes = projector.changes(making(seat, move_id))
            if matters(changes, seat):
                day.lively, day.why = True, f"could make {move_id}: {_describe(changes)}"


def _offer(state, seat: str, action: dict, days: dict) -> None:
    terms, parties = action.get("terms", {}), action.get("parties", [])
    if not parties and action.get("proposal") in state.proposals:
        parties = list(state.proposals[action["proposal"]].parties)
    waiting = [p for p in parties if p != seat and not days[p].lively]
    if not waiting:
        return
    try:
        changes = Projector(state).changes(signing(seat, terms, parties))
    except IllegalAction:
        return      # an offer the rules refuse puts no choice to anyone
    for other in waiting:
        if matters(changes, other):
            days[other].lively, days[other].why = True, f"could sign {seat}'s offer on {', '.join(sorted(terms))}: " \
                                                         f"{_describe(changes)}"


def days(scenario, seed: int, log: list, seats=None) -> list:
    """Each counted day of each seat (all seats, or those in `seats`) of a game played from `scenario`
    and `seed` with the actions in `log`."""
    state = Game(scenario, seed).new_state()
    watched = list(seats or scenario.seat_ids)
    out = {t: {s: Day(t, s) for s in watched} for t in range(FIRST_COUNTED_DAY, scenario.calendar.summit_turn + 1)}
    looked = set()
    for seat, action in log:
        today = out.get(state.turn)
        if today is not None and seat != FACILITATOR:
            if state.phase == Phase.MOVES and state.turn not in looked:
                looked.add(state.turn)
                _moves(state, today)
            if action.get("type") in (ActionType.PROPOSE, ActionType.COUNTER):
                _offer(state, seat, action, {**{s: Day(0, s, True) for s in scenario.seat_ids}, **today})
        state.replay(seat, action)
    return [d for t in sorted(out) for d in out[t].values()]


def lively(scenario, seed: int, log: list, seats=None) -> tuple:
    """(lively seat-days, counted seat-days) of one game."""
    found = days(scenario, seed, log, seats)
    return sum(d.lively for d in found), len(found)
