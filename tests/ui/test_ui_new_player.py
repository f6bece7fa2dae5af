"""What a new player tripped over in a whole game at 1280x720: the wheel on the issue list, Esc on the map."""

import pygame


def _wheel_over(d, widget_key, steps):
    pos = d.widget(widget_key).rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    for _ in range(abs(steps)):
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1 if steps > 0 else 1, flipped=False))
    d.frame(2)


def test_the_mouse_wheel_scrolls_the_issue_list_and_it_stays_scrolled(make_app, table_play):
    d = make_app()
    t = table_play(d).start().until(day=1, talk_round=1)
    d.key(pygame.K_1)
    issues = t.compose.issue_ids
    last = t.issues[issues[-1]]["name"]
    shown = d.widget("issues").visible_rows
    assert shown < len(issues) and last not in d.text()
    _wheel_over(d, "issues", len(issues))
    assert last in d.text()
    assert t.issues[issues[0]]["name"] not in d.text()
    # The list is rebuilt every frame the table changes; what the wheel showed is still what is shown.
    d.frame(5)
    assert last in d.text()
    _wheel_over(d, "issues", -len(issues))
    assert t.issues[issues[0]]["name"] in d.text()


def test_keys_still_bring_the_selected_issue_into_view_after_the_wheel(make_app, table_play):
    d = make_app()
    play = table_play(d).start()
    t = play.until(day=1, talk_round=1)
    play.top_of(pygame.K_1, "issues")
    _wheel_over(d, "issues", len(t.compose.issue_ids))
    d.focus("issues")
    d.key(pygame.K_DOWN)
    assert t.issues[t.compose.issue_ids[1]]["name"] in d.text()


def test_escape_on_the_map_leaves_the_map_and_only_then_opens_the_menu(make_app, table_play):
    d = make_app()
    table_play(d).start().until(day=1, talk_round=1)
    d.key(pygame.K_1)
    d.focus("issues")
    d.key(pygame.K_m)
    assert d.scene.controls.focus == "map"
    d.key(pygame.K_ESCAPE)
    assert d.on("TableScene") and d.scene.controls.focus == "issues"
    d.key(pygame.K_n)
    d.key(pygame.K_ESCAPE)
    assert d.on("TableScene") and d.scene.controls.focus == "issues"
    d.key(pygame.K_ESCAPE)
    assert d.on("MenuScene")


def test_text_cut_to_fit_ends_on_a_whole_word(make_app):
    text = make_app().app.text
    tip = ("New EU money for refugees in Turkey: Fresh European funding, in billions of euros, on top of the "
           "6 billion pledged in 2016. Needs Turkey, EU and Greece.")
    words = set(tip.replace(",", " ").replace(".", " ").replace(":", " ").split())
    for width in range(120, text.width(tip, "small"), 37):
        cut = text.fit(tip, "small", width)
        assert cut.endswith("\u2026") and text.width(cut, "small") <= width
        assert cut[:-1].split()[-1].strip(",.:") in words, cut
