"""The reports and briefings in a real browser: on a desktop and a phone screen, and in print preview on A4
and Letter. Each page is also saved as a PNG (in $SUMMIT_SHOTS when set) for a person to look at."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from pages import no_horizontal_scroll

from game.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "report"))
from classmaker import make_class  # noqa: E402
from scripted import write_save  # noqa: E402

SCREENS = {"desktop": (1280, 800), "phone": (390, 844)}
# Paper at 96 px to the inch, less the pages' margins: what a print preview lays out.
PAPER = {"a4": (794 - 2 * 45, "A4"), "letter": (816 - 2 * 45, "Letter")}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    save = write_save(folder)
    assert main(["report", str(save), "--out", str(folder / "table")]) == 0
    make_class(folder / "class", tables=3, days={"T3": 3})
    assert main(["report", "--data", str(folder / "class"), "--out", str(folder / "classout")]) == 0
    assert main(["briefings", "--scenario", "moscow-2020", "--out", str(folder / "brief")]) == 0
    return {"table": folder / "table" / "report.html", "class": folder / "classout" / "index.html",
            "seat": folder / "brief" / "turkey.html", "facilitator": folder / "brief" / "facilitator.html",
            "every": folder / "brief" / "all-seats.html"}


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("SUMMIT_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("which", ["table", "class", "seat", "facilitator"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_page_reads_on_a_screen_without_sideways_scrolling(made, contexts, shots, which, screen):
    page = contexts(*SCREENS[screen]).new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: errors.append(f"fetched {r.url}") if not r.url.startswith(("file:", "data:"))
            else None)
    page.goto(made[which].as_uri())
    no_horizontal_scroll(page)
    # Wide tables scroll inside their own box on a phone; the page itself never does.
    page.screenshot(path=str(shots / f"report-{which}-{screen}.png"), full_page=True)
    assert not errors, errors


@pytest.mark.parametrize("which", ["table", "class", "every", "facilitator"])
@pytest.mark.parametrize("paper", list(PAPER))
def test_a_page_prints_within_the_paper(made, contexts, shots, which, paper):
    width, size = PAPER[paper]
    page = contexts(width, 1000).new_page()
    page.goto(made[which].as_uri())
    page.emulate_media(media="print")
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => e.tagName + '.' + e.className).slice(0, 5)""")
    assert not wide, f"wider than the paper: {wide}"
    assert page.locator(".toc").first.is_hidden() if page.locator(".toc").count() else True
    page.screenshot(path=str(shots / f"report-{which}-print-{paper}.png"), full_page=True)
    pdf = page.pdf(format=size)
    assert pdf.startswith(b"%PDF")
    if which == "every":
        # Each seat's sheet starts on its own page: the PDF has at least one page per seat.
        assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page\r") + pdf.count(b"/Type /Page ") \
            + pdf.count(b"/Type/Page") >= 6


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_class_charts_say_which_way_is_better_and_read_on_a_phone(made, contexts, shots, screen):
    """Higher-is-better and lower-is-better figures are never bars of one chart: each has its own panel, which
    says its direction, and the chart's words stay readable without scrolling sideways, on a phone too."""
    page = contexts(*SCREENS[screen]).new_page()
    page.goto(made["class"].as_uri())
    figure = page.locator("figure.narrow").first
    figure.scroll_into_view_if_needed()
    texts = figure.evaluate("""(f) => [...f.querySelectorAll('svg text')].map((t) => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, top: r.top, bottom: r.bottom, h: r.height}; })""")
    titles = {t["text"]: t for t in texts if "is better" in t["text"]}
    assert set(titles) == {"Alike to history: higher is better \u2192",
                           "Distance to the Nash point: lower is better \u2190"}
    higher, lower = titles.values()
    assert higher["bottom"] < lower["top"], "two panels, one above the other"
    assert min(t["h"] for t in texts if t["text"].strip()) >= 9, "every word of the chart at a readable size"
    assert figure.evaluate("(f) => f.scrollWidth <= f.clientWidth + 1"), "no sideways scroll to read it"
    page.screenshot(path=str(shots / f"report-class-charts-{screen}.png"), clip=figure.bounding_box())
