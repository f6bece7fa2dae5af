"""A class under load: 40 network clients on 7 tables of both scenarios, played to the end.

    python benchmarks/class_load.py [--tables 7] [--clients 40] [--level normal] [--idle 10]

Starts `python main.py host` on 127.0.0.1 in a subprocess (a mixed class of moscow-2020 and
sochi-2008), seats one bot per seat until the clients run out (the rest join seats as team
members), measures the server idle with everyone connected, starts the class and lets the
bots (AI leaders playing through the protocol) play every table to the end. Every client says
in its hello that it is a bot (protocol 2), so the console and the reports show programs as bots,
not as a class of people. The clients are spread over several processes, as students' devices are,
so one client's thinking does not delay another's reading. Prints:

- action round trip, submit to accepted (p50, p99) against the 50 ms budget;
- a student's action to the other students' screens at the same table (p50, p99) against 100 ms;
- the server's CPU seconds per table-game, its peak memory, its CPU share while idle;
- errors, and whether each table's digest equals an offline replay of its exported log;
- the class's members as the console shows them: bots and people.

Figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from game.ai import make_leader  # noqa: E402
from game.client.bot import play  # noqa: E402
from game.client.connection import ClassClient  # noqa: E402
from game.persistence import SaveStore, resume_match  # noqa: E402
from game.server.process import HostProcess  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


class TimedClient(ClassClient):
    """Notes when each version of its table reached it."""

    def __init__(self, url, arrivals):
        super().__init__(url, bot=True)
        self.arrivals = arrivals

    def _absorb(self, message):
        if message.get("type") == "state":
            self.arrivals.setdefault(message["table"], []).append((message["version"], time.perf_counter(), id(self)))
        super()._absorb(message)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))]


def start_host(folder: Path, tables: int):
    host = HostProcess(folder, "--tables", str(tables), "--scenario", "moscow-2020", "--scenario", "sochi-2008")
    return host.start(), host.info


async def _lobby(info: dict) -> list:
    client = ClassClient(info["url"], bot=True)
    await client.connect()
    await client.hello_student(info["class_code"], "counter")
    lobby = await client.next("lobby")
    await client.close()
    return [(t["table"], s["seat"]) for t in lobby["tables"] for s in t["seats"]]


def _players(info, share, level, ready, go, out) -> None:
    """One process's share of the clients: (index, table, seat, plays) each. Sends back what it measured."""
    out.put(asyncio.run(_play_share(info, share, level, ready, go)))


async def _play_share(info, share, level, ready, go) -> dict:
    arrivals: dict = {}
    sent, trips, errors = [], [], []
    clients = []
    for index, table, seat, plays in share:
        client = TimedClient(info["url"], arrivals)
        await client.connect()
        await client.hello_student(info["class_code"], f"bot {index + 1}")
        await client.next("lobby")
        team = None
        if not plays:
            while team is None:   # the seat's first holder is in another process: ask its team code
                team = await _team_code(info, table, seat)
        await client.claim(table, seat, team)
        clients.append((client, plays))
    ready.set()
    while not go.is_set():
        await asyncio.sleep(0.02)

    def timed(client):
        original = client.act

        async def act(action):
            started = time.perf_counter()
            try:
                reply = await original(action)
            except Exception as err:
                errors.append(f"{client.seat}: {err}")
                raise
            trips.append(time.perf_counter() - started)
            sent.append((client.table, reply["version"], started, id(client)))
            return reply
        client.act = act
        return client

    games = [play(timed(c), make_leader(c.public, c.seat, level, k)) for k, (c, plays) in enumerate(clients) if plays]
    results = await asyncio.gather(*games, return_exceptions=True)
    errors += [repr(r) for r in results if isinstance(r, BaseException)]
    for client, plays in clients:
        if not plays:
            await client.close()
    return {"arrivals": arrivals, "sent": sent, "trips": trips, "errors": errors}


async def _team_code(info, table, seat):
    teacher = ClassClient(info["url"])
    await teacher.connect()
    await teacher.hello_facilitator(info["facilitator_key"])
    view = await teacher.request({"type": "watch", "table": table})
    await teacher.close()
    return view["team_codes"][seat]


async def _teacher(info, command):
    """The facilitator's operation on the whole class."""
    teacher = ClassClient(info["url"])
    await teacher.connect()
    await teacher.hello_facilitator(info["facilitator_key"])
    await teacher.op(command)
    await teacher.close()


