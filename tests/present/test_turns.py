"""Who speaks when: every seat's place in the round agrees with whose turn the rules say it is."""

from __future__ import annotations

import pytest

from game.catalog import load_scenario
from game.engine import DONE, Game, public_info
from game.engine.actions import Action
from game.present.table import Words
from game.present.turns import SPEAKING, SPOKEN, ordinal, talk_order_line, talk_place


@pytest.mark.parametrize("scenario_id", ["moscow-2020", "sochi-2008"])
def test_each_seat_sees_the_order_of_the_round_and_who_has_spoken_as_the_rules_play_it(scenario_id):
    scenario = load_scenario(scenario_id)
    public = public_info(scenario)
    seats = list(scenario.seat_ids)
    state = Game(scenario, 5).new_state()
    viewer = seats[0]
    firsts = {}
    while state.turn <= 2 and not state.is_over():
        obs = state.observation(viewer)
        if obs["phase"] != "talks":
            assert obs["talk_order"] == [] and talk_order_line(Words(public, viewer), obs) == ""
            assert all(talk_place(obs, s) is None for s in seats)
            for seat in list(state.to_move()):
                state.apply(seat, Action("move", move="hold"))
            continue
        order = obs["talk_order"]
        assert sorted(order) == sorted(seats)
        firsts.setdefault(obs["turn"], order[0])
        speaker = state.to_move()[0]
        places = {s: talk_place(obs, s) for s in seats}
        assert places[speaker].state == SPEAKING and places[speaker].text == "\u25b6 speaking"
        spoken = order[:order.index(speaker)]
        assert {s for s, p in places.items() if p.state == SPOKEN} == set(spoken)
        for k, seat in enumerate(order):
            assert ordinal(k + 1) in places[seat].short
        line = talk_order_line(Words(public, viewer), obs)
        names = [public["seats"][seats.index(s)]["name"] for s in order]
        positions = [line.index(name) for name in names]
        assert positions == sorted(positions), "the line names the seats in the order they speak"
        assert f"\u25b6 {names[order.index(speaker)]}" in line
        state.apply(speaker, DONE)
    assert firsts[2] != firsts[1], "the order rotates from one day to the next"
    assert firsts[1] == seats[0] and firsts[2] == seats[1]


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101)] == \
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st"]
