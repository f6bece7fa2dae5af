"""Arrow keys walk the controls without changing a value on the way; a value changes only where the player meant."""

import pygame


def _package(t):
    d = t.compose.draft
    return d.until, dict(d.terms), set(d.parties), t.tab


def test_left_and_right_after_asking_walk_past_open_until_without_changing_anything(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    t = play.with_first_issue()
    d.click("ask")
    assert d.scene.controls.focus == "ask"
    before = _package(t)
    count = len([w for w in d.scene.controls.widgets if w.focusable])
    for key in (pygame.K_LEFT, pygame.K_RIGHT):
        # Twice round every control: the walk passes Open until, the issue list and the tabs, changing none.
        for _ in range(2 * count):
            d.key(key)
            assert _package(t) == before, f"{pygame.key.name(key)} changed a value while walking the controls"
    assert d.widget("until").options[d.widget("until").index] == "today"


def test_open_until_taken_on_purpose_steps_with_the_arrows_and_stops_at_either_end(make_app, table_play):
    play = table_play(make_app()).start()
    d = play.d
    play.with_first_issue()
    d.focus("until")
    until = d.widget("until")
    labels = until.options
    assert labels[0] == "today" and labels[-1] == "the summit" and len(labels) > 2
    d.key(pygame.K_RIGHT)
    assert d.widget("until").index == 1, "Right on a control the player tabbed to changes it"
    for _ in range(len(labels) + 2):
        d.key(pygame.K_RIGHT)
    assert d.widget("until").index == len(labels) - 1, "Right stops at the summit rather than wrap round to today"
    assert d.scene.controls.focus == "until"
    for _ in range(len(labels) + 2):
        d.key(pygame.K_LEFT)
    assert d.widget("until").index == 0, "Left stops at today"


def test_up_or_down_onto_a_value_then_left_or_right_changes_it(make_app):
    """Arrows across the direction they walked in are meant for the control: the seats screen works that way."""
    d = make_app()
    d.press("new")
    d.until(lambda: d.on("ScenarioScene"), 10, "the scenario list")
    d.focus("list")
    d.key(pygame.K_RETURN)
    d.until(lambda: d.on("SeatsScene"), 10, "the seats")
    keys = [w.key for w in d.scene.controls.widgets if w.focusable]
    first, second = [k for k in keys if k.startswith("seat:")][:2]
    assert keys.index(second) == keys.index(first) + 1
    d.focus(first)
    d.key(pygame.K_DOWN)
    assert d.scene.controls.focus == second
    was = d.widget(second).index
    d.key(pygame.K_RIGHT)
    assert d.widget(second).index == was + 1
