"""The facilitator's console in a real browser: an operation the server refuses is said where the teacher is
looking, and the console carries on; a bot at the class is shown as a bot."""

from __future__ import annotations

import subprocess
import sys

from hosting import ROOT
from pages import facilitator
from playwright.sync_api import expect


def test_a_refused_operation_is_said_and_the_console_carries_on(host, contexts):
    server = host("--scenario", "moscow-2020")
    page = contexts().new_page()
    watch = facilitator(page, server)
    page.fill("#news-title", "   ")
    page.click("text=Send the news")
    expect(page.locator(".toast.bad")).to_contain_text("the news item needs a title")
    expect(page.locator("#said.warn")).to_contain_text("the news item needs a title")
    page.fill("#all-seconds", "2")
    page.click("#deadline-all")
    expect(page.locator("#said.warn")).to_have_text("a deadline is 5 s to 4 hours away (0 clears it)")
    page.click("#start-all")
    expect(page.locator("#said.warn")).to_contain_text("no students at this table yet")
    card = page.locator("article[aria-label='Table T1']")
    expect(card.locator("#rollback-T1-today")).to_have_count(0)     # nothing to undo before the start
    # Still connected: the next operation works and says so.
    card.get_by_role("button", name="Start").click()
    expect(page.locator("#said.info")).to_have_text("Table T1 runs.")
    expect(card.locator("#rollback-T1-today")).to_be_visible()
    expect(page.locator("#pause-all")).to_be_visible()
    expect(page.locator("#status")).to_be_hidden()
    assert not watch.errors


def test_a_bot_is_shown_as_a_bot_and_its_seat_goes_back_to_it(host, contexts, tmp_path):
    server = host("--scenario", "moscow-2020")
    page = contexts().new_page()
    facilitator(page, server)
    bot = subprocess.Popen([sys.executable, "main.py", "bot", server.url, "--code", server.code, "--seat", "syria",
                            "--name", "Robo", "--passes", str(tmp_path / "passes.json")],
                           cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        row = page.locator("li.seat-row", has_text="Syrian government")
        expect(row).to_contain_text("a bot plays it", timeout=60_000)
        expect(row.locator(".tag")).to_have_text("bot")
        row.get_by_role("button", name="Hand to AI").click()
        expect(row.get_by_role("button", name="Back to the bot")).to_be_visible()
        row.get_by_role("button", name="Back to the bot").click()
        expect(page.locator("#said")).to_have_text("Syrian government is back with its bot.")
        expect(row).to_contain_text("a bot plays it")
    finally:
        bot.kill()
        bot.wait(timeout=30)
