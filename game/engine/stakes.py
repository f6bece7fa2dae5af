"""What a choice does to a seat's final score: signing a package, making a move, answering an offer.

One arithmetic with the score itself. A scratch copy of the game is taken to the end of the
summit twice: once as it stands, once with the choice made; in both, every other seat holds
every day and nothing more is signed. The stakes are the difference of the two final scores
(scoring.scores), part by part. Only what is certain is projected: events left to chance are
neither drawn nor fired, and no seat's secret choice of the day enters it, so the figure tells
a seat nothing it could not know for itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import phases, scoring
from .errors import IllegalAction
from .kinds import ChoiceKind, Phase
from .talks import Proposal, check_package, sign
from .world import STAT_INDEX

if TYPE_CHECKING:
    from .state import GameState


@dataclass(frozen=True)
class Choice:
    """What is being weighed: signing `terms` among `parties`, or `seat` making `move` tonight."""
    kind: ChoiceKind
    seat: str
    terms: tuple = ()
    parties: tuple = ()
    move: str = ""


def signing(seat: str, terms: dict, parties) -> Choice:
    return Choice(ChoiceKind.SIGN, seat, tuple(sorted(dict(terms).items())), tuple(parties))


def making(seat: str, move_id: str) -> Choice:
    return Choice(ChoiceKind.MOVE, seat, move=move_id)


def choice_from(seat: str, data: dict) -> Choice:
    """A choice as plain data says it: {"kind": "sign", "terms": {...}, "parties": [...]} or
    {"kind": "move", "move": id}. Anything else raises IllegalAction."""
    if not isinstance(data, dict) or data.get("kind") not in tuple(ChoiceKind):
        raise IllegalAction("a choice is a package to sign or a move to make")
    if data["kind"] == ChoiceKind.MOVE:
        if not isinstance(data.get("move"), str):
            raise IllegalAction("a move is named by its id")
        return making(seat, data["move"])
    terms, parties = data.get("terms"), data.get("parties", [])
    if not isinstance(terms, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in terms.items()):
        raise IllegalAction("terms must map issue ids to options")
    if not isinstance(parties, (list, tuple)) or not all(isinstance(p, str) for p in parties):
        raise IllegalAction("parties must be a list of seat ids")
    return signing(seat, terms, list(dict.fromkeys([seat, *parties])))


def material(state) -> tuple:
    """Everything a projection reads of a state, as a key: two states with the same key have the same stakes for
    every choice. Talk that signs nothing (offers, answers short of signing, the end of a round) leaves it as it
    was, so a server need not project again after each of them."""
    return (state.game.seed, state.turn, state.is_over(), state.stats.tobytes(), state.trust.tobytes(),
            state.tracks.tobytes(), tuple(state.regions), tuple(state.sites), tuple(state.issue_open),
            tuple(state.fired), tuple(state.missed), tuple(sorted(state.moves_made)),
            tuple(sorted(state.settled.items())), tuple((a.id, tuple(a.live)) for a in state.agreements),
            tuple((s["seat"], s["issue"], s["option"]) for s in state.statements),
            len(state.breaches), len(state.reversals))


def project(state, moves: dict | None = None):
    """A scratch copy of `state` taken to the end of the summit: the seats in `moves` make those moves
    tonight, every other seat holds every day, nothing more is signed, only certain events happen."""
    s = state.clone(history=False)
    first = dict(moves or {})
    while not s.is_over():
        s.phase = Phase.MOVES
        s.chosen = {seat: first.get(seat, phases.HOLD) for seat in s.game.seat_ids}
        first = {}
        phases.reveal(s, chance=False)
    return s


class Projector:
    """The stakes of many choices on one state: the projection without a choice is made once."""

    def __init__(self, state: GameState) -> None:
        self.state = state
        self._base: GameState | None = None
        self._base_scores: dict | None = None

    @property
    def base(self):
        if self._base is None:
            self._base = project(self.state)
        return self._base

    @property
    def base_scores(self) -> dict:
        if self._base_scores is None:
            self._base_scores = scoring.scores(self.base)
        return self._base_scores

    def after(self, choice: Choice):
        """The projection with `choice` made. An illegal package or an unavailable move raises IllegalAction."""
        state = self.state
        if choice.kind == ChoiceKind.MOVE:
            if choice.move not in phases.available_moves(state, choice.seat):
                raise IllegalAction(f"'{choice.move}' is not a move {choice.seat} can make now")
            return project(state, {choice.seat: choice.move})
        check_package(state, choice.seat, choice.parties, choice.terms, 0)
        s = state.clone(history=False)
        parties = tuple(sorted(choice.parties, key=lambda seat: state.game.seat_index[seat]))
        sign(s, Proposal("p-stakes", choice.seat, parties, choice.terms, s.turn, s.turn, False,
                         accepted=list(parties)))
        return project(s)

    def changes(self, choice: Choice) -> dict:
        """Each seat's change in final score if `choice` is made: {seat: points}."""
        before, after = self.base_scores, scoring.scores(self.after(choice))
        return {seat: after[seat]["total"] - before[seat]["total"] for seat in before}

    def outlook(self, viewer: str) -> dict:
        """`viewer`'s final score as things stand: the projection with no choice made, part by part, as plain
        data. The same score every stakes figure here is a change of."""
        score = self.base_scores[viewer]
        met = set(score["objectives_met"])
        return {"seat": viewer, "final": score["total"], "deal": score["deal"],
                "objectives_points": score["objectives"], "stats": score["stats"], "integrity": score["integrity"],
                "objectives": [{"id": o.id, "text": o.text, "points": o.points, "met": o.id in met}
                               for o in self.state.game.scenario.seat(viewer).objectives]}

    def stakes(self, viewer: str, choice: Choice) -> dict:
        """What `choice` does to `viewer`'s final score, part by part, as plain data."""
        after = self.after(choice)
        return _parts(self.state, viewer, self.base, self.base_scores, after, scoring.scores(after))


def stakes(state, viewer: str, choice: Choice) -> dict:
    return Projector(state).stakes(viewer, choice)


def _parts(state, viewer: str, base, base_scores: dict, after, after_scores: dict) -> dict:
    g = state.game
    seat = g.scenario.seat(viewer)
    k = g.seat_index[viewer]
    before_score, after_score = base_scores[viewer], after_scores[viewer]
    met_before, met_after = set(before_score["objectives_met"]), set(after_score["objectives_met"])
    objectives = [{"id": o.id, "text": o.text, "points": o.points, "met": o.id in met_after,
                   "change": o.points if o.id in met_after else -o.points}
                  for o in seat.objectives if (o.id in met_before) != (o.id in met_after)]
    stat = {name: int(after.stats[k, STAT_INDEX[name]]) - int(base.stats[k, STAT_INDEX[name]])
            for name in ("domestic", "standing")}
    trust = [{"seat": other,
              "change": int(after.trust[g.seat_index[other], k]) - int(base.trust[g.seat_index[other], k])}
             for other in g.seat_ids if other != viewer]
    return {
        "seat": viewer,
        "total": after_score["total"] - before_score["total"],
        "deal": after_score["deal"] - before_score["deal"],
        "objectives_points": after_score["objectives"] - before_score["objectives"],
        "objectives": objectives,
        "stats": after_score["stats"] - before_score["stats"],
        "domestic": stat["domestic"], "standing": stat["standing"],
        "integrity": after_score["integrity"] - before_score["integrity"],
        "breaches": after_score["breaches"] - before_score["breaches"],
        "reversals": after_score["reversals"] - before_score["reversals"],
        "trust": [t for t in trust if t["change"]],
        "final": after_score["total"],
    }
