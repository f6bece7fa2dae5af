"""A client of the class server: the protocol from the other side, for bots, tests and the desktop.

`ClassClient` keeps one WebSocket open, numbers its requests and matches each answer to its
request; everything else the server sends (state, notes, notices) is kept in order for the
caller to read (or, with `on_message`, hands each to the caller as it arrives, in order, before
the answer that follows it). It also keeps what its seat knows whole (see seatview.py).
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable
from typing import Any

import aiohttp

from game.server.protocol import PROTOCOL_VERSION, ClientType, Role, ServerType

from .seatview import SeatView

UNSOLICITED = (ServerType.STATE, ServerType.NOTE, ServerType.NOTICE, ServerType.TEAM, ServerType.CLASS,
               ServerType.PUBLIC, ServerType.LOBBY, ServerType.SEATED, ServerType.TABLE_VIEW, ServerType.BYE)


class ServerError(Exception):
    """The server refused a request: its code and reason."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class Disconnected(Exception):
    """The connection to the class server is gone."""


def ws_url(url: str) -> str:
    """The protocol's endpoint for the address students open (http://host:port/ -> ws://host:port/ws)."""
    url = url.strip()
    if url.startswith(("ws://", "wss://")):
        return url
    if url.startswith("https://"):
        url = "wss://" + url[len("https://"):]
    elif url.startswith("http://"):
        url = "ws://" + url[len("http://"):]
    else:
        url = "ws://" + url
    base = url.split("#", 1)[0].split("?", 1)[0].rstrip("/")
    return base if base.endswith("/ws") else base + "/ws"


