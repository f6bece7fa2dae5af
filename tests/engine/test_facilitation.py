"""A facilitator's news and events: they change the state only when legal, and replay from the log."""

from __future__ import annotations

from functools import lru_cache

import pytest

from game.catalog import load_scenario
from game.engine import Game, IllegalAction
from game.engine.kinds import FACILITATOR
from game.persistence import build, parse, restore
from game.persistence.saves import dumps

load = lru_cache(maxsize=None)(load_scenario)


def fresh(scenario_id="moscow-2020"):
    return Game(load(scenario_id), 3).new_state()


def test_announced_news_reaches_every_seat_with_its_source_line():
    state = fresh()
    events = state.facilitate({"type": "announce", "title": "Talks moved to the afternoon",
                               "text": "The delegations lunch first.", "source": "Class teacher"})
    assert [e["kind"] for e in events] == ["news"] and events[0]["source_line"] == "Class teacher"
    for seat in state.game.seat_ids:
        news = state.observation(seat)["news"]
        assert news[-1]["text"] == "Talks moved to the afternoon" and news[-1]["by"] == "facilitator"
    assert state.log[-1][0] == FACILITATOR


def test_a_scenario_event_happens_now_with_its_effects_once():
    state = fresh()
    pending = next(e for e in state.game.scenario.events if e.id not in state.fired and e.effects)
    before = state.digest()
    events = state.facilitate({"type": "trigger", "event": pending.id})
    assert events[0]["event"] == pending.id and events[0]["changes"] and state.digest() != before
    with pytest.raises(IllegalAction, match="already happened"):
        state.facilitate({"type": "trigger", "event": pending.id})


@pytest.mark.parametrize("op, why", [
    ({"type": "announce", "title": "", "source": "x"}, "needs a title"),
    ({"type": "announce", "title": "x", "source": ""}, "needs a source"),
    ({"type": "announce", "title": "x" * 161, "source": "x"}, "at most 160"),
    ({"type": "announce", "title": "bell\x07", "source": "x"}, "control characters"),
    ({"type": "announce", "title": 5, "source": "x"}, "must be text"),
    ({"type": "announce", "title": "x", "source": "y", "effects": []}, "takes no effects"),
    ({"type": "trigger", "event": "no_such_event"}, "no event"),
    ({"type": "explode"}, "unknown facilitator operation"),
    (["announce"], "a mapping"),
])
def test_a_bad_operation_is_refused_and_changes_nothing(op, why):
    state = fresh()
    before = state.digest()
    with pytest.raises(IllegalAction, match=why):
        state.facilitate(op)
    assert state.digest() == before


def test_operations_replay_from_a_save():
    state = fresh("sochi-2008")
    state.facilitate({"type": "announce", "title": "A rumour", "text": "", "source": "Radio"})
    seat = state.to_move()[0]
    state.apply(seat, {"type": "done"})
    pending = next(e for e in state.game.scenario.events if e.id not in state.fired)
    state.facilitate({"type": "trigger", "event": pending.id})
    again = restore(parse(dumps(build(state))), state.game.scenario)
    assert again.digest() == state.digest() and again.log == state.log
