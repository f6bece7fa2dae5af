"""python main.py bot URL --code CODE --seat SEAT: an AI leader plays a seat at a class."""

from __future__ import annotations

import asyncio
import json
import sys

from game.engine.kinds import Controller
from game.match import CLASS_PLAYERS


def add_arguments(parser):
    parser.add_argument("url", metavar="URL", help="the class's address, as host printed it (http://...)")
    parser.add_argument("--code", required=True, help="the class code")
    parser.add_argument("--seat", required=True, help="the seat to play (e.g. turkey)")
    parser.add_argument("--table", metavar="T", help="the table (default: the first where the seat is free)")
    parser.add_argument("--level", default=Controller.NORMAL, choices=[str(c) for c in CLASS_PLAYERS],
                        help="how well it plays (default normal)")
    parser.add_argument("--name", help="the name the class sees (default '<level> bot')")
    parser.add_argument("--patience", type=float, default=120.0, metavar="S",
                        help="how long to keep trying to reconnect after a dropped connection (default 120 s)")
    parser.add_argument("--passes", metavar="FILE",
                        help="where the seat pass is kept, so the bot started again takes its seat back "
                             "(default: bot-seats.json beside Summit's saves folder)")


def run(args) -> int:
    from game.client.bot import BotError, play_seat
    from game.client.connection import Disconnected
    from game.client.passes import SeatPasses, bot_passes_path

    def seated(table: str) -> None:
        print(f"bot: playing {args.seat} at table {table}", file=sys.stderr, flush=True)

    def say(text: str) -> None:
        print(f"bot: {text}", file=sys.stderr, flush=True)

    passes = SeatPasses(args.passes or bot_passes_path())
    try:
        result = asyncio.run(play_seat(args.url, args.code, args.seat, args.table, args.level, args.name,
                                       args.patience, passes=passes, on_seated=seated, on_status=say))
    except (BotError, Disconnected) as err:
        print(f"bot: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    print(json.dumps({"seat": args.seat, "scores": {s: v["total"] for s, v in result["scores"].items()},
                      "closeness": result["history"]["closeness"]}, sort_keys=True))
    return 0
