"""python main.py replay SAVE --verify: replay a save and check its digests."""

from __future__ import annotations

import sys

from game.persistence import SaveError, SaveStore, resume_match
from game.scenario.errors import printable


def add_arguments(parser):
    parser.add_argument("save", metavar="SAVE", help="a save: a file path, or the name it was saved under")
    parser.add_argument("--verify", action="store_true",
                        help="check the digest after every action (always done; kept for scripts)")


def run(args) -> int:
    try:
        save = SaveStore().read(args.save)
        match = resume_match(save, args.save)
    except SaveError as err:
        print(f"{args.save}: {err}", file=sys.stderr)
        return 1
    state = match.state
    print(f"{printable(args.save)}: ok: {len(save.actions)} actions of {save.scenario.id} replayed, "
          f"day {state.turn}, digest {state.digest()[:16]} matches")
    if save.journal is None:
        print("(an older save: its AI leaders' memory was not recorded, so they start afresh when it is resumed)")
    elif match.diverged:
        print(f"note: {len(match.diverged)} AI choices differ with this version of the AI leaders; "
              "the saved game is replayed as it was played")
    return 0
