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


def _score_shown(d):
    shown = d.text()
    k = shown.index("Your score so far")
    return int(shown[k + 1])


def test_the_header_shows_the_score_as_things_stand_and_signing_moves_it_by_the_bars_figure(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.until(day=1, talk_round=2)
    d.frame()
    before = _score_shown(d)
    assert before == t.session.outlook("turkey")["final"]
    assert "Your final score as things stand: " in d.widget("score").tooltip
    play.top_of(pygame.K_2, "offers")
    for _ in t.offers.offers():
        if d.widget("accept").enabled and set(t.offers.selected()["parties"]) == {"turkey", "russia"}:
            break
        d.key(pygame.K_DOWN)
    offer = t.offers.selected()
    total = t.offers.offer_stakes(offer)["total"]
    d.click("accept")
    assert next(p for p in t.obs["proposals"] if p["id"] == offer["id"])["status"] == "signed"
    d.frame()
    assert _score_shown(d) == before + total, "signing moved the score by what the offer's bar said"
