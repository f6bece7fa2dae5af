"""The facilitator's operations on a class: pace, news, rollback, seating, the end.

Each is checked, made on the tables' workers (so it is logged and replays like an action),
and answered with what it did. An operation without `table` applies to every table where it
makes sense (pause, resume, deadlines, news, process now).
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from game.engine.kinds import Controller, OpType
from game.match import CLASS_PLAYERS

from .classroom import Classroom
from .protocol import ErrorCode, OpKind, ProtocolError, ServerType
from .room import Job
from .table import Table, TableError
from .tablelog import Row

DEADLINE_MIN, DEADLINE_MAX = 5, 4 * 3600
ALL_TABLES = {OpKind.PAUSE, OpKind.RESUME, OpKind.DEADLINE, OpKind.EXTEND, OpKind.ANNOUNCE, OpKind.TRIGGER,
              OpKind.PROCESS_NOW}


def _need(message: dict[str, Any], *names: str) -> None:
    for name in names:
        if name not in message:
            raise ProtocolError(ErrorCode.BAD_FIELD, f"the {message['op']} operation needs '{name}'")


def _seconds(message: dict[str, Any], allow_zero: bool) -> int:
    _need(message, "seconds")
    seconds: int = message["seconds"]
    if allow_zero and seconds == 0:
        return 0
    if not DEADLINE_MIN <= seconds <= DEADLINE_MAX:
        raise ProtocolError(ErrorCode.BAD_FIELD, f"a deadline is {DEADLINE_MIN} s to {DEADLINE_MAX // 3600} hours "
                                                 "away" + (" (0 clears it)" if allow_zero else ""))
    return seconds


async def operate(room: Classroom, message: dict[str, Any]) -> dict[str, Any]:
    try:
        kind = OpKind(message["op"])
    except ValueError:
        raise ProtocolError(ErrorCode.BAD_FIELD, f"unknown operation {message['op'][:40]!r}; expected one of "
                                                 f"{', '.join(OpKind)}") from None
    if room.record.ended and kind != OpKind.END_CLASS:
        raise TableError(ErrorCode.ENDED, "the class has ended")
    if "table" in message:
        targets = [room._room(message["table"])]
    elif kind in ALL_TABLES:
        targets = list(room.rooms.values())
    elif kind == OpKind.END_CLASS or kind == OpKind.MOVE_MEMBER:
        targets = []
    else:
        raise ProtocolError(ErrorCode.BAD_FIELD, f"the {kind} operation needs 'table'")
    now = time.time()
    done: list[str] = []
    refused: dict[str, str] = {}
    if kind == OpKind.RESUME and "table" not in message:
        # Starting the class starts the tables students sit at; an empty one would only be played out by
        # its AI leaders. Its own Start button starts it all the same.
        waiting = {m.table for m in room.members.values() if m.table}
        for target in list(targets):
            if not target.table.started and target.id not in waiting:
                targets.remove(target)
                refused[target.id] = ("no students at this table yet: start it on its own to let its AI "
                                      "leaders play it")

    async def each(job: Job) -> None:
        for target in targets:
            try:
                await target.run(job)
                done.append(target.id)
            except TableError as err:
                if len(targets) == 1:
                    raise
                refused[target.id] = err.message
        reasons = set(refused.values())
        if not done and len(reasons) == 1:
            # Every table refused it for the same reason: one error says it once.
            raise TableError(ErrorCode.REFUSED, f"no table did it: {reasons.pop()}")

    if kind == OpKind.PAUSE:
        await each(lambda t: (t.pause(now), None))
    elif kind == OpKind.RESUME:
        await each(lambda t: (t.resume(time.time()), None))
    elif kind == OpKind.DEADLINE:
        seconds = _seconds(message, allow_zero=True)
        repeat = bool(message.get("repeat"))
        await each(lambda t: (t.set_deadline(seconds or None, time.time(), pace=seconds if repeat and seconds
                                             else None), None))
    elif kind == OpKind.EXTEND:
        seconds = _seconds(message, allow_zero=False)
        await each(lambda t: (t.extend_deadline(seconds, time.time()), None))
    elif kind == OpKind.ANNOUNCE:
        op = {"type": str(OpType.ANNOUNCE), "title": message.get("title", ""), "text": message.get("text", ""),
              "source": message.get("source", "")}
        await each(lambda t: (t.facilitate(op), None))
    elif kind == OpKind.TRIGGER:
        _need(message, "event")
        op = {"type": str(OpType.TRIGGER), "event": message["event"]}
        await each(lambda t: (t.facilitate(op), None))
    elif kind == OpKind.PROCESS_NOW:
        await each(lambda t: (t.end_slot(Row.PROCESSED), None))
    elif kind == OpKind.ROLLBACK:
        _need(message, "to")
        if message["to"] not in ("today", "yesterday"):
            raise ProtocolError(ErrorCode.BAD_FIELD, "roll back 'to' the start of 'today' or 'yesterday'")
        back = 0 if message["to"] == "today" else 1
        if message.get("dry_run"):
            # What it would undo, for the console to ask "are you sure?" with: nothing changes.
            target = targets[0]
            day = target.table.state.turn - back
            undone = await target.run(lambda t: ([], t.rollback(day, dry_run=True)[1]))
            return {"type": ServerType.ACK, "op": kind, "tables": [], "refused": {}, "day": day, "undone": undone}
        await each(lambda t: (t.rollback(t.state.turn - back)[0], None))
        for target in targets:
            for client in room.clients:
                client.news_sent = {}
            room._changed(target)
    elif kind == OpKind.HAND_TO_AI:
        _need(message, "seat")
        level = message.get("level", room.record.level)
        if level not in CLASS_PLAYERS:
            raise ProtocolError(ErrorCode.BAD_FIELD, f"level is one of {', '.join(CLASS_PLAYERS)}")
        seat = message["seat"]
        await each(lambda t: (t.hand_over(seat, level), None))
    elif kind == OpKind.HAND_TO_TEAM:
        _need(message, "seat")
        seat = message["seat"]
        target = targets[0]
        if seat in target.table.scenario.seat_ids and not room.holders(target.id).get(seat):
            raise TableError(ErrorCode.NOT_ALLOWED, f"nobody holds {target.table.scenario.seat(seat).name} at table "
                             f"{target.id}, so there is nobody to hand it back to: a student takes it from the "
                             "lobby, or move someone to it")
        to_bot = not room.holders(target.id, bots=False).get(seat)
        await each(lambda t: (t.hand_over(seat, Controller.HUMAN, to_bot), None))
    elif kind == OpKind.MOVE_MEMBER:
        await _move_member(room, message)
    elif kind == OpKind.END_CLASS:
        await _end_class(room)
    room._summary_soon()
    return {"type": ServerType.ACK, "op": kind, "tables": done, "refused": refused}


async def _move_member(room: Classroom, message: dict[str, Any]) -> None:
    _need(message, "member")
    member = room.members.get(message["member"])
    if member is None:
        raise TableError(ErrorCode.NOT_ALLOWED, f"there is no member {message['member']}")
    table_id, seat = message.get("table", ""), message.get("seat", "")
    if table_id:
        table = room._room(table_id).table
        if not seat:
            raise ProtocolError(ErrorCode.BAD_FIELD, "name the seat to move them to, with its table")
        if seat not in table.scenario.seat_ids:
            raise TableError(ErrorCode.NO_SEAT, f"table {table_id} has no seat {seat[:40]!r}")
    elif seat:
        raise ProtocolError(ErrorCode.BAD_FIELD, "a seat is named with its table")
    old = (member.table, member.seat)
    room.store.move_member(member.id, table_id, seat)
    member.table, member.seat = table_id, seat
    await room._seat_moved(member, old, "facilitator")
    if table_id:
        room._send_seated(member, None)
    else:
        for client in member.clients:
            client.send(room.lobby())


async def _end_class(room: Classroom) -> None:
    if room.record.ended:
        raise TableError(ErrorCode.ENDED, "the class has already ended")
    for target in room.rooms.values():
        def end(t: Table) -> tuple[list[Any], None]:
            t.ended = True
            t.deadline = None
            return [(Row.END, {})], None
        await target.run(end)
    room.store.end_class()
    room.record = replace(room.record, ended=True)
    for client in list(room.clients):
        client.send({"type": ServerType.NOTICE, "table": "", "text": "The facilitator has ended the class."})
    for target in room.rooms.values():
        room._changed(target)
