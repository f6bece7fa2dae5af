"""The browser client and the facilitator console in a real browser, against a real class server."""

from __future__ import annotations

import re

import pytest
from pages import (
    class_of_two,
    facilitator,
    join,
    no_horizontal_scroll,
    no_overlapping_controls,
    play_to_the_end,
    play_turn,
    tab,
    take_seat,
)
from playwright.sync_api import expect


@pytest.fixture
def server(host):
    return host("--scenario", "moscow-2020", "--seed", "3")


def test_two_students_and_the_facilitator_play_a_table_to_the_end(server, contexts):
    ada, bo, teacher = contexts().new_page(), contexts().new_page(), contexts().new_page()
    watches = [join(ada, server, "Ada"), join(bo, server, "Bo")]
    take_seat(ada, "Turkey")
    take_seat(bo, "Russia")
    watches.append(facilitator(teacher, server))
    expect(teacher.get_by_text("Ada")).to_be_visible()
    teacher.click("#start-all")
    expect(ada.locator("#end-round")).to_be_enabled()
    # A refresh in the middle of a round comes back to the same seat.
    ada.reload()
    expect(ada.locator("#top-day")).to_contain_text("Day 1")
    expect(ada.locator("#tab-news")).to_be_visible()
    assert ada.get_by_text("You are Turkey").count() == 0      # straight back to the table, not the briefing
    play_to_the_end([ada, bo])
    for page in (ada, bo):
        tab(page, "end")
        expect(page.get_by_role("heading", name="The summit is over")).to_be_visible()
        expect(page.get_by_role("cell", name=re.compile(r"\(you\)"))).to_be_visible()
    expect(teacher.get_by_text("The summit is over")).to_be_visible()
    # The end tab opens the table's full report; the console, the class report.
    with ada.expect_popup() as opened:
        ada.click("#open-report")
    report = opened.value
    expect(report.get_by_role("heading", name="Questions for the debrief")).to_be_visible()
    expect(report.get_by_text("Ada").first).to_be_visible()
    with teacher.expect_popup() as opened:
        teacher.click("#class-report")
    expect(opened.value.get_by_role("heading", name=re.compile("1 table side by side"))).to_be_visible()
    assert all(not w.errors for w in watches), [w.errors for w in watches]


def test_pause_news_and_a_deadline_reach_both_students(server, contexts):
    ada, bo, teacher = class_of_two(server, contexts)
    # Once the class has started, its one button gives way to Pause all and Resume all, each lit when it would act.
    expect(teacher.locator("#start-all")).to_have_count(0)
    expect(teacher.locator("#resume-all")).to_be_disabled()
    expect(teacher.locator("#pause-all")).to_have_class(re.compile(r"\bprimary\b"))
    teacher.click("#pause-all")
    for page in (ada, bo):
        expect(page.get_by_text("Paused by the facilitator.")).to_be_visible()
        expect(page.locator("#top-countdown")).to_have_text("paused")
    expect(teacher.locator("#pause-all")).to_be_disabled()
    expect(teacher.locator("#resume-all")).to_have_class(re.compile(r"\bprimary\b"))
    teacher.fill("#news-title", "Ceasefire rumours in Ankara")
    teacher.fill("#news-source", "Class teacher")
    teacher.get_by_role("button", name="Send the news").click()
    teacher.click("#resume-all")
    expect(ada.get_by_text("Paused by the facilitator.")).to_have_count(0)
    expect(teacher.locator("#resume-all")).to_be_disabled()
    teacher.fill("#all-seconds", "300")
    teacher.click("#deadline-all")
    teacher.click("#extend-all")
    for page in (ada, bo):
        tab(page, "news")
        expect(page.locator("#panel").get_by_text("Ceasefire rumours in Ankara")).to_be_visible()
        expect(page.get_by_text("Source: Class teacher")).to_be_visible()
        expect(page.locator("#top-countdown")).to_have_text(re.compile(r"^(5|6):\d\d left$"))


def test_a_note_reaches_its_seat_and_no_other(server, contexts):
    ada, bo, cy = contexts().new_page(), contexts().new_page(), contexts().new_page()
    for page, name, seat in ((ada, "Ada", "Turkey"), (bo, "Bo", "Russia"), (cy, "Cy", "EU and Greece")):
        join(page, server, name)
        take_seat(page, seat)
    tab(ada, "notes")
    ada.select_option("#note-to", "russia")
    ada.fill("#note-text", "Meet me by the samovar at noon")
    ada.get_by_role("button", name="Send note").click()
    expect(ada.get_by_text("Sent.")).to_be_visible()
    expect(bo.get_by_text("Meet me by the samovar at noon").first).to_be_visible()
    tab(bo, "notes")
    expect(bo.locator("article", has_text="Meet me by the samovar")).to_be_visible()
    tab(cy, "notes")
    cy.wait_for_timeout(500)
    assert cy.get_by_text("samovar").count() == 0


