"""Headless UI tests: SDL's dummy video driver, and a private saves folder and settings file per test."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.ui.script import ScriptedGame  # noqa: E402


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMIT_SAVE_DIR", str(tmp_path / "saves"))
    monkeypatch.setenv("SUMMIT_SETTINGS", str(tmp_path / "settings.json"))
    yield tmp_path
    pygame.quit()


@pytest.fixture
def make_app():
    """An app on the title screen with a driver, at a given size."""
    from game.ui.app import App
    from game.ui.driver import Driver
    from game.ui.scenes.title import TitleScene

    def make(size=(1280, 720), seed=11):
        app = App(size=size, ai_delay=0, seed=seed)
        app.push(TitleScene(app))
        driver = Driver(app)
        driver.frame()
        return driver
    return make


class TablePlay:
    """Moscow 2020 with Turkey played by a person and AI leaders in the other seats, driven by keys as a player
    would."""

    def __init__(self, driver, scenario="moscow-2020", seat="turkey"):
        self.d = driver
        self.scenario, self.seat = scenario, seat

    def start(self):
        from game.catalog import load_scenario
        seats = load_scenario(self.scenario).seat_ids
        ScriptedGame(self.d).new_game(self.scenario, {s: "human" if s == self.seat else "normal" for s in seats})
        return self

    def top_of(self, panel_key, widget):
        """Show a table panel by its number key and put the focus on the first line of one of its lists."""
        self.d.key(panel_key)
        self.d.focus(widget)
        self.d.key(pygame.K_HOME)

    def with_first_issue(self):
        """Day 1, round 1, at Propose with the first issue ticked: where most tests of a package start."""
        t = self.until(day=1, talk_round=1)
        self.top_of(pygame.K_1, "issues")
        self.d.key(pygame.K_SPACE)
        return t

    def _turkeys_turn(self):
        d = self.d
        return d.on("TableScene") and d.scene.viewer == self.seat and self.seat in d.scene.obs["to_move"]

    def until(self, day, phase="talks", talk_round=1):
        """Play on (ending rounds, holding in the field) until Turkey has the word at that point of the game."""
        d = self.d
        while True:
            d.until(lambda: d.on("ResolutionScene") or self._turkeys_turn(), 5000, f"{self.seat}'s turn")
            if d.on("ResolutionScene"):
                d.key(pygame.K_RETURN)
                continue
            d.frame()
            obs = d.scene.obs
            if (obs["turn"], obs["phase"]) == (day, phase) and (phase != "talks" or obs["round"] == talk_round):
                return d.scene
            ScriptedGame(d).pass_word()


@pytest.fixture
def table_play():
    return TablePlay
