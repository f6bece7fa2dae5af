"""A match: one state, who controls each seat, and the AI leaders that play.

The desktop game, the class server, the simulate command and the tests drive games through
this class; it holds no rules of its own. AI seats see only their own observation.

Everything that happens to a match is written in its journal, in order: who controls each
seat, every action (and whether an AI leader chose it), every "what would you want?" put to a
leader and every facilitator operation. A leader's memory and random draws depend only on its
seed and the observations it was given, so replaying the journal rebuilds the leaders exactly
as they were: a saved, resumed or restarted game goes on as the uninterrupted one would.
"""

from __future__ import annotations

from enum import StrEnum

from game.ai import BASELINES, LEVELS, make_leader
from game.ai.scripted import STRATEGIES
from game.engine import Game, IllegalAction, public_info
from game.engine.actions import Action
from game.engine.kinds import FACILITATOR, Controller

MAX_AI_STEPS = 10_000
ASKS_PER_DAY = 2        # "what would you want?" questions a seat may put to one AI leader a day

CONTROLLERS = tuple(Controller)
AI_LEVELS = tuple(Controller(level) for level in LEVELS)
# Who may play a seat at a class: the levels and the baselines, not the benchmark's scripted players.
CLASS_PLAYERS = AI_LEVELS + tuple(Controller(b) for b in BASELINES)
# Who may play a seat in the desktop game: a person or a leader at one of the levels.
DESKTOP_PLAYERS = (Controller.HUMAN, *AI_LEVELS)
assert set(CONTROLLERS) == {Controller.HUMAN, *LEVELS, *BASELINES, *STRATEGIES}, \
    "Controller must name every AI level, baseline and strategy"


class Entry(StrEnum):
    """The kinds of journal entry: [kind, ...] lists of plain data."""
    CONTROL = "control"  # [control, seat, controller]
    ACT = "act"          # [act, seat, action]: applied as given (a person, a deadline, a facilitator)
    AI = "ai"            # [ai, seat, action]: chosen by the seat's leader, chosen again on replay
    ASK = "ask"          # [ask, ai seat, asker, terms, parties]
    OP = "op"            # [op, operation]: a facilitator's operation on the state


class JournalError(ValueError):
    """A journal that cannot be replayed, with the entry at fault."""


class AskRefused(ValueError):
    """A question an AI leader will not take: it is played by a person, or it has been asked enough today."""


_PUBLIC: dict[tuple[str, str], dict] = {}


def _public(scenario):
    """public_info is the same for every game of a scenario; AI-only runs build many games."""
    key = (scenario.id, scenario.content_hash)
    if key not in _PUBLIC:
        _PUBLIC[key] = public_info(scenario)
    return _PUBLIC[key]


def controller(kind) -> Controller:
    try:
        return Controller(kind)
    except ValueError:
        raise ValueError(f"'{kind}' is not one of {', '.join(CONTROLLERS)}") from None


