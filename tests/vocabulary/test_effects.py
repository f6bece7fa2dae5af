"""Each registered effect, applied in games of every-kind.yaml as the rules say, and read the same in the
news and on a move's card.

A check per kind, found by the kind's name: adding an effect means adding its check here
(test_every_effect_has_a_check fails until then).
"""

from __future__ import annotations

import pytest
from every_kind import fresh, names, next_day, public, scenario, sign

from game.engine import IllegalAction, propose
from game.engine.obligations import BREACH_DOMESTIC
from game.engine.world import apply_effect
from game.present.table import Words, move_card
from game.report.briefings import briefing_files
from game.scenario.vocabulary import EFFECTS, HandRegion, ShiftStat, ShiftTrack, ShiftTrust


def seen(state) -> dict:
    """The facts as the North's observation gives them."""
    return state.observation("north")


def news_of(events, seat) -> list:
    """What the news says a seat's move did."""
    return next(e["changes"] for e in events if e["kind"] == "move" and e["seat"] == seat)


def card(move_id, seat) -> list:
    """The effect lines on the move's card in the seat's own moves list."""
    mv = next(m for m in public()["moves"] if m["id"] == move_id)
    return move_card(Words(public(), seat), fresh().observation(seat), mv, None)["effects"]


def check_stat():
    state = fresh()
    before = seen(state)["stats"]["north"]
    events = next_day(state, north="raise_guard")   # military +5, standing +5 from 98
    after = seen(state)["stats"]["north"]
    assert (after["military"], after["standing"]) == (before["military"] + 5, 100), "kept within 0-100"
    assert news_of(events, "north")[:2] == ["North: military strength +5", "North: international standing +2"], \
        "the news says how far the stat really moved"
    assert card("raise_guard", "north")[:2] == ["North: military strength +5", "North: international standing +5"]
    low = fresh()
    assert apply_effect(low, ShiftStat("south", "economy", -100)) == "South: economy \u221250"
    assert apply_effect(low, ShiftStat("south", "economy", -1)) == "South: economy 0"
    assert seen(low)["stats"]["south"]["economy"] == 0


def check_trust():
    state = fresh()
    events = next_day(state, north="raise_guard")
    assert seen(state)["trust"]["south"]["north"] == 35 and seen(state)["trust"]["north"]["south"] == 45
    assert news_of(events, "north")[2] == card("raise_guard", "north")[2] == "South's trust in North \u221210"
    events = next_day(state, south="open_hand")       # +5 both ways
    assert seen(state)["trust"]["south"]["north"] == 40 and seen(state)["trust"]["north"]["south"] == 50
    assert news_of(events, "south")[0] == card("open_hand", "south")[0] == \
        "trust between South and North +5, both ways"
    bounded = fresh()
    own = seen(bounded)["trust"]["north"]["north"]
    apply_effect(bounded, ShiftTrust("north", "south", 100, mutual=True))
    apply_effect(bounded, ShiftTrust("north", "north", -100))
    trust = seen(bounded)["trust"]
    assert (trust["north"]["south"], trust["south"]["north"]) == (100, 100), "kept within 0-100"
    assert trust["north"]["north"] == own, "a seat's trust in itself never moves"


def check_track():
    state = fresh()
    events = next_day(state, north="raise_guard")     # +1; the next morning's news adds one more
    assert seen(state)["tracks"]["tension"] == 2
    assert news_of(events, "north")[3] == card("raise_guard", "north")[3] == "Tension on the border: +1 incident"
    assert [e["changes"] for e in events if e.get("event") == "guard_noticed"] == \
        [["Tension on the border: +1 incident"]]
    capped = fresh()
    assert apply_effect(capped, ShiftTrack("tension", 9)) == "Tension on the border: +9 incidents"
    assert seen(capped)["tracks"]["tension"] == 5, "kept within the track's bounds"


def check_control():
    state = fresh()
    assert seen(state)["regions"]["strip"] == ""
    events = next_day(state, north="raise_guard")
    assert seen(state)["regions"]["strip"] == "north"
    assert news_of(events, "north")[4] == card("raise_guard", "north")[4] == "The strip passes to North"
    events = next_day(state, south="open_hand")
    assert seen(state)["regions"]["strip"] == ""
    assert news_of(events, "south")[3] == card("open_hand", "south")[3] == "The strip becomes contested"
    assert HandRegion("north_land", "south").words(names()) == "The North passes to South"


def check_site():
    state = fresh()
    assert seen(state)["sites"]["gate"] == "north"
    events = next_day(state, north="raise_guard")
    assert seen(state)["sites"]["gate"] == ""
    assert news_of(events, "north")[5] == card("raise_guard", "north")[5] == "The crossing gate becomes contested"
    events = next_day(state, north="man_the_gate")
    assert seen(state)["sites"]["gate"] == "north"
    assert news_of(events, "north") == card("man_the_gate", "north") == ["The crossing gate passes to North"]


def check_open_issue():
    state = fresh()
    with pytest.raises(IllegalAction):
        state.apply(state.to_move()[0], propose(("north", "south"), {"later_talks": "yes"}))
    events = next_day(state, south="open_hand")
    assert "later_talks" in seen(state)["open_issues"]
    assert news_of(events, "south")[1] == card("open_hand", "south")[1] == \
        "\u201cTalks next year\u201d comes onto the table"
    sign(state, {"later_talks": "yes"})
    assert state.outcome() == {"later_talks": "yes"}


def check_close_issue():
    state = fresh()
    assert "fishing" in seen(state)["open_issues"]
    events = next_day(state, south="open_hand")
    assert "fishing" not in seen(state)["open_issues"]
    assert news_of(events, "south")[2] == card("open_hand", "south")[2] == \
        "\u201cFishing rights in the bay\u201d leaves the table"
    with pytest.raises(IllegalAction):
        state.apply(state.to_move()[0], propose(("north", "south"), {"fishing": "shared"}))


def test_a_penalty_applies_with_the_breach_it_punishes():
    state = fresh()
    sign(state, {"crossing": "yes"})
    start = seen(state)["stats"]["south"]["domestic"]
    next_day(state, south="close_road")   # +1 for the move, the rules' charge and the file's -4 for the breach
    assert seen(state)["stats"]["south"]["domestic"] == start + 1 + BREACH_DOMESTIC - 4
    [penalty] = state.agreements[0].obligations[0].penalty
    assert penalty == ShiftStat("south", "domestic", -4)


CHECKS = {"stat": check_stat, "trust": check_trust, "track": check_track, "control": check_control,
          "site": check_site, "open_issue": check_open_issue, "close_issue": check_close_issue}


def test_every_effect_has_a_check():
    assert set(CHECKS) == set(EFFECTS), "a registered effect needs its check in this file"


@pytest.mark.parametrize("kind", list(EFFECTS))
def test_the_effect_applies_and_reads_as_it_should(kind):
    CHECKS[kind]()


def test_a_move_reads_the_same_on_its_card_in_the_news_and_on_the_printed_briefing():
    """One wording: the card (from public data), the news (from the rules) and the briefings agree."""
    pages = briefing_files(scenario())
    for mv in scenario().moves:
        words = [e.words(names()) for e in mv.effects]
        assert card(mv.id, mv.seat) == words
        assert all(w.replace("'", "&#39;") in pages[f"{mv.seat}.html"] for w in words), words