def test_script_in_a_name_or_a_note_is_shown_as_text_and_never_runs(server, contexts):
    evil = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    ada, bo, teacher = contexts().new_page(), contexts().new_page(), contexts().new_page()
    watch_ada = join(ada, server, evil[:40])
    take_seat(ada, "Turkey")
    watch_bo = join(bo, server, "Bo")
    take_seat(bo, "Russia")
    watch_teacher = facilitator(teacher, server)
    tab(ada, "notes")
    ada.select_option("#note-to", "russia")
    ada.fill("#note-text", evil)
    ada.get_by_role("button", name="Send note").click()
    tab(bo, "notes")
    expect(bo.get_by_text(evil).first).to_be_visible()
    expect(teacher.get_by_text(evil[:40]).first).to_be_visible()
    for page in (ada, bo, teacher):
        assert page.locator("img[src=x]").count() == 0
        assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0
    assert not (watch_ada.dialogs or watch_bo.dialogs or watch_teacher.dialogs)


def test_every_page_fits_a_phone_without_sideways_scrolling_or_overlaps(server, contexts):
    phone = contexts(390, 844)
    page = phone.new_page()
    join(page, server, "A student with a very long name indeed, far too long for any phone")
    no_horizontal_scroll(page)
    no_overlapping_controls(page)
    page.get_by_role("button", name="Take Turkey").click()
    no_horizontal_scroll(page)
    page.click("#to-table")
    for name in ("news", "offers", "propose", "deals", "moves", "seats", "notes", "map", "briefing"):
        tab(page, name)
        no_horizontal_scroll(page)
        no_overlapping_controls(page)
    teacher = phone.new_page()
    facilitator(teacher, server)
    no_horizontal_scroll(teacher)
    no_overlapping_controls(teacher)
    wall = phone.new_page()
    wall.goto(server.info["projector_url"])
    expect(wall.get_by_text("Table T1")).to_be_visible()
    no_horizontal_scroll(wall)


def test_bad_input_gets_a_clear_message(server, contexts):
    page = contexts().new_page()
    join(page, server, "Ada", code="WRONG1")
    expect(page.get_by_role("alert")).to_contain_text("not this class's code")
    ada, bo = contexts().new_page(), contexts().new_page()
    join(ada, server, "Ada")
    take_seat(ada, "Turkey")
    join(bo, server, "Bo")
    bo.get_by_role("button", name="Join the team").first.click()
    expect(bo.get_by_role("alert")).to_contain_text("team code")
    # Two tabs on one seat: both play it.
    again = ada.context.new_page()
    again.goto(server.url)
    expect(again.locator("#tab-news")).to_be_visible()
    lost = contexts().new_page()
    lost.goto(server.url.replace("/", "/", 1) + "facilitator")
    expect(lost.get_by_label("Facilitator key")).to_be_visible()
    lost.fill("#key", "not the key")
    lost.get_by_role("button", name="Open the console").click()
    expect(lost.get_by_role("alert")).to_contain_text("facilitator key is wrong")


def test_the_page_says_when_the_server_is_gone_and_comes_back_with_it(server, contexts):
    page = contexts().new_page()
    join(page, server, "Ada")
    take_seat(page, "Turkey")
    server.stop()
    expect(page.locator("#status")).to_contain_text("not reachable; retrying")
    server.start()
    expect(page.locator("#status")).to_be_hidden(timeout=30_000)
    expect(page.locator("#tab-news")).to_be_visible()
    expect(page.locator("#top-day")).to_contain_text("Day 1")


def test_a_team_of_two_sees_each_others_actions(server, contexts):
    ada, bo, teacher = contexts().new_page(), contexts().new_page(), contexts().new_page()
    join(ada, server, "Ada")
    take_seat(ada, "Turkey")
    tab(ada, "seats")
    code = ada.locator("strong.tone-accent").inner_text()
    join(bo, server, "Bo")
    turkey = bo.locator("li", has_text="Turkey")
    turkey.locator("input").fill(code)
    turkey.get_by_role("button", name="Join the team").click()
    bo.click("#to-table")
    facilitator(teacher, server)
    teacher.click("#start-all")
    expect(ada.locator("#end-round")).to_be_enabled()
    assert play_turn(ada)
    expect(bo.locator(".toast", has_text="Ada ended the round.")).to_be_visible()


def test_text_at_twice_its_size_still_fits_without_sideways_scrolling(server, contexts):
    """The browser's text zoom at 200%: everything is in rem, so the page reflows instead of spilling."""
    page = contexts(1280, 800).new_page()
    join(page, server, "Ada")
    take_seat(page, "Turkey")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    for name in ("news", "offers", "propose", "deals", "moves", "seats", "notes", "map", "briefing"):
        tab(page, name)
        no_horizontal_scroll(page)
        no_overlapping_controls(page)


def _one_round_played(server, contexts, width=1280):
    """Ada at Turkey and the facilitator, the class started and Ada's first round ended."""
    ada, teacher = contexts(width, 800).new_page(), contexts().new_page()
    watches = [join(ada, server, "Ada")]
    take_seat(ada, "Turkey")
    watches.append(facilitator(teacher, server))
    teacher.click("#start-all")
    ada.click("#end-round")
    expect(ada.get_by_role("banner")).to_contain_text("round 2 of 3")   # her round ended; the AI seats spoke
    return ada, teacher, watches


