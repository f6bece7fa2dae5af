"""With two people at one computer, a curtain hides one seat's secrets before the next sees the screen."""

import pygame

from game.catalog import load_scenario

HUMANS = ("turkey", "russia")


def _start_hot_seat(d):
    seats = load_scenario("moscow-2020").seat_ids
    d.press("new")
    d.key(pygame.K_RETURN)
    for seat in seats:
        d.focus(f"seat:{seat}")
        while d.scene.choice[seat] != ("human" if seat in HUMANS else "normal"):
            d.key(pygame.K_RIGHT)
    d.press("start")
    return load_scenario("moscow-2020")


def _drawn(d):
    return " ".join(d.text())


def _private_fragments(scenario, seat):
    s = scenario.seat(seat)
    words = s.briefing.split()
    fragments = {" ".join(words[k:k + 4]) for k in range(0, len(words) - 4, 4)}
    return fragments | {o.text for o in s.objectives}


def _shown_of(d, fragments):
    """The fragments of private text that were drawn in the last frame."""
    shown = _drawn(d)
    return [f for f in fragments if f in shown]


def test_each_private_briefing_waits_behind_a_curtain(make_app):
    d = make_app()
    scenario = _start_hot_seat(d)
    turkey, russia = (_private_fragments(scenario, s) for s in HUMANS)
    assert d.on("BriefingScene")
    assert not _shown_of(d, turkey | russia)
    d.key(pygame.K_RETURN)
    assert d.on("CurtainScene")
    assert "Pass to the player for Turkey" in d.text()
    assert not _shown_of(d, turkey | russia)
    d.key(pygame.K_RETURN)
    assert d.on("BriefingScene")
    assert _shown_of(d, turkey), "Turkey reads its own briefing once the curtain lifts"
    assert not _shown_of(d, russia)
    d.key(pygame.K_RETURN)
    assert d.on("CurtainScene")
    assert "Pass to the player for Russia" in d.text()
    assert not _shown_of(d, turkey | russia)
    d.key(pygame.K_ESCAPE)
    assert d.on("CurtainScene"), "Escape does not lift the curtain"
    d.key(pygame.K_RETURN)
    assert _shown_of(d, russia)
    assert not _shown_of(d, turkey)


def test_the_table_is_hidden_when_the_turn_passes_to_the_other_person(make_app):
    d = make_app()
    _start_hot_seat(d)
    while not d.on("TableScene"):
        d.key(pygame.K_RETURN)
    d.until(lambda: d.on("CurtainScene") or (d.on("TableScene") and d.scene.viewer == "turkey"
                                            and "turkey" in d.scene.obs["to_move"]), 50)
    if d.on("CurtainScene"):
        d.key(pygame.K_RETURN)
    assert d.scene.viewer == "turkey"
    assert "Turkey [TUR]" in d.text()
    assert any(t.startswith("Worth to you") for t in d.text())
    d.key(pygame.K_e)
    d.until(lambda: d.on("CurtainScene"), 50, "the curtain for Russia")
    assert "Pass to the player for Russia" in d.text()
    shown = _drawn(d)
    for private in ("Worth to you", "walk-away", "THE SITUATION", "NEWS"):
        assert private not in shown
    d.key(pygame.K_RETURN)
    assert d.on("TableScene") and d.scene.viewer == "russia"
    assert "Russia [RUS]" in d.text()
