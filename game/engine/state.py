"""Game and GameState: the rules' public interface.

`Game(scenario, seed)` holds what never changes; `game.new_state()` starts a
play. A state changes only through `apply(seat, action)`, which checks
everything before changing anything and appends the action to the log, so
the log and the seed reproduce the state exactly.
"""

from __future__ import annotations

import copy
import hashlib
import json

import numpy as np

from game.scenario.model import Move
from game.scenario.vocabulary import Names

from . import phases, scoring, talks, views
from .actions import Action
from .errors import IllegalAction, quoted
from .facilitation import facilitate
from .kinds import EVERYONE, FACILITATOR, HOLD, ActionType, EventKind, Phase, ProposalStatus, visible_to
from .outcomes import OutcomeSpace


class Game:
    def __init__(self, scenario, seed: int = 0):
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise ValueError("the seed is a whole number, 0 or more")
        self.scenario = scenario
        self.seed = seed
        self.seat_ids = scenario.seat_ids
        self.track_ids = tuple(t.id for t in scenario.tracks)
        self.issue_ids = scenario.issue_ids
        self.region_ids = tuple(r.id for r in scenario.map.regions)
        self.site_ids = tuple(s.id for s in scenario.map.sites)
        self.seat_index = {s: k for k, s in enumerate(scenario.seat_ids)}
        self.issue_index = {i: k for k, i in enumerate(scenario.issue_ids)}
        self.track_index = {t.id: k for k, t in enumerate(scenario.tracks)}
        self.region_index = {r.id: k for k, r in enumerate(scenario.map.regions)}
        self.site_index = {s.id: k for k, s in enumerate(scenario.map.sites)}
        self.move_index = {m.id: m for m in scenario.moves}
        self.names = Names.of_scenario(scenario)  # how the news words the scenario's ids
        self.moves_by_seat: dict[str, list[Move]] = {}
        for m in scenario.moves:
            self.moves_by_seat.setdefault(m.seat, []).append(m)
        self.space = OutcomeSpace(scenario)
        self._issue_space: dict[tuple, dict] = {}
        # Each seat's private part of its observation, built when first asked: nothing in it changes in a game.
        # Readers share it, so none may change it.
        self.private: dict[str, dict] = {}
        seats = scenario.seat_ids
        self.talk_orders = [seats[k:] + seats[:k] for k in range(len(seats))]
        self.statement_actions = tuple(Action(ActionType.STATEMENT, issue=i.id, option=o)
                                       for i in scenario.issues for o in i.options)
        # Actions are values: the ones every seat is offered again and again are made once.
        self.done_action = Action(ActionType.DONE)
        self.move_actions = {m: Action(ActionType.MOVE, move=m) for m in (HOLD, *self.move_index)}
        self._answers: dict[tuple, Action] = {}
        self.kept_views: dict[str, tuple] = {}    # see views._by_seat

    def answer_action(self, kind: ActionType, proposal: str) -> Action:
        """The action accepting, rejecting or withdrawing a proposal, made once: a seat is offered it every turn."""
        hit = self._answers.get((kind, proposal))
        if hit is None:
            hit = self._answers[(kind, proposal)] = Action(kind, proposal=proposal)
        return hit

    def new_state(self) -> "GameState":
        state = GameState(self)
        state.record(EventKind.DAY, "", EVERYONE, f"Day 1 of {self.scenario.calendar.turns}")
        phases.start_turn(state)
        return state

    def open_issue_space(self, open_flags: tuple) -> dict:
        """Each open issue's options and signatories: fresh mappings each call, holding the scenario's own tuples
        (they cannot change, so every seat asking every turn need not copy them)."""
        hit = self._issue_space.get(open_flags)
        if hit is None:
            hit = {i.id: (tuple(i.options), tuple(i.signatories))
                   for k, i in enumerate(self.scenario.issues) if open_flags[k]}
            self._issue_space[open_flags] = hit
        return {i: {"options": o, "signatories": s} for i, (o, s) in hit.items()}

    def talk_order(self, turn: int) -> tuple:
        return self.talk_orders[(turn - 1) % len(self.talk_orders)]


