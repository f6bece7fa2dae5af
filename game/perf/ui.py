"""The desktop client's figures: the table's frame time, and start-up to the title screen.

Frames are timed with SDL's dummy video driver and software rendering, on a
busy mid-game table (day 3 of Moscow 2020, offers open, a package being
composed), switching panels and moving the pointer as a player would.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import figure

REPO = Path(__file__).resolve().parents[2]
FRAME_BUDGET_MS = 8.0
START_BUDGET_S = 1.5


def _p95(samples):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _busy_table(app):
    """A table on day 3 with offers, agreements and news: Turkey human, every other seat AI."""
    from game.catalog import load_scenario
    from game.engine import DONE, move
    from game.engine.kinds import HOLD, Controller, Phase
    from game.ui.scenes.flow import enter_table
    from game.ui.session import LocalSession

    scenario = load_scenario("moscow-2020")
    controllers = {s: Controller.NORMAL for s in scenario.seat_ids}
    controllers["turkey"] = Controller.HUMAN
    session = LocalSession.new(scenario, controllers, app.store, seed=5)
    state = session.state
    while not (state.turn == 3 and state.phase == Phase.TALKS and state.round == 2 and session.match.human_to_move()):
        seat = session.match.human_to_move()
        if seat is None:
            session.step_ai()
        else:
            session.act(seat, move(HOLD) if state.phase == Phase.MOVES else DONE)
        session.take_resolution()
    session.viewer = "turkey"
    enter_table(app, session)
    return app.top


def frame_times(frames: int) -> list:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.persistence import SaveStore
    from game.ui.app import App
    from game.ui.driver import Driver
    from game.ui.settings import Settings

    with tempfile.TemporaryDirectory(prefix="summit-perf-") as home:
        app = App(size=(1280, 720), store=SaveStore(Path(home) / "saves"),
                  settings=Settings(Path(home) / "settings.json"), ai_delay=0)
        table = _busy_table(app)
        d = Driver(app)
        table.compose.draft.load(["turkey", "russia"], {"ceasefire": "full", "corridor_km": "6"})
        for _ in range(10):
            d.frame()
        samples = []
        keys = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4)
        for k in range(frames):
            if k % 40 == 0:
                pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=keys[(k // 40) % 4], mod=0, unicode="",
                                                     scancode=0))
            pos = (100 + (k * 37) % 1100, 100 + (k * 53) % 560)
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
            start = time.perf_counter()
            app.frame(1 / 60)
            pygame.display.flip()
            samples.append(time.perf_counter() - start)
        pygame.quit()
    return samples


def start_times(runs: int) -> list:
    """Seconds from process start to the first title frame, as each child process reports it."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", SUMMIT_EXIT_AFTER_TITLE="1",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, str(REPO / "main.py")], cwd=REPO, env=env, capture_output=True,
                              text=True, timeout=60)
        words = done.stdout.split()
        if done.returncode != 0 or "drawn" not in words:
            raise RuntimeError(f"the game did not draw its title: {done.stderr.strip() or done.stdout.strip()}")
        out.append(float(words[words.index("drawn") + 1]))
    return out


def measure(quick: bool = False) -> list:
    frames = frame_times(120 if quick else 600)
    p95 = _p95(frames) * 1000
    starts = start_times(3 if quick else 7)
    start = statistics.median(starts)
    return [
        figure("table scene frame at 1280x720 (p95)", p95, "ms", f"< {FRAME_BUDGET_MS:g} ms", p95 < FRAME_BUDGET_MS),
        figure("start to title screen (median)", start, "s", f"< {START_BUDGET_S:g} s", start < START_BUDGET_S),
    ]
