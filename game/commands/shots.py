"""python main.py shots --out DIR: play a scripted game headlessly and save a PNG of every scene."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

from game.catalog import load_scenario
from game.engine.kinds import Controller
from game.home import SAVES_ENV, SCENARIOS_ENV
from game.scenario import Place, ScenarioError

SCENES = ("title", "settings", "scenario", "seats", "briefing", "curtain", "table", "save", "help", "table-offer",
          "ask", "incoming", "moves", "resolution", "end", "load")
SCENARIO = "moscow-2020"
HUMANS = ("turkey", "eu")  # two people, so the curtain shows; Turkey's partner Russia is an AI


def add_arguments(parser):
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    parser.add_argument("--size", default="1280x720", metavar="WxH", help="window size (default 1280x720)")
    parser.add_argument("--scenario", default=SCENARIO, metavar="ID|PATH",
                        help=f"the scenario to play: a shipped or your own scenario's id, or a file's path "
                             f"(default {SCENARIO})")
    parser.add_argument("--text-size", default="normal", metavar="SIZE",
                        help="small, normal, large or largest, as in Settings (default normal)")


def _size(text):
    w, sep, h = text.lower().partition("x")
    if not sep or not w.isdigit() or not h.isdigit() or int(w) < 640 or int(h) < 400:
        raise ValueError(f"--size {text!r}: write WIDTHxHEIGHT, at least 640x400, e.g. 1920x1080")
    return int(w), int(h)


def _text_size(text):
    from game.ui.theme import TEXT_SIZES
    names = [name.lower() for name, _ in TEXT_SIZES]
    if text.lower() not in names:
        raise ValueError(f"--text-size {text!r}: choose one of {', '.join(names)}")
    return names.index(text.lower())


def run(args) -> int:
    try:
        size = _size(args.size)
        text_size = _text_size(args.text_size)
    except ValueError as err:
        print(err, file=sys.stderr)
        return 2
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        print(f"--out {out}: {err}", file=sys.stderr)
        return 2
    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as err:
        print(err, file=sys.stderr)
        return 2
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    with tempfile.TemporaryDirectory(prefix="summit-shots-") as home:
        # A private saves folder, scenarios folder and settings file: the shots never touch the player's own.
        os.environ[SAVES_ENV] = str(Path(home) / "saves")
        os.environ[SCENARIOS_ENV] = str(Path(home) / "scenarios")
        os.environ["SUMMIT_SETTINGS"] = str(Path(home) / "settings.json")
        Path(home, "settings.json").write_text(json.dumps({"text_size": text_size}), encoding="utf-8")
        pick = scenario.id
        if scenario.origin.place is not Place.SHIPPED:
            # Any other scenario is played as a player's own would be: from the scenarios folder, on New game.
            mine = Path(home, "scenarios", Path(scenario.origin.path).name)
            mine.parent.mkdir()
            shutil.copyfile(scenario.origin.path, mine)
            pick = str(mine)
        return _shoot(out, size, pick, scenario.seat_ids)


def _shoot(out, size, pick, seats) -> int:
    import pygame

    from game.ui.app import App
    from game.ui.driver import Driver
    from game.ui.scenes.title import TitleScene
    from game.ui.script import ScriptedGame

    app = App(size=size, ai_delay=0, seed=11)
    app.push(TitleScene(app))
    d = Driver(app)
    taken: list = []

    def shot(name):
        path = out / f"{len(taken) + 1:02d}-{name}.png"
        d.shot(path)
        taken.append(name)
        print(f"{path}  ({type(d.scene).__name__}, {len(d.text())} strings drawn)")
        if name == "table":
            d.key(pygame.K_s, pygame.KMOD_CTRL)
            shot("save")
            d.key(pygame.K_RETURN)
            d.key(pygame.K_F1)
            shot("help")
            d.key(pygame.K_ESCAPE)

    try:
        d.frame()
        shot("title")
        d.press("settings")
        shot("settings")
        d.key(pygame.K_ESCAPE)
        game = ScriptedGame(d, shot)
        humans = [s for s in HUMANS if s in seats] or list(seats[:2])
        game.new_game(pick, {s: (Controller.HUMAN if s in humans else Controller.NORMAL) for s in seats})
        game.play_to_end()
        d.press("title")
        d.press("load")
        shot("load")
    except Exception:  # any failure to draw must fail the command, with its cause
        traceback.print_exc()
        print(f"shots: stopped on {type(d.scene).__name__} after {len(taken)} images", file=sys.stderr)
        pygame.quit()
        return 1
    pygame.quit()
    missing = [s for s in SCENES if s not in taken]
    if missing:
        print(f"shots: these scenes were never reached: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"{len(taken)} images in {out}")
    return 0
