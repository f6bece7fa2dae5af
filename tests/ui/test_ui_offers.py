"""Answering offers by keyboard: which panel shows, where the focus goes after an answer, and what it says."""

import pygame

from game.ui.script import play


def _answerable(t):
    return [p for p in t.offers.offers() if p["status"] == "open" and "turkey" in p["parties"]
            and "turkey" not in p["accepted"]]


def test_each_day_of_talks_opens_on_offers_and_the_moves_phase_on_moves(make_app, table_play):
    play = table_play(make_app()).start()
    t = play.until(day=1, phase="moves")
    assert t.tab == "moves"
    assert "4 Moves" in play.d.text()
    t = play.until(day=2, talk_round=1)
    assert t.tab == "offers", "yesterday ended on Moves; today's talks open on Offers"
    assert any(text.startswith("From ") for text in play.d.text()), "an offer is open in full"
    t = play.until(day=2, phase="moves")
    assert t.tab == "moves"
    t = play.until(day=3, talk_round=1)
    assert t.tab == "offers"


def test_enter_again_after_accepting_cannot_answer_an_offer_not_read(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.until(day=1, talk_round=2)
    assert len(_answerable(t)) >= 2, "the AI leaders have made Turkey more than one offer"
    play.top_of(pygame.K_2, "offers")
    first = t.offers.selected()["id"]
    answer = "accept" if d.widget("accept").enabled else "reject"
    d.focus(answer)
    moves = len(t.session.state.log)
    d.key(pygame.K_RETURN)
    assert len(t.session.state.log) == moves + 1
    assert t.controls.focus == "offers", "the focus leaves the answer buttons"
    assert t.offers.selected()["id"] == first, "the answered offer stays selected while the list re-sorts"
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)
    assert len(t.session.state.log) == moves + 1, "pressing Enter again answers nothing else"


def test_a_confirmation_shows_only_with_the_offer_it_was_about(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.until(day=1, talk_round=2)
    play.top_of(pygame.K_2, "offers")
    answer = "accept" if d.widget("accept").enabled else "reject"
    said = "Accepted." if answer == "accept" else "Rejected."
    d.press(answer)
    assert said in d.text()
    last = t.offers.state.selected == len(t.offers.offers()) - 1
    away, back = (pygame.K_UP, pygame.K_DOWN) if last else (pygame.K_DOWN, pygame.K_UP)
    d.key(away)
    assert said not in d.text(), "another offer is selected: the answer to the first is not shown under it"
    d.key(back)
    assert said in d.text()


def test_after_sending_a_package_enter_sends_nothing_more_and_the_note_goes_with_the_package(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.with_first_issue()
    d.press("send")
    sent = [s for s in d.text() if s.startswith("Sent to")]
    assert sent, "the game says where the package went"
    assert t.controls.focus == "tabs"
    moves = len(t.session.state.log)
    d.key(pygame.K_RETURN)
    assert len(t.session.state.log) == moves
    d.focus("issues")
    d.key(pygame.K_SPACE)
    assert not [s for s in d.text() if s.startswith("Sent to")], "a new package is not the one that was sent"


def _readable_in_full(d, widget_key, text):
    """Scroll a detail from top to bottom and check that its lines, put together, give `text` whole."""
    d.focus(widget_key)
    d.key(pygame.K_HOME)
    seen = set(d.text())
    for _ in range(40):
        d.key(pygame.K_DOWN)
        seen |= set(d.text())
    cut = set(d.app.cut_text)
    rest = text
    while rest:
        line = max((s for s in seen - cut if s and rest.startswith(s)), key=len, default=None)
        if line is None:
            return False
        rest = rest[len(line):].lstrip()
    return True


class Checked(Exception):
    """Stops the scripted game once what the test wanted to see has been seen."""


def test_what_an_ai_leader_says_can_be_read_in_full_at_every_text_size(make_app, private_home):
    for size in range(4):
        (private_home / "settings.json").write_text(f'{{"text_size": {size}}}')
        d = make_app()
        read = []

        def snap(name, d=d, read=read):
            if name == "incoming":
                note = f"They say: \u201c{d.scene.offers.selected()['note']}\u201d"
                read.append(_readable_in_full(d, "offer", note))
                raise Checked()
        try:
            play(d, "moscow-2020", {"turkey": "human"}, snap)
        except Checked:
            pass
        assert read == [True], f"text size {size}: an AI leader's note cannot be read to its end"
        pygame.quit()


def test_offers_and_agreements_are_named_by_who_when_and_what_never_by_an_id(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.until(day=1, talk_round=2)
    play.top_of(pygame.K_2, "offers")
    for _ in _answerable(t):
        if d.widget("accept").enabled:
            d.press("accept")
        d.focus("offers")
        d.key(pygame.K_DOWN)
    t = play.until(day=2, talk_round=2)
    everyone = t.session.state.facilitator_view()
    ids = [p["id"] for p in everyone["proposals"]] + [a["id"] for a in everyone["agreements"]]
    assert everyone["agreements"], "something was signed on day 1"
    seen = []
    for key, widget in ((pygame.K_2, "offers"), (pygame.K_3, "deals")):
        play.top_of(key, widget)
        for _ in range(len(everyone["proposals"])):
            seen += d.text()
            d.key(pygame.K_DOWN)
    seen = " ".join(seen)
    assert "Day 2 \u00b7 to you" in seen and "Signed on day 1 by " in seen
    assert not [i for i in ids if i in seen], "an opaque id is shown to the player"


def test_a_counter_offer_to_an_offer_since_accepted_becomes_an_offer_of_its_own_and_says_so(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.until(day=1, talk_round=2)
    play.top_of(pygame.K_2, "offers")
    for _ in t.offers.offers():
        if d.widget("accept").enabled and d.widget("counter").enabled:
            break
        d.key(pygame.K_DOWN)
    offer = t.offers.selected()
    label = t.offers.label(offer["id"], covers=False)
    d.click("counter")
    assert t.tab == "propose" and f"COUNTER-OFFER TO {label.upper()} \u2014 WITH" in d.text()
    terms = dict(t.compose.draft.terms)
    play.top_of(pygame.K_2, "offers")
    while t.offers.selected()["id"] != offer["id"]:
        d.key(pygame.K_DOWN)
    d.click("accept")
    assert "turkey" in next(p for p in t.obs["proposals"] if p["id"] == offer["id"])["accepted"]
    d.key(pygame.K_1)
    assert "WITH" in d.text() and not [s for s in d.text() if s.startswith("COUNTER-OFFER")]
    assert any(s.startswith(f"You have accepted {label}: your package stays") or
               s.startswith(f"{label[0].upper()}{label[1:]} is signed: your package stays") for s in d.text())
    assert t.compose.draft.terms == terms and d.widget("send").label == "Send offer"
    log = len(t.session.state.log)
    d.click("send")
    assert len(t.session.state.log) == log + 1, "the package goes as a new offer, not refused as a late counter"
