"""Steps a student or a teacher takes on the web pages, and checks of what a page looks like."""

from __future__ import annotations

import time

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect


class Watch:
    """Every console message and uncaught error on a page (a test fails on script errors)."""

    def __init__(self, page: Page):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda err: self.errors.append(str(err)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


def join(page: Page, server, name: str, code: str | None = None) -> Watch:
    watch = Watch(page)
    page.goto(server.url)
    page.fill("#code", code or server.info["class_code"])
    page.fill("#name", name)
    page.click("button[type=submit]")
    return watch


def take_seat(page: Page, seat_name: str) -> None:
    page.get_by_role("button", name=f"Take {seat_name}").first.click()
    page.click("#to-table")
    expect(page.locator('[role="tab"]').first).to_be_visible()


def facilitator(page: Page, server) -> Watch:
    watch = Watch(page)
    page.goto(server.info["facilitator_url"])
    expect(page.locator("#start-all")).to_be_visible()
    return watch


def class_of_two(server, contexts) -> tuple[Page, Page, Page]:
    """(Ada at Turkey, Bo at Russia, the facilitator's console), the class just started."""
    ada, bo, teacher = contexts().new_page(), contexts().new_page(), contexts().new_page()
    join(ada, server, "Ada")
    take_seat(ada, "Turkey")
    join(bo, server, "Bo")
    take_seat(bo, "Russia")
    facilitator(teacher, server)
    teacher.click("#start-all")
    return ada, bo, teacher


def tab(page: Page, name: str) -> None:
    page.click(f"#tab-{name}")


def play_turn(page: Page) -> bool:
    """If it is this seat's turn: end the round in talks, hold in the moves phase. True if it acted.
    The page redraws on every update, so an element found a moment ago may be gone: that is a miss."""
    try:
        end = page.locator("#end-round:enabled")
        if end.count():
            end.click(timeout=2000)
            return True
        if page.locator("#top-phase", has_text="Moves").count():
            tab(page, "moves")
            hold = page.locator("article.card", has=page.get_by_role("heading", name="Hold: make no move", exact=True))
            button = hold.locator("button:enabled", has_text="Make this move")
            acted = bool(button.count())
            if acted:
                button.click(timeout=2000)
            tab(page, "news")
            return acted
    except PlaywrightError:
        return False
    return False


def play_to_the_end(pages: list[Page], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(p.locator("#tab-end").count() for p in pages):
            return
        acted = False
        for page in pages:
            acted = play_turn(page) or acted
        if not acted:
            pages[0].wait_for_timeout(100)
    raise AssertionError("the table did not reach the end in time")


def no_horizontal_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{page.url}: the page is {width} px wide in a {viewport} px window"


def no_overlapping_controls(page: Page) -> None:
    boxes = page.evaluate("""() => [...document.querySelectorAll('button, input, select, textarea, a, [role=tab]')]
        .filter((e) => e.offsetParent !== null)
        .map((e) => { const r = e.getBoundingClientRect();
                      return {x: r.left, y: r.top + scrollY, w: r.width, h: r.height,
                              what: (e.id || e.textContent || e.tagName).trim().slice(0, 40)}; })
        .filter((b) => b.w > 0 && b.h > 0)""")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap_x = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            overlap_y = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            # Controls nested in one another (a checkbox in its label) share space by design.
            if overlap_x > 1 and overlap_y > 1 and not _inside(a, b) and not _inside(b, a):
                raise AssertionError(f"{page.url}: '{a['what']}' and '{b['what']}' overlap")


def _inside(a, b) -> bool:
    return a["x"] >= b["x"] - 1 and a["y"] >= b["y"] - 1 and a["x"] + a["w"] <= b["x"] + b["w"] + 1 \
        and a["y"] + a["h"] <= b["y"] + b["h"] + 1
