"""python main.py webshots --out DIR: every browser page of a class, as PNG files, headlessly.

Hosts a throwaway class on 127.0.0.1, opens the student page, the facilitator console and the
projector in Debian's chromium (through Playwright) at phone and desktop widths, plays the
table to its end, and saves a picture of each page and tab on the way.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from game.engine.kinds import Controller
from game.server.process import HostProcess

WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
TABS = ("news", "offers", "propose", "deals", "moves", "seats", "notes", "map", "briefing")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def add_arguments(parser):
    parser.add_argument("--out", required=True, metavar="DIR", help="the folder for the PNG files")
    parser.add_argument("--scenario", default="moscow-2020", metavar="ID|PATH", help="default moscow-2020")
    parser.add_argument("--seat", help="the student's seat (default: the scenario's first)")


def run(args) -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("webshots: needs Debian's chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("webshots: needs Playwright (pip install playwright)", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="summit-webshots-") as tmp:
        host = HostProcess(Path(tmp), "--scenario", args.scenario, "--tables", "2")
        try:
            host.start()
        except RuntimeError as err:
            print(f"webshots: the class server did not start: {err}", file=sys.stderr)
            return 2
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=ARGS)
                try:
                    count = _shoot(browser, host.info, out, args.seat)
                finally:
                    browser.close()
        finally:
            host.stop()
    print(f"{count} pictures in {out}")
    return 0


def _shoot(browser, info: dict, out: Path, seat: str | None) -> int:
    count = 0

    def shot(page, name):
        nonlocal count
        page.wait_for_timeout(250)
        page.screenshot(path=str(out / f"{name}.png"), full_page=True)
        count += 1

    pages = {}
    for size, (width, height) in WIDTHS.items():
        page = browser.new_context(viewport={"width": width, "height": height}).new_page()
        page.goto(info["url"])
        shot(page, f"{size}-01-join")
        page.fill("#code", info["class_code"])
        page.fill("#name", f"Student on a {size}")
        page.click("button[type=submit]")
        page.wait_for_selector("text=Choose a seat")
        shot(page, f"{size}-02-lobby")
        table = "T1" if size == "phone" else "T2"
        buttons = page.locator("section", has_text=f"Table {table}").locator("button", has_text="Take")
        (buttons.filter(has_text=seat) if seat else buttons).first.click()
        page.wait_for_selector("#to-table")
        shot(page, f"{size}-03-briefing")
        page.click("#to-table")
        pages[size] = page
    teacher = {}
    for size, (width, height) in WIDTHS.items():
        page = browser.new_context(viewport={"width": width, "height": height}).new_page()
        page.goto(info["facilitator_url"])
        page.wait_for_selector("#start-all")
        teacher[size] = page
    teacher["desktop"].click("#start-all")
    for size, page in pages.items():
        page.wait_for_selector("#end-round:enabled")
        for k, tab in enumerate(TABS):
            page.click(f"#tab-{tab}")
            shot(page, f"{size}-04-table-{k + 1:02d}-{tab}")
    for size, page in teacher.items():
        shot(page, f"{size}-05-facilitator")
        page.get_by_role("button", name="Read everything").first.click()
        shot(page, f"{size}-06-facilitator-table")
        wall = page.context.new_page()
        wall.goto(info["projector_url"])
        wall.wait_for_selector("text=Table T1")
        shot(wall, f"{size}-07-projector")
    # Playwright's sync API keeps an event loop on this thread, so the teammates play on another.
    finisher = threading.Thread(target=lambda: asyncio.run(_finish(info)))
    finisher.start()
    finisher.join(timeout=300)
    for size, page in pages.items():
        page.wait_for_selector("#tab-end")
        page.click("#tab-end")
        shot(page, f"{size}-08-end")
    return count


async def _finish(info: dict) -> None:
    """Play the students' seats to the end through the protocol, as teammates would."""
    from game.ai import make_leader
    from game.client.bot import play
    from game.client.connection import ClassClient

    lobby_client = ClassClient(info["url"])
    await lobby_client.connect()
    await lobby_client.hello_student(info["class_code"], "webshots")
    lobby = await lobby_client.next("lobby")
    await lobby_client.close()
    games = []
    for table in lobby["tables"]:
        for s in table["seats"]:
            if s["holders"]:
                client = ClassClient(info["url"])
                await client.connect()
                await client.hello_student(info["class_code"], "teammate")
                await client.next("lobby")
                teacher = ClassClient(info["url"])
                await teacher.connect()
                await teacher.hello_facilitator(info["facilitator_key"])
                await teacher.next("class")
                member = await _member(teacher, table["table"], s["seat"])
                await teacher.close()
                await client.request({"type": "claim", "table": table["table"], "seat": s["seat"],
                                      "team_code": member})
                games.append(play(client, make_leader(client.public, s["seat"], Controller.NORMAL, 1)))
    await asyncio.gather(*games)


async def _member(teacher, table: str, seat: str) -> str:
    """The seat's team code, as its holders see it (the facilitator may ask any seat's)."""
    view = await teacher.request({"type": "watch", "table": table})
    return view["team_codes"][seat]
