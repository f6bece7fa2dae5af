"""AI leaders: they see only what a person in their seat would see."""

from .baselines import Pushover, Stonewall
from .leader import Leader
from .levels import LEVELS as _LEVELS

LEVELS = tuple(_LEVELS)
BASELINES = {"pushover": Pushover, "stonewall": Stonewall}


def make_leader(public, seat, level="normal", seed=0):
    """An AI for `seat`: a level (easy, normal, hard) or a baseline (pushover, stonewall)."""
    if level in BASELINES:
        return BASELINES[level](public, seat, seed)
    return Leader(public, seat, level, seed)


__all__ = ["BASELINES", "LEVELS", "Leader", "make_leader"]
