"""python main.py [play]: the desktop game."""

from __future__ import annotations

import os
import sys
import time

STARTED = time.perf_counter()


def add_arguments(parser):
    parser.add_argument("--scenario", metavar="ID|PATH",
                        help="start a new game of this scenario: a shipped or your own scenario's id "
                             "(e.g. moscow-2020), or the path of a scenario file")
    parser.add_argument("--seat", action="append", default=[], metavar="SEAT=KIND",
                        help="who plays a seat: human, easy, normal or hard (repeatable; others default to normal, "
                             "the first seat at the table to human)")
    parser.add_argument("--load", metavar="SAVE", help="open a save: a file path, or the name it was saved under")
    parser.add_argument("--seed", type=int, help="the game's random seed (default: a new one)")


def _seats(specs):
    from game.match import DESKTOP_PLAYERS  # when the command runs, not when its arguments are declared
    out = {}
    for spec in specs:
        seat, sep, kind = spec.partition("=")
        if not sep or not seat or kind not in DESKTOP_PLAYERS:
            raise ValueError(f"--seat {spec!r}: write SEAT=human, SEAT=easy, SEAT=normal or SEAT=hard")
        out[seat] = kind
    return out


def run(args) -> int:
    from game.ui.display import display_problem, window_failure
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        seats = _seats(args.seat)
    except ValueError as err:
        print(err, file=sys.stderr)
        return 2
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.ui.launch import launch
    try:
        return launch(scenario=args.scenario, seats=seats, load=args.load, seed=args.seed, started=STARTED)
    except pygame.error as err:
        failure = window_failure(err, pygame.display.get_init())
        if not failure:
            raise
        print(failure, file=sys.stderr)
        return 2
