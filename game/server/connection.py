"""One WebSocket connection: the handshake, limits, and each message to the classroom.

Every bad input is answered with an `error` to that client alone and changes nothing; the
server keeps serving everyone else. A client must say hello within HELLO_WITHIN seconds; one
that sends too fast is told to slow down and then dropped; one that does not read its
messages is dropped when its outbox is full, so it cannot make the server hold memory.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any

from aiohttp import WSMsgType, web

from . import operations
from .classroom import Classroom
from .identity import TokenBucket
from .members import Member
from .protocol import (
    HARD_FRAME,
    PROTOCOL_VERSION,
    SPOKEN_VERSIONS,
    TOKEN_MAX,
    ClientType,
    ErrorCode,
    ProtocolError,
    Role,
    ServerType,
    encode,
    error,
    parse,
)
from .store import StoreError
from .table import TableError

log = logging.getLogger("summit.server")

HELLO_WITHIN = 10.0     # seconds
HEARTBEAT = 20.0        # seconds between pings; a client that does not answer is dropped
OUTBOX = 256            # messages waiting for a client that does not read; then it is dropped
RATE, BURST = 20.0, 60.0
DROP_AFTER = 200        # messages refused for speed before the connection is closed


class Connection:
    def __init__(self, ws: web.WebSocketResponse, remote: str, classroom: Classroom):
        self.ws = ws
        self.remote = remote
        self.classroom = classroom
        self.role: Role | None = None
        self.member: Member | None = None
        self.name = ""
        self.news_sent: dict[tuple[str, str], int] = {}
        self.watching: set[Any] = set()
        self.views = False          # the client wants each screen in words too (the browser client)
        self.stakes = False         # the client shows what each offer and move would do to its seat's score
        self.bot = False            # a program plays through this connection, not a person
        self.outbox: asyncio.Queue[Any] = asyncio.Queue(maxsize=OUTBOX)
        self.bucket = TokenBucket(RATE, BURST)
        self.refused_for_speed = 0
        self.closing = False

    def send(self, message: Mapping[str, Any]) -> None:
        if self.closing:
            return
        try:
            self.outbox.put_nowait(encode(message))
        except asyncio.QueueFull:
            log.info("%s does not read its messages; dropping it", self.remote)
            self.closing = True
            asyncio.get_running_loop().create_task(self.ws.close(code=1008, message=b"too many unread messages"))

    async def _sender(self) -> None:
        while True:
            text = await self.outbox.get()
            try:
                await self.ws.send_str(text)
            except (ConnectionError, RuntimeError):
                return

    async def serve(self) -> None:
        sender = asyncio.create_task(self._sender())
        try:
            await self._hello()
            if self.role is not None:
                await self._loop()
        finally:
            self.classroom.detach(self)
            # Let what is already queued (an error, a goodbye) go out before the sender stops.
            for _ in range(50):
                if self.outbox.empty() or self.ws.closed:
                    break
                await asyncio.sleep(0.01)
            sender.cancel()
            if not self.ws.closed:
                await self.ws.close()

    async def _receive(self, timeout: float | None = None) -> dict[str, Any] | None:
        """The next message that parses, answering each that does not; None when the connection ends."""
        while True:
            try:
                msg = await self.ws.receive(timeout=timeout)
            except asyncio.TimeoutError:
                self.send(error(ErrorCode.TIMEOUT, f"say hello within {int(HELLO_WITHIN)} s of connecting"))
                return None
            if msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR):
                return None
            if not self.bucket.take():
                self.refused_for_speed += 1
                if self.refused_for_speed in (1, DROP_AFTER // 2):
                    self.send(error(ErrorCode.SLOW_DOWN, "too many messages at once; slow down"))
                if self.refused_for_speed >= DROP_AFTER:
                    self.send(error(ErrorCode.SLOW_DOWN, "too many messages; disconnected"))
                    return None
                continue
            try:
                return parse(msg.data if msg.type == WSMsgType.TEXT else bytes(msg.data or b""))
            except ProtocolError as err:
                self.send(error(err.code, err.message, err.rid))

    async def _hello(self) -> None:
        message = await self._receive(timeout=HELLO_WITHIN)
        while message is not None:
            rid = message.get("id")
            try:
                if message["type"] != ClientType.HELLO:
                    raise ProtocolError(ErrorCode.HELLO_FIRST, "say hello first")
                self._greet(message)
                return
            except ProtocolError as err:
                self.send(error(err.code, err.message, rid))
                if err.code == ErrorCode.VERSION:
                    return
            message = await self._receive(timeout=HELLO_WITHIN)

    def _greet(self, message: dict[str, Any]) -> None:
        room = self.classroom
        if message["protocol"] not in SPOKEN_VERSIONS:
            raise ProtocolError(ErrorCode.VERSION, f"this server speaks protocol version {PROTOCOL_VERSION} (and "
                                                   f"{', '.join(str(v) for v in SPOKEN_VERSIONS[:-1])}), not "
                                                   f"{message['protocol']}; update the client")
        try:
            role = Role(message["role"])
        except ValueError:
            raise ProtocolError(ErrorCode.BAD_FIELD, f"role is one of {', '.join(Role)}") from None
        if role == Role.FACILITATOR:
            room.check_key(self, str(message.get("key", ""))[:TOKEN_MAX])
        elif role == Role.PROJECTOR:
            room.check_code(self, message.get("code", ""))
        elif "token" in message:
            self.member = room.member_for(self, message["token"][:TOKEN_MAX])
            self.name = self.member.name
        else:
            if "code" not in message or "name" not in message:
                raise ProtocolError(ErrorCode.BAD_FIELD, "join with the class code and your name (or your seat pass)")
            room.check_code(self, message["code"])
            self.name = room.clean_name(message["name"])
        self.role = role
        self.views = bool(message.get("views"))
        self.stakes = self.views or bool(message.get("stakes"))
        self.bot = role == Role.STUDENT and bool(message.get("bot"))
        room.attach(self)
        reply = room.welcome(self)
        if "id" in message:
            reply["id"] = message["id"]
        self.send(reply)
        if role == Role.FACILITATOR:
            self.send(room.summary())
        elif role == Role.PROJECTOR:
            self.send(room.public())
        elif self.member is not None and self.member.table:
            room._send_seated(self.member, None, only=self)
            room.tell_who_plays(self)
        else:
            self.send(room.lobby())

    async def _loop(self) -> None:
        while True:
            message = await self._receive()
            if message is None:
                return
            rid = message.get("id")
            try:
                reply = await self._handle(message)
            except (ProtocolError, TableError) as err:
                self._refused(message, err.code, err.message, rid)
                continue
            except StoreError as err:
                log.error("the class store failed: %s", err)
                self._refused(message, ErrorCode.STORE, str(err), rid)
                continue
            except Exception as err:   # a bug must not close this client's connection, nor anyone else's
                log.exception("%s: a %s message failed", self.remote, message["type"])
                self._refused(message, ErrorCode.SERVER, f"the server failed doing that ({type(err).__name__}); "
                                                         "the error is in the server's log", rid)
                continue
            if reply is None and rid is not None:
                reply = {"type": ServerType.ACK}
            if reply is not None:
                self.send(reply if rid is None else {**reply, "id": rid})

    def _refused(self, message: dict[str, Any], code: ErrorCode, text: str, rid: str | int | None) -> None:
        if self.role == Role.FACILITATOR and message["type"] == ClientType.OP:
            # The teacher sees it on the console; the server's log keeps it for after the class.
            log.warning("facilitator operation %s refused (%s): %s", message["op"][:40], code, text)
        self.send(error(code, text, rid))

    async def _handle(self, message: dict[str, Any]) -> Mapping[str, Any] | None:
        kind = ClientType(message["type"])
        room = self.classroom
        if kind == ClientType.PING:
            return {"type": ServerType.PONG}
        if kind == ClientType.HELLO:
            raise ProtocolError(ErrorCode.NOT_ALLOWED, "already said hello on this connection")
        if self.role == Role.FACILITATOR:
            if kind == ClientType.OP:
                return await operations.operate(room, message)
            if kind == ClientType.WATCH:
                table = room._room(message["table"]).table
                self.watching = {table.id}
                return room.table_view(table)
            if kind == ClientType.SYNC:
                return room.summary()
            raise ProtocolError(ErrorCode.NOT_ALLOWED, f"a facilitator does not send {kind}")
        if self.role == Role.PROJECTOR:
            if kind == ClientType.SYNC:
                return room.public()
            raise ProtocolError(ErrorCode.NOT_ALLOWED, "the projector only watches")
        if kind == ClientType.OP:
            raise ProtocolError(ErrorCode.BAD_KEY, "only the facilitator, with the facilitator key, does that")
        if kind == ClientType.LOBBY:
            return room.lobby()
        if kind == ClientType.SYNC:
            room.send_state(self, full=True)
            return None
        if room.record.ended and kind in (ClientType.CLAIM, ClientType.ACT, ClientType.ASK, ClientType.NOTE):
            raise TableError(ErrorCode.ENDED, "the class has ended")
        if kind == ClientType.CLAIM:
            if not self.name:
                self.name = self.member.name if self.member else "student"
            await room.claim(self, message["table"], message["seat"], message.get("team_code"))
            return None
        if kind == ClientType.LEAVE:
            await room.leave(self)
            return None
        if kind == ClientType.ACT:
            version = await room.act(self, message)
            return {"type": ServerType.ACK, "version": version}
        if kind == ClientType.ASK:
            return await room.ask(self, message)
        if kind == ClientType.PREVIEW:
            return room.preview(self, message)
        if kind == ClientType.NOTE:
            await room.note(self, message)
            return {"type": ServerType.ACK}
        raise ProtocolError(ErrorCode.NOT_ALLOWED, f"a student does not send {kind}")


async def websocket(request: web.Request) -> web.StreamResponse:
    ws = web.WebSocketResponse(heartbeat=HEARTBEAT, max_msg_size=HARD_FRAME)
    await ws.prepare(request)
    remote = request.remote or "unknown"
    await Connection(ws, remote, request.app["classroom"]).serve()
    return ws
