"""The rules: pure Python and numpy, no I/O, clocks or global random state."""

from .actions import DONE, Action, accept, counter, move, propose, reject, statement, withdraw
from .errors import IllegalAction
from .scoring import history_comparison
from .state import Game, GameState
from .views import public_info

__all__ = ["DONE", "Action", "Game", "GameState", "IllegalAction", "accept", "counter", "history_comparison",
           "move", "propose", "public_info", "reject", "statement", "withdraw"]
