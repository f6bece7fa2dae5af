"""The synthetic scenario that uses every registered kind (every-kind.yaml), and games of it moved along
through the engine's public actions."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from game.catalog import read_scenario_file
from game.engine import DONE, Game, accept, move, propose
from game.engine.views import public_info
from game.scenario.vocabulary import Names

PATH = Path(__file__).with_name("every-kind.yaml")
SEATS = ("north", "south")


@lru_cache(maxsize=1)
def scenario():
    return read_scenario_file(PATH)


def public() -> dict:
    return public_info(scenario())


def names() -> Names:
    return Names.of_scenario(scenario())


def fresh(seed: int = 0):
    return Game(scenario(), seed).new_state()


def objective(ident: str):
    """The condition of the objective with this id, whichever seat holds it."""
    return next(o.when for s in scenario().seats for o in s.objectives if o.id == ident)


def the_move(ident: str):
    return next(m for m in scenario().moves if m.id == ident)


def event(ident: str):
    return next(e for e in scenario().events if e.id == ident)


def sign(state, terms: dict) -> None:
    """Whichever seat speaks first in today's talks offers `terms`, the other accepts: an agreement in force
    from now. Call it before either seat has spoken today."""
    first, second = state.to_move()[0], state.game.talk_order(state.turn)[1]
    state.apply(first, propose(SEATS, terms))
    offer = list(state.proposals)[-1]
    state.apply(first, DONE)
    state.apply(second, accept(offer))


def end_talks(state) -> None:
    while state.phase == "talks":
        state.apply(state.to_move()[0], DONE)


def next_day(state, **moves) -> list:
    """End today's talks and make `moves` (seat=move id; the rest hold); return the events this records."""
    end_talks(state)
    start = len(state.events)
    for seat in SEATS:
        state.apply(seat, move(moves.get(seat, "hold")))
    return state.events[start:]
