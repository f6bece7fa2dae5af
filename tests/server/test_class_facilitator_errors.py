"""Every bad or failing facilitator operation comes back to the console as an error in words, is written in the
server's log, and leaves the console's connection open."""

from __future__ import annotations

import sqlite3

import pytest
from hosting import facilitator, run, student, wait_until

from game.client.connection import ServerError
from game.server.protocol import ErrorCode
from game.server.store import DB_NAME

# (operation, the error code, words the message must hold)
BAD = [
    ({"op": "pause", "table": "T9"}, "no_table", "there is no table 'T9'; the tables are T1, T2"),
    ({"op": "hand_to_ai", "table": "T1", "seat": "atlantis"}, "no_seat", "no seat 'atlantis'"),
    ({"op": "hand_to_ai", "table": "T1", "seat": "russia"}, "not_allowed", "AI leader (normal) already plays Russia"),
    ({"op": "hand_to_ai", "table": "T1", "seat": "turkey", "level": "genius"}, "bad_field", "level is one of"),
    ({"op": "hand_to_team", "table": "T1", "seat": "turkey"}, "not_allowed", "its students already play Turkey"),
    ({"op": "hand_to_team", "table": "T1", "seat": "russia"}, "not_allowed", "nobody holds Russia"),
    ({"op": "hand_to_team", "table": "T1"}, "bad_field", "needs 'seat'"),
    ({"op": "rollback", "table": "T1", "to": "yesterday"}, "not_allowed", "no yesterday to roll back to"),
    ({"op": "rollback", "table": "T1", "to": "yesterday", "dry_run": True}, "not_allowed", "no yesterday"),
    ({"op": "rollback", "table": "T1", "to": "last week"}, "bad_field", "'today' or 'yesterday'"),
    ({"op": "rollback", "to": "today"}, "bad_field", "needs 'table'"),
    ({"op": "deadline", "seconds": 2}, "bad_field", "5 s to 4 hours"),
    ({"op": "deadline", "seconds": 10 ** 9}, "bad_field", "5 s to 4 hours"),
    ({"op": "extend", "seconds": 0}, "bad_field", "5 s to 4 hours"),
    ({"op": "deadline"}, "bad_field", "needs 'seconds'"),
    ({"op": "announce", "title": "", "source": "Teacher"}, "refused", "needs a title"),
    ({"op": "announce", "title": "   ", "source": "Teacher", "table": "T1"}, "refused", "needs a title"),
    ({"op": "trigger", "event": "no-such-event"}, "refused", "no event 'no-such-event'"),
    ({"op": "move_member", "member": 99}, "not_allowed", "there is no member 99"),
    ({"op": "move_member", "member": 1, "table": "T1"}, "bad_field", "name the seat"),
    ({"op": "move_member", "member": 1, "seat": "turkey"}, "bad_field", "a seat is named with its table"),
    ({"op": "teleport"}, "bad_field", "unknown operation 'teleport'"),
    ({"op": "pause", "seconds": "soon"}, "bad_field", "'seconds' must be a whole number"),
]


def test_every_bad_operation_is_an_error_in_words_and_the_console_stays_open(host):
    server = host("--scenario", "moscow-2020", "--tables", "2")

    async def body():
        teacher = await facilitator(server)
        await student(server, "Ada", seat="turkey")
        answers = []
        for op, _, _ in BAD:
            try:
                answers.append(await teacher.op(**op))
            except ServerError as err:
                answers.append(err)
        # Still the same connection: it answers, and a good operation works on it.
        works = await teacher.op("pause", table="T1")
        ended = await teacher.op("end_class")
        try:
            again = await teacher.op("end_class")
        except ServerError as err:
            again = err
        try:
            after = await teacher.op("pause")
        except ServerError as err:
            after = err
        alive = await teacher.request({"type": "ping"})
        return answers, works, ended, again, after, alive

    answers, works, ended, again, after, alive = run(body())
    for (op, code, words), answer in zip(BAD, answers):
        assert isinstance(answer, ServerError), f"{op} was done: {answer}"
        assert answer.code == code and words in answer.message, (op, answer)
    assert works["tables"] == ["T1"] and ended["op"] == "end_class"
    assert isinstance(again, ServerError) and again.code == "ended" and "already ended" in again.message
    assert isinstance(after, ServerError) and after.code == "ended"
    assert alive["type"] == "pong"
    log = server.output()
    assert "facilitator operation hand_to_ai refused (no_seat): there is no seat 'atlantis'" in log
    assert "facilitator operation end_class refused (ended): the class has already ended" in log


def test_an_operation_the_store_cannot_record_is_an_error_and_the_console_stays_open(host):
    """The class's database is locked by another program (a backup, a second server by mistake): the operation
    fails, the console is told why, and once the lock is gone the same connection carries on."""
    server = host("--scenario", "moscow-2020")

    async def body():
        teacher = await facilitator(server)
        ada = await student(server, "Ada", seat="turkey")
        member = next(m for m in ada.received if m["type"] == "seated")["member"]["id"]
        lock = sqlite3.connect(server.data / DB_NAME, timeout=1)
        lock.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(ServerError) as failed:
                await teacher.request({"type": "op", "op": "move_member", "member": member}, timeout=30)
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        moved = await teacher.op("move_member", member=member)
        await wait_until(lambda: any(m["type"] == "lobby" for m in ada.received[-3:]))
        return failed.value, moved

    failed, moved = run(body())
    assert failed.code == ErrorCode.STORE and "could not record it" in failed.message
    assert moved["op"] == "move_member"
    assert "facilitator operation move_member refused (store)" in server.output()
