"""A bot says so in its hello (protocol version 2), and the class shows it as a bot, never as a person: on the
console, in the lobby, in the reports drawn live and in those written from the class's folder afterwards."""

from __future__ import annotations

import re

import aiohttp
from hosting import _OPEN, facilitator, pass_until, run, student, wait_until

from game.client.connection import ClassClient
from game.report.classes import write_class_report


def _summary(teacher) -> dict:
    return next(m for m in reversed(teacher.received) if m["type"] == "class")


async def _get(url: str) -> str:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as reply:
            assert reply.status == 200
            return await reply.text()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


async def _bot(server, name: str, seat: str) -> ClassClient:
    client = ClassClient(server.url, bot=True)
    _OPEN.append(client)
    await client.connect()
    await client.hello_student(server.code, name)
    await client.next("lobby")
    await client.claim("T1", seat)
    return client


def test_a_bot_is_shown_as_a_bot_on_the_console_in_the_lobby_and_in_the_reports(host, tmp_path):
    server = host("--scenario", "moscow-2020")
    base = server.url.rstrip("/")

    async def body():
        teacher = await facilitator(server)
        ada = await student(server, "Ada", seat="turkey")
        robo = await _bot(server, "Robo", "syria")
        newcomer = await student(server, "Cy")
        lobby = await newcomer.request({"type": "lobby"})
        summary = await wait_until(lambda: len([s for s in _summary(teacher)["tables"][0]["seats"] if s["members"]])
                                   == 2 and _summary(teacher))
        await teacher.op("resume")
        await pass_until([ada, robo], lambda: ada.state["round"] > 1 or ada.state["turn"] > 1)
        klass = await _get(base + summary["report"])
        table = await _get(base + summary["tables"][0]["report"])
        return lobby, summary, klass, table

    lobby, summary, klass, table = run(body())
    seats = {s["seat"]: s for s in summary["tables"][0]["seats"]}
    assert [(m["name"], m["bot"]) for m in seats["turkey"]["members"]] == [("Ada", False)]
    assert [(m["name"], m["bot"]) for m in seats["syria"]["members"]] == [("Robo", True)]
    offered = {s["seat"]: s for s in lobby["tables"][0]["seats"]}
    assert offered["syria"]["holders"] == ["Robo"] and offered["syria"]["bots"] == ["Robo"]
    assert offered["turkey"]["bots"] == []

    assert "1 person, 1 bot" in _text(klass) and "2 people" not in _text(klass)
    words = _text(table)
    assert "Syrian government [SYR] Bashar al-Assad a bot Robo (a bot)" in words
    assert "Turkey [TUR] Recep Tayyip Erdogan people Ada" in words

    # The same from the class's folder, after the class.
    server.stop()
    index, _ = write_class_report(server.data, tmp_path / "report")
    assert "1 person, 1 bot" in _text(index.read_text(encoding="utf-8"))
    written = _text((tmp_path / "report" / "tables" / "T1" / "report.html").read_text(encoding="utf-8"))
    assert "a bot Robo (a bot)" in written


def test_a_client_of_protocol_version_1_is_still_served_as_a_person(host):
    server = host("--scenario", "moscow-2020")

    async def body():
        teacher = await facilitator(server)
        old = ClassClient(server.url)
        _OPEN.append(old)
        await old.connect()
        welcome = await old.request({"type": "hello", "protocol": 1, "role": "student", "code": server.code,
                                     "name": "Old client"})
        await old.next("lobby")
        await old.claim("T1", "russia")
        summary = await wait_until(lambda: any(s["members"] for s in _summary(teacher)["tables"][0]["seats"])
                                   and _summary(teacher))
        return welcome, summary

    welcome, summary = run(body())
    assert welcome["protocol"] == 2
    russia = next(s for s in summary["tables"][0]["seats"] if s["seat"] == "russia")
    assert russia["members"][0]["bot"] is False and russia["controller"] == "human"


def test_a_class_kept_before_bots_were_told_apart_opens_with_its_members_as_people(tmp_path):
    from game.server.store import SQLiteStore

    store = SQLiteStore(tmp_path)
    store.add_member("Ada", "hash-a", "T1", "turkey")
    # The store as version 1 wrote it: no bot column.
    store.db.execute("ALTER TABLE members DROP COLUMN bot")
    store.db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    store.close()

    again = SQLiteStore(tmp_path)
    again.add_member("Robo", "hash-r", "T1", "syria", bot=True)
    members = [(m.name, m.bot) for m in again.members()]
    version = again.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0]
    again.close()
    assert members == [("Ada", False), ("Robo", True)] and version == "2"


def test_a_bot_moved_to_another_seat_plays_that_seat_with_a_leader_made_for_it_and_stops_when_moved_off(host):
    import asyncio

    import pytest

    from game.ai import make_leader
    from game.client.bot import BotError, play_seat

    server = host("--scenario", "moscow-2020", "--tables", "2", "--seed", "4")
    made: list[tuple[str, str]] = []
    decided: list[tuple[str, str]] = []      # (the seat the leader was made for, the seat of what it was shown)
    said: list[str] = []

    class Spy:
        def __init__(self, public, seat, table):
            self.seat, self.leader = seat, make_leader(public, seat, "normal", 1)
            made.append((table, seat))

        def decide(self, observation, legal, space):
            decided.append((self.seat, observation["seat"]))
            return self.leader.decide(observation, legal, space)

    async def body():
        teacher = await facilitator(server)
        bot = asyncio.create_task(play_seat(server.url, server.code, "syria", table="T1", name="Robo",
                                            on_status=said.append, leaders=Spy))
        member = await wait_until(lambda: next((m["id"] for t in _summary(teacher)["tables"] for s in t["seats"]
                                                for m in s["members"] if m["name"] == "Robo"), None))
        await teacher.op("resume")
        await wait_until(lambda: decided)
        await teacher.op("move_member", member=member, table="T2", seat="eu")
        await teacher.op("resume", table="T2")
        await wait_until(lambda: any(seat == "eu" for seat, _ in decided), timeout=60)
        await teacher.op("move_member", member=member)
        with pytest.raises(BotError) as stopped:
            await asyncio.wait_for(bot, 30)
        return str(stopped.value)

    stopped = run(body())
    assert made == [("T1", "syria"), ("T2", "eu")]
    assert decided and all(made_for == shown for made_for, shown in decided), decided
    assert any("moved this bot to EU and Greece at table T2; playing it" in s for s in said), said
    assert "moved this bot off eu at table T2" in stopped
