"""Each registered condition, evaluated on games of every-kind.yaml as the rules say, and worded.

A check per kind, found by the kind's name: adding a condition means adding its check here
(test_every_condition_has_a_check fails until then).
"""

from __future__ import annotations

import pytest
from every_kind import end_talks, event, fresh, names, next_day, objective, scenario, sign

from game.engine import IllegalAction, move
from game.engine.world import StateFacts, holds
from game.scenario.vocabulary import (
    CONDITIONS,
    Agreed,
    AllOf,
    AnyOf,
    Broke,
    Happened,
    Moved,
    Not,
    TrackWithin,
    TurnWithin,
)


def first_day(event_id):
    """An event's first day as the date rule computes it (the day its citation is shown from)."""
    return next(c.day for c in scenario().citations if c.kind == "event" and c.ident == event_id)


def check_agreed():
    open_crossing, fair_toll = objective("crossing_open"), objective("fair_toll")
    state = fresh()
    assert not holds(state, open_crossing) and not holds(state, Agreed("crossing")), \
        "an issue nobody signed is not agreed, whatever its default"
    sign(state, {"crossing": "yes", "toll": "2"})
    assert holds(state, open_crossing) and holds(state, fair_toll) and holds(state, Agreed("toll"))
    assert not holds(state, Agreed("crossing", option="no"))
    options = scenario().issue("toll").options
    for signed in options:
        state = fresh()
        sign(state, {"toll": signed})
        for lo in options:
            for hi in options:
                expected = options.index(lo) <= options.index(signed) <= options.index(hi)
                assert holds(state, Agreed("toll", at_least=lo, at_most=hi)) == expected, (signed, lo, hi)
            assert holds(state, Agreed("toll", at_least=lo)) == (options.index(signed) >= options.index(lo))
            assert holds(state, Agreed("toll", at_most=lo)) == (options.index(signed) <= options.index(lo))
    assert Agreed("toll").earliest(first_day) == 2, "signed during a day: seen by events the next morning"
    assert open_crossing.words(names()) == "the table agrees \u201cOpen the crossing\u201d: yes"
    assert fair_toll.words(names()) == "the table agrees \u201cToll at the crossing\u201d: 1 euro to 3 euros"
    assert Agreed("toll", at_most="2").words(names()) == \
        "the table agrees \u201cToll at the crossing\u201d: 2 euros or less"
    assert Agreed("toll").words(names()) == "the table agrees anything on \u201cToll at the crossing\u201d"


def check_stat():
    strong = objective("strong")        # North's military at least 55; it starts at 50
    state = fresh()
    assert not holds(state, strong) and strong.gap(StateFacts(state)) == 5, "how far short, for the AI leaders"
    next_day(state, north="raise_guard")  # military +5
    assert holds(state, strong) and strong.gap(StateFacts(state)) == 0
    assert strong.words(names()) == "North's military strength is at least 55"


def check_trust():
    feared = objective("feared")         # South's trust in North at most 40; it starts at 45
    state = fresh()
    assert not holds(state, feared)
    next_day(state, north="raise_guard")  # South's trust in North -10: 35
    assert holds(state, feared)
    next_day(state, south="open_hand")    # +5 both ways: 40, the bound itself
    assert holds(state, feared)
    assert feared.words(names()) == "South's trust in North is at most 40"


def check_track():
    quiet = objective("quiet")           # tension at most 0
    state = fresh()
    assert holds(state, quiet)
    next_day(state, north="raise_guard")  # +1, and the guard noticed the next morning, +1 more
    assert not holds(state, quiet) and holds(state, TrackWithin("tension", at_least=2, at_most=2))
    assert quiet.words(names()) == "Tension on the border is at most 0 incidents"
    assert TrackWithin("tension", 1, 3).words(names()) == "Tension on the border is between 1 and 3 incidents"


def check_controls():
    strip_held = objective("strip_held")
    state = fresh()
    assert not holds(state, strip_held)
    end_talks(state)
    with pytest.raises(IllegalAction, match="not available now"):
        state.apply("north", move("man_the_gate"))   # it requires the strip
    state.apply("north", move("raise_guard"))
    state.apply("south", move("hold"))
    assert holds(state, strip_held)
    next_day(state, north="man_the_gate")
    assert state.observation("north")["sites"]["gate"] == "north"
    assert strip_held.words(names()) == "North holds The strip"


def check_moved():
    guard_raised = objective("guard_raised")
    state = fresh()
    assert not holds(state, guard_raised)
    next_day(state, north="raise_guard")
    assert holds(state, guard_raised) and not holds(state, Moved("north", "man_the_gate"))
    assert state.fired == ["guard_noticed"] and state.turn == 2, "its event fires the next morning"
    assert event("guard_noticed").when.earliest(first_day) == first_day("guard_noticed") == 2
    assert guard_raised.words(names()) == "North has made the move \u201cRaise the border guard\u201d"