def run(args, folder: Path) -> dict:
    proc, info = start_host(folder, args.tables)
    try:
        seats = asyncio.run(_lobby(info))
        people = [(k, *seats[k % len(seats)], k < len(seats)) for k in range(args.clients)]
        shares = [people[k::args.processes] for k in range(args.processes)]
        context = multiprocessing.get_context("fork")
        go, out = context.Event(), context.Queue()
        readies = [context.Event() for _ in shares]
        workers = []
        # Seats are taken before their teammates ask for them: first holders first.
        for share, ready in zip(shares, readies):
            worker = context.Process(target=_players, args=(info, share, args.level, ready, go, out))
            worker.start()
            workers.append(worker)
        for ready in readies:
            ready.wait(120)
        time.sleep(1.0)
        before = cpu_seconds(proc.pid)
        time.sleep(args.idle)
        idle_share = (cpu_seconds(proc.pid) - before) / args.idle
        cpu_start = cpu_seconds(proc.pid)
        began = time.perf_counter()
        go.set()
        asyncio.run(_teacher(info, "resume"))
        parts = [out.get(timeout=600) for _ in workers]
        wall = time.perf_counter() - began
        cpu_games = cpu_seconds(proc.pid) - cpu_start
        for worker in workers:
            worker.join(timeout=30)
        summary = asyncio.run(_summary(info))
        memory = peak_memory_mb(proc.pid)
    finally:
        proc.stop()
    arrivals: dict = {}
    for part in parts:
        for table, seen in part["arrivals"].items():
            arrivals.setdefault(table, []).extend(seen)
    sent = [s for part in parts for s in part["sent"]]
    trips = [t for part in parts for t in part["trips"]]
    errors = [e for part in parts for e in part["errors"]]
    # The other students' screens: when each other client at the table first had the acked version.
    spread = []
    for table, version, when, who in sent:
        firsts = {}
        for v, at, client in arrivals.get(table, []):
            if v >= version and client != who and client not in firsts:
                firsts[client] = at
        spread += [at - when for at in firsts.values()]
    digests_equal = 0
    diverged = 0
    for table in summary["tables"]:
        out_file = folder / f"{table['table']}.json"
        done = subprocess.run([sys.executable, "main.py", "export", "--data", str(proc.data), "--table",
                               table["table"], "--out", str(out_file)], cwd=REPO, capture_output=True, text=True)
        if done.returncode != 0:
            errors.append(done.stderr.strip())
            continue
        match = resume_match(SaveStore(folder).read(out_file))
        digests_equal += match.state.digest() == table["digest"] and table["over"]
        diverged += len(match.diverged)
    return {
        "tables": args.tables, "clients": args.clients, "actions": len(trips), "wall_s": round(wall, 2),
        "round_trip_ms": {"p50": round(1000 * statistics.median(trips), 2),
                          "p99": round(1000 * percentile(trips, 0.99), 2)},
        "to_other_screens_ms": {"p50": round(1000 * statistics.median(spread), 2),
                                "p99": round(1000 * percentile(spread, 0.99), 2)} if spread else None,
        "server_cpu_s_per_table_game": round(cpu_games / args.tables, 3),
        "server_peak_memory_mb": round(memory, 1),
        "server_idle_cpu_share": round(idle_share, 4),
        "errors": errors,
        "digests_equal_offline_replay": f"{digests_equal}/{len(summary['tables'])}",
        "ai_choices_diverged_on_replay": diverged,
        "members": members(summary),
    }


def members(summary: dict) -> dict:
    """The class's seated members as the console shows them."""
    cards = [m for t in summary["tables"] for s in t["seats"] for m in s["members"]]
    return {"bots": sum(1 for m in cards if m["bot"]), "people": sum(1 for m in cards if not m["bot"])}


async def _summary(info) -> dict:
    teacher = ClassClient(info["url"])
    await teacher.connect()
    await teacher.hello_facilitator(info["facilitator_key"])
    summary = await teacher.next("class")
    await teacher.close()
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tables", type=int, default=7)
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--level", default="normal")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds to measure the idle server")
    parser.add_argument("--processes", type=int, default=4,
                        help="processes the clients are spread over, as students' devices would be")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="summit-load-") as tmp:
        figures = run(args, Path(tmp))
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    rt, screens = figures["round_trip_ms"], figures["to_other_screens_ms"]
    print(f"{figures['clients']} clients on {figures['tables']} tables, {figures['actions']} actions "
          f"in {figures['wall_s']} s")
    print(f"action round trip (submit -> accepted): p50 {rt['p50']} ms, p99 {rt['p99']} ms (budget p99 < 50 ms)")
    if screens:
        print(f"to the other students' screens: p50 {screens['p50']} ms, p99 {screens['p99']} ms "
              "(budget p99 < 100 ms)")
    print(f"server CPU per table-game {figures['server_cpu_s_per_table_game']} s; peak memory "
          f"{figures['server_peak_memory_mb']} MB; idle with {figures['clients']} clients "
          f"{100 * figures['server_idle_cpu_share']:.2f}% of a core (budget < 2%)")
    print(f"errors: {len(figures['errors'])}; digests equal to an offline replay: "
          f"{figures['digests_equal_offline_replay']}; AI choices that differ on replay: "
          f"{figures['ai_choices_diverged_on_replay']}")
    print(f"members as the console shows them: {figures['members']['bots']} bots, "
          f"{figures['members']['people']} people")
    for err in figures["errors"][:10]:
        print("  ", err)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
