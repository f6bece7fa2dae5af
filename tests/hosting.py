"""A real class server for each test: `python main.py host` in a subprocess on 127.0.0.1.

Each server listens on an ephemeral port, keeps its class in the test's own folder, and is
stopped (Ctrl+C, then kill) by the fixture that started it, whatever the test did.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from game.client.connection import ClassClient
from game.server.process import HostProcess

ROOT = Path(__file__).resolve().parents[1]
TEST_WITHIN = 120.0


class Host(HostProcess):
    """One class server process and the class it holds (which outlives a restart)."""

    def start(self) -> dict:
        super().start()
        return self.info


_OPEN: list[ClassClient] = []


def run(coro, timeout: float = TEST_WITHIN):
    """Run a test's async body with a bound on how long it may take; close every client it opened."""
    async def bounded():
        try:
            return await asyncio.wait_for(coro, timeout)
        finally:
            while _OPEN:
                await _OPEN.pop().close()
    return asyncio.run(bounded())


async def step(client: ClassClient) -> None:
    """Wait for the seat's turn, then end its round (talks) or hold (moves)."""
    await wait_until(lambda: client.state and client.state["legal"] and not client.state["paused"])
    action = {"type": "done"} if client.state["phase"] == "talks" else {"type": "move", "move": "hold"}
    await client.act(action)


async def pass_until(clients, done, timeout: float = 60.0) -> None:
    """The clients' seats end their rounds and hold, each when it may act, until done() holds."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError("the table did not get there in time")
        mine = [c for c in clients if c.state and c.state["legal"] and not c.state["paused"]]
        if not mine:
            await asyncio.sleep(0.01)
            continue
        await step(mine[0])


async def facilitator(server: Host) -> ClassClient:
    client = ClassClient(server.url)
    _OPEN.append(client)
    await client.connect()
    await client.hello_facilitator(server.info["facilitator_key"])
    await client.next("class")
    return client


async def student(server: Host, name: str, table: str | None = None, seat: str | None = None,
                  team_code: str | None = None, stakes: bool = False) -> ClassClient:
    client = ClassClient(server.url, stakes=stakes)
    _OPEN.append(client)
    await client.connect()
    await client.hello_student(server.info["class_code"], name)
    await client.next("lobby")
    if seat is not None:
        await client.claim(table or server.info["tables"][0], seat, team_code)
    return client


async def wait_until(check, timeout: float = 20.0, every: float = 0.02):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("the condition did not hold in time")
        await asyncio.sleep(every)