def check_broke():
    exposed = objective("south_exposed")
    state = fresh()
    sign(state, {"crossing": "yes"})       # binds the South not to close the road
    next_day(state, south="close_road")
    assert [b["seat"] for b in state.breaches] == ["south"]
    assert holds(state, exposed) and not holds(state, Broke("north"))
    assert "road_closed_anyway" in state.fired and first_day("road_closed_anyway") == 2
    other = fresh()
    next_day(other, south="close_road")     # nothing signed: closing the road breaks nothing
    assert not holds(other, exposed) and "road_closed_anyway" not in other.fired
    assert exposed.words(names()) == "South has broken an agreement"


def check_turn():
    lasted = objective("lasted")         # days 3 to 4
    state = fresh()
    seen = []
    while not state.is_over():
        seen.append((state.turn, holds(state, lasted), holds(state, TurnWithin(at_most=1))))
        next_day(state)
    assert seen == [(1, False, True), (2, False, False), (3, True, False), (4, True, False)]
    assert lasted.earliest(first_day) == 3 and TurnWithin(at_most=2).earliest(first_day) == 1
    assert lasted.words(names()) == "between day 3 and day 4"
    assert TurnWithin(at_least=2).words(names()) == "from day 2 on"
    assert TurnWithin(2, 2).words(names()) == "on day 2"


def check_happened():
    settled = objective("fishing_settled")
    state = fresh()
    days = []
    while not state.is_over():
        days.append((state.turn, holds(state, settled), "next_year" in state.fired))
        next_day(state)
    assert days == [(1, False, False), (2, False, False), (3, True, True), (4, True, True)], \
        "an event waiting for another fires the same morning"
    assert first_day("next_year") == first_day("fishing_dropped") == 3
    assert settled.words(names()) == "\u201cFishing is dropped from the talks\u201d has happened"


def check_all():
    calm_or_open = objective("calm_or_open")   # all: [any: [quiet, crossing open], not: North broke]
    assert isinstance(calm_or_open, AllOf)
    state = fresh()
    assert holds(state, calm_or_open)
    next_day(state, north="raise_guard")        # no longer quiet, and nothing signed
    assert not holds(state, calm_or_open)
    sign(state, {"crossing": "yes"})
    assert holds(state, calm_or_open)
    assert AllOf((TurnWithin(at_least=3), Moved("north", "raise_guard"))).earliest(first_day) == 3
    assert calm_or_open.words(names()) == ("Tension on the border is at most 0 incidents or the table agrees "
                                           "\u201cOpen the crossing\u201d: yes, unless North has broken an agreement")


def check_any():
    either = objective("calm_or_open").items[0]
    assert isinstance(either, AnyOf)
    state = fresh()
    assert holds(state, either)
    next_day(state, north="raise_guard")
    assert not holds(state, either)
    sign(state, {"crossing": "yes"})
    assert holds(state, either)
    assert AnyOf((TurnWithin(at_least=3), Moved("north", "raise_guard"))).earliest(first_day) == 2
    assert either.words(names()) == "Tension on the border is at most 0 incidents or the table agrees " \
                                    "\u201cOpen the crossing\u201d: yes"


def check_not():
    kept_word = objective("calm_or_open").items[1]
    assert kept_word == Not(Broke("north"))
    never_broke = Not(Broke("south"))
    state = fresh()
    assert holds(state, kept_word) and holds(state, never_broke)
    sign(state, {"crossing": "yes"})
    next_day(state, south="close_road")
    assert holds(state, kept_word) and not holds(state, never_broke)
    assert never_broke.words(names()) == "unless South has broken an agreement"
    assert AllOf((TurnWithin(at_least=2), never_broke)).words(names()) == \
        "from day 2 on, unless South has broken an agreement"
    assert Not(Happened("fishing_dropped")).earliest(first_day) == 1


CHECKS = {"agreed": check_agreed, "stat": check_stat, "trust": check_trust, "track": check_track,
          "controls": check_controls, "moved": check_moved, "broke": check_broke, "turn": check_turn,
          "happened": check_happened, "all": check_all, "any": check_any, "not": check_not}


def test_every_condition_has_a_check():
    assert set(CHECKS) == set(CONDITIONS), "a registered condition needs its check in this file"


@pytest.mark.parametrize("kind", list(CONDITIONS))
def test_the_condition_holds_as_the_rules_say(kind):
    CHECKS[kind]()
