"""The student page in a real browser: how fast it is ready and how much it downloads.

    python benchmarks/web_page.py [--repeat 10]

Hosts a class on 127.0.0.1, then in Debian's chromium (Playwright) loads the student page
`--repeat` times fresh (to the join form) and `--repeat` times as a returning student with a
seat pass (to the table, its news drawn), and prints the medians against the 1 s budget, and
every byte the page fetched (HTML, CSS, scripts, icons; WebSocket messages are not counted)
against the 300 KB goal. Figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from game.server.process import HostProcess  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        print("needs Debian's chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp:
        host = HostProcess(Path(tmp)).start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=ARGS)
                fresh, returning, sizes = measure(browser, host.info, args.repeat)
                browser.close()
        finally:
            host.stop()
    print(f"student page, fresh, load to the join form: median {1000 * statistics.median(fresh):.0f} ms, "
          f"worst {1000 * max(fresh):.0f} ms (budget 1 s)")
    print(f"student page, returning with a seat pass, load to the table: median "
          f"{1000 * statistics.median(returning):.0f} ms, worst {1000 * max(returning):.0f} ms (budget 1 s)")
    total = sum(sizes.values())
    print(f"downloaded: {total / 1024:.1f} KB in {len(sizes)} files (goal < 300 KB): "
          + ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in sorted(sizes.items())))
    return 0


def measure(browser, info, repeat):
    fresh, returning, sizes = [], [], {}
    token = None
    for _ in range(repeat):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.on("response", lambda r: sizes.__setitem__(r.url.rsplit("/", 1)[-1] or "index.html",
                                                      len(r.body())) if r.request.resource_type != "websocket"
                else None)
        started = time.perf_counter()
        page.goto(info["url"])
        page.wait_for_selector("#code")
        fresh.append(time.perf_counter() - started)
        if token is None:
            page.fill("#code", info["class_code"])
            page.fill("#name", "Timer")
            page.click("button[type=submit]")
            page.get_by_role("button", name="Take Turkey").click()
            page.click("#to-table")
            page.wait_for_selector("#tab-news")
            token = page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
        context.close()
    for _ in range(repeat):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.add_init_script(f"for (const [k, v] of Object.entries({token})) localStorage.setItem(k, v);")
        page = context.new_page()
        started = time.perf_counter()
        page.goto(info["url"])
        page.wait_for_selector("#tab-news")
        page.wait_for_selector(".news-item")
        returning.append(time.perf_counter() - started)
        context.close()
    return fresh, returning, sizes


if __name__ == "__main__":
    raise SystemExit(main())
