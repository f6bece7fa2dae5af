"""Autosaves, continuing, saving and loading by name, and leaving a game without losing it."""

import json

import pygame

from game.catalog import load_scenario
from game.ui.script import ScriptedGame, play


def _start_against_ai(d, scenario_id="moscow-2020"):
    seats = load_scenario(scenario_id).seat_ids
    d.press("new")
    d.key(pygame.K_RETURN)
    d.press("start")
    while not d.on("TableScene"):
        d.key(pygame.K_RETURN)
    d.until(lambda: d.scene.viewer == seats[0] and seats[0] in d.scene.obs["to_move"], 500)


def _save_as(d, text, keep_suggested=False):
    """Ctrl+S, type a name (after the suggested one, or over it) and press Enter."""
    d.key(pygame.K_s, pygame.KMOD_CTRL)
    if keep_suggested:
        d.key(pygame.K_END)
    d.type(text)
    d.key(pygame.K_RETURN)


def _reach_day_two(d):
    while not (d.on("TableScene") and d.scene.session.state.turn == 2 and d.scene.viewer in d.scene.obs["to_move"]):
        if d.on("ResolutionScene"):
            d.key(pygame.K_RETURN)
        elif d.on("TableScene") and d.scene.viewer in d.scene.obs["to_move"]:
            ScriptedGame(d).pass_word()
        else:
            d.frame()


def test_closing_the_window_asks_then_saves_and_continue_resumes(make_app, private_home):
    d = make_app()
    _start_against_ai(d)
    _reach_day_two(d)
    d.key(pygame.K_e)
    session = d.app.session
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    d.frame()
    assert d.on("QuitDialog") and d.app.running
    assert "Leave the game?" in d.text()
    d.key(pygame.K_ESCAPE)
    assert d.on("TableScene"), "Escape keeps playing"
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    d.frame()
    d.click("quit")
    assert not d.app.running
    log = [[seat, action] for seat, action in session.state.log]
    autosaves = sorted((private_home / "saves" / "autosave").glob("*.json"))
    assert [p.name for p in autosaves] == ["moscow-2020-turn-01.json", "moscow-2020-turn-02.json"]
    assert json.loads(autosaves[-1].read_text())["actions"] == log, "the game as it was when the player left"
    pygame.quit()

    d = make_app()
    assert d.widget("continue").enabled
    d.press("continue")
    assert d.on("TableScene")
    state = d.scene.session.state
    assert [[seat, action] for seat, action in state.log][:len(log)] == log
    assert d.scene.session.controllers["russia"] == "normal"


def test_save_by_name_then_load_it_from_the_title(make_app, private_home):
    d = make_app()
    _start_against_ai(d)
    d.key(pygame.K_e)
    d.key(pygame.K_s, pygame.KMOD_CTRL)
    assert d.on("SaveDialog")
    for _ in range(40):
        d.key(pygame.K_BACKSPACE)
    d.type("before the summit")
    d.key(pygame.K_RETURN)
    assert d.on("TableScene")
    assert (private_home / "saves" / "before the summit.json").exists()
    saved_log = json.loads((private_home / "saves" / "before the summit.json").read_text())["actions"]
    d.key(pygame.K_ESCAPE)
    assert d.on("MenuScene")
    d.press("title")
    assert d.on("TitleScene")
    d.press("load")
    assert d.on("LoadScene")
    assert any("before the summit" in t for t in d.text())
    d.focus("saves")
    d.key(pygame.K_HOME)
    d.key(pygame.K_RETURN)
    assert d.on("TableScene")
    assert [[s, a] for s, a in d.scene.session.state.log][:len(saved_log)] == saved_log


def test_a_bad_save_name_is_refused_and_nothing_is_written(make_app, private_home):
    d = make_app()
    _start_against_ai(d)
    _save_as(d, "/etc/passwd")
    assert d.on("SaveDialog")
    assert any(t.startswith("Not saved") for t in d.text())
    assert "'/' cannot be in a save name" in " ".join(d.text()), "the refusal names the character at fault"
    assert not list((private_home / "saves").glob("*.json"))
    d.key(pygame.K_ESCAPE)
    assert d.on("TableScene")


def test_a_save_name_with_an_apostrophe_and_punctuation_is_kept(make_app, private_home):
    d = make_app()
    _start_against_ai(d)
    _save_as(d, "Erdogan's gambit!")
    assert d.on("TableScene")
    assert (private_home / "saves" / "Erdogan's gambit!.json").exists(), "typing replaces the suggested name"
    _save_as(d, ", later", keep_suggested=True)
    assert (private_home / "saves" / "moscow-2020 day 1, later.json").exists(), "End keeps it and adds to it"


