"""With two people at one computer, a curtain hides one seat's secrets before the next sees the screen."""

import pygame

from game.catalog import load_scenario
from game.ui.script import ScriptedGame

HUMANS = ("turkey", "russia")


def _start_hot_seat(d):
    seats = load_scenario("moscow-2020").seat_ids
    d.press("new")
    d.key(pygame.K_RETURN)
    for seat in seats:
        ScriptedGame(d).seat_played_by(seat, "human" if seat in HUMANS else "normal")
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
    assert any(t.startswith("Put an issue in the package") for t in d.text())
    d.key(pygame.K_e)
    d.until(lambda: d.on("CurtainScene"), 50, "the curtain for Russia")
    assert "Pass to the player for Russia" in d.text()
    shown = _drawn(d)
    for private in ("Put an issue in the package", "your final score", "THE SITUATION", "NEWS"):
        assert private not in shown
    d.key(pygame.K_RETURN)
    assert d.on("TableScene") and d.scene.viewer == "russia"
    assert "Russia [RUS]" in d.text()


def test_after_the_days_results_the_next_person_sits_down_behind_the_curtain(make_app):
    from game.ui.script import ScriptedGame
    d = make_app()
    scenario = load_scenario("moscow-2020")
    secrets = _private_fragments(scenario, "turkey") | _private_fragments(scenario, "russia")
    after = []

    def leave_results(scene):
        d.key(pygame.K_RETURN)
        d.frame()
        after.append(type(d.scene).__name__)
        if not d.on("EndScene"):  # the end screen reveals every objective, to everyone, on purpose
            assert not _shown_of(d, secrets)

    game = ScriptedGame(d, every_day=leave_results)
    game.new_game("moscow-2020", {s: "human" if s in HUMANS else "normal" for s in scenario.seat_ids})
    game.play_to_end()
    assert len(after) == 5 and after[-1] == "EndScene"
    assert all(name == "CurtainScene" for name in after[:-1]), after


def test_back_from_a_private_briefing_goes_to_the_shared_page_not_the_other_seats(make_app):
    d = make_app()
    scenario = _start_hot_seat(d)
    turkey = _private_fragments(scenario, "turkey")
    for _ in range(3):
        d.key(pygame.K_RETURN)
    assert d.on("CurtainScene") and "Pass to the player for Russia" in d.text()
    d.key(pygame.K_RETURN)
    assert d.on("BriefingScene") and d.scene.seat == "russia"
    d.press("prev")
    assert d.on("BriefingScene") and d.scene.seat is None, "Back shows the shared situation"
    assert not _shown_of(d, turkey)
    d.key(pygame.K_RETURN)
    assert d.on("CurtainScene") and "Pass to the player for Turkey" in d.text()
