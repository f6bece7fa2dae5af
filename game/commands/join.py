"""python main.py join URL: the desktop client at a class a teacher runs with `host`."""

from __future__ import annotations

import os
import sys
from urllib.parse import urlsplit


def add_arguments(parser):
    parser.add_argument("url", metavar="URL", help="the class's address, as host printed it (http://...)")
    parser.add_argument("--code", default="", help="the class code (otherwise typed on the screen)")
    parser.add_argument("--name", default="", help="the name the class sees (otherwise typed on the screen)")
    parser.add_argument("--table", metavar="T", help="the table to sit at (default: the first where the seat is free)")
    parser.add_argument("--seat", metavar="SEAT", help="the seat to take, e.g. turkey (otherwise chosen in the lobby)")
    parser.add_argument("--team-code", metavar="CODE", help="the team code of a seat classmates already hold")


def check_url(url: str) -> str:
    """The protocol's address for `url`, or ValueError saying what is wrong with it."""
    from game.client.connection import ws_url
    address = ws_url(url)
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError as err:
        raise ValueError(f"{url!r} is not a class address ({err}); give the address host printed, "
                         "e.g. http://192.168.1.20:8765/") from None
    if parts.scheme not in ("ws", "wss") or not parts.hostname or port == 0:
        raise ValueError(f"{url!r} is not a class address; give the address host printed, e.g. http://192.168.1.20:8765/")
    return address


def run(args) -> int:
    from game.ui.display import display_problem, window_failure
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        check_url(args.url)
    except ValueError as err:
        print(f"join: {err}", file=sys.stderr)
        return 2
    if (args.table or args.team_code) and not args.seat:
        print("join: --table and --team-code choose with --seat", file=sys.stderr)
        return 2
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.ui.launch import launch_join
    try:
        return launch_join(args.url, args.code, args.name,
                           {"table": args.table, "seat": args.seat, "team_code": args.team_code})
    except KeyboardInterrupt:
        # The class server keeps the seat; the pass kept here brings the player back to it.
        return 130
    except pygame.error as err:
        failure = window_failure(err, pygame.display.get_init())
        if not failure:
            raise
        print(failure, file=sys.stderr)
        return 2
