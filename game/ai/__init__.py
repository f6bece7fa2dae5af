"""AI leaders: they see only what a person in their seat would see."""

from game.engine.kinds import Controller

from .baselines import Pushover, Stonewall
from .leader import Leader
from .levels import LEVELS as _LEVELS

LEVELS = tuple(_LEVELS)
BASELINES = {Controller.PUSHOVER: Pushover, Controller.STONEWALL: Stonewall}


def make_leader(public, seat, level=Controller.NORMAL, seed=0):
    """An AI for `seat`: a level (easy, normal, hard), a baseline (pushover, stonewall) or one of
    the scripted strategies that measure how far the levels can be gamed."""
    from .scripted import STRATEGIES
    kind = BASELINES.get(level) or STRATEGIES.get(level)
    if kind is not None:
        return kind(public, seat, seed)
    return Leader(public, seat, level, seed)


__all__ = ["BASELINES", "LEVELS", "Leader", "make_leader"]
