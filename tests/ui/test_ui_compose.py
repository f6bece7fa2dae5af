"""Building a package: the buttons stay where they are, mistakes are explained, and old answers go."""

import pygame

from game.engine.stakes import Projector, signing
from game.ui.script import ScriptedGame

KEYS = ("send", "ask", "state", "clear")


def _places(d):
    return {k: tuple(d.widget(k).rect) for k in KEYS}


def test_clicking_send_twice_on_an_empty_package_explains_and_says_nothing_in_public(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.until(day=1, talk_round=1)
    d.key(pygame.K_1)
    before = _places(d)
    assert not d.widget("state").enabled, "no issue is ticked, so there is nothing to say in public"
    d.click("send")
    assert "\u2717 Tick at least one issue (Space) and set its value (\u2190\u2192) first." in d.text()
    assert _places(d) == before, "the message moved the buttons under the pointer"
    d.click_at(d.widget("send").rect.center)
    assert t.session.state.statements == [] and not t.obs["statements"]
    assert _places(d) == before


def test_a_statement_says_the_ticked_value_of_the_issue_in_view(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.with_first_issue()
    d.key(pygame.K_RIGHT)
    issue = t.compose.issue_ids[0]
    value = t.compose.draft.terms[issue]
    before = _places(d)
    d.click("state")
    assert [(s["seat"], s["issue"], s["option"]) for s in t.obs["statements"]] == [("turkey", issue, value)]
    assert "Your statement is on the record for every seat." in d.text()
    assert _places(d) == before


def test_a_package_for_nobody_is_refused_with_where_to_choose(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.with_first_issue()
    for seat in list(t.compose.draft.parties - {"turkey"}):
        d.click(f"party:{seat}")
    moves = len(t.session.state.log)
    d.click("send")
    assert "\u2717 Choose who the package is for: tick a seat under WITH." in d.text()
    assert len(t.session.state.log) == moves


def test_answers_go_when_the_package_changes_and_the_next_day_starts_afresh(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    play.with_first_issue()
    before = _places(d)
    d.click("ask")
    russia = [s for s in d.text() if s.startswith("Russia: \u201c")]
    assert russia, "Russia answers what it would want"
    assert _places(d) == before, "the answers and their Use buttons moved the buttons under the pointer"
    d.focus("issues")
    d.key(pygame.K_RIGHT)
    assert not [s for s in d.text() if s.startswith("Russia: \u201c")], "the answer was about another package"
    d.click("send")
    assert [s for s in d.text() if s.startswith("Sent to")]
    play.until(day=2, talk_round=1)
    d.key(pygame.K_1)
    assert not [s for s in d.text() if s.startswith("Sent to")], "yesterday's confirmation is gone"


def test_the_move_chosen_yesterday_is_not_shown_as_todays(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    play.until(day=1, phase="moves")
    play.top_of(pygame.K_4, "moves")
    d.key(pygame.K_RETURN)
    assert any(s.startswith("You chose: ") for s in d.text())
    play.until(day=2, talk_round=1)
    play.top_of(pygame.K_4, "moves")
    assert not any(s.startswith("You chose: ") for s in d.text()), "not during the next day's talks"
    play.until(day=2, phase="moves")
    play.top_of(pygame.K_4, "moves")
    assert not any(s.startswith("You chose: ") for s in d.text()), "nor when the next day's moves come"


def _take(d, seat):
    """Play on, the other people ending their rounds, until `seat` has the word at the table."""
    while True:
        if d.on("CurtainScene") or d.on("ResolutionScene"):
            d.key(pygame.K_RETURN)
        elif d.on("TableScene") and not d.scene.hidden and d.scene.viewer in d.scene.obs["to_move"]:
            if d.scene.viewer == seat:
                return d.scene
            ScriptedGame(d).pass_word()
        else:
            d.frame()


def _read_offer(d, t, pid):
    """Open Offers and go down the list to the offer `pid`."""
    d.key(pygame.K_2)
    d.focus("offers")
    d.key(pygame.K_HOME)
    while t.offers.selected()["id"] != pid:
        d.key(pygame.K_DOWN)


def test_an_offer_you_accepted_says_it_waits_for_the_others_and_one_you_are_not_party_to_says_so(make_app):
    d = make_app()
    ScriptedGame(d).new_game("moscow-2020", {"turkey": "human", "russia": "human", "eu": "human"})
    _take(d, "turkey")
    d.key(pygame.K_e)
    t = _take(d, "russia")
    d.key(pygame.K_1)
    d.click("party:eu")
    d.focus("issues")
    d.key(pygame.K_HOME)
    d.key(pygame.K_SPACE)
    d.click("send")
    offer = t.obs["proposals"][-1]
    assert offer["parties"] == ["turkey", "russia", "eu"]
    d.focus("issues")
    d.key(pygame.K_SPACE)
    d.click("public")
    d.click("send")
    public = t.obs["proposals"][-1]
    assert public["parties"] == ["turkey", "russia"] and public["public"]
    d.key(pygame.K_e)
    _read_offer(d, _take(d, "eu"), public["id"])
    assert not d.widget("accept").enabled
    assert "(not now: it is between Turkey, Russia)" in d.widget("reject").tooltip
    d.key(pygame.K_e)
    t = _take(d, "turkey")
    _read_offer(d, t, offer["id"])
    d.press("accept")
    assert t.offers.selected()["status"] == "open", "the EU has yet to sign"
    tip = d.widget("reject").tooltip
    assert "you have accepted it; it is signed once the others do" in tip and "end your round" not in tip


def test_taking_an_issue_out_unticks_the_parties_it_alone_brought_in(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.until(day=1, talk_round=1)
    d.key(pygame.K_1)
    d.click("party:us_nato")
    play.top_of(pygame.K_1, "issues")
    ids = t.compose.issue_ids
    needs = {i: set(t.issues[i]["signatories"]) - {"turkey"} for i in ids}
    russian, greek = next(i for i in ids if needs[i] == {"russia"}), next(i for i in ids if needs[i] == {"eu"})
    for issue in (russian, greek):
        while t.compose.issue_ids[t.compose.issues_state.selected] != issue:
            d.key(pygame.K_DOWN)
        d.key(pygame.K_SPACE)
    assert t.compose.draft.parties == {"turkey", "russia", "eu", "us_nato"}
    d.key(pygame.K_SPACE)
    assert t.compose.draft.parties == {"turkey", "russia", "us_nato"}, "the EU came in with the Greek border only"
    assert d.widget("party:us_nato").value, "a seat the player ticked stays ticked"


def test_the_bar_says_in_points_what_signing_the_package_does_to_your_final_score(make_app, table_play):
    """The figure drawn is the engine's stakes of that very package (tests/engine/test_stakes.py shows those are
    the score change of signing it in a copied game), and its verdict has the figure's sign."""
    play = table_play(make_app()).start()
    d = play.d
    t = play.until(day=1, talk_round=1)
    play.top_of(pygame.K_1, "issues")

    def headline():
        return next(s for s in d.text() if s.startswith(("Signing this", "Put an issue")))

    assert headline().startswith("Put an issue in the package")
    seen = set()
    for issue in t.compose.issue_ids[:5]:
        d.key(pygame.K_SPACE)
        for _ in t.issues[issue]["options"]:
            d.key(pygame.K_RIGHT)
            parties = [s for s in t.scenario_seats if s in t.compose.draft.parties]
            choice = signing("turkey", t.compose.draft.terms, parties)
            total = Projector(t.session.state).stakes("turkey", choice)["total"]
            said = headline()
            if total > 0:
                assert said == f"Signing this: \u2713 +{total} point{'s' if total > 1 else ''} to your final score"
                seen.add("up")
            elif total < 0:
                plural = "s" if total < -1 else ""
                assert said == f"Signing this: \u2717 \u2212{-total} point{plural} to your final score"
                seen.add("down")
            else:
                assert said == "Signing this: no change to your final score"
        d.key(pygame.K_SPACE)
        d.key(pygame.K_DOWN)
    assert seen == {"up", "down"}
