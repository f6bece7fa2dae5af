"""What the table screen says about where the game stands: the order of speaking this round."""

import pygame

from game.present.turns import ordinal


def test_the_seats_table_shows_the_order_of_speaking_and_who_has_spoken(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.until(day=1, talk_round=1)
    d.frame()
    shown = d.text()
    # Day 1: Turkey speaks first, then the others in the scenario's order.
    assert "\u25b6 speaking" in shown
    for k in range(2, len(t.scenario_seats) + 1):
        assert f"speaks {ordinal(k)}" in shown, f"no seat says it speaks {ordinal(k)}"
    assert not [s for s in shown if s.startswith("\u2713 spoke")], "nobody has spoken yet this round"
    t = play.until(day=2, talk_round=1)
    d.frame()
    shown = d.text()
    # Day 2: the order has moved on by a seat, so Turkey speaks last and everyone else has spoken.
    spoken = sorted(s for s in shown if s.startswith("\u2713 spoke"))
    assert len(spoken) == len(t.scenario_seats) - 1, spoken
    assert "\u2713 spoke 1st" in spoken and "\u25b6 speaking" in shown
    who = d.widget("who:russia").tooltip
    assert "Order of speaking, round 1 of 3: \u2713 Russia, " in who and who.rstrip(").").endswith("speaking now")
    assert "\u25b6 Turkey (you)" in who


def test_the_order_is_not_shown_while_moves_are_chosen(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    play.until(day=1, phase="moves")
    d.key(pygame.K_4)
    shown = d.text()
    assert not [s for s in shown if s.startswith(("speaks ", "\u2713 spoke"))]
    assert "\u25b6 choosing" in shown
