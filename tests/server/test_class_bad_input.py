"""Bad input and attacks: each gets a clear error to that client, the server serves everyone else, and
nothing enters a table's log that the engine did not accept."""

from __future__ import annotations

import asyncio
import json
import os
import stat

import aiohttp
import pytest
from hosting import facilitator, run, student, wait_until

from game.client.connection import ClassClient, ServerError
from game.server.protocol import PROTOCOL_VERSION


async def raw(server):
    session = aiohttp.ClientSession()
    ws = await session.ws_connect(server.info["ws_url"])
    return session, ws


async def answer(ws, timeout=10.0):
    msg = await ws.receive(timeout=timeout)
    assert msg.type == aiohttp.WSMsgType.TEXT, msg
    return json.loads(msg.data)


async def hello(ws, server, name="Ada"):
    await ws.send_json({"type": "hello", "protocol": PROTOCOL_VERSION, "role": "student",
                        "code": server.info["class_code"], "name": name})
    welcome = await answer(ws)
    assert welcome["type"] == "welcome"
    assert (await answer(ws))["type"] == "lobby"


@pytest.fixture
def server(host):
    return host("--scenario", "moscow-2020")


def test_malformed_frames_get_errors_and_the_connection_goes_on(server):
    async def body():
        session, ws = await raw(server)
        got = []
        for frame in ["{not json", "[1, 2]", json.dumps({"type": "fly"}), json.dumps({"no": "type"}),
                      json.dumps({"type": "hello", "protocol": 1}),
                      json.dumps({"type": "hello", "protocol": "1", "role": "student"}),
                      json.dumps({"type": "ping", "extra": 1}), "x" * (70 * 1024),
                      json.dumps({"type": "ping", "id": {"a": 1}}), "[" * 50_000]:
            await ws.send_str(frame)
            got.append(await answer(ws))
        await ws.send_bytes(b"\x00\x01binary")
        got.append(await answer(ws))
        await ws.send_str(json.dumps({"type": "ping", "id": "still here"}))
        got.append(await answer(ws))
        await ws.close()
        await session.close()
        return got

    got = run(body())
    codes = [g.get("code") for g in got[:-1]]
    assert codes == ["bad_json", "bad_json", "unknown_type", "unknown_type", "bad_field", "bad_field", "bad_field",
                     "too_big", "bad_field", "bad_json", "binary"]
    assert all(g["type"] == "error" and g["message"] for g in got[:-1])
    # Until hello, anything else is answered "say hello first"; a ping is no exception.
    assert got[-1] == {"type": "error", "code": "hello_first", "message": "say hello first", "id": "still here"}


def test_a_frame_past_the_hard_limit_closes_only_that_connection(server):
    async def body():
        other = await student(server, "Bo")
        session, ws = await raw(server)
        try:
            await ws.send_str("y" * (2 * 1024 * 1024))
        except ConnectionError:
            pass   # the server may close the connection before the whole frame is sent
        msg = await ws.receive(timeout=10)
        await session.close()
        pong = await other.request({"type": "ping"})
        await other.close()
        return msg, pong

    msg, pong = run(body())
    assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR)
    assert pong["type"] == "pong"


def test_another_protocol_version_is_refused_with_the_version_spoken(server):
    async def body():
        session, ws = await raw(server)
        await ws.send_json({"type": "hello", "protocol": 99, "role": "student", "code": "x", "name": "y"})
        error = await answer(ws)
        closed = await ws.receive(timeout=10)
        await session.close()
        return error, closed

    error, closed = run(body())
    assert error["code"] == "version" and "protocol version 2 (and 1), not 99" in error["message"]
    assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)


