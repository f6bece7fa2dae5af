"""What separates easy, normal and hard: how well the AI models others and plans.

Never what it may see: every level decides from the same observation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from game.engine.kinds import Controller


class Model(StrEnum):
    """How a leader models each counterpart."""
    NONE = "none"              # no model: it weighs only its own side
    FREQUENCY = "frequency"    # what the other side asks for, accepts and states, by frequency
    FULL = "full"              # the same, with priors from its own stakes and what the other side refused


@dataclass(frozen=True)
class Level:
    name: Controller
    model: Model
    concession: float     # multiplies the concession exponent (>1 concedes sooner)
    pick_noise: float     # share of acceptable packages it picks among at random
    lookahead: bool       # weighs next turn's bargaining when choosing a move
    mediates: bool
    counters: bool
    reciprocity: float    # share of its concession that waits on the other side's own concessions
    firmest: float        # the largest concession exponent it plays with: below 1 it holds out (Boulware)
    move_noise: float     # spread, in score points, of its misjudgement of each move


LEVELS = {
    Controller.EASY: Level(Controller.EASY, Model.NONE, 1.8, 0.35, False, False, False, 0.0, 10.0, 0.5),
    Controller.NORMAL: Level(Controller.NORMAL, Model.FREQUENCY, 1.0, 0.0, True, True, True, 0.4, 10.0, 0.0),
    Controller.HARD: Level(Controller.HARD, Model.FULL, 0.6, 0.0, True, True, True, 1.0, 0.2, 0.0),
}
