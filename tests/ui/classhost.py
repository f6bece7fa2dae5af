"""A real class server for the desktop client's tests: `python main.py host` in a subprocess on 127.0.0.1,
on any free port, with a private data folder and a ready file; every wait is bounded, and it is always stopped."""

from __future__ import annotations

import asyncio
from pathlib import Path

from game.client.connection import ClassClient
from game.server.process import HostProcess


class Host(HostProcess):
    def __init__(self, folder: Path, tables: int = 1):
        super().__init__(folder, "--tables", str(tables))

    @property
    def ready(self) -> dict:
        return self.info

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
