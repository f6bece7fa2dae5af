"""A class server connection on its own thread, for a program whose own thread must never wait on the
network: the desktop client's frame loop.

The link runs a `ClassClient` on an asyncio loop in a background thread. The caller's thread sends
requests and gets each answer as a `concurrent.futures.Future`; everything the server sends unasked
arrives in `inbox`, a thread-safe queue, in the order it was sent and before the answer to any later
request (so after an `act` is acknowledged, the state it produced is already in the inbox). When the
connection drops, the link says so in the inbox (a `link` message, `LinkEvent.DOWN`) and comes back on
its own with the seat pass (or, before a seat was taken, the class code and name), trying again and
again until it succeeds (`UP`) or the server no longer knows the pass (`LOST`).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import queue
import threading
from collections.abc import Coroutine
from enum import StrEnum
from typing import Any

from game.server.protocol import ErrorCode

from .connection import ClassClient, Disconnected, ServerError, ws_url

LINK = "link"          # the type of the inbox messages that say what happened to the connection
FIRST_RETRY = 0.2      # seconds before the first try to come back; doubled after each failure
LAST_RETRY = 3.0


class LinkEvent(StrEnum):
    DOWN = "down"      # the connection dropped; the link is trying to come back
    UP = "up"          # back: the server sends the seat (or the lobby) again
    LOST = "lost"      # it cannot come back (the server no longer knows the seat pass): `text` says why


class ClassLink:
    def __init__(self, url: str, timeout: float = 10.0, connect_timeout: float = 5.0):
        self.url = ws_url(url)
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.inbox: queue.SimpleQueue[dict[str, Any]] = queue.SimpleQueue()
        self.connected = False
        self._client: ClassClient | None = None
        self._hello: dict[str, str] = {}
        self._closing = False
        self._watch: asyncio.Task[Any] | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="class link", daemon=True)
        self._thread.start()

    # -- from the caller's thread ------------------------------------------------------------

    def join(self, code: str, name: str) -> concurrent.futures.Future[Any]:
        """Connect and say hello with the class code and a name; the future's result is `welcome`."""
        return self._submit(self._open({"code": code, "name": name}))

    def come_back(self, token: str) -> concurrent.futures.Future[Any]:
        """Connect and say hello with a seat pass kept from an earlier time."""
        return self._submit(self._open({"token": token}))

    def request(self, message: dict[str, Any]) -> concurrent.futures.Future[Any]:
        """Send a message; the future's result is the server's answer, or ServerError / Disconnected."""
        return self._submit(self._request(message))

    @property
    def running(self) -> bool:
        """Whether the link's thread still runs (until close())."""
        return self._thread.is_alive()

    @property
    def token(self) -> str | None:
        client = self._client
        return client.token if client is not None else self._hello.get("token")

    def close(self, timeout: float = 5.0) -> None:
        """Close the connection and stop the thread (waiting at most about `timeout` seconds)."""
        if self._closing:
            return
        self._closing = True
        try:
            self._submit(self._drop()).result(timeout)
        except (concurrent.futures.TimeoutError, Exception):
            pass
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout)
        if not self._thread.is_alive():
            self._loop.close()

    def _submit(self, coro: Coroutine[Any, Any, Any]) -> concurrent.futures.Future[Any]:
        if self._closing and not self._loop.is_running():
            coro.close()
            future: concurrent.futures.Future[Any] = concurrent.futures.Future()
            future.set_exception(Disconnected("the connection to the class server is closed"))
            return future
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    # -- on the link's thread ------------------------------------------------------------------

    def _arrived(self, message: dict[str, Any]) -> None:
        self.inbox.put(message)

    async def _connect(self, hello: dict[str, str]) -> tuple[ClassClient, dict[str, Any]]:
        client = ClassClient(self.url, self.timeout, on_message=self._arrived, keep_received=False, stakes=True)
        client.token = hello.get("token")
        try:
            await asyncio.wait_for(client.connect(), self.connect_timeout)
            welcome = await client.hello_student(hello.get("code"), hello.get("name"))
        except asyncio.TimeoutError:
            await client.close()
            raise Disconnected(f"the class server at {self.url} did not answer within "
                               f"{self.connect_timeout:g} s") from None
        except BaseException:
            await client.close()
            raise
        return client, welcome

    async def _open(self, hello: dict[str, str]) -> dict[str, Any]:
        await self._drop()
        client, welcome = await self._connect(hello)
        self._hello = hello
        self._adopt(client)
        return welcome

    def _adopt(self, client: ClassClient) -> None:
        self._client = client
        self.connected = True
        self._watch = asyncio.create_task(self._watch_over(client))

    async def _request(self, message: dict[str, Any]) -> dict[str, Any]:
        client = self._client
        if client is None or client.ws is None or client.ws.closed:
            raise Disconnected("not connected to the class server")
        return await client.request(message)

    async def _watch_over(self, client: ClassClient) -> None:
        """Wait for `client`'s connection to end; unless the link is closing, come back."""
        await client.closed.wait()
        if self._closing or client is not self._client:
            return
        self.connected = False
        self.inbox.put({"type": LINK, "event": LinkEvent.DOWN, "text": "the connection to the class server dropped"})
        hello = {"token": client.token} if client.token else self._hello
        await client.close()
        delay = FIRST_RETRY
        while not self._closing:
            await asyncio.sleep(delay)
            try:
                new, _ = await self._connect(hello)
            except ServerError as err:
                if err.code in (ErrorCode.BAD_TOKEN, ErrorCode.BAD_CODE):
                    self.inbox.put({"type": LINK, "event": LinkEvent.LOST, "text": err.message})
                    return
            except (Disconnected, OSError, asyncio.TimeoutError):
                pass
            else:
                self._hello = hello
                self._adopt(new)
                self.inbox.put({"type": LINK, "event": LinkEvent.UP, "text": "connected again"})
                return
            delay = min(LAST_RETRY, delay * 2)

    async def _drop(self) -> None:
        client, self._client = self._client, None
        self.connected = False
        if self._watch is not None:
            self._watch.cancel()
            self._watch = None
        if client is not None:
            await client.close()
