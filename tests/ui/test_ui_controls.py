"""Keyboard focus, tooltips on every control, resizing and the text size setting."""

import pygame

from game.ui.script import ScriptedGame


def _every_control_explains_itself(d):
    d.scene.prepare()
    for w in d.scene.controls.widgets:
        tip = w.focus_tip() or w.tip_at(w.rect.center)
        assert tip, f"{type(d.scene).__name__}: control '{w.key}' has no tooltip"


def test_tab_and_shift_tab_walk_the_controls_in_order(make_app):
    d = make_app()
    keys = [w.key for w in d.scene.controls.widgets if w.focusable]
    assert d.scene.controls.focus == keys[0]
    d.key(pygame.K_TAB)
    assert d.scene.controls.focus == keys[1]
    d.key(pygame.K_TAB, pygame.KMOD_SHIFT)
    d.key(pygame.K_TAB, pygame.KMOD_SHIFT)
    assert d.scene.controls.focus == keys[-1]
    d.key(pygame.K_DOWN)
    assert d.scene.controls.focus == keys[0], "arrows move through a menu too"


def test_tooltips_on_every_control_of_every_scene(make_app):
    d = make_app()
    _every_control_explains_itself(d)
    seen = set()

    def check(name):
        if type(d.scene).__name__ not in seen:
            seen.add(type(d.scene).__name__)
            _every_control_explains_itself(d)
    game = ScriptedGame(d, check)
    game.new_game("moscow-2020", {"turkey": "human"})
    d.key(pygame.K_2)
    _every_control_explains_itself(d)
    d.key(pygame.K_3)
    _every_control_explains_itself(d)
    d.key(pygame.K_4)
    _every_control_explains_itself(d)
    game.play_to_end()
    assert {"ScenarioScene", "SeatsScene", "BriefingScene", "TableScene", "ResolutionScene", "EndScene"} <= seen


def test_the_help_bar_shows_the_focused_controls_tooltip(make_app):
    d = make_app()
    d.key(pygame.K_TAB)
    assert d.scene.controls.focused().tooltip in d.text()


def test_a_resized_window_draws_its_text_again_at_the_new_size(make_app):
    d = make_app()
    small = d.app.text.px("body")
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1920, h=1080, size=(1920, 1080)))
    d.frame()
    assert d.app.size == (1920, 1080)
    assert d.app.text.px("body") > small
    for w in d.scene.controls.widgets:
        assert pygame.Rect(0, 0, 1920, 1080).contains(w.rect)


def test_text_size_setting_changes_every_font_and_is_kept(make_app, private_home):
    d = make_app()
    normal = d.app.text.px("body")
    d.press("settings")
    d.focus("text")
    d.key(pygame.K_RIGHT)
    assert d.app.text.px("body") > normal
    assert '"text_size": 2' in (private_home / "settings.json").read_text()


def test_f11_toggles_fullscreen_without_breaking_the_game(make_app):
    d = make_app()
    d.key(pygame.K_F11)
    d.key(pygame.K_F11)
    assert d.app.running and d.on("TitleScene")
    assert d.app.settings.values["fullscreen"] is False


def test_map_selection_by_arrow_keys(make_app):
    d = make_app()
    ScriptedGame(d).new_game("moscow-2020", {"turkey": "human"})
    d.until(lambda: d.scene.viewer == "turkey" and "turkey" in d.scene.obs["to_move"], 200)
    d.key(pygame.K_m)
    assert d.scene.controls.focus == "map"
    d.key(pygame.K_RIGHT)
    assert any("Tartus naval base" in t for t in d.text())
    d.key(pygame.K_DOWN)
    assert any("Hatay (Turkey)" in t for t in d.text())


def test_f1_opens_how_to_play_over_the_table_and_escape_closes_it(make_app):
    d = make_app()
    ScriptedGame(d).new_game("moscow-2020", {"turkey": "human"})
    d.until(lambda: d.on("TableScene") and d.scene.viewer == "turkey", 200)
    d.key(pygame.K_F1)
    assert d.on("HelpScene")
    assert "How to play" in d.text()
    d.key(pygame.K_ESCAPE)
    assert d.on("TableScene")