def test_a_damaged_save_is_listed_with_why_and_never_loaded(make_app, private_home):
    saves = private_home / "saves"
    saves.mkdir(parents=True)
    (saves / "broken.json").write_text('{"format": "summit-save", "version": 1, "actions": [', encoding="utf-8")
    d = make_app()
    d.press("load")
    assert any("Cannot be loaded" in t for t in d.text())
    d.focus("saves")
    d.key(pygame.K_RETURN)
    assert d.on("LoadScene")
    assert (saves / "broken.json").exists()


def test_continue_is_off_until_there_is_an_autosave(make_app):
    d = make_app()
    assert not d.widget("continue").enabled


def test_a_finished_game_is_not_offered_by_continue(make_app, private_home):
    d = make_app()
    play(d, "moscow-2020", {"turkey": "human"})
    assert d.on("EndScene")
    assert not list((private_home / "saves" / "autosave").glob("*.json")), "the finished game's autosaves are gone"
    d.press("title")
    assert d.on("TitleScene")
    assert not d.widget("continue").enabled
    assert "No game in progress" in d.widget("continue").tooltip
    d.focus("continue")
    assert any("No game in progress" in t for t in d.text()), "the help bar says why Continue is off"


def test_finishing_a_game_keeps_every_other_game(make_app, private_home):
    d = make_app()
    seats = load_scenario("sochi-2008").seat_ids
    ScriptedGame(d).new_game("sochi-2008", {seats[0]: "human"})
    d.until(lambda: d.on("TableScene") and d.scene.viewer == seats[0], 500)
    _save_as(d, " unfinished", keep_suggested=True)
    d.key(pygame.K_ESCAPE)
    d.press("title")
    unfinished = sorted(p.name for p in (private_home / "saves" / "autosave").glob("*.json"))
    assert unfinished == ["sochi-2008-turn-01.json"]
    play(d, "moscow-2020", {"turkey": "human"})
    d.press("title")
    assert sorted(p.name for p in (private_home / "saves" / "autosave").glob("*.json")) == unfinished
    assert (private_home / "saves" / "sochi-2008 day 1 unfinished.json").exists()
    assert d.widget("continue").enabled
    d.press("continue")
    assert d.on("TableScene")
    assert d.scene.session.scenario.id == "sochi-2008", "Continue picks up the game still in progress"


def _documents():
    from game.engine import DONE, Game
    from game.persistence import build
    from game.persistence.saves import checksum

    state = Game(load_scenario("moscow-2020"), 4).new_state()
    for _ in range(5):
        state.apply(state.to_move()[0], DONE)
    good = build(state, seats={"turkey": "human"}, name="good game", saved_at="2024-05-01 10:00")

    def forged(**changes):
        body = {**good, **changes}
        body["checksum"] = checksum(body)
        return json.dumps(body)
    return json.dumps(good), forged


def test_forged_saves_are_listed_with_why_and_never_stop_the_load_screen(make_app, private_home):
    good, forged = _documents()
    saves = private_home / "saves"
    saves.mkdir(parents=True)
    bad = {"nul name": forged(name="bad\x00name"), "surrogate name": forged(name="\ud800"),
           "god seat": forged(seats={"turkey": "god"}), "number name": forged(name=7),
           "path id": forged(scenario={"id": "../x.yaml", "version": 1, "content_hash": "0" * 64}),
           "huge name": forged(name="n" * 1_000_000), "wrong day": forged(turn=3)}
    for name, text in bad.items():
        (saves / f"{name}.json").write_text(text, encoding="utf-8")
    (saves / "b\udcffd bytes.json").write_text(good, encoding="utf-8", errors="surrogateescape")
    (saves / "good.json").write_text(good, encoding="utf-8")
    d = make_app()
    d.press("load")
    assert d.on("LoadScene")
    titles = [e.title for e in d.scene.entries]
    assert len(titles) == len(bad) + 2
    refused = [e for e in d.scene.entries if e.save is None]
    assert sorted(e.path.stem for e in refused) == sorted(set(bad) - {"wrong day"})
    shown = " ".join(d.text())
    assert "Cannot be loaded" in shown and "\x00" not in shown
    for k in range(len(d.scene.entries)):  # every line drawn, choosing each in turn
        d.scene.state.selected = k
        d.frame()
    wrong_day = next(k for k, e in enumerate(d.scene.entries) if e.path.stem == "wrong day")
    d.scene.state.selected = wrong_day
    d.press("load")
    assert d.on("LoadScene") and "says day 3" in d.app.toast_text
    good_one = next(k for k, e in enumerate(d.scene.entries) if e.path.name == "good.json")
    d.scene.state.selected = good_one
    d.press("load")
    assert d.on("TableScene") and len(d.scene.session.state.log) >= 5
    assert sorted(p.name for p in saves.iterdir() if p.is_file()) == sorted(
        [f"{n}.json" for n in bad] + ["b\udcffd bytes.json", "good.json"]), "no save was changed or removed"


