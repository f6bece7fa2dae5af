"""python main.py replay SAVE --verify: replay a save and check its digests."""

from __future__ import annotations

import sys

from game.catalog import load_scenario
from game.persistence import SaveError, SaveStore, restore_match
from game.scenario import ScenarioError


def add_arguments(parser):
    parser.add_argument("save", metavar="SAVE", help="a save: a file path, or the name it was saved under")
    parser.add_argument("--verify", action="store_true",
                        help="check the digest after every action (always done; kept for scripts)")


def run(args) -> int:
    store = SaveStore()
    try:
        body = store.read(args.save)
        scenario = load_scenario(body["scenario"]["id"])
        match = restore_match(body, scenario, args.save)
    except ScenarioError as err:
        print(f"{args.save}: its scenario cannot be loaded:\n{err}", file=sys.stderr)
        return 2
    except SaveError as err:
        print(f"{args.save}: {err}", file=sys.stderr)
        return 1
    state = match.state
    print(f"{args.save}: ok: {len(body['actions'])} actions of {scenario.id} replayed, "
          f"day {state.turn}, digest {state.digest()[:16]} matches")
    if "journal" not in body:
        print("(an older save: its AI leaders' memory was not recorded, so they start afresh when it is resumed)")
    elif match.diverged:
        print(f"note: {len(match.diverged)} AI choices differ with this version of the AI leaders; "
              "the saved game is replayed as it was played")
    return 0
