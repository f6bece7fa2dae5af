"""The day's results show everything the player saw happen that day, on every day of the game."""

from game.ui.script import ScriptedGame


def test_every_days_results_show_its_moves_and_promises_kept_or_broken(make_app):
    d = make_app()
    days = []

    def check(scene):
        session, turn = scene.session, scene.res.turn
        news = [e for e in session.observation("turkey")["news"] if e["turn"] == turn]
        promises = [e["text"] for e in news if e["kind"] in ("kept", "breach")]
        moved = [line for e in news if e["kind"] == "move" for line in e.get("changes", [])]
        said = " ".join(text for _, _, text in scene.table_items() + scene.field_items())
        assert all(text in said for text in promises), f"day {turn}: a promise kept or broken is missing"
        assert all(line in said for line in moved), f"day {turn}: a move's effect is missing"
        if promises:
            assert "No agreement bound anyone today." not in said
        days.append((turn, len(promises), len(moved)))

    game = ScriptedGame(d, every_day=check)
    game.new_game("moscow-2020", {"turkey": "human"})
    game.play_to_end()
    assert [turn for turn, _, _ in days] == [1, 2, 3, 4, 5]
    assert all(kept for _, kept, _ in days[1:]), "what was signed on day 1 binds someone every day after"
    assert all(moved for _, _, moved in days), "moves change things every day"


def test_on_a_shared_screen_a_hold_looks_like_any_move_kept_secret(make_app):
    """Otherwise the first seat's holds would read differently from everyone else's, and give secrets away."""
    d = make_app()
    lines = []

    def check(scene):
        lines.extend(text for _, _, text in scene.field_items())

    game = ScriptedGame(d, every_day=check)
    game.new_game("moscow-2020", {"turkey": "human", "russia": "human"})
    game.play_to_end()
    assert not [line for line in lines if line.endswith("held: no move")]
    assert [line for line in lines if line.endswith("no move the others can see (it held, or moved in secret)")]


def test_the_help_bar_says_what_the_button_does_on_every_day_and_after_the_summit(make_app):
    d = make_app()
    said = []

    def check(scene):
        d.frame()
        button = scene.controls.find("continue")
        assert scene.controls.focus == "continue" and button.tooltip in d.text()
        said.append((scene.session.over, button.label, button.tooltip))

    game = ScriptedGame(d, every_day=check)
    game.new_game("moscow-2020", {"turkey": "human"})
    game.play_to_end()
    *days, (over, label, tip) = said
    assert over and label.startswith("See the result") and tip.startswith("See the result")
    assert "Back to the table" not in tip
    for _, label, tip in days:
        day = label.split()[3]
        assert label.startswith("On to day") and tip == f"Back to the table for day {day}."
