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


def _open_map(context, server, seat_name, screen):
    """A student at `seat_name` on the map tab: (the page, the map's figure)."""
    page = context.new_page()
    join(page, server, f"Map reader {screen}")
    take_seat(page, seat_name)
    tab(page, "map")
    figure = page.locator(".map figure")
    expect(figure).to_be_visible()
    return page, figure


@pytest.mark.parametrize("scenario", ["moscow-2020", "sochi-2008"])
def test_every_name_on_the_map_is_readable_and_clear_of_the_others(host, contexts, shots, scenario):
    server = host("--scenario", scenario)
    place = load_scenario(scenario)
    for k, (screen, size) in enumerate(SCREENS.items()):
        page, figure = _open_map(contexts(*size), server, place.seats[k].name, screen)
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


@pytest.mark.parametrize("scenario", ["moscow-2020", "sochi-2008"])
def test_a_number_on_the_map_stands_next_to_its_own_marker(host, contexts, shots, scenario):
    """A site whose name has no room is a number: it stands against its marker, nearer to it than to any other."""
    server = host("--scenario", scenario)
    place = load_scenario(scenario)
    numbered = 0
    for k, (screen, size) in enumerate(SCREENS.items()):
        page, figure = _open_map(contexts(*size), server, place.seats[k].name, screen)
        found = figure.evaluate("""(f) => {
            const box = (e) => { const r = e.getBoundingClientRect();
                                 return {x: r.left, y: r.top, w: r.width, h: r.height}; };
            return {
              numbers: [...f.querySelectorAll('svg text')].filter((t) => /^[0-9]+$/.test(t.textContent))
                .map((t) => ({n: Number(t.textContent), ...box(t)})),
              markers: [...f.querySelectorAll('svg g.site')].map((g) => ({name: g.querySelector('title').textContent,
                ...box(g.lastElementChild)})),
              key: [...f.querySelectorAll('.map-key li')].map((li) => li.textContent)}; }""")
        page.screenshot(path=str(shots / f"map-numbers-{scenario}-{screen}.png"), full_page=True)
        markers = {m["name"]: m for m in found["markers"]}
        for number in found["numbers"]:
            name = found["key"][number["n"] - 1]
            if name not in markers:       # a region's or a road's number stands on it, not by a marker
                continue
            numbered += 1
            own = markers[name]
            gap = _gap(number, own)
            assert gap <= 6, f"{screen}: {number['n']} ({name}) is {gap:.1f} px from its marker"
            nearest = min(found["markers"], key=lambda m: _distance(number, m))
            assert nearest["name"] == name, f"{screen}: {number['n']} ({name}) stands nearer to {nearest['name']}"
    assert numbered, "the densest area of the map on a phone has at least one site as a number"


def _gap(a, b) -> float:
    """The distance between two boxes' edges (0 when they touch or overlap)."""
    across = max(0.0, max(a["x"], b["x"]) - min(a["x"] + a["w"], b["x"] + b["w"]))
    down = max(0.0, max(a["y"], b["y"]) - min(a["y"] + a["h"], b["y"] + b["h"]))
    return (across ** 2 + down ** 2) ** 0.5


def _distance(a, b) -> float:
    return ((a["x"] + a["w"] / 2 - b["x"] - b["w"] / 2) ** 2 + (a["y"] + a["h"] / 2 - b["y"] - b["h"] / 2) ** 2) ** 0.5
