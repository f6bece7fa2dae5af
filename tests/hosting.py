"""A real class server for each test: `python main.py host` in a subprocess on 127.0.0.1.

Each server listens on an ephemeral port, keeps its class in the test's own folder, and is
stopped (Ctrl+C, then kill) by the fixture that started it, whatever the test did.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from game.client.connection import ClassClient

ROOT = Path(__file__).resolve().parents[1]
START_WITHIN = 30.0
TEST_WITHIN = 120.0


class Host:
    """One class server process and the class it holds (which outlives a restart)."""

    def __init__(self, folder: Path, *args: str):
        self.folder = folder
        self.data = folder / "class"
        self.args = args
        self.proc: subprocess.Popen | None = None
        self.info: dict = {}
        self.output = ""

    def start(self) -> dict:
        ready = self.folder / "ready.json"
        ready.unlink(missing_ok=True)
        log = open(self.folder / "host.log", "a")
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        # A restart listens where the class was, so its clients find it again.
        port = str(self.info["url"].rsplit(":", 1)[1].strip("/")) if self.info else "0"
        self.proc = subprocess.Popen(
            [sys.executable, "main.py", "host", "--bind", "127.0.0.1", "--port", port, "--data", str(self.data),
             "--ready-file", str(ready), *self.args], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + START_WITHIN
        while not ready.exists():
            if self.proc.poll() is not None:
                raise AssertionError(f"host exited with {self.proc.returncode}:\n{self.log()}")
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"host was not ready within {START_WITHIN} s:\n{self.log()}")
            time.sleep(0.05)
        self.info = json.loads(ready.read_text())
        return self.info

    def log(self) -> str:
        path = self.folder / "host.log"
        return path.read_text() if path.exists() else ""

    def stop(self) -> int | None:
        """Ctrl+C, as a teacher would; kill it if it does not stop."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self) -> None:
        """kill -9: no chance to tidy up."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=15)

    @property
    def url(self) -> str:
        return self.info["url"]


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
                  team_code: str | None = None) -> ClassClient:
    client = ClassClient(server.url)
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