def test_continue_skips_a_forged_autosave(make_app, private_home):
    import os
    good, forged = _documents()
    folder = private_home / "saves" / "autosave"
    folder.mkdir(parents=True)
    (folder / "moscow-2020-turn-01.json").write_text(good, encoding="utf-8")
    (folder / "moscow-2020-turn-02.json").write_text(forged(seats={"turkey": "robot"}), encoding="utf-8")
    os.utime(folder / "moscow-2020-turn-01.json", (1_700_000_000, 1_700_000_000))
    d = make_app()
    d.press("continue")
    assert d.on("TableScene") and len(d.scene.session.state.log) >= 5
    assert "Skipped an autosave that cannot be continued" in d.app.toast_text
    assert "who plays a seat is one of" in d.app.toast_text


def test_an_unusable_saves_folder_is_said_not_crashed_on(make_app, private_home, monkeypatch):
    monkeypatch.setenv("SUMMIT_SAVE_DIR", str(private_home / ("x" * 300)))
    d = make_app()
    assert not d.widget("continue").enabled
    d.press("load")
    assert d.on("LoadScene") and "The saves folder cannot be read" in d.app.toast_text


def _new_game_as(d, name, scenario_id):
    """New game of a scenario, typing the player's name over whatever is suggested, then to the table."""
    d.press("new")
    found = [k for k, e in enumerate(d.scene.entries) if e.scenario and e.scenario.id == scenario_id][0]
    d.focus("list")
    d.key(pygame.K_HOME)
    for _ in range(found):
        d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)
    d.focus("player")
    d.key(pygame.K_BACKSPACE)
    for _ in range(40):
        d.key(pygame.K_BACKSPACE)
    d.type(name)
    d.press("start")
    while not d.on("TableScene"):
        d.key(pygame.K_RETURN)


def _to_title(d):
    d.key(pygame.K_ESCAPE)
    d.press("title")
    d.until(lambda: d.on("TitleScene"), 50, "the title")


def test_two_players_at_one_computer_each_continue_only_their_own_game(make_app, private_home):
    d = make_app()
    _new_game_as(d, "Ali", "moscow-2020")
    _to_title(d)
    assert "Player: Ali" in d.text() and d.widget("continue").enabled
    d.press("player")
    for _ in range(40):
        d.key(pygame.K_BACKSPACE)
    d.type("Ben")
    d.key(pygame.K_RETURN)
    assert d.on("TitleScene") and "Player: Ben" in d.text()
    assert not d.widget("continue").enabled, "Ben has no game in progress: Ali's is not offered to him"
    _new_game_as(d, "Ben", "sochi-2008")
    _to_title(d)
    d.press("continue")
    assert d.on("TableScene") and d.scene.session.scenario.id == "sochi-2008"
    _to_title(d)
    d.press("player")
    for _ in range(40):
        d.key(pygame.K_BACKSPACE)
    d.type("ali")
    d.key(pygame.K_RETURN)
    d.press("continue")
    assert d.on("TableScene") and d.scene.session.scenario.id == "moscow-2020", "names are the same whatever the case"
    folders = sorted(p.name for p in (private_home / "saves" / "players").iterdir())
    assert folders == ["ali", "ben"]
    assert not list((private_home / "saves").glob("autosave/*.json")), "named players' games are not the unnamed one's"


def test_a_player_name_that_cannot_be_a_folder_is_refused_and_says_why(make_app, private_home):
    d = make_app()
    d.press("player")
    d.type("../Ali")
    d.key(pygame.K_RETURN)
    assert d.on("PlayerDialog")
    assert any(line.startswith("Not changed:") for line in d.text())
    d.key(pygame.K_ESCAPE)
    assert "Player: not named" in d.text()
    assert not (private_home / "saves" / "players").exists()
