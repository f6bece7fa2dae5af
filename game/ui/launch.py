"""Open the window on the right first scene, and run until the player quits."""

from __future__ import annotations

import os
import sys
import time

import pygame

from game.catalog import load_scenario
from game.persistence import SaveError, resume_match
from game.scenario import ScenarioError

# Set by the start-up benchmark: draw the first title frame, report the time, exit.
EXIT_AFTER_TITLE = "SUMMIT_EXIT_AFTER_TITLE"


def process_age(fallback_start: float) -> float:
    """Seconds since this process started (from /proc on Linux; else since `fallback_start`)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - fallback_start


def first_scene(app, scenario_id, seats, load):
    """The scene to open on, or raise ValueError with a message for the command line."""
    from .scenes.seats import SeatsScene
    from .scenes.title import TitleScene
    from .session import LocalSession
    if load:
        try:
            save = app.store.read(load)
            match = resume_match(save, load)
        except SaveError as err:
            raise ValueError(str(err)) from None
        return LocalSession.resume(match, app.store)
    if scenario_id:
        try:
            scenario = load_scenario(scenario_id)
        except ScenarioError as err:
            raise ValueError(str(err)) from None
        unknown = sorted(set(seats) - set(scenario.seat_ids))
        if unknown:
            raise ValueError(f"{scenario_id} has no seat {', '.join(unknown)}; its seats are "
                             f"{', '.join(scenario.seat_ids)}")
        scene = SeatsScene(app, scenario)
        scene.choice.update(seats)
        return scene
    return TitleScene(app)


def launch(scenario=None, seats=None, load=None, seed=None, started=0.0) -> int:
    from .app import App
    from .scenes.flow import enter_game
    from .session import LocalSession
    app = App(seed=seed)
    try:
        first = first_scene(app, scenario, seats or {}, load)
    except ValueError as err:
        pygame.quit()
        print(err, file=sys.stderr)
        return 2
    if isinstance(first, LocalSession):
        enter_game(app, first, f"Loaded {load}.")
    else:
        app.push(first)
    if os.environ.get(EXIT_AFTER_TITLE):
        app.frame()
        pygame.display.flip()
        print(f"title drawn {process_age(started):.3f} s after start", flush=True)
        pygame.quit()
        return 0
    app.run()
    pygame.quit()
    return 0


def launch_join(url: str, code: str, name: str, seat_choice: dict) -> int:
    """The desktop client at a class: join with the code and a name, take a seat, play until the player quits."""
    from game.client.link import ClassLink
    from game.client.passes import SeatPasses

    from .app import App
    from .scenes.join import JoinScene
    app = App()
    link = ClassLink(url)
    try:
        app.push(JoinScene(app, link, SeatPasses(), code, name, seat_choice, shown_url=url))
        app.run()
    finally:
        link.close()
        pygame.quit()
    return 0
