"""A scenario of the player's own is first-class: listed under New game, played, saved, continued and replayed.

The file is the minimal scenario from docs/scenario-format.md, as an author would start one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.ui.launch import first_scene
from game.ui.script import ScriptedGame

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scenario"))
from scenario_text import minimal_text  # noqa: E402


@pytest.fixture
def mine(private_scenarios):
    """The minimal scenario in the player's scenarios folder, under an author's file name."""
    path = private_scenarios / "border crossing.yaml"
    path.write_text(minimal_text(), encoding="utf-8")
    return path


def replay(capsys, ref):
    code = main(["replay", str(ref)])
    out, err = capsys.readouterr()
    return code, out, err


def _save_on_day_one(d, name):
    d.until(lambda: d.on("TableScene") and d.scene.viewer == "north" and "north" in d.scene.obs["to_move"], 500)
    d.key(pygame.K_s, pygame.KMOD_CTRL)
    for _ in range(60):
        d.key(pygame.K_BACKSPACE)
    d.type(name)
    d.key(pygame.K_RETURN)
    assert d.on("TableScene")


def test_the_players_scenario_is_listed_marked_as_theirs(make_app, mine):
    d = make_app()
    d.press("new")
    assert d.on("ScenarioScene")
    ids = [e.scenario.id for e in d.scene.entries]
    assert ids[-1] == "minimal" and "moscow-2020" in ids
    d.focus("list")
    d.key(pygame.K_END)
    d.frame()
    assert "YOUR SCENARIO" in d.text() and any(t.startswith("Yours \u00b7 ") for t in d.text())
    assert d.widget("next").enabled


def test_a_broken_file_is_listed_with_why_and_cannot_be_chosen(make_app, mine, private_scenarios):
    (private_scenarios / "draft.yaml").write_text(minimal_text().replace("version: 1", "version: one"))
    d = make_app()
    d.press("new")
    d.focus("list")
    d.key(pygame.K_END)
    d.frame()
    shown = " ".join(d.text())
    assert "draft.yaml" in shown and "cannot be played" in shown and "expected a whole number" in shown
    assert not d.widget("next").enabled
    d.key(pygame.K_RETURN)
    assert d.on("ScenarioScene")


def test_a_game_of_the_players_scenario_plays_saves_and_replays(make_app, mine, private_home, capsys):
    d = make_app()
    ScriptedGame(d).new_game(str(mine), {"north": "human"})
    _save_on_day_one(d, "my crossing")
    saved = json.loads((private_home / "saves" / "my crossing.json").read_text())
    assert saved["version"] == 2
    assert saved["scenario"] | {"content_hash": ""} == {"id": "minimal", "version": 1, "content_hash": "",
                                                         "place": "user", "path": str(mine)}
    code, out, err = replay(capsys, "my crossing")
    assert code == 0 and out.startswith("my crossing: ok:"), err
    game = ScriptedGame(d)
    game.play_to_end()
    assert d.on("EndScene")

    renamed = mine.with_name("crossing, final.yaml")  # moved within the folder: found by its content
    mine.rename(renamed)
    assert replay(capsys, "my crossing")[0] == 0

    renamed.write_text(minimal_text().replace("points: 10", "points: 12"))
    code, out, err = replay(capsys, "my crossing")
    assert code == 1 and "was played on another version of scenario 'minimal'" in err, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err

    renamed.unlink()
    code, out, err = replay(capsys, "my crossing")
    assert code == 1 and f"was played on the scenario file {mine}, which is gone" in err, err


def test_continue_picks_up_a_game_of_a_scenario_named_by_its_path(make_app, tmp_path, private_home):
    path = tmp_path / "elsewhere" / "crossing.yaml"
    path.parent.mkdir()
    path.write_text(minimal_text(), encoding="utf-8")
    d = make_app()
    scene = first_scene(d.app, str(path), {"south": "hard"}, None)  # as `play --scenario PATH --seat south=hard`
    assert scene.scenario.origin.path == str(path) and scene.choice == {"north": "human", "south": "hard"}
    d.app.push(scene)
    d.press("start")
    while not d.on("TableScene"):
        d.key(pygame.K_RETURN)
    pygame.quit()

    d = make_app()
    assert d.widget("continue").enabled
    d.press("continue")
    assert d.on("TableScene") and d.scene.session.scenario.origin.path == str(path)
    assert d.scene.session.controllers == {"north": "human", "south": "hard"}


def test_simulate_and_validate_take_a_path_or_the_players_id(mine, capsys):
    assert main(["simulate", "--scenario", str(mine), "--games", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["scenario"] == "minimal"
    assert main(["simulate", "--scenario", "minimal", "--games", "2"]) == 0
    assert "A border crossing: 2 AI games" in capsys.readouterr().out
    assert main(["simulate", "--scenario", "nowhere", "--games", "2"]) == 2
    err = capsys.readouterr().err
    assert "no scenario with id 'nowhere' (shipped: moscow-2020, sochi-2008; in " in err and ": minimal)" in err


def test_shots_play_a_scenario_named_by_its_path(tmp_path, capsys):
    """A whole scripted game of a scenario file outside any folder the game knows (here a renamed copy of a
    shipped one, big enough for every scene)."""
    shipped = Path(__file__).resolve().parents[2] / "game" / "scenarios" / "moscow-2020.yaml"
    text = shipped.read_text(encoding="utf-8")
    assert text.count("\nid: moscow-2020\n") == 1
    path = tmp_path / "my idlib.yaml"
    path.write_text(text.replace("\nid: moscow-2020\n", "\nid: my-idlib\n"), encoding="utf-8")
    out = tmp_path / "shots"
    assert main(["shots", "--scenario", str(path), "--out", str(out)]) == 0, capsys.readouterr().err
    assert len(list(out.glob("*.png"))) == 16
    assert main(["shots", "--scenario", str(tmp_path / "none.yaml"), "--out", str(out)]) == 2
    assert "none.yaml:0:0: no such file" in capsys.readouterr().err


def test_play_names_what_is_wrong_with_a_scenario_path(make_app, tmp_path):
    d = make_app()
    with pytest.raises(ValueError, match="no such file"):
        first_scene(d.app, str(tmp_path / "missing.yaml"), {}, None)
    with pytest.raises(ValueError, match="File name too long"):
        first_scene(d.app, str(tmp_path / ("x" * 300 + ".yaml")), {}, None)
    with pytest.raises(ValueError, match="cannot be read: File name too long"):
        first_scene(d.app, None, {}, "x" * 300)
