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


def test_a_move_that_is_not_available_says_why(make_app, table_play):
    play = table_play(make_app(), "sochi-2008", "israel").start()
    d = play.d
    t = play.until(day=1, phase="moves")
    d.key(pygame.K_4)
    d.focus("moves")
    d.key(pygame.K_HOME)
    while t.moves.selected()["id"] != "golan_readiness":
        d.key(pygame.K_DOWN)
    assert not d.widget("choose").enabled
    why = ("\u2717 Not available now. Only possible when Russia has made the move \u201cRush strike-capable systems "
           "to Syria\u201d or the table agrees \u201cS-300 long-range air defence\u201d: yes or the table agrees "
           "\u201cIskander-E missiles\u201d: yes.")
    assert why in " ".join(d.text()), "the reason is drawn in full (wrapped over lines)"
    d.click_at(d.widget("choose").rect.center)
    assert ("israel", {"type": "move", "move": "golan_readiness"}) not in t.session.state.log