def test_the_arrow_keys_scroll_the_help_as_soon_as_it_opens(make_app):
    d = make_app()
    ScriptedGame(d).new_game("moscow-2020", {"turkey": "human"})
    d.until(lambda: d.on("TableScene") and d.scene.viewer == "turkey", 200)
    d.key(pygame.K_F1)
    first = d.text()
    focus = d.scene.controls.focus
    d.key(pygame.K_DOWN)
    d.key(pygame.K_DOWN)
    assert d.scene.controls.focus == focus, "Down moved the focus instead of scrolling"
    assert d.text() != first, "Down did not scroll the help"
    d.key(pygame.K_HOME)
    assert d.text() == first
    d.key(pygame.K_RETURN)
    assert d.on("TableScene"), "Enter still closes the help"


def _help_text(d):
    """Everything the help overlay says, scrolled from top to bottom."""
    d.key(pygame.K_F1)
    seen = []
    for _ in range(60):
        seen += d.text()
        d.key(pygame.K_DOWN)
    d.key(pygame.K_ESCAPE)
    return " ".join(seen)


def test_the_help_explains_the_seats_table_and_its_headers_say_what_they_mean(make_app):
    d = make_app()
    ScriptedGame(d).new_game("moscow-2020", {"turkey": "human"})
    d.until(lambda: d.on("TableScene") and d.scene.viewer == "turkey", 200)
    heads = d.text()
    assert "\u2192you" not in heads and "you\u2192" not in heads, "the trust columns are headed by arrows"
    assert heads.count("trusts") == 1 and heads.count("trust") == 1 and heads.count("you") >= 2
    said = _help_text(d)
    for words in ("MIL its military strength", "ECON its economy", "HOME its support at", "INTL its international",
                  "'trusts you', how far that seat trusts you", "'you trust', how far you trust it"):
        assert words in said, f"the help does not explain {words.split()[0]}"
    tips = {"head:military": "military strength", "head:economy": "economy", "head:domestic": "support at home",
            "head:standing": "international standing", "head:trust-in": "how far each seat trusts you",
            "head:trust-out": "how far you trust each seat"}
    for key, words in tips.items():
        rect = d.widget(key).rect
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0)))
        d.frame(40)
        assert words in " ".join(d.text()), f"pointing at {key} does not explain it"


def _point(d, pos):
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0)))
    d.frame(40)


def test_a_scene_back_on_top_shows_no_tooltip_until_the_pointer_moves(make_app):
    d = make_app()
    ScriptedGame(d).new_game("moscow-2020", {"turkey": "human"})
    d.until(lambda: d.on("TableScene") and d.scene.viewer == "turkey", 200)
    menu = d.widget("menu")
    assert d.scene.controls.focus != "menu"
    _point(d, menu.rect.center)
    assert menu.tooltip in d.text(), "pointing at a button shows what it does"
    d.key(pygame.K_F1)
    d.key(pygame.K_ESCAPE)
    assert d.on("TableScene")
    d.frame(40)
    assert menu.tooltip not in d.text(), "a tooltip came up for where the pointer stood before the help covered it"
    _point(d, menu.rect.move(2, 0).center)
    assert menu.tooltip in d.text(), "moving the pointer brings the tooltip back"


def test_a_control_that_comes_under_a_still_pointer_shows_no_tooltip(make_app):
    d = make_app()
    ScriptedGame(d).new_game("moscow-2020", {"turkey": "human"})
    d.until(lambda: d.on("TableScene") and d.scene.viewer == "turkey", 200)
    d.key(pygame.K_1)
    chip = next(w for w in d.scene.controls.widgets if w.key.startswith("party:"))
    _point(d, chip.rect.center)
    assert chip.tooltip in d.text()
    d.key(pygame.K_4)    # the Moves panel: other controls now lie under the pointer
    d.frame(40)
    under = d.scene.controls.widget_at(chip.rect.center)
    assert under is not None and under.key != chip.key and under.tip_at(chip.rect.center)
    assert under.key != d.scene.controls.focus
    tip = under.tip_at(chip.rect.center)
    still = d.text().count(tip)   # the panel may show these words itself; a tooltip and the help bar add to them
    _point(d, chip.rect.move(0, 1).center)
    assert d.text().count(tip) > still, "a control that came under a still pointer showed its tip before it moved"
