"""The map on the student's page: every name on it readable, none over another, on a phone and a laptop, in
both shipped scenarios. A name with no room is a number on the map and spelled out in the key below it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pages import join, tab, take_seat
from playwright.sync_api import expect

from game.catalog import load_scenario

SCREENS = {"phone": (390, 844), "laptop": (1280, 800)}


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("SUMMIT_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("scenario", ["moscow-2020", "sochi-2008"])
def test_every_name_on_the_map_is_readable_and_clear_of_the_others(host, contexts, shots, scenario):
    server = host("--scenario", scenario)
    place = load_scenario(scenario)
    for k, (screen, (width, height)) in enumerate(SCREENS.items()):
        page = contexts(width, height).new_page()
        join(page, server, f"Map reader {screen}")
        take_seat(page, place.seats[k].name)
        tab(page, "map")
        figure = page.locator(".map figure")
        expect(figure).to_be_visible()
        texts = figure.evaluate("""(f) => [...f.querySelectorAll('svg text')].map((t) => {
            const r = t.getBoundingClientRect();
            return {text: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height}; })""")
        key = figure.locator(".map-key li").all_inner_texts()
        numbers = [t for t in texts if t["text"].isdigit()]
        names = {t["text"] for t in texts} | set(key)
        for region in place.map.regions:
            assert any(n == region.name or n.startswith(region.name + " [") for n in names), (screen, region.name)
        for site in place.map.sites:
            assert site.name in names, (screen, site.name)
        assert sorted(int(n["text"]) for n in numbers) == list(range(1, len(key) + 1)), "a number for each key line"
        for t in texts:
            assert t["h"] >= 11, f"{screen}: '{t['text']}' is {t['h']:.1f} px high"
        for i, a in enumerate(texts):
            for b in texts[i + 1:]:
                across = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
                down = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
                assert across <= 1 or down <= 1, f"{screen}: '{a['text']}' and '{b['text']}' overlap"
        page.screenshot(path=str(shots / f"map-{scenario}-{screen}.png"), full_page=True)
