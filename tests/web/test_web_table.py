"""The student's table in a real browser: what it says about the talks as they go."""

from __future__ import annotations

import re

import pytest
from pages import class_of_two, tab
from playwright.sync_api import expect


@pytest.fixture
def server(host):
    return host("--scenario", "moscow-2020", "--seed", "3")


def _class_of_two(server, contexts):
    """Ada plays Turkey and Bo Russia; the class has started; Turkey speaks first on day 1."""
    ada, bo, _ = class_of_two(server, contexts)
    expect(ada.locator("#end-round")).to_be_enabled()
    return ada, bo


def test_a_counter_offer_to_an_offer_since_accepted_becomes_an_offer_of_its_own(server, contexts):
    ada, bo = _class_of_two(server, contexts)
    ada.click("#end-round")
    expect(bo.locator("#end-round")).to_be_enabled()
    tab(bo, "propose")
    bo.select_option("#issue-ceasefire", "full")
    bo.click("#send-offer")
    expect(bo.locator("#panel").get_by_text("Sent.")).to_be_visible()
    bo.click("#end-round")
    expect(ada.locator("#end-round")).to_be_enabled(timeout=30_000)
    tab(ada, "offers")
    card = ada.locator("article.card", has_text="Ceasefire in Idlib: full")
    card.get_by_role("button", name="Counter\u2026").click()
    expect(ada.get_by_text("A counter-offer: change the terms, then send it back.")).to_be_visible()
    expect(ada.locator("#send-offer")).to_have_text("Send counter-offer")
    tab(ada, "offers")
    card.get_by_role("button", name="Accept").click()
    tab(ada, "propose")
    signed_note = re.compile(r"Russia's day 1 offer is signed: your package stays, as a new offer")
    expect(ada.locator("#panel").get_by_text(signed_note)).to_be_visible()
    expect(ada.get_by_text("A counter-offer: change the terms, then send it back.")).to_have_count(0)
    expect(ada.locator("#send-offer")).to_have_text("Send offer")


def test_the_order_of_speaking_this_round_and_who_has_spoken_are_shown(server, contexts):
    ada, bo = _class_of_two(server, contexts)
    expect(ada.locator("#talk-order")).to_have_text(
        "Order of speaking, round 1 of 3: \u25b6 Turkey (you), Russia, Syrian government, EU and Greece, "
        "United States and NATO, Hayat Tahrir al-Sham (\u2713 has spoken, \u25b6 speaking now).")
    tab(bo, "seats")
    expect(bo.locator("tr", has_text="Russia").first).to_contain_text("speaks 2nd")
    ada.click("#end-round")
    expect(bo.locator("#talk-order")).to_contain_text("\u2713 Turkey, \u25b6 Russia (you), Syrian government")
    expect(bo.locator("tr", has_text="Turkey").first).to_contain_text("\u2713 spoke 1st")
    expect(bo.locator("tr", has_text="Russia").first).to_contain_text("\u25b6 speaking")


def test_the_top_bar_shows_the_seats_score_as_things_stand(server, contexts):
    ada, bo = _class_of_two(server, contexts)
    score = ada.locator("#top-score")
    expect(score).to_have_text(re.compile(r"^Your score so far: -?\d+$"))
    assert score.get_attribute("title").startswith("Your final score as things stand: ")
    assert score.inner_text().split(": ")[1] == score.get_attribute("title").split(": ")[1].split(" = ")[0]
    expect(bo.locator("#top-score")).to_have_text(re.compile(r"^Your score so far: -?\d+$"))
