"""Without a display the game says so in one line and points to the headless commands."""

import os
import subprocess
import sys
from pathlib import Path

from game.ui.display import display_problem

REPO = Path(__file__).resolve().parents[2]


def _run(env_changes, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env.update(env_changes)
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=60)


def test_no_display_prints_one_line_and_exits_2():
    done = _run({})
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "display" in lines[0] and "validate" in lines[0] and "simulate" in lines[0] and "replay" in lines[0]
    assert done.stdout == ""


def test_play_without_display_says_the_same():
    done = _run({}, "play", "--scenario", "moscow-2020")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1


def test_a_display_that_cannot_be_opened_is_reported_the_same_way():
    done = _run({"SDL_VIDEODRIVER": "x11", "DISPLAY": ":987"})
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_detection():
    assert display_problem({}, "linux")
    assert not display_problem({"DISPLAY": ":0"}, "linux")
    assert not display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not display_problem({"SDL_VIDEODRIVER": "dummy"}, "linux")
    assert not display_problem({}, "win32")


def test_the_title_screen_opens_and_reports_its_start_up():
    done = _run({"SDL_VIDEODRIVER": "dummy", "SUMMIT_EXIT_AFTER_TITLE": "1"})
    assert done.returncode == 0, done.stderr
    assert "title drawn" in done.stdout


def test_a_bad_seat_on_the_command_line_is_one_clear_line():
    done = _run({"SDL_VIDEODRIVER": "dummy"}, "play", "--scenario", "moscow-2020", "--seat", "atlantis=human")
    assert done.returncode == 2
    assert "no seat atlantis" in done.stderr and "Traceback" not in done.stderr
    done = _run({"SDL_VIDEODRIVER": "dummy"}, "play", "--seat", "turkey=genius")
    assert done.returncode == 2 and "SEAT=human" in done.stderr


def test_a_missing_save_on_the_command_line_is_one_clear_line(tmp_path):
    done = _run({"SDL_VIDEODRIVER": "dummy"}, "play", "--load", str(tmp_path / "nope.json"))
    assert done.returncode == 2
    assert "does not exist" in done.stderr and "Traceback" not in done.stderr
