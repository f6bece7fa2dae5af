"""A match: one state, who controls each seat, and the AI leaders that play.

The desktop game, the simulate command and the tests drive games through
this class; it holds no rules of its own. AI seats see only their own
observation.
"""

from __future__ import annotations

from game.ai import BASELINES, LEVELS, make_leader
from game.ai.scripted import STRATEGIES
from game.engine import Game, public_info

CONTROLLERS = ("human",) + LEVELS + tuple(BASELINES) + tuple(STRATEGIES)
MAX_AI_STEPS = 10_000


_PUBLIC = {}


def _public(scenario):
    """public_info is the same for every game of a scenario; AI-only runs build many games."""
    key = (scenario.id, scenario.content_hash)
    if key not in _PUBLIC:
        _PUBLIC[key] = public_info(scenario)
    return _PUBLIC[key]


class Match:
    def __init__(self, scenario, seed: int, controllers: dict, state=None):
        unknown = set(controllers) - set(scenario.seat_ids)
        if unknown:
            raise ValueError(f"no seat {', '.join(sorted(unknown))} in {scenario.id}")
        self.scenario = scenario
        self.controllers = {s: controllers.get(s, "normal") for s in scenario.seat_ids}
        for seat, kind in self.controllers.items():
            if kind not in CONTROLLERS:
                raise ValueError(f"{seat}: '{kind}' is not one of {', '.join(CONTROLLERS)}")
        self.game = Game(scenario, seed) if state is None else state.game
        self.state = self.game.new_state() if state is None else state
        self.public = _public(scenario)
        self.leaders = {s: make_leader(self.public, s, kind, seed * 31 + k)
                        for k, (s, kind) in enumerate(self.controllers.items()) if kind != "human"}

    @property
    def humans(self) -> list:
        return [s for s, kind in self.controllers.items() if kind == "human"]

    def human_to_move(self):
        """The first human seat that may act now, or None."""
        for seat in self.state.to_move():
            if self.controllers[seat] == "human":
                return seat
        return None

    def ai_to_move(self):
        for seat in self.state.to_move():
            if self.controllers[seat] != "human":
                return seat
        return None

    def act(self, seat: str, action) -> list:
        return self.state.apply(seat, action)

    def decide(self, seat: str):
        leader = self.leaders[seat]
        state = self.state
        return leader.decide(state.observation(seat, since=leader.seen), state.legal_actions(seat),
                             state.proposal_space(seat))

    def step_ai(self, limit: int = MAX_AI_STEPS) -> list:
        """Let AI seats act until a human must act or the game ends; return the events."""
        events = []
        for _ in range(limit):
            if self.state.is_over():
                break
            seat = self.ai_to_move()
            if seat is None:
                break
            events += self.state.apply(seat, self.decide(seat))
        return events

    def ask(self, seat: str, partner: str, terms: dict, parties=()):
        """Ask AI seat `seat` what it would want for these terms from `partner`, with these parties to the
        package: (terms it would sign or None, what it says)."""
        leader = self.leaders[seat]
        return leader.what_would_you_want(self.state.observation(seat, since=leader.seen), partner, terms, parties)

    def run(self) -> None:
        """Play to the end; every seat must be an AI."""
        if self.humans:
            raise ValueError("run() plays AI-only games; this match has human seats")
        self.step_ai()
