"""What happened at a table, step by step: the game's log replayed beside its match journal.

The final state knows every offer and agreement, but not when in a day each thing happened, which
seat's leader was an AI at the time, what was asked of the AI leaders, or how trust and the terms
in force stood at the end of each day. Replaying the log on a fresh state (no AI decisions are
made again: the log is applied as it was) recovers all of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from game.engine import Game
from game.engine.kinds import FACILITATOR, Controller, Phase
from game.match import Entry


class By(StrEnum):
    """Who chose an action."""
    PERSON = "person"
    AI = "ai"
    FACILITATOR = "facilitator"
    UNKNOWN = "unknown"     # an older save: its journal was not recorded


@dataclass
class Step:
    n: int              # 1-based position in the game's log
    turn: int
    round: int          # the talks round (0 in the moves phase)
    phase: str
    seat: str           # FACILITATOR for a facilitator's operation
    action: dict
    by: By
    events: list        # the events it caused
    settled: dict       # the terms in force just before it


@dataclass
class Ask:
    turn: int
    round: int
    seat: str           # the AI leader asked
    asker: str
    terms: dict
    parties: list


@dataclass
class DayEnd:
    turn: int           # 0: before anything was done on day 1
    trust: list         # trust[a][b]: how much seat a trusts seat b, in scenario seat order
    stats: list
    outcome: dict       # the terms in force


@dataclass
class Story:
    steps: list = field(default_factory=list)
    asks: list = field(default_factory=list)
    controls: list = field(default_factory=list)   # (steps done before it, seat, controller)
    days: list = field(default_factory=list)
    journal_known: bool = True


def tell(scenario, seed: int, final_state, journal: list, journal_known: bool = True) -> Story:
    """Replay `final_state`'s log on a fresh game, reading who chose each action from the journal."""
    state = Game(scenario, seed).new_state()
    story = Story(journal_known=journal_known)
    log = final_state.log
    kinds = [e[0] for e in journal if isinstance(e, list) and e and e[0] in (Entry.ACT, Entry.AI, Entry.OP)]
    if len(kinds) != len(log):
        kinds, story.journal_known = [Entry.ACT] * len(log), False
    story.days.append(_day_end(state, 0))
    done = 0

    def apply(k: int) -> None:
        seat, action = log[k]
        turn, phase = state.turn, state.phase
        round_ = state.round if phase == Phase.TALKS else 0
        settled = state.outcome()
        first = len(state.events)
        state.replay(seat, action)
        story.steps.append(Step(k + 1, turn, round_, str(phase), seat, dict(action),
                                _by(seat, kinds[k], story.journal_known), state.events[first:], settled))
        if state.turn != turn or (state.is_over() and phase != Phase.OVER):
            story.days.append(_day_end(state, turn))

    for entry in journal if story.journal_known else ():
        kind = entry[0]
        if kind == Entry.CONTROL:
            story.controls.append((done, entry[1], str(entry[2])))
        elif kind == Entry.ASK:
            _, seat, asker, terms, parties = entry
            story.asks.append(Ask(state.turn, state.round if state.phase == Phase.TALKS else 0, seat, asker,
                                  dict(terms), list(parties)))
        else:
            apply(done)
            done += 1
    for k in range(done, len(log)):
        apply(k)
    return story


def _by(seat: str, kind, known: bool) -> By:
    if seat == FACILITATOR:
        return By.FACILITATOR
    if not known:
        return By.UNKNOWN
    return By.AI if kind == Entry.AI else By.PERSON


def _day_end(state, turn: int) -> DayEnd:
    return DayEnd(turn, state.trust.tolist(), state.stats.tolist(), state.outcome())


def first_controllers(story: Story, seats) -> dict:
    """Who played each seat when the game began."""
    out = {}
    for done, seat, kind in story.controls:
        if done == 0:
            out[seat] = kind
    return {s: out.get(s, str(Controller.NORMAL)) for s in seats}
