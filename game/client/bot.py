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
from .passes import SeatPasses

Timing = Callable[[float], None]   # called with each action's round trip, in seconds
Say = Callable[[str], None]        # told, in words, when the facilitator hands the seat to an AI leader or back


class BotError(Exception):
    """The bot could not take or play its seat, with why."""


async def _join(client: ClassClient, code: str, name: str, seat: str, table: str | None) -> None:
    await client.hello_student(code, name)
    await _claim(client, await client.next(ServerType.LOBBY), seat, table)


async def _claim(client: ClassClient, lobby: dict[str, Any], seat: str, table: str | None) -> None:
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


async def _resume(client: ClassClient, kept: str) -> dict[str, Any] | None:
    """Say hello with the pass a run before kept: the `seated` message if it still holds its seat, the `lobby`
    if the facilitator moved it off, None if the class no longer knows the pass (the connection then waits
    for a hello as new)."""
    client.token = kept
    try:
        await client.hello_student()
        return await client.next(where=lambda m: m["type"] in (ServerType.SEATED, ServerType.LOBBY))
    except ServerError as err:
        if err.code != ErrorCode.BAD_TOKEN:
            raise
        client.token = None
        return None


Leaders = Callable[[dict[str, Any], str, str], Any]   # (the scenario as public, seat, table) -> its AI leader


def leaders_of(level: str = Controller.NORMAL) -> Leaders:
    """AI leaders of `level`, each seeded by its table and seat."""
    def make(public: dict[str, Any], seat: str, table: str) -> Any:
        return make_leader(public, seat, level, zlib.crc32(f"{table}/{seat}".encode()))  # type: ignore[no-untyped-call]
    return make


async def play_seat(url: str, code: str, seat: str, table: str | None = None, level: str = Controller.NORMAL,
                    name: str | None = None, patience: float = 120.0,
                    on_action: Timing | None = None, passes: SeatPasses | None = None,
                    on_seated: Callable[[str], None] | None = None, on_status: Say | None = None,
                    leaders: Leaders | None = None) -> dict[str, Any]:
    """Play `seat` to the end of its table; return the table's result (scores and history). With `passes`, the
    seat pass is kept there, so a bot started again after a crash takes its seat back instead of finding it taken;
    `on_seated` hears which table it sits at, `on_status` when the facilitator hands the seat to an AI leader
    (the bot then waits) or back to the bot, or moves the bot to another seat (it then plays that one).
    `leaders` makes the AI leader for a seat (by default one of `level`)."""
    client = ClassClient(url, bot=True)
    await client.connect()
    slot = f"{table or '*'}/{seat}"
    try:
        kept = passes.get(url, code, slot) if passes else None
        back = await _resume(client, kept) if kept else None
        if back is None:
            await _join(client, code, name or f"{level} bot", seat, table)
        elif back["type"] == ServerType.LOBBY:
            # Only the facilitator unseats a bot: taking the seat again would undo what the teacher did.
            if passes:
                passes.forget(url, code, slot)
            raise BotError(f"the facilitator has moved this bot off {seat}, so it does not take the seat back; "
                           "start it again to take a free seat")
        if passes and client.token:
            passes.put(url, code, client.token, slot)
    except ServerError as err:
        await client.close()
        raise BotError(err.message) from None
    except BaseException:
        await client.close()
        raise
    assert client.public is not None and client.table is not None and client.seat is not None
    if on_seated:
        on_seated(client.table)
    make = leaders or leaders_of(level)
    if client.seat != seat and on_status:
        # The pass brought it back to the seat the facilitator moved it to meanwhile: that is the seat it plays.
        on_status(f"the facilitator moved this bot to {_seat_name(client)} at table {client.table}; playing it")
    return await play(client, make(client.public, client.seat, client.table), patience, on_action, on_status, make)


def _seat_name(client: ClassClient) -> str:
    public = client.public or {"seats": []}
    return str(next((s["name"] for s in public["seats"] if s["id"] == client.seat), client.seat))


