"""A news item's source on the table: 'reported later' when it came out after the day, and opened in full."""

import pygame

from game.ui.script import ScriptedGame

MARKED = "Another Turkish soldier killed"     # shown on 3 March; its report came out on 4 March, and says so
LATER = "Source: reported later by Al Arabiya on 4 March 2020"
ADDRESS = ("http://english.alarabiya.net/en/News/middle-east/2020/03/04/Two-Turkish-soldiers-killed-six-wounded-"
           "in-Syria-s-Idlib-Defense-ministry.html")
ON_TIME = "Spring Shield begins; two Syrian jets shot down"  # shown on 1 March, from a 1 March report


def _day_three(make_app, table_play):
    # Turkey, played by a person, signs nothing, so no ceasefire stops the day-3 news of another death.
    play = table_play(make_app()).start()
    play.until(day=3)
    return play.d


def _select(d, title):
    """Focus the news and scroll until `title` is the selected (top) item, as a keyboard player would."""
    d.focus("news")
    d.key(pygame.K_HOME)
    feed = d.scene.feed
    for _ in range(len(feed)):
        if feed[d.scene.situation.state.top].title == title:
            return
        d.key(pygame.K_DOWN)
    raise AssertionError(f"{title!r} is not in the news")


def _opened(d):
    """What the source dialog shows: its prose, and its lines run together (a web address is broken over lines)."""
    assert d.on("SourceScene")
    d.frame()
    return " ".join(d.text()), "".join(d.text())


def test_news_cited_to_a_later_report_says_so_and_opens_to_outlet_date_and_address(make_app, table_play):
    d = _day_three(make_app, table_play)
    d.frame()
    assert LATER in " ".join(d.text())
    _select(d, MARKED)
    d.key(pygame.K_RETURN)
    prose, run_together = _opened(d)
    for words in (MARKED, "OUTLET", "Al Arabiya", "PUBLISHED", "4 March 2020", "ADDRESS",
                  "reported later by Al Arabiya on 4 March 2020, after 3 March 2020 when this was shown"):
        assert words in prose, words
    assert ADDRESS in run_together
    d.key(pygame.K_RETURN)
    assert d.on("TableScene")


def test_news_from_a_report_out_in_time_is_not_called_later_and_a_click_opens_it(make_app, table_play):
    d = _day_three(make_app, table_play)
    _select(d, ON_TIME)
    feed = d.widget("news")
    top = next(y for k, _, _, _, y, _ in feed._placed(d.app)[0] if k == d.scene.situation.state.top)
    d.click_at((feed.rect.centerx, top + 2))
    prose, run_together = _opened(d)
    assert ON_TIME in prose and "SOFREP" in prose and "1 March 2020" in prose
    assert "reported later" not in prose
    assert "https://sofrep.com/news/turkish-military-attacks-syrian-troops-in-idlib-province/" in run_together


def test_the_starting_figures_and_the_map_name_their_sources_the_same_way(make_app, table_play):
    play = table_play(make_app()).start()
    play.until(day=1)
    d = play.d
    toll = d.widget("track:turkish_soldiers_killed").tooltip
    assert "Starting figure: reported later by Al Arabiya on 4 March 2020." in toll
    displaced = d.widget("track:displaced").tooltip
    assert "Starting figure: UN OCHA (ReliefWeb), 26 February 2020." in displaced
    d.focus("map")
    while not (d.scene.map_sel.kind == "site" and d.scene.map_sel.id == "morek"):
        d.key(pygame.K_RIGHT)
    tip = d.widget("map").focus_tip()
    assert "Morek observation post" in tip and "Source: reported later by The News on 21 October 2020." in tip


def test_a_private_briefing_ends_with_its_source(make_app):
    from game.catalog import load_scenario
    d = make_app()
    d.press("new")
    d.key(pygame.K_RETURN)
    for seat in load_scenario("moscow-2020").seat_ids:
        ScriptedGame(d).seat_played_by(seat, "human" if seat == "russia" else "normal")
    d.press("start")
    assert d.on("BriefingScene")
    d.press("next")
    briefing = " ".join(line for _, _, line in d.widget("text").lines)
    assert "Syria is your signature success abroad." in briefing
    assert briefing.endswith("Source: reported later by AFP (Jonathan Brown) on 4 March 2020.")
