"""Moving a state along in the engine tests: to a seat's slot, or past today's talks."""

from game.engine import DONE


def until(state, seat):
    """End talk slots until it is `seat`'s turn to speak."""
    while state.to_move() != [seat]:
        state.apply(state.to_move()[0], DONE)


def end_talks(state):
    while state.phase == "talks":
        state.apply(state.to_move()[0], DONE)