class _Player:
    """The leader playing the bot's seat and who the last state said plays it: the bot says whenever that
    changes, and a bot the facilitator moves to another seat gets a leader made for that seat."""

    def __init__(self, client: ClassClient, leader: Any, say: Say | None, leaders: Leaders | None):
        self.leader = leader
        self.where = (client.table, client.seat)
        self.say = say
        self.leaders = leaders
        self.kind: str | None = None

    def follow(self, client: ClassClient) -> None:
        """A leader for the seat the bot holds now (raise BotError if it was moved and none can be made)."""
        if (client.table, client.seat) == self.where:
            return
        old = self.where
        if self.leaders is None or client.public is None or client.seat is None or client.table is None:
            raise BotError(f"the facilitator moved this bot from {old[1]} at table {old[0]} to {client.seat} at table "
                           f"{client.table}; its AI leader was made for {old[1]}, so it stops rather than play "
                           "another seat with it")
        self.leader = self.leaders(client.public, client.seat, client.table)
        self.where = (client.table, client.seat)
        self.kind = None
        if self.say:
            self.say(f"the facilitator moved this bot to {_seat_name(client)} at table {client.table}; playing it")

    def saw(self, client: ClassClient, state: dict[str, Any]) -> None:
        kind = state["controllers"].get(client.seat)
        if kind == self.kind or self.say is None or client.public is None:
            self.kind = kind
            return
        name = _seat_name(client)
        if kind != Controller.HUMAN:
            self.say(f"the facilitator has handed {name} to an AI leader ({kind}); this bot waits until it is "
                     "handed back")
        elif self.kind is not None:
            self.say(f"the facilitator has handed {name} back to this bot; playing it again")
        self.kind = kind


async def play(client: ClassClient, leader: Any, patience: float = 120.0,
               on_action: Timing | None = None, on_status: Say | None = None,
               leaders: Leaders | None = None) -> dict[str, Any]:
    """Play the seat `client` holds with `leader` to the end of the table; return the table's result. Should the
    facilitator move the bot to another seat, `leaders` makes the leader for it; without `leaders`, the bot
    stops (BotError) rather than play that seat with a leader made for another."""
    acted_at = None
    player = _Player(client, leader, on_status, leaders)
    # A lobby sent before the seat was taken (someone else sat down meanwhile) would read as being unseated.
    client.forget_inbox()
    try:
        while True:
            try:
                result = await _play(client, acted_at, on_action, player)
            except Disconnected:
                client = await _reconnect(client, patience)
                acted_at = None
                continue
            if result is not None:
                done: dict[str, Any] = result
                return done
    finally:
        await client.close()


async def _play(client: ClassClient, acted_at: int | None, on_action: Timing | None, player: _Player) -> Any:
    while True:
        player.follow(client)
        state = client.state
        if state is not None:
            player.saw(client, state)
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
            action = player.leader.decide(client.observation(), legal, state["space"])
            started = time.perf_counter()
            try:
                await client.act(action.to_dict())
            except ServerError as err:
                if err.code == ErrorCode.REFUSED:
                    # The leader misjudged what is legal: end its turn rather than hold up the table.
                    fallback: dict[str, Any] = {"type": ActionType.DONE} if state["phase"] == Phase.TALKS \
                        else {"type": ActionType.MOVE, "move": HOLD}
                    await _try(client.act(fallback))
                elif err.code not in (ErrorCode.STALE, ErrorCode.PAUSED, ErrorCode.NOT_ALLOWED,
                                      ErrorCode.NOT_SEATED):
                    raise BotError(err.message) from None
            if on_action:
                on_action(time.perf_counter() - started)
            continue
        message = await client.next(timeout=3600, where=lambda m: m["type"] in (ServerType.STATE, ServerType.LOBBY))
        if message["type"] == ServerType.LOBBY:
            # Only a student without a seat is sent the lobby unasked: the facilitator moved the bot off its seat.
            raise BotError(f"the facilitator moved this bot off {client.seat} at table {client.table}; it stops "
                           "(start it again to take a free seat)")


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
        client = ClassClient(old.url, bot=old.bot)
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
