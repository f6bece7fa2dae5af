"""What a choice is worth at a table: each seat's stakes in the offers and moves open to it, worked out once.

A projection of the game is shared by every seat until something it reads changes (talk that signs nothing
changes none of it), and each offer's and move's stakes are kept until then: a class sends them to every
person's seat after every change.
"""

from __future__ import annotations

from typing import Any

from game.engine import IllegalAction
from game.engine.kinds import HOLD, Controller, ProposalStatus
from game.engine.phases import available_moves
from game.engine.stakes import Projector, choice_from, making, material, signing


class Worth:
    def __init__(self) -> None:
        self._projector: tuple[Any, Projector] | None = None
        # (seat, terms, parties) or (seat, move) -> its stakes; None for terms that can no longer be signed
        self._stakes: dict[tuple[Any, ...], dict[str, Any] | None] = {}

    def projector(self, state: Any) -> Projector:
        """One projection of the game as it stands in `state`."""
        mark = material(state)
        if self._projector is None or self._projector[0] != mark:
            self._projector = (mark, Projector(state))
            self._stakes = {}
        return self._projector[1]

    def stakes(self, state: Any, seat: str, choice: dict[str, Any]) -> dict[str, Any]:
        """What a choice would do to `seat`'s final score (game.engine.stakes); IllegalAction if the rules refuse it."""
        result: dict[str, Any] = self.projector(state).stakes(seat, choice_from(seat, choice))
        return result

    def seat_stakes(self, state: Any, controllers: dict[str, Any], seat: str) -> dict[str, Any]:
        """A seat's final score as things stand (`outlook`: its students watch it while an AI leader plays it for
        them), and, for a seat people play, what signing each open offer it is party to, and each move it could make
        tonight, would do to it."""
        out: dict[str, Any] = {"offers": {}, "moves": {}}
        if state.is_over():
            return out
        projector = self.projector(state)
        out["outlook"] = projector.outlook(seat)
        if controllers.get(seat) != Controller.HUMAN:
            return out
        for prop in state.proposals.values():
            if prop.status == ProposalStatus.OPEN and seat in prop.parties:
                key: tuple[Any, ...] = (seat, prop.terms, prop.parties)
                if key not in self._stakes:
                    try:
                        self._stakes[key] = projector.stakes(seat, signing(seat, dict(prop.terms), prop.parties))
                    except IllegalAction:
                        self._stakes[key] = None    # an issue of it has left the table: nothing to sign
                if self._stakes[key] is not None:
                    out["offers"][prop.id] = self._stakes[key]
        for move_id in available_moves(state, seat):
            if move_id != HOLD:
                key = (seat, move_id)
                if key not in self._stakes:
                    self._stakes[key] = projector.stakes(seat, making(seat, move_id))
                out["moves"][move_id] = self._stakes[key]
        return out
