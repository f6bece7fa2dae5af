"""A real class server for the desktop client's tests: `python main.py host` in a subprocess on 127.0.0.1,
on any free port, with a private data folder and a ready file; every wait is bounded, and it is always stopped."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from game.client.connection import ClassClient

ROOT = Path(__file__).resolve().parents[2]
START_WITHIN = 60.0


class Host:
    def __init__(self, folder: Path, tables: int = 1):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.data = self.folder / "data"
        self.ready_file = self.folder / "ready.json"
        self.log = self.folder / "host.log"
        self.tables = tables
        self.port = 0
        self.proc: subprocess.Popen | None = None
        self.ready: dict = {}

    @property
    def url(self) -> str:
        return self.ready["url"]

    @property
    def code(self) -> str:
        return self.ready["class_code"]

    def start(self) -> "Host":
        """Start the server (on the port it had before, when it is started again) and wait until it listens."""
        self.ready_file.unlink(missing_ok=True)
        with open(self.log, "a", encoding="utf-8") as log:
            self.proc = subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "host", "--port", str(self.port), "--bind", "127.0.0.1",
                 "--data", str(self.data), "--ready-file", str(self.ready_file), "--tables", str(self.tables)],
                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + START_WITHIN
        while not self.ready_file.exists():
            if self.proc.poll() is not None:
                raise RuntimeError(f"host stopped with {self.proc.returncode}: {self.log.read_text()[-2000:]}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"host did not start within {START_WITHIN} s: {self.log.read_text()[-2000:]}")
            time.sleep(0.05)
        self.ready = json.loads(self.ready_file.read_text())
        self.port = urlsplit(self.url).port
        return self

    def kill(self) -> None:
        """kill -9: the server gets no chance to say goodbye."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()

    def op(self, op: str, **fields) -> dict:
        """A facilitator's operation, over the protocol with the facilitator key."""
        return asyncio.run(asyncio.wait_for(self._op(op, fields), 20))

    async def _op(self, op: str, fields: dict) -> dict:
        client = ClassClient(self.url)
        await client.connect()
        try:
            await client.hello_facilitator(self.ready["facilitator_key"])
            return await client.op(op, **fields)
        finally:
            await client.close()

    def summary(self) -> dict:
        """The facilitator's view of the class: every table, its seats and who holds them."""
        return asyncio.run(asyncio.wait_for(self._summary(), 20))

    async def _summary(self) -> dict:
        client = ClassClient(self.url)
        await client.connect()
        try:
            await client.hello_facilitator(self.ready["facilitator_key"])
            return await client.next("class")
        finally:
            await client.close()
