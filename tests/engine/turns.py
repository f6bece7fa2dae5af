"""Moving a state along in the engine tests: to a seat's slot, or past today's talks."""

from game.engine import DONE


def until(state, seat):
    """End talk slots until it is `seat`'s turn to speak."""
    while state.to_move() != [seat]:
        state.apply(state.to_move()[0], DONE)


def end_talks(state):
    while state.phase == "talks":
        state.apply(state.to_move()[0], DONE)


def first_proposal_id() -> str:
    """The id the engine gives Turkey's first proposal on day 1, the offer most of these tests make."""
    from game.catalog import load_scenario
    from game.engine import Game, propose

    state = Game(load_scenario("moscow-2020"), 0).new_state()
    state.apply("turkey", propose(("turkey", "russia"), {"ceasefire": "full"}))
    return next(iter(state.proposals))


P1 = first_proposal_id()


def first(state) -> str:
    """The id of the first proposal made in this game."""
    return next(iter(state.proposals))