class Match:
    def __init__(self, scenario, seed: int, controllers: dict, state=None):
        unknown = set(controllers) - set(scenario.seat_ids)
        if unknown:
            raise ValueError(f"no seat {', '.join(sorted(unknown))} in {scenario.id}")
        self.scenario = scenario
        self.seed = seed
        kinds = {s: controller(controllers.get(s, Controller.NORMAL)) for s in scenario.seat_ids}
        self.game = Game(scenario, seed) if state is None else state.game
        self.state = self.game.new_state() if state is None else state
        self.public = _public(scenario)
        self.controllers: dict = {}
        self.leaders: dict = {}
        self._levels: dict = {}   # the level each leader in `leaders` plays at
        self.journal: list = []
        self.asked: dict = {}     # (ai seat, asker, turn) -> questions put
        # Replayed AI choices that differ from the journal's (a save from another version of the AI).
        self.diverged: list = []
        for seat, kind in kinds.items():
            self.set_controller(seat, kind)
        if state is not None:
            # A state rebuilt from actions alone: its leaders start afresh from here.
            self.journal.extend([Entry.ACT, seat, dict(action)] if seat != FACILITATOR else [Entry.OP, dict(action)]
                                for seat, action in state.log)

    # -- who plays ------------------------------------------------------------------

    @property
    def humans(self) -> list:
        return [s for s, kind in self.controllers.items() if kind == Controller.HUMAN]

    def set_controller(self, seat: str, kind) -> None:
        """Hand `seat` to a person or to an AI leader; a leader that played it before keeps its memory."""
        if seat not in self.scenario.seat_ids:
            raise ValueError(f"no seat {seat} in {self.scenario.id}")
        kind = controller(kind)
        if kind != Controller.HUMAN:
            if self._levels.get(seat) != kind:
                self.leaders[seat] = make_leader(self.public, seat, kind,
                                                 self.seed * 31 + self.scenario.seat_ids.index(seat))
                self._levels[seat] = kind
        self.controllers[seat] = kind
        self.journal.append([Entry.CONTROL, seat, str(kind)])

    def human_to_move(self) -> str | None:
        """The first human seat that may act now, or None."""
        for seat in self.state.to_move():
            if self.controllers[seat] == Controller.HUMAN:
                return seat
        return None

    def ai_to_move(self) -> str | None:
        for seat in self.state.to_move():
            if self.controllers[seat] != Controller.HUMAN:
                return seat
        return None

    # -- acting -----------------------------------------------------------------------

    def act(self, seat: str, action) -> list:
        """Apply an action chosen outside the match (a person, a deadline); illegal: raise, change nothing."""
        events = self.state.apply(seat, action)
        self.journal.append([Entry.ACT, seat, self.state.log[-1][1]])
        return events

    def facilitate(self, op) -> list:
        events = self.state.facilitate(op)
        self.journal.append([Entry.OP, self.state.log[-1][1]])
        return events

    def decide(self, seat: str):
        leader = self.leaders[seat]
        state = self.state
        return leader.decide(state.observation(seat, since=leader.seen), state.legal_actions(seat),
                             state.proposal_space(seat))

    def step_ai(self, limit: int = MAX_AI_STEPS) -> list:
        """Let AI seats act until a human must act or the game ends; return the events."""
        events: list[dict] = []
        for _ in range(limit):
            if self.state.is_over():
                break
            seat = self.ai_to_move()
            if seat is None:
                break
            events += self.state.apply(seat, self.decide(seat))
            self.journal.append([Entry.AI, seat, self.state.log[-1][1]])
        return events

    def asks_left(self, seat: str, partner: str) -> int:
        """How many more questions `partner` may put to AI seat `seat` today."""
        return max(0, ASKS_PER_DAY - self.asked.get((seat, partner, self.state.turn), 0))

    def ask(self, seat: str, partner: str, terms: dict, parties=()):
        """Ask AI seat `seat` what it would want for these terms from `partner`, with these parties to the
        package: (terms it would sign or None, what it says). A leader takes ASKS_PER_DAY questions a day
        from each seat; past that, or asked about a seat people play, raise AskRefused."""
        name = self.scenario.seat(seat).name
        if self.controllers.get(seat, Controller.HUMAN) == Controller.HUMAN:
            raise AskRefused(f"a person plays {name}; send a note instead")
        if not self.asks_left(seat, partner):
            raise AskRefused(f"{name} will not be asked again today: it has answered {ASKS_PER_DAY} questions "
                             "from you already. Make an offer, or ask tomorrow.")
        leader = self.leaders[seat]
        terms, parties = dict(terms), list(parties)
        answer = leader.what_would_you_want(self.state.observation(seat, since=leader.seen), partner, terms, parties)
        key = (seat, partner, self.state.turn)
        self.asked[key] = self.asked.get(key, 0) + 1
        # Being asked teaches a leader something, so the question is part of the game's story.
        self.journal.append([Entry.ASK, seat, partner, terms, parties])
        return answer

    def run(self) -> None:
        """Play to the end; every seat must be an AI."""
        if self.humans:
            raise ValueError("run() plays AI-only games; this match has human seats")
        self.step_ai()

    # -- rebuilding from a journal ----------------------------------------------------------

    @classmethod
    def replay(cls, scenario, seed: int, journal: list, on_action=None) -> "Match":
        """The match a journal describes, leaders included; `on_action(match)` runs after each action.

        An AI entry is chosen again by its leader and must come out the same; if it does not (the
        AI has changed since), the journal's action is applied all the same and the index is kept
        in `diverged`. Raise JournalError at the first entry that cannot be replayed.
        """
        controls = {}
        for entry in journal:
            if not (isinstance(entry, list) and entry and entry[0] == Entry.CONTROL):
                break
            if len(entry) != 3 or not isinstance(entry[1], str):
                raise JournalError(f"a control entry is [control, seat, controller], not {entry!r:.80}")
            controls[entry[1]] = entry[2]
        missing = set(scenario.seat_ids) - set(controls)
        if missing:
            raise JournalError(f"the journal does not say who plays {', '.join(sorted(missing))}")
        try:
            match = cls(scenario, seed, controls)
        except ValueError as err:
            raise JournalError(str(err)) from None
        for index, entry in enumerate(journal[len(controls):], len(controls)):
            try:
                match._replay_entry(entry, index)
            except (IllegalAction, ValueError, KeyError, TypeError) as err:
                raise JournalError(f"entry {index + 1} ({_short(entry)}) cannot be replayed: {err}") from None
            if on_action and entry[0] in (Entry.ACT, Entry.AI, Entry.OP):
                on_action(match)
        return match

    def _replay_entry(self, entry, index: int) -> None:
        if not isinstance(entry, list) or not entry:
            raise ValueError("an entry is a list that starts with its kind")
        kind, *rest = entry
        if kind == Entry.CONTROL and len(rest) == 2:
            self.set_controller(*rest)
        elif kind == Entry.ACT and len(rest) == 2:
            self.act(*rest)
        elif kind == Entry.AI and len(rest) == 2:
            seat, action = rest
            if self.controllers.get(seat) in (None, Controller.HUMAN):
                raise ValueError(f"{seat} is not played by an AI leader here")
            chosen = self.decide(seat).to_dict()
            if chosen != Action.from_dict(action).to_dict():
                self.diverged.append(index)
            self.state.apply(seat, action)
            self.journal.append([Entry.AI, seat, self.state.log[-1][1]])
        elif kind == Entry.ASK and len(rest) == 4:
            seat, partner, terms, parties = rest
            if not isinstance(terms, dict) or not isinstance(parties, list):
                raise ValueError("an ask names its terms and parties")
            self.ask(seat, partner, terms, parties)
        elif kind == Entry.OP and len(rest) == 1:
            self.facilitate(rest[0])
        else:
            raise ValueError(f"unknown journal entry kind {kind!r} or wrong length")

    def actions(self) -> list:
        """The state's log as [seat, action] pairs (what an older save holds)."""
        return [[seat, action] for seat, action in self.state.log]


def _short(entry) -> str:
    text = repr(entry)
    return text if len(text) <= 80 else text[:77] + "..."
