"""Private talks leave no trace in an outsider's view: not in ids, counts, numbering or moves."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from turns import end_talks, until

from game.catalog import load_scenario
from game.engine import DONE, Game, move, propose, reject, withdraw

load = lru_cache(maxsize=None)(load_scenario)
OUTSIDERS = ("syria", "eu", "us_nato", "rebels")


def day_one(private_talks: bool):
    state = Game(load("moscow-2020"), 3).new_state()
    if private_talks:
        state.apply("turkey", propose(("turkey", "russia"), {"ceasefire": "local"}, reason="between us"))
        quiet = list(state.proposals)[-1]
    state.apply("turkey", propose(("turkey", "russia"), {"ceasefire": "full"}, public=True))
    state.apply("turkey", DONE)
    if private_talks:
        until(state, "russia")
        state.apply("russia", reject(quiet, reason="not yet"))
        state.apply("russia", propose(("turkey", "russia"), {"corridor_km": "6"}))
        state.apply("russia", withdraw(list(state.proposals)[-1]))
    end_talks(state)
    return state


def test_an_outsider_sees_exactly_the_same_whether_or_not_others_talked_in_private():
    quiet, busy = day_one(False), day_one(True)
    assert len(busy.proposals) == len(quiet.proposals) + 2
    for seat in OUTSIDERS:
        assert busy.observation(seat) == quiet.observation(seat)
        assert busy.observation(seat, since=2) == quiet.observation(seat, since=2)
    assert busy.observation("russia") != quiet.observation("russia")


def test_a_secret_move_looks_just_like_holding_in_the_record_of_moves():
    scen = load("moscow-2020")
    secret = tuple(dataclasses.replace(m, public=False) if m.id == "shell_posts" else m for m in scen.moves)
    scen = dataclasses.replace(scen, moves=secret)
    logs = {}
    for syrias_move in ("hold", "shell_posts"):
        state = Game(scen, 3).new_state()
        end_talks(state)
        for seat in list(state.to_move()):
            state.apply(seat, move(syrias_move if seat == "syria" else "hold"))
        logs[syrias_move] = {seat: state.observation(seat)["moves"] for seat in scen.seat_ids}
        assert [1, "syria", syrias_move] in logs[syrias_move]["syria"]
    for seat in scen.seat_ids:
        if seat != "syria":
            assert logs["hold"][seat] == logs["shell_posts"][seat] == [[1, seat, "hold"]]
