"""A bot: an AI leader that plays one seat at a class, through the protocol like any student.

It is the reference client: join with the class code, claim a seat, and whenever the seat may
act, decide from the seat's observation and send the action; on a dropped connection, come
back with the seat pass (token) and carry on. `docs/protocol.md` shows a smaller one.
"""

from __future__ import annotations

import asyncio
import time
import zlib
from collections.abc import Awaitable, Callable
from typing import Any

from game.ai import make_leader
from game.engine import Action
from game.engine.kinds import HOLD, ActionType, Controller, Phase
from game.server.protocol import ClientType, ErrorCode, ServerType

from .connection import ClassClient, Disconnected, ServerError

Timing = Callable[[float], None]   # called with each action's round trip, in seconds


class BotError(Exception):
    """The bot could not take or play its seat, with why."""


async def _join(client: ClassClient, code: str, name: str, seat: str, table: str | None) -> None:
    await client.hello_student(code, name)
    lobby = await client.next(ServerType.LOBBY)
    tables = [t for t in lobby["tables"] if table is None or t["table"] == table]
    if not tables:
        raise BotError(f"there is no table {table}")
    for t in tables:
        entry = next((s for s in t["seats"] if s["seat"] == seat), None)
        if entry is None:
            raise BotError(f"table {t['table']} has no seat {seat}; its seats are "
                           f"{', '.join(s['seat'] for s in t['seats'])}")
        if entry["free"] and not t["over"]:
            await client.claim(t["table"], seat)
            return
    raise BotError(f"{seat} is taken at every table" if table is None else f"{seat} is taken at table {table}")


async def play_seat(url: str, code: str, seat: str, table: str | None = None, level: str = Controller.NORMAL,
                    name: str | None = None, patience: float = 120.0,
                    on_action: Timing | None = None) -> dict[str, Any]:
    """Play `seat` to the end of its table; return the table's result (scores and history)."""
    client = ClassClient(url)
    await client.connect()
    try:
        await _join(client, code, name or f"{level} bot", seat, table)
    except ServerError as err:
        await client.close()
        raise BotError(err.message) from None
    except BaseException:
        await client.close()
        raise
    assert client.public is not None and client.table is not None
    leader = make_leader(client.public, seat, level, zlib.crc32(f"{client.table}/{seat}".encode()))  # type: ignore[no-untyped-call]
    return await play(client, leader, patience, on_action)


async def play(client: ClassClient, leader: Any, patience: float = 120.0,
               on_action: Timing | None = None) -> dict[str, Any]:
    """Play the seat `client` holds with `leader` to the end of the table; return the table's result."""
    acted_at = None
    try:
        while True:
            try:
                result = await _play(client, leader, acted_at, on_action)
            except Disconnected:
                client = await _reconnect(client, patience)
                acted_at = None
                continue
            if result is not None:
                done: dict[str, Any] = result
                return done
    finally:
        await client.close()


async def _play(client: ClassClient, leader: Any, acted_at: int | None, on_action: Timing | None) -> Any:
    while True:
        state = client.state
        if state is not None and "result" in state:
            return state["result"]
        if state is not None and state["ended"]:
            raise BotError("the class ended before the summit")
        if state is not None and not client.news_complete():
            await client.request({"type": ClientType.SYNC})
            continue
        if state is not None and state["legal"] and not state["paused"] and state["version"] != acted_at:
            acted_at = state["version"]
            legal = [Action.from_dict(a) for a in state["legal"]]
            action = leader.decide(client.observation(), legal, state["space"])
            started = time.perf_counter()
            try:
                await client.act(action.to_dict())
            except ServerError as err:
                if err.code == ErrorCode.REFUSED:
                    # The leader misjudged what is legal: end its turn rather than hold up the table.
                    fallback: dict[str, Any] = {"type": ActionType.DONE} if state["phase"] == Phase.TALKS \
                        else {"type": ActionType.MOVE, "move": HOLD}
                    await _try(client.act(fallback))
                elif err.code not in (ErrorCode.STALE, ErrorCode.PAUSED, ErrorCode.NOT_ALLOWED):
                    raise BotError(err.message) from None
            if on_action:
                on_action(time.perf_counter() - started)
            continue
        await client.next(ServerType.STATE, timeout=3600)


async def _try(request: Awaitable[Any]) -> None:
    try:
        await request
    except ServerError:
        pass


async def _reconnect(old: ClassClient, patience: float) -> ClassClient:
    token = old.token
    await old.close()
    deadline = time.monotonic() + patience
    delay = 0.2
    while True:
        client = ClassClient(old.url)
        client.token = token
        try:
            await client.connect()
            await client.hello_student()
            await client.next(ServerType.STATE)
            return client
        except (Disconnected, asyncio.TimeoutError, ServerError) as err:
            await client.close()
            if isinstance(err, ServerError) and err.code == ErrorCode.BAD_TOKEN:
                raise BotError(err.message) from None
            if time.monotonic() > deadline:
                raise BotError(f"the class server did not come back within {int(patience)} s") from None
            await asyncio.sleep(delay)
            delay = min(5.0, delay * 2)
