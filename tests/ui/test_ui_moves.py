"""The day's move starts on Hold: yesterday's choice is never one keypress from being made again."""

import pygame


def test_each_moves_phase_opens_on_hold_whatever_was_chosen_the_day_before(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.until(day=1, phase="moves")
    assert t.moves.selected()["id"] == "hold"
    d.key(pygame.K_4)
    d.focus("moves")
    d.key(pygame.K_DOWN)
    chosen = t.moves.selected()
    assert chosen["id"] != "hold" and d.widget("choose").enabled
    d.key(pygame.K_RETURN)
    assert ("turkey", {"type": "move", "move": chosen["id"]}) in t.session.state.log
    t = play.until(day=2, phase="moves")
    assert t.moves.selected()["id"] == "hold"
    assert not t.moves.breaks("hold")
