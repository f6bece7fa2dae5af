"""The date rule through `python main.py validate`: no citation from the future unless the item says so.

The documented minimal scenario starts on 2020-01-01 and lasts two days; these tests give it a
second source, published on a chosen day, and cite it from items shown on day 1 or day 2.
"""

from __future__ import annotations

import pytest
from scenario_text import edit
from test_validate_cli import expect, place, validate, write

SOURCES = "  - {id: note, title: An invented example, date: 2020-01-01}\n"
LAST_MOVE = "    source: note\nmap:"


def with_wire(minimal, published="2020-01-02", event=None, move_source="note", north_source="note"):
    """The minimal scenario with a source `wire` published on `published`, and optionally an event."""
    text = edit(minimal, (SOURCES, SOURCES + f"  - {{id: wire, title: A wire report, date: {published}, "
                                              "publisher: Wire Service}\n"))
    events = f"\nevents:\n{event}" if event else ""
    text = edit(text, (LAST_MOVE, f"    source: {move_source}{events}\nmap:"))
    return edit(text, ("    source: note\n  - id: south", f"    source: {north_source}\n  - id: south"))


def event(turn="turn: 1", source="wire", later=""):
    return (f"  - id: word\n    {turn}\n    title: Word from the border\n    text: Something happened.\n"
            f"    source: {source}\n{later}")


def run(tmp_path, capsys, text):
    text, line, col = place(text) if "§" in text else (text, 0, 0)
    path = write(tmp_path, text)
    code, lines = validate(capsys, path)
    return code, lines, path, line, col


def test_an_event_citing_a_later_source_is_refused_where_it_cites_it(minimal, tmp_path, capsys):
    code, lines, path, line, col = run(tmp_path, capsys, with_wire(minimal, event=event(source="§wire")))
    assert code == 2
    expect(lines, path, line, col, "events[0].source",
           "source 'wire' was published on 2020-01-02, after 2020-01-01, the first day this event can be shown "
           "(day 1): cite a source out by then, or mark the item 'reported_later: true'")
    assert len(lines) == 1


def test_with_the_marking_it_is_accepted(minimal, tmp_path, capsys):
    code, lines, *_ = run(tmp_path, capsys, with_wire(minimal, event=event(later="    reported_later: true\n")))
    assert code == 0, lines
    assert ": ok: " in lines[0]


def test_a_source_out_by_the_day_shown_needs_no_marking(minimal, tmp_path, capsys):
    code, lines, *_ = run(tmp_path, capsys, with_wire(minimal, event=event(turn="turn: 2")))
    assert code == 0, lines


def test_a_marking_that_would_mislead_is_refused_at_the_marking(minimal, tmp_path, capsys):
    text = with_wire(minimal, event=event(turn="turn: 2", later="    reported_later: §true\n"))
    code, lines, path, line, col = run(tmp_path, capsys, text)
    assert code == 2
    expect(lines, path, line, col, "events[0].reported_later",
           "source 'wire' was published on 2020-01-02, by 2020-01-02, the first day this event can be shown: "
           "it was not reported later, so remove 'reported_later'")


@pytest.mark.parametrize("published, refused", [("2020-01-02", False), ("2020-01-03", True)])
def test_a_triggered_event_is_dated_by_the_first_day_its_condition_can_hold(minimal, tmp_path, capsys,
                                                                            published, refused):
    # An agreement is signed during a day, and events come at the start of one: day 2 at the earliest.
    text = with_wire(minimal, published, event(turn='when: {agreed: {issue: crossing, option: "yes"}}',
                                               source="§wire"))
    code, lines, path, line, col = run(tmp_path, capsys, text)
    assert code == (2 if refused else 0), lines
    if refused:
        expect(lines, path, line, col, "events[0].source", "after 2020-01-02, the first day this event can be shown "
                                                           "(day 2)")


def test_a_condition_on_the_turn_dates_the_event_by_its_bound(minimal, tmp_path, capsys):
    when = "when: {all: [{turn: {at_least: 2}}, {stat: {seat: north, stat: domestic, at_least: 0}}]}"
    code, lines, *_ = run(tmp_path, capsys, with_wire(minimal, event=event(turn=when)))
    assert code == 0, lines


@pytest.mark.parametrize("where", ["move", "seat"])
def test_what_players_hold_from_day_one_is_dated_day_one(minimal, tmp_path, capsys, where):
    text = with_wire(minimal, move_source="§wire") if where == "move" else with_wire(minimal, north_source="§wire")
    code, lines, path, line, col = run(tmp_path, capsys, text)
    assert code == 2
    field = "moves[0].source" if where == "move" else "seats[0].source"
    expect(lines, path, line, col, field, f"the first day this {where} can be shown (day 1)")


def test_the_history_may_cite_what_came_after_the_summit(minimal, tmp_path, capsys):
    text = edit(with_wire(minimal, published="2030-06-01"),
                ('outcome: {crossing: "yes"}\n  source: note', 'outcome: {crossing: "yes"}\n  source: wire'))
    code, lines, *_ = run(tmp_path, capsys, text)
    assert code == 0, lines