def test_ending_the_class_mid_game_gives_each_student_an_end_without_par(server, contexts):
    ada, teacher, watches = _one_round_played(server, contexts)
    wall = ada.context.new_page()
    wall.goto(server.info["projector_url"])
    expect(wall.get_by_text("Talks", exact=False).first).to_be_visible()
    teacher.click("#end-class")
    teacher.click("#end-confirm")
    expect(wall.get_by_text("The class has ended", exact=True)).to_be_visible()
    expect(wall.locator("[data-deadline]")).to_have_count(0)
    for _ in range(2):      # as it ends, and after a reload
        expect(ada.get_by_role("heading", name="The class has ended")).to_be_visible()
        expect(ada.get_by_text("The class has ended.", exact=True)).to_have_count(1)     # said once
        expect(ada.locator("#notice")).to_have_count(0)
        expect(ada.locator("#par-headline")).to_contain_text("The class ended on day 1 of 5, before the summit.")
        expect(ada.get_by_role("cell", name=re.compile(r"\(you\)"))).to_be_visible()
        assert ada.get_by_text("vs par").count() == 0 and ada.get_by_text("better than").count() == 0
        assert ada.locator("#end-round").count() == 0 and ada.locator("#top-waiting").inner_text() == ""
        assert ada.locator("#talk-order").count() == 0
        ada.reload()
        tab(ada, "end")
    with ada.expect_popup() as opened:
        ada.click("#open-report")
    report = opened.value
    expect(report.get_by_text("Ended early: the table ended on day 1 of 5")).to_be_visible()
    assert report.get_by_text("below par").count() == 0
    assert all(not w.errors for w in watches), [w.errors for w in watches]


def test_a_rollback_says_what_it_undoes_can_be_cancelled_and_tells_the_students(server, contexts):
    ada, teacher, watches = _one_round_played(server, contexts)
    teacher.click("#rollback-T1-today")
    expect(teacher.locator("#rollback-T1-what")).to_contain_text(
        re.compile(r"Roll table T1 back to the start of day 1\? \d+ actions? and what they caused are undone"))
    teacher.click("#rollback-T1-cancel")
    expect(teacher.get_by_text("Nothing was rolled back.")).to_be_visible()
    expect(teacher.locator("#rollback-T1-what")).to_have_count(0)
    assert ada.locator("#notice").count() == 0
    teacher.click("#rollback-T1-today")
    teacher.click("#rollback-T1-confirm")
    expect(ada.locator("#notice")).to_contain_text("The facilitator rolled the table back to the start of day 1:")
    ada.locator("#notice").get_by_role("button", name="OK").click()
    expect(ada.locator("#notice")).to_have_count(0)
    turkey = teacher.locator("li.seat-row", has=teacher.get_by_text("Turkey", exact=True))
    turkey.get_by_role("button", name="Hand to AI").click()
    expect(ada.locator("#notice")).to_contain_text("The facilitator handed Turkey to an AI leader (normal)")
    assert all(not w.errors for w in watches), [w.errors for w in watches]


# Whether the middle of each element matching `selector` in the window is the element itself (or inside
# it): nothing (a toast, a fixed bar) lies over what the student is reading.
ON_TOP = """(selector) => [...document.querySelectorAll(selector)].filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.bottom > 0 && r.top < innerHeight;
  }).map((e) => {
    const r = e.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, Math.min(r.top + r.height / 2, innerHeight - 1));
    return e.contains(hit);
  })"""


@pytest.mark.parametrize("width", [390, 1280])
def test_a_notice_is_shown_once_and_covers_nothing(server, contexts, width):
    ada, teacher, watches = _one_round_played(server, contexts, width)
    tab(ada, "news")
    teacher.click("#rollback-T1-today")
    teacher.click("#rollback-T1-confirm")
    notice = ada.locator("#notice")
    expect(notice).to_contain_text("The facilitator rolled the table back to the start of day 1:")
    # Once, in the page's flow: no toast says it again over the news (the screen reader's region hears it once).
    said = ada.get_by_text(re.compile("The facilitator rolled the table back")).and_(ada.locator(":not(.sr-only)"))
    expect(said).to_have_count(1)
    # The round the rollback undid is not spoken of as ended.
    expect(ada.locator("#end-round")).to_be_enabled()
    expect(ada.locator("#end-round-said")).to_have_count(0)
    ada.wait_for_timeout(300)
    assert ada.locator(".toast").count() == 0
    assert ada.evaluate(ON_TOP, "#notice") == [True]
    in_view = ada.evaluate(ON_TOP, "#panel h2, #panel td, .news-item, .divider")
    assert len(in_view) > 3 and all(in_view), in_view
    no_horizontal_scroll(ada)
    no_overlapping_controls(ada)
    ada.screenshot(path=str(server.folder / f"notice-{width}.png"))
    notice.get_by_role("button", name="OK").click()
    expect(said).to_have_count(0)
    assert all(not w.errors for w in watches), [w.errors for w in watches]