class GameState:
    # The digest after each action, where whoever replayed the state kept them (saves check them).
    trail: list[str] | None = None
    def __init__(self, game: Game):
        scen = game.scenario
        self.game = game
        self.turn = 1
        self.phase = Phase.TALKS
        self.round = 1
        self.slot = 0
        self.slot_proposals = 0
        self.stats = np.array([[v for _, v in s.stats] for s in scen.seats], dtype=np.int64)
        self.trust = np.array(scen.trust, dtype=np.int64)
        self.tracks = np.array([t.value for t in scen.tracks], dtype=np.int64)
        self.regions = [r.control for r in scen.map.regions]
        self.sites = [s.control for s in scen.map.sites]
        self.issue_open = [i.available for i in scen.issues]
        self.proposals: dict[str, talks.Proposal] = {}
        self.agreements: list[talks.Agreement] = []
        self.settled: dict[str, tuple[str, str]] = {}     # issue -> (agreement, option)
        self.fired: list[str] = []
        self.missed: list[str] = []
        self.moves_log: list[tuple[int, str, str]] = []   # (turn, seat, move)
        self.moves_made: set[tuple[str, str]] = set()     # (seat, move)
        self.chosen: dict[str, str] = {}
        self.statements: list[dict] = []
        self.spoke_this_turn: list[str] = []
        self.breaches: list[dict] = []
        self.reversals: list[dict] = []
        self.events: list[dict] = []
        self.log: list[tuple[str, dict]] = []
        self.news_of: dict[str, list[int]] = {s: [] for s in game.seat_ids}  # per seat, the events it may see
        # None in a scratch copy (see clone), which leaves chance out and so never draws.
        self.rng: np.random.Generator | None = np.random.Generator(np.random.PCG64(game.seed))

    # -- bookkeeping -----------------------------------------------------------

    def record(self, kind, seat, visible, text, **data) -> dict:
        event = {"n": len(self.events), "turn": self.turn, "kind": kind, "seat": seat,
                 "visible": visible, "text": text}
        event.update(data)
        for seat, seen in self.news_of.items():
            if visible_to(visible, seat):
                seen.append(len(self.events))
        self.events.append(event)
        return event

    def agreement(self, agreement_id):
        for a in self.agreements:
            if a.id == agreement_id:
                return a
        raise KeyError(agreement_id)

    # -- whose turn ------------------------------------------------------------

    def to_move(self) -> list:
        if self.phase == Phase.TALKS:
            return [self.game.talk_order(self.turn)[self.slot]]
        if self.phase == Phase.MOVES:
            return [s for s in self.game.seat_ids if s not in self.chosen]
        return []

    def is_over(self) -> bool:
        return self.phase == Phase.OVER

    # -- acting ----------------------------------------------------------------

    def apply(self, seat: str, action) -> list:
        """Apply one action; return the events it caused. Illegal: raise, change nothing."""
        action = Action.from_dict(action)
        self._check_turn(seat, action)
        handler = {
            ActionType.PROPOSE: talks.propose, ActionType.ACCEPT: talks.accept, ActionType.REJECT: talks.reject,
            ActionType.COUNTER: talks.counter, ActionType.WITHDRAW: talks.withdraw,
            ActionType.STATEMENT: talks.statement, ActionType.DONE: _done, ActionType.MOVE: _move,
        }[action.type]
        first = len(self.events)
        handler(self, seat, action)
        self.log.append((seat, action.to_dict()))
        return [views.copy_record(e) for e in self.events[first:]]

    def facilitate(self, op) -> list:
        """Apply a facilitator's operation (news, an event now); return its events. Illegal: raise, change nothing."""
        first = len(self.events)
        entry = facilitate(self, op)
        self.log.append((FACILITATOR, entry))
        return [views.copy_record(e) for e in self.events[first:]]

    def replay(self, seat: str, action) -> list:
        """Apply one entry of a log, whether a seat's action or the facilitator's."""
        return self.facilitate(action) if seat == FACILITATOR else self.apply(seat, action)

    def _check_turn(self, seat, action):
        g = self.game
        if type(seat) is not str:
            raise IllegalAction("a seat is named by its id, as text")
        if seat not in g.seat_index:
            raise IllegalAction(f"there is no seat {quoted(seat)} at this table")
        if self.phase == Phase.OVER:
            raise IllegalAction("the summit is over; no more actions")
        if self.phase == Phase.TALKS and action.type == ActionType.MOVE:
            raise IllegalAction("moves are chosen after today's talks")
        if self.phase == Phase.MOVES and action.type != ActionType.MOVE:
            raise IllegalAction("today's talks are over: choose your move")
        if self.phase == Phase.MOVES and seat in self.chosen:
            raise IllegalAction("you have already chosen your move for today")
        if seat not in self.to_move():
            waiting = ", ".join(g.scenario.seat(s).name for s in self.to_move())
            raise IllegalAction(f"it is not {g.scenario.seat(seat).name}'s turn; waiting for {waiting}")

    def legal_actions(self, seat: str) -> list:
        """Every legal action for `seat` now, except new packages (see proposal_space)."""
        if seat not in self.to_move():
            return []
        if self.phase == Phase.MOVES:
            return [self.game.move_actions[m] for m in phases.available_moves(self, seat)]
        g = self.game
        out = []
        is_open = ProposalStatus.OPEN     # a local: this runs for every seat on every turn, over every proposal
        for prop in self.proposals.values():
            if prop.status != is_open or seat not in prop.parties:
                continue
            if prop.proposer == seat:
                out.append(g.answer_action(ActionType.WITHDRAW, prop.id))
            elif seat not in prop.accepted:
                if all(self.issue_open[g.issue_index[i]] for i, _ in prop.terms):
                    out.append(g.answer_action(ActionType.ACCEPT, prop.id))
                out.append(g.answer_action(ActionType.REJECT, prop.id))
        if seat not in self.spoke_this_turn:
            out.extend(self.game.statement_actions)
        out.append(self.game.done_action)
        return out

    def proposal_space(self, seat: str) -> dict:
        """What `seat` may put in a new package now: open issues, their options, who must sign."""
        scen = self.game.scenario
        can = seat in self.to_move() and self.phase == Phase.TALKS and \
            self.slot_proposals < talks.MAX_PROPOSALS_PER_SLOT and \
            talks.open_count(self, seat) < talks.MAX_OPEN_PER_SEAT
        return {"can_propose": can, "issues": self.game.open_issue_space(tuple(self.issue_open)),
                "seats": list(self.game.seat_ids),
                "expires": [self.turn, scen.calendar.summit_turn],
                "speak_again_today": self.speak_again_today()}

    def speak_again_today(self) -> list:
        """The seats that have another turn in today's talks after the one speaking now: only they can answer
        an offer made now that lapses tonight."""
        if self.phase != Phase.TALKS:
            return []
        order = self.game.talk_order(self.turn)
        later_this_round = order[self.slot + 1:]
        more_rounds = self.round < self.game.scenario.calendar.talk_rounds
        return [s for s in order if more_rounds or s in later_this_round]

    # -- copies and identity -----------------------------------------------------

    def clone(self, history: bool = True) -> "GameState":
        """An independent copy: nothing the two states hold is shared except the unchanging Game.

        Without `history`, the copy starts with no news, event log, action log, open offers or random generator:
        a scratch state for projecting what happens next (see stakes.py), cheaper to make and to run on."""
        other = copy.copy(self)
        for name in ("stats", "trust", "tracks"):
            setattr(other, name, getattr(self, name).copy())
        for name in ("regions", "sites", "issue_open", "fired", "missed", "moves_log", "spoke_this_turn"):
            setattr(other, name, list(getattr(self, name)))
        for name in ("statements", "breaches", "reversals"):
            setattr(other, name, [views.copy_record(r) for r in getattr(self, name)])
        if history:
            other.events = [views.copy_record(r) for r in self.events]
            other.log = [(seat, views.copy_record(action)) for seat, action in self.log]
            other.news_of = {seat: list(seen) for seat, seen in self.news_of.items()}
        else:
            other.events, other.log = [], []
            other.news_of = {seat: [] for seat in self.news_of}
        other.proposals = {k: copy.copy(p) for k, p in self.proposals.items()} if history else {}
        for p in other.proposals.values():
            p.accepted = list(p.accepted)
        other.agreements = [copy.copy(a) for a in self.agreements]
        for a in other.agreements:
            a.live = list(a.live)
        other.settled = dict(self.settled)
        other.moves_made = set(self.moves_made)
        other.chosen = dict(self.chosen)
        # A projection leaves chance out and draws nothing: a scratch copy has no generator to draw from.
        other.rng = copy.deepcopy(self.rng) if history else None
        return other

    def generator(self) -> np.random.Generator:
        """The state's one source of chance."""
        if self.rng is None:
            raise ValueError("a scratch copy of the game has no random generator")
        return self.rng

    def snapshot(self) -> dict:
        """The whole state as plain data (everything the digest covers)."""
        scen = self.game.scenario
        return {
            "scenario": [scen.id, scen.version, scen.content_hash], "seed": self.game.seed,
            "turn": self.turn, "phase": self.phase, "round": self.round, "slot": self.slot,
            "slot_proposals": self.slot_proposals,
            "stats": self.stats.tolist(), "trust": self.trust.tolist(), "tracks": self.tracks.tolist(),
            "regions": self.regions, "sites": self.sites, "issue_open": self.issue_open,
            "proposals": [p.to_dict() for p in self.proposals.values()],
            "agreements": [a.to_dict() for a in self.agreements],
            "settled": {k: list(v) for k, v in sorted(self.settled.items())},
            "fired": self.fired, "missed": self.missed, "moves": [list(m) for m in self.moves_log],
            "chosen": dict(sorted(self.chosen.items())), "statements": self.statements,
            "spoke": self.spoke_this_turn, "breaches": self.breaches, "reversals": self.reversals,
            "events": len(self.events), "log": len(self.log),
            "rng": _jsonable(self.generator().bit_generator.state),
        }

    def digest(self) -> str:
        text = json.dumps(self.snapshot(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    # -- views and scores (see views.py and scoring.py) --------------------------

    def observation(self, seat: str, since: int = 0) -> dict:
        """All `seat` may know; `since` skips the first `since` news items this seat has seen."""
        return views.observation(self, seat, since)

    def facilitator_view(self) -> dict:
        return views.facilitator_view(self)

    def public_view(self) -> dict:
        return views.public_view(self)

    def scores(self) -> dict:
        return scoring.scores(self)

    def outcome(self) -> dict:
        """The terms in force now: issue -> option, for the issues agreements settle."""
        return {issue: option for issue, (_, option) in self.settled.items()}


def _done(state, seat, action):
    state.slot_proposals = 0
    state.slot += 1
    if state.slot >= len(state.game.scenario.seats):
        state.slot = 0
        state.round += 1
        if state.round > state.game.scenario.calendar.talk_rounds:
            phases.end_talks(state)


def _move(state, seat, action):
    phases.choose(state, seat, action.move)


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (np.integer,)):
        return int(value)
    return value
