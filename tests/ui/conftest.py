"""Headless UI tests: SDL's dummy video driver, and a private saves folder and settings file per test."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402


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