def test_wrong_codes_and_guessed_tokens_are_slowed_down(server):
    async def body():
        session, ws = await raw(server)
        codes = []
        for k in range(7):
            await ws.send_json({"type": "hello", "protocol": 1, "role": "student", "code": f"WRONG{k}", "name": "x"})
            codes.append((await answer(ws))["code"])
        await ws.send_json({"type": "hello", "protocol": 1, "role": "student", "token": "guessed-token"})
        guessed = await answer(ws)
        await ws.send_json({"type": "hello", "protocol": 1, "role": "facilitator", "key": "guess"})
        key = await answer(ws)
        await session.close()
        return codes, guessed, key

    codes, guessed, key = run(body())
    assert codes[:5] == ["bad_code"] * 5 and set(codes[5:]) == {"throttled"}
    assert guessed["code"] == "throttled" and "try again in" in guessed["message"]
    assert key["code"] == "throttled"


def test_an_unknown_token_and_a_wrong_key_are_refused(server):
    async def body():
        session, ws = await raw(server)
        await ws.send_json({"type": "hello", "protocol": 1, "role": "student", "token": "a" * 32})
        token = await answer(ws)
        await ws.send_json({"type": "hello", "protocol": 1, "role": "facilitator", "key": "not the key"})
        key = await answer(ws)
        await session.close()
        return token, key

    token, key = run(body())
    assert token["code"] == "bad_token" and "class code" in token["message"]
    assert key["code"] == "bad_key"


def test_a_silent_client_is_timed_out(server):
    async def body():
        session, ws = await raw(server)
        first = await answer(ws, timeout=20)
        closed = await ws.receive(timeout=20)
        await session.close()
        return first, closed

    first, closed = run(body())
    assert first["code"] == "timeout" and "hello" in first["message"]
    assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)


def test_a_flood_is_refused_and_others_are_unaffected(server):
    async def body():
        other = await student(server, "Calm")
        session, ws = await raw(server)
        await hello(ws, server, "Flood")
        for _ in range(400):
            await ws.send_json({"type": "ping"})
        replies = []
        while True:
            msg = await ws.receive(timeout=10)
            if msg.type != aiohttp.WSMsgType.TEXT:
                break
            replies.append(json.loads(msg.data))
        await session.close()
        pong = await other.request({"type": "ping"})
        await other.close()
        return replies, pong

    replies, pong = run(body())
    kinds = [r["type"] for r in replies]
    # The first burst is answered; then the client is told to slow down, then dropped.
    assert 50 <= kinds.count("pong") < 400
    assert [r["message"] for r in replies if r.get("code") == "slow_down"][-1].endswith("disconnected")
    assert pong["type"] == "pong"


def test_actions_for_a_seat_not_held_and_stale_actions_change_nothing(server):
    async def body():
        teacher = await facilitator(server)
        unseated = await student(server, "Nobody")
        with pytest.raises(ServerError) as not_seated:
            await unseated.request({"type": "act", "turn": 1, "phase": "talks", "round": 1, "action": {"type": "done"}})
        ada = await student(server, "Ada", seat="russia")
        version = teacher.received[-1]
        with pytest.raises(ServerError) as paused:
            await ada.act({"type": "done"})
        await teacher.op("resume")
        await wait_until(lambda: ada.state["legal"])
        with pytest.raises(ServerError) as stale:
            await ada.request({"type": "act", "turn": 1, "phase": "talks", "round": 3, "action": {"type": "done"}})
        with pytest.raises(ServerError) as illegal:
            await ada.act({"type": "accept", "proposal": "p0000"})
        with pytest.raises(ServerError) as bad_action:
            await ada.act({"type": "teleport"})
        with pytest.raises(ServerError) as foreign:
            await ada.act({"type": "move", "move": "arm_factions"})
        before = ada.state["version"]
        digest = _digest(teacher)
        await ada.request({"type": "ping"})
        await teacher.close()
        await ada.close()
        await unseated.close()
        return not_seated, paused, stale, illegal, bad_action, foreign, before, digest, version

    not_seated, paused, stale, illegal, bad_action, foreign, before, digest, _ = run(body())
    assert not_seated.value.code == "not_seated"
    assert paused.value.code == "paused" and "not started" in paused.value.message
    assert stale.value.code == "stale" and "round 3" in stale.value.message
    assert illegal.value.code == "refused" and bad_action.value.code == "refused"
    assert "unknown action type" in bad_action.value.message
    assert foreign.value.code == "refused"


