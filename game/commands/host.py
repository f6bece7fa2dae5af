"""python main.py host: run a class on the local network.

Prints the address students open, the class code and the facilitator's link; restarted with
the same --data it resumes the same class. Ctrl+C stops it cleanly.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from game.engine.kinds import Controller
from game.match import CLASS_PLAYERS
from game.scenario import ScenarioError

DEFAULT_PORT = 8765


def add_arguments(parser):
    parser.add_argument("--scenario", action="append", metavar="ID|PATH",
                        help="a shipped scenario id or a scenario file (default moscow-2020); give it more than "
                             "once for a mixed class, whose tables take the scenarios in turn")
    parser.add_argument("--tables", type=int, default=1, metavar="N", help="parallel tables (default 1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="P",
                        help=f"the port to listen on (default {DEFAULT_PORT}; 0 picks a free one, and a class that "
                             "has run before takes its previous port again when it is free)")
    parser.add_argument("--bind", default="0.0.0.0", metavar="ADDR",
                        help="the address to listen on (default: every interface, so the class can reach it)")
    parser.add_argument("--data", metavar="DIR", help="the class's folder (default ~/.summit/class); "
                                                      "restarting with the same folder resumes the class")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="the first table's seed (default 0)")
    parser.add_argument("--level", default=Controller.NORMAL, choices=[str(c) for c in CLASS_PLAYERS],
                        help="the AI level for seats no student holds (default normal)")
    parser.add_argument("--ready-file", metavar="PATH",
                        help="write the class's addresses as one JSON object here once it accepts connections")


def lan_address() -> str:
    """This machine's address on the local network, as students would type it."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        # No packet is sent: connecting a UDP socket only picks the interface a route would use.
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def run(args) -> int:
    if args.tables < 1 or args.tables > 50:
        print("host: --tables is 1 to 50", file=sys.stderr)
        return 2
    if not 0 <= args.port <= 65535 or args.seed < 0:
        print("host: --port is 0 to 65535 and --seed 0 or more", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s")
    try:
        return asyncio.run(_serve(args))
    except KeyboardInterrupt:
        return 0


async def _serve(args) -> int:
    from aiohttp import web

    from game.catalog import scenario_source
    from game.persistence import write_atomic
    from game.server.app import make_app
    from game.server.classroom import Classroom, data_folder_default
    from game.server.identity import shown_code
    from game.server.store import SQLiteStore, StoreError

    folder = Path(args.data) if args.data else data_folder_default()
    try:
        store = SQLiteStore(folder)
    except StoreError as err:
        print(f"host: {err}", file=sys.stderr)
        return 2
    try:
        sources = []
        if store.load_class() is None:
            try:
                for ref in args.scenario or ["moscow-2020"]:
                    sources.append(scenario_source(ref))
            except ScenarioError as err:
                print(err, file=sys.stderr)
                return 2
        classroom, resumed = Classroom.open(store, sources, args.tables, args.seed, args.level)
    except StoreError as err:
        print(f"host: {err}", file=sys.stderr)
        store.close()
        return 2
    app = make_app(classroom)
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    previous_port, previous_url = store.address()
    # Asked for any port, a class that has run before takes its own port again if it is free, so the pages and
    # bots still holding its address find it; only when it is taken does it get another.
    tries = [previous_port, 0] if args.port == 0 and previous_port else [args.port]
    for wanted in tries:
        site = web.TCPSite(runner, args.bind, wanted)
        try:
            await site.start()
            break
        except OSError as err:
            if wanted != tries[-1]:
                continue
            print(f"host: cannot listen on {args.bind}:{wanted}: {err.strerror or err}", file=sys.stderr)
            await runner.cleanup()
            store.close()
            return 2
    classroom.start()
    # The real port when --port 0 asked for any.
    listening: Any = site._server
    port = listening.sockets[0].getsockname()[1]
    host = lan_address() if args.bind in ("0.0.0.0", "::", "") else args.bind
    url = f"http://{host}:{port}/"
    classroom.student_url = url
    moved = bool(previous_url) and previous_url != url
    store.remember_address(port, url)
    key = classroom.record.key
    ready = {"url": url, "ws_url": f"ws://{host}:{port}/ws", "class_code": classroom.record.code,
             "facilitator_key": key, "facilitator_url": f"{url}facilitator#key={key}",
             "projector_url": f"{url}projector#code={classroom.record.code}", "tables": list(classroom.rooms),
             "data": str(folder), "resumed": resumed, "previous_url": previous_url, "address_changed": moved}
    first = next(iter(classroom.rooms.values())).table
    print(("Resumed" if resumed else "Started") + f" the class in {folder}: {len(classroom.rooms)} "
          f"table{'s' if len(classroom.rooms) > 1 else ''} of {first.scenario.title}.")
    if resumed and (args.scenario or args.tables != 1):
        print("(This folder already holds a class, which carries on as it was: --scenario and --tables are "
              "ignored. Use another --data folder for a new class.)")
    if moved:
        taken = f" (port {previous_port} is taken now)" if args.port == 0 and previous_port != port else ""
        print(f"\n*** THE ADDRESS HAS CHANGED{taken}: it was {previous_url}, it is now {url}\n"
              "*** Pages, projectors and bots still on the old address cannot reach the class: put the new address on "
              "the projector, and start bots again with it. Stop and restart with --port "
              f"{previous_port} once that port is free to keep the old one.\n")
    print(f"Students open:      {url}")
    print(f"Class code:         {shown_code(classroom.record.code)}")
    print(f"Facilitator (keep it to yourself): {ready['facilitator_url']}")
    print(f"Projector:          {ready['projector_url']}")
    print("Press Ctrl+C to stop; run the same command again to carry on.", flush=True)
    if args.ready_file:
        # It holds the facilitator key: only the user who runs the server may read it.
        write_atomic(Path(args.ready_file), json.dumps(ready), mode=0o600)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):
            pass
    try:
        await stop.wait()
    finally:
        print("Stopping the class server; everything is saved.", flush=True)
        await classroom.stop()
        await runner.cleanup()
        store.close()
    return 0
