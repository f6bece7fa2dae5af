"""The student's page says what is true now: the offer form holds only what the student sees in it,
and status lines neither contradict one another nor outlive what they were about."""

from __future__ import annotations

import re

import pytest
from pages import facilitator, join, tab, take_seat
from playwright.sync_api import Page, expect


@pytest.fixture
def server(host):
    return host("--scenario", "moscow-2020", "--seed", "3")


def started(server, contexts, name: str = "Ada", seat: str = "Turkey", width: int = 1280) -> Page:
    page = contexts(width, 844).new_page()
    join(page, server, name)
    take_seat(page, seat)
    teacher = contexts().new_page()
    facilitator(teacher, server)
    teacher.click("#start-all")
    expect(page.locator("#end-round")).to_be_enabled()
    return page


def fill(page: Page, issue: str, option: str) -> None:
    page.select_option(f"#issue-{issue}", option)
    expect(page.locator(f"#issue-{issue}")).to_have_value(option)


def test_the_offer_form_says_above_send_who_it_goes_to_and_on_what_terms(server, contexts):
    page = started(server, contexts, width=390)
    tab(page, "propose")
    expect(page.locator("#offer-summary")).to_contain_text("Nothing in the offer yet")
    fill(page, "border_to_greece", "managed")
    fill(page, "eu_refugee_funds", "3")
    summary = page.locator("#offer-summary")
    expect(summary).to_have_text(re.compile(r"^To: EU and Greece; terms: Turkey's border with Greece: managed, "
                                            r"New EU money for refugees in Turkey: 3"))
    page.check("#party-syria")
    expect(summary).to_contain_text("To: Syrian government, EU and Greece;")
    # The line sits just above the Send button, where a phone user's thumb is.
    box, send = summary.bounding_box(), page.locator("#send-offer").bounding_box()
    assert box and send and 0 <= send["y"] - (box["y"] + box["height"]) < 60, (box, send)


def test_an_offer_sent_or_a_draft_asked_about_and_left_does_not_carry_into_the_next_offer(server, contexts):
    page = started(server, contexts)
    tab(page, "propose")
    fill(page, "ceasefire", "full")
    page.check("#party-syria")
    page.get_by_role("button", name=re.compile("What would Russia want")).click()
    expect(page.locator("#panel p", has_text="Moscow would sign")).to_be_visible()
    tab(page, "offers")
    tab(page, "propose")
    # The draft asked about is gone: a money-for-border offer now goes to the EU alone.
    expect(page.locator("#issue-ceasefire")).to_have_value("")
    expect(page.locator("#party-syria")).not_to_be_checked()
    expect(page.locator("#party-russia")).not_to_be_checked()
    fill(page, "border_to_greece", "managed")
    fill(page, "eu_refugee_funds", "3")
    expect(page.locator("#offer-summary")).to_have_text(re.compile(r"^To: EU and Greece; terms: Turkey's border"))
    page.click("#send-offer")
    expect(page.locator("#panel").get_by_text("Sent.")).to_be_visible()
    expect(page.locator("#offer-summary")).to_contain_text("Nothing in the offer yet")
    expect(page.locator("#issue-border_to_greece")).to_have_value("")
    expect(page.locator("#party-eu")).not_to_be_checked()
    tab(page, "offers")
    mine = page.locator("article.card", has_text="to EU and Greece")
    expect(mine).to_have_count(1)
    expect(mine).not_to_contain_text("Ceasefire")


def test_using_an_answer_fills_the_form_with_exactly_the_terms_the_leader_named(server, contexts):
    page = started(server, contexts)
    tab(page, "propose")
    fill(page, "border_to_greece", "managed")
    page.check("#party-syria")
    page.get_by_role("button", name=re.compile("What would EU and Greece want")).click()
    answer = page.locator("#panel .panel", has_text="EU and Greece:")
    expect(answer).to_be_visible()
    use = answer.get_by_role("button", name="Use these terms")
    expect(use).to_be_visible()     # at this seed the EU names a package it would sign
    use.click()
    # The seats asked with stay; the terms are the leader's; leaving the tab keeps what the student adopted.
    tab(page, "news")
    tab(page, "propose")
    expect(page.locator("#party-syria")).to_be_checked()
    expect(page.locator("#party-eu")).to_be_checked()
    expect(page.locator("#offer-summary")).to_contain_text("To: Syrian government, EU and Greece;")


def test_before_the_start_nobody_is_waited_for(server, contexts):
    page = contexts(390, 844).new_page()
    join(page, server, "Bo")
    take_seat(page, "Russia")     # Turkey opens the talks: before the start Russia would be told it waits for it
    expect(page.get_by_text("The facilitator has not started the class yet.")).to_be_visible()
    expect(page.locator("#top-countdown")).to_have_text("not started")
    page.wait_for_timeout(300)
    assert page.get_by_text(re.compile("Waiting for|Your move")).count() == 0


def test_your_move_is_said_once_and_an_ended_round_is_not_claimed_in_the_next(server, contexts):
    page = started(server, contexts)
    expect(page.get_by_text("Your move.", exact=True)).to_have_count(1)
    round_now = page.locator("#top-phase").inner_text()
    page.click("#end-round")
    # The others (AI leaders) move and the next round comes back to Turkey.
    expect(page.locator("#top-phase")).not_to_have_text(round_now, timeout=30_000)
    expect(page.locator("#end-round")).to_be_enabled(timeout=30_000)
    expect(page.get_by_text("Your move.", exact=True)).to_have_count(1)
    expect(page.get_by_text("You ended your round.")).to_have_count(0)


def test_a_sent_note_is_not_announced_on_another_tab_nor_a_lost_connection_after_it_is_back(server, contexts):
    page = contexts().new_page()
    join(page, server, "Ada")
    take_seat(page, "Turkey")
    tab(page, "notes")
    page.fill("#note-text", "See you at noon")
    page.get_by_role("button", name="Send note").click()
    expect(page.get_by_text("Sent.")).to_be_visible()
    tab(page, "news")
    tab(page, "notes")
    expect(page.get_by_text("Sent.")).to_have_count(0)
    server.stop()
    expect(page.locator("#status")).to_contain_text("not reachable")
    page.fill("#note-text", "Are you there?")
    page.get_by_role("button", name="Send note").click()
    expect(page.get_by_text("not connected to the class server")).to_be_visible()
    server.start()
    expect(page.locator("#status")).to_be_hidden(timeout=30_000)
    expect(page.get_by_text("not connected to the class server")).to_have_count(0)
    expect(page.locator("#note-text")).to_have_value("Are you there?")