def _digest(teacher):
    return next(m for m in reversed(teacher.received) if m["type"] == "class")["tables"][0]["digest"]


def test_notes_with_control_characters_or_too_long_are_refused_names_are_kept_as_text(server):
    async def body():
        name = "<img src=x onerror=alert(1)>"
        ada = await student(server, name, seat="turkey")
        errors = []
        for text in ["bell\x07", "", "x" * 501, "\u202e\x1b[31m"]:
            with pytest.raises(ServerError) as err:
                await ada.request({"type": "note", "to": "russia", "text": text})
            errors.append(err.value)
        with pytest.raises(ServerError) as nowhere:
            await ada.request({"type": "note", "to": "atlantis", "text": "hi"})
        lobby = await ada.request({"type": "lobby"})
        bad_name = ClassClient(server.url)
        await bad_name.connect()
        with pytest.raises(ServerError) as control_name:
            await bad_name.hello_student(server.info["class_code"], "evil\x00name")
        with pytest.raises(ServerError) as long_name:
            await bad_name.hello_student(server.info["class_code"], "n" * 41)
        await bad_name.close()
        await ada.close()
        return errors, nowhere, lobby, control_name, long_name, name

    errors, nowhere, lobby, control_name, long_name, name = run(body())
    assert [e.code for e in errors] == ["bad_field"] * 4
    assert "control characters" in errors[0].message and "empty" in errors[1].message
    assert "at most 500" in errors[2].message
    assert nowhere.value.code == "no_seat"
    turkey = next(s for s in lobby["tables"][0]["seats"] if s["seat"] == "turkey")
    assert turkey["holders"] == [name]
    assert control_name.value.code == "bad_field" and long_name.value.code == "bad_field"


def test_a_student_cannot_do_what_only_the_facilitator_may(server):
    async def body():
        ada = await student(server, "Ada", seat="turkey")
        with pytest.raises(ServerError) as op:
            await ada.op("end_class")
        with pytest.raises(ServerError) as watch:
            await ada.request({"type": "watch", "table": "T1"})
        await ada.close()
        return op, watch

    op, watch = run(body())
    assert op.value.code == "bad_key" and watch.value.code == "not_allowed"


def test_a_held_seat_needs_its_team_code(server):
    async def body():
        ada = await student(server, "Ada", seat="turkey")
        team = next(m for m in ada.received if m["type"] == "seated")["team_code"]
        bo = await student(server, "Bo")
        with pytest.raises(ServerError) as taken:
            await bo.claim("T1", "turkey")
        with pytest.raises(ServerError) as wrong:
            await bo.claim("T1", "turkey", "ZZZZ" if team != "ZZZZ" else "YYYY")
        await bo.claim("T1", "turkey", team.lower())
        team_names = bo.state["holders"]["turkey"]
        await ada.request({"type": "note", "to": "russia", "text": "from the team"})
        seen = await bo.next("note")
        await ada.close()
        await bo.close()
        return taken, wrong, team_names, seen

    taken, wrong, team_names, seen = run(body())
    assert taken.value.code == "seat_taken" and "Ada" in taken.value.message and "team code" in taken.value.message
    assert wrong.value.code == "bad_code"
    assert sorted(team_names) == ["Ada", "Bo"] and seen["text"] == "from the team"


def test_the_class_folder_is_readable_only_by_its_owner(server):
    data = server.data
    assert stat.S_IMODE(os.stat(data).st_mode) == 0o700
    for path in data.iterdir():
        assert stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0, path


def test_a_client_that_reads_nothing_is_dropped_when_its_outbox_fills():
    from game.server.connection import OUTBOX, Connection

    class Socket:
        closed = False
        closes = []

        async def close(self, code=1000, message=b""):
            self.closes.append((code, message))

    async def body():
        connection = Connection(Socket(), "10.0.0.9", classroom=None)
        for k in range(OUTBOX + 10):
            connection.send({"type": "pong", "n": k})
        await asyncio.sleep(0)
        return connection

    connection = run(body())
    assert connection.closing and connection.outbox.qsize() == OUTBOX
    assert Socket.closes and Socket.closes[0][0] == 1008
