"""The command line: python main.py [command] [options].

Each command's module is imported only when that command runs, so the
headless commands never load pygame and the game starts quickly.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from pathlib import Path

COMMANDS = {
    # name: (module, help); a command without a module is not built yet and is left out of --help
    "play": ("game.commands.play", "the desktop game (the default)"),
    "validate": ("game.commands.validate", "check scenario files"),
    "simulate": ("game.commands.simulate", "AI-only games, headless, with outcome statistics"),
    "par": ("game.commands.par", "measure each seat's par: what AI leaders score in it"),
    "replay": ("game.commands.replay", "replay a save and check its digest"),
    "shots": ("game.commands.shots", "render every scene of a scripted game to PNG files"),
    "bench": ("game.commands.bench", "print the performance figures"),
    "webshots": ("game.commands.webshots", "render every browser page of a class to PNG files"),
    "host": ("game.commands.host", "run a class on the local network"),
    "join": ("game.commands.join", "the desktop client at a class"),
    "bot": ("game.commands.bot", "a headless client that plays a seat at a class with an AI leader"),
    "export": ("game.commands.export", "a class table as an ordinary save file"),
    "report": ("game.commands.report", "the debrief of a game (SAVE), or of a whole class (--data DIR)"),
    "briefings": ("game.commands.briefings", "printable role sheets for every seat and a facilitator's sheet"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summit" if Path(sys.argv[0]).name == "summit" else "python main.py",
        description="Summit: a turn-based diplomacy game built from real news reporting.")
    sub = parser.add_subparsers(dest="command", metavar="command")
    for name, (module, text) in COMMANDS.items():
        if module is None:
            p = sub.add_parser(name, description=text)
            p.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
            continue
        p = sub.add_parser(name, help=text, description=text)
        if _available(module):
            importlib.import_module(module).add_arguments(p)
        else:
            p.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["play"] + argv
    parser = build_parser()
    args = parser.parse_args(argv)
    module, _ = COMMANDS[args.command]
    if module is None or not _available(module):
        print(f"'{args.command}' is not built yet.", file=sys.stderr)
        return 2
    try:
        return importlib.import_module(module).run(args)
    except BrokenPipeError:
        sys.stderr.close()
        return 1