class ClassClient:
    def __init__(self, url: str, timeout: float = 10.0, on_message: Callable[[dict[str, Any]], None] | None = None,
                 keep_received: bool = True, stakes: bool = False, bot: bool = False):
        self.url = ws_url(url)
        self.stakes = stakes    # ask the server for what each offer and move would do to the seat's score
        self.bot = bot          # say in hello that a program plays, so the class shows it as a bot
        self.timeout = timeout
        self.session: aiohttp.ClientSession | None = None
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self._ids = itertools.count(1)
        self._waiting: dict[Any, asyncio.Future[Any]] = {}
        self.inbox: asyncio.Queue[Any] = asyncio.Queue()
        self.on_message = on_message
        # Every message, in order (tests check what leaked); a client that runs for hours keeps none.
        self.keep_received = keep_received
        self.received: list[dict[str, Any]] = []
        self._reader: asyncio.Task[Any] | None = None
        self.closed = asyncio.Event()
        self.token: str | None = None
        self.view = SeatView()

    # What this client's seat knows.
    table = property(lambda self: self.view.table)
    seat = property(lambda self: self.view.seat)
    public = property(lambda self: self.view.public)
    private = property(lambda self: self.view.private)
    state = property(lambda self: self.view.state)
    news = property(lambda self: self.view.news)

    async def connect(self) -> None:
        self.session = aiohttp.ClientSession()
        try:
            self.ws = await self.session.ws_connect(self.url, timeout=aiohttp.ClientWSTimeout(ws_close=self.timeout),
                                                    heartbeat=20.0, max_msg_size=16 * 1024 * 1024)
        except (aiohttp.ClientError, OSError) as err:
            await self.session.close()
            raise Disconnected(f"the class server at {self.url} is not reachable ({err})") from None
        self.closed.clear()
        self._reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except (asyncio.CancelledError, Exception):
                pass
        if self.session is not None:
            await self.session.close()
        self.closed.set()

    async def _read(self) -> None:
        assert self.ws is not None
        try:
            async for msg in self.ws:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    continue
                message = json.loads(msg.data)
                if self.keep_received:
                    self.received.append(message)
                self._absorb(message)
                rid = message.get("id")
                future = self._waiting.pop(rid, None) if rid is not None else None
                if future is not None and not future.done():
                    future.set_result(message)
                elif self.on_message is not None:
                    self.on_message(message)
                else:
                    await self.inbox.put(message)
        finally:
            for future in self._waiting.values():
                if not future.done():
                    future.set_exception(Disconnected("the connection to the class server closed"))
            self._waiting.clear()
            self.closed.set()

    def _absorb(self, message: dict[str, Any]) -> None:
        if message.get("type") == ServerType.SEATED:
            self.token = message.get("token", self.token)
        self.view.absorb(message)

    def observation(self) -> dict[str, Any]:
        """The seat's whole observation, as the engine would give it: news and private part included."""
        return self.view.observation()

    def forget_inbox(self) -> None:
        """Drop the unsolicited messages waiting to be read (the seat's view has already taken them in)."""
        while not self.inbox.empty():
            self.inbox.get_nowait()

    def news_complete(self) -> bool:
        return self.view.news_complete()

    # -- requests -----------------------------------------------------------------------

    async def send(self, message: dict[str, Any]) -> None:
        if self.ws is None or self.ws.closed:
            raise Disconnected("not connected to the class server")
        try:
            await self.ws.send_str(json.dumps(message))
        except ConnectionResetError:
            # The server went away between the check and the write (aiohttp's reset error is one of these).
            raise Disconnected("not connected to the class server") from None

    async def request(self, message: dict[str, Any], timeout: float | None = None) -> dict[str, Any]:
        """Send `message` and wait for the server's answer to it; raise ServerError if it refuses."""
        rid = next(self._ids)
        future = asyncio.get_running_loop().create_future()
        self._waiting[rid] = future
        await self.send({**message, "id": rid})
        try:
            reply = await asyncio.wait_for(future, timeout or self.timeout)
        finally:
            self._waiting.pop(rid, None)
        if reply.get("type") == ServerType.ERROR:
            raise ServerError(reply["code"], reply["message"])
        answer: dict[str, Any] = reply
        return answer

    async def next(self, kind: str | None = None, timeout: float | None = None,
                   where: Callable[[dict[str, Any]], bool] | None = None) -> dict[str, Any]:
        """The next unsolicited message (of `kind`, meeting `where`), waiting up to `timeout` seconds."""
        deadline = asyncio.get_running_loop().time() + (timeout or self.timeout)
        while True:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise asyncio.TimeoutError(f"no {kind or 'message'} within {timeout or self.timeout} s")
            getter = asyncio.ensure_future(self.inbox.get())
            closed = asyncio.ensure_future(self.closed.wait())
            done, _ = await asyncio.wait({getter, closed}, timeout=left, return_when=asyncio.FIRST_COMPLETED)
            if getter not in done:
                getter.cancel()
                closed.cancel()
                if closed in done and self.inbox.empty():
                    raise Disconnected("the connection to the class server closed")
                continue
            closed.cancel()
            message: dict[str, Any] = getter.result()
            if (kind is None or message.get("type") == kind) and (where is None or where(message)):
                return message

    # -- the protocol's steps --------------------------------------------------------------

    async def hello_student(self, code: str | None = None, name: str | None = None) -> dict[str, Any]:
        message: dict[str, Any] = {"type": ClientType.HELLO, "protocol": PROTOCOL_VERSION, "role": Role.STUDENT}
        if self.stakes:
            message["stakes"] = True
        if self.bot:
            message["bot"] = True
        if self.token:
            message["token"] = self.token
        else:
            message.update(code=code, name=name)
        return await self.request(message)

    async def hello_facilitator(self, key: str) -> dict[str, Any]:
        return await self.request({"type": ClientType.HELLO, "protocol": PROTOCOL_VERSION, "role": Role.FACILITATOR,
                                   "key": key})

    async def claim(self, table: str, seat: str, team_code: str | None = None) -> dict[str, Any]:
        message = {"type": ClientType.CLAIM, "table": table, "seat": seat}
        if team_code:
            message["team_code"] = team_code
        return await self.request(message)

    async def act(self, action: dict[str, Any]) -> dict[str, Any]:
        assert self.state is not None
        return await self.request({"type": ClientType.ACT, "turn": self.state["turn"], "phase": self.state["phase"],
                                   "round": self.state["round"], "action": action})

    async def op(self, op: str, **fields: Any) -> dict[str, Any]:
        return await self.request({"type": ClientType.OP, "op": op, **fields})
