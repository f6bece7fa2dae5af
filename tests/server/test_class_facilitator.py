"""Every facilitator operation, as the students see it, and as it replays after a restart."""

from __future__ import annotations

import asyncio
import re

import pytest
from hosting import facilitator, pass_until, run, step, student, wait_until

from game.client.connection import ClassClient, ServerError
from game.server.store import SQLiteStore


def _summary(teacher, table="T1"):
    message = next(m for m in reversed(teacher.received) if m["type"] == "class")
    return next(t for t in message["tables"] if t["table"] == table)


async def _turkey_handed_on_day_two(server):
    """Ada at Turkey and Bo at Russia end every round until day 2 starts; then the teacher hands Turkey to a hard
    AI leader: (the teacher, Ada, Bo)."""
    teacher = await facilitator(server)
    ada = await student(server, "Ada", seat="turkey")
    bo = await student(server, "Bo", seat="russia")
    await teacher.op("resume")
    await pass_until([ada, bo], lambda: ada.state["turn"] >= 2 and bo.state["turn"] >= 2)
    await teacher.op("hand_to_ai", table="T1", seat="turkey", level="hard")
    return teacher, ada, bo


def test_pause_deadline_news_events_process_now_and_a_replay_after_restart(host):
    server = host("--scenario", "moscow-2020", "--seed", "2")

    async def body():
        teacher = await facilitator(server)
        ada = await student(server, "Ada", seat="turkey")
        bo = await student(server, "Bo", seat="russia")
        await teacher.op("resume")
        await teacher.op("pause", table="T1")
        await wait_until(lambda: ada.state["paused"] and ada.state["started"])
        with pytest.raises(ServerError) as paused:
            await ada.act({"type": "done"})
        await teacher.op("resume")
        await wait_until(lambda: not bo.state["paused"])

        await teacher.op("announce", title="Ceasefire rumours in Ankara", text="Unconfirmed.",
                         source="Class teacher, 10:02")
        await wait_until(lambda: any(e.get("by") == "facilitator" for e in ada.news)
                         and any(e.get("by") == "facilitator" for e in bo.news))
        news = next(e for e in bo.news if e.get("by") == "facilitator")

        # A deadline that passes ends the turn of whoever has not acted.
        waiting = _summary(teacher)["seats"]
        to_move = next(s["seat"] for s in waiting if s["waiting_for"])
        await teacher.op("deadline", seconds=5)
        await wait_until(lambda: ada.state["deadline"] is not None)
        await teacher.op("extend", seconds=5)
        await wait_until(lambda: ada.state["deadline"] and ada.state["deadline"]["seconds_left"] > 5.5)
        notice = await ada.next("notice", timeout=20)
        after_deadline = await wait_until(lambda: _summary(teacher)["deadline"] is None and _summary(teacher))

        round_before = bo.state["round"], bo.state["turn"]
        await teacher.op("process_now")
        await wait_until(lambda: (bo.state["round"], bo.state["turn"]) != round_before)
        # Once the AI seats have acted and a person is to move, the table stands still.
        settled = await wait_until(lambda: (ada.state["legal"] or bo.state["legal"])
                                   and _summary(teacher)["version"] == bo.state["version"] and _summary(teacher))
        digest = settled["digest"]
        await teacher.close()
        await ada.close()
        await bo.close()
        return paused, news, to_move, notice, after_deadline, digest

    paused, news, to_move, notice, after_deadline, digest = run(body())
    assert paused.value.code == "paused" and "paused by the facilitator" in paused.value.message
    assert news["source_line"] == "Class teacher, 10:02" and news["text"] == "Ceasefire rumours in Ankara"
    assert notice["text"].startswith("Time is up:") and after_deadline["deadline"] is None
    rows = {r.kind for r in SQLiteStore(server.data).log("T1")}
    assert {"pause", "resume", "deadline", "timeout", "processed", "journal"} <= rows

    # Everything the facilitator did replays after a restart: the same table, to the digest.
    server.stop()
    server.start()

    async def again():
        teacher = await facilitator(server)
        table = _summary(teacher)
        await teacher.close()
        return table

    assert run(again())["digest"] == digest


def test_rollback_hand_over_move_a_student_and_end_the_class(host):
    server = host("--scenario", "moscow-2020", "--seed", "4")

    async def body():
        # Both end every round until day 2 starts; then an AI leader plays Turkey and Bo plays on to day 3.
        teacher, ada, bo = await _turkey_handed_on_day_two(server)
        await wait_until(lambda: ada.state["controllers"]["turkey"] == "hard")
        await pass_until([bo], lambda: bo.state["turn"] >= 3)
        with pytest.raises(ServerError) as ai_plays:
            await ada.act({"type": "done"})
        await teacher.op("pause")
        await teacher.op("hand_to_team", table="T1", seat="turkey")
        await teacher.op("rollback", table="T1", to="yesterday")
        await wait_until(lambda: ada.state["turn"] == 2 and ada.state["news_from"] == 0)
        rolled = await wait_until(lambda: _summary(teacher)["turn"] == 2
                                  and _summary(teacher)["seats"][0]["controller"] == "human" and _summary(teacher))
        with pytest.raises(ServerError) as too_far:
            await teacher.op("rollback", table="T1", to="last week")
        await teacher.op("resume")

        member = next(s for s in rolled["seats"] if s["seat"] == "turkey")["members"][0]["id"]
        await teacher.op("move_member", member=member, table="T1", seat="eu")
        moved = await ada.next("seated", where=lambda m: m["seat"] == "eu")
        await wait_until(lambda: _summary(teacher)["seats"][0]["controller"] != "human")

        await teacher.op("end_class")
        ended = await ada.next("notice", where=lambda m: "ended the class" in m["text"])
        with pytest.raises(ServerError) as after_end:
            await ada.act({"type": "done"})
        final = await wait_until(lambda: _summary(teacher)["ended"] and _summary(teacher))
        await teacher.close()
        await ada.close()
        return ai_plays, rolled, too_far, moved, ended, after_end, final

    ai_plays, rolled, too_far, moved, ended, after_end, final = run(body())
    assert ai_plays.value.code == "not_allowed" and "AI leader" in ai_plays.value.message
    assert rolled["turn"] == 2 and rolled["seats"][0]["controller"] == "human"
    assert too_far.value.code == "bad_field"
    assert moved["seat"] == "eu" and moved["private"]["objectives"] != []
    assert final["ended"] and after_end.value.code == "ended"
    assert final["seats"][0]["controller"] == "normal"      # Turkey, left empty, is played by an AI again


def test_a_deadline_pace_gives_every_round_its_time(host):
    server = host("--scenario", "sochi-2008")

    async def body():
        teacher = await facilitator(server)
        ada = await student(server, "Ada", seat="syria")
        await teacher.op("deadline", seconds=300, repeat=True)
        await teacher.op("resume")
        await step(ada)
        await wait_until(lambda: ada.state["round"] == 2 or ada.state["phase"] != "talks")
        await wait_until(lambda: ada.state["deadline"] is not None)
        left = ada.state["deadline"]["seconds_left"]
        await teacher.close()
        await ada.close()
        return left

    assert 250 < run(body()) <= 300


def test_starting_the_class_leaves_a_table_nobody_sits_at_waiting(host):
    server = host("--scenario", "moscow-2020", "--tables", "2")

    async def body():
        teacher = await facilitator(server)
        await student(server, "Ada", table="T1", seat="turkey")
        ack = await teacher.op("resume")
        tables = await wait_until(lambda: _summary(teacher, "T1")["started"] and
                                  {t: _summary(teacher, t) for t in ("T1", "T2")})
        alone = await teacher.op("resume", table="T2")
        return ack, tables, alone

    ack, tables, alone = run(body())
    assert ack["tables"] == ["T1"] and "no students" in ack["refused"]["T2"]
    assert not tables["T2"]["started"] and tables["T2"]["turn"] == 1
    assert alone["tables"] == ["T2"]


def _connected(teacher, seat="turkey"):
    members = next(s for s in _summary(teacher)["seats"] if s["seat"] == seat)["members"]
    return [m["connected"] for m in members]


async def _comes_back(server, token, teacher):
    """The student's page reconnects with its seat pass; the console shows it connected; the page closes."""
    back = ClassClient(server.url)
    back.token = token
    await back.connect()
    await back.hello_student()
    await wait_until(lambda: _connected(teacher) == [True])
    await back.close()


def test_the_console_is_told_when_a_student_connects_or_drops_also_after_a_restart(host):
    server = host("--scenario", "moscow-2020")

    async def comes_and_goes():
        teacher = await facilitator(server)
        ada = await student(server, "Ada", seat="turkey")
        await wait_until(lambda: _connected(teacher) == [True])
        token = ada.token
        await ada.close()
        await wait_until(lambda: _connected(teacher) == [False])
        await _comes_back(server, token, teacher)
        await teacher.close()
        return token

    token = run(comes_and_goes())
    server.stop()
    server.start()

    async def after_restart():
        # The console is open first, as it is when the teacher reloads it at once; the student's page comes back later.
        teacher = await facilitator(server)
        assert _connected(teacher) == [False]
        await _comes_back(server, token, teacher)
        await teacher.close()

    run(after_restart())


def test_a_seat_handed_to_the_ai_still_shows_its_students_their_score(host):
    server = host("--scenario", "moscow-2020", "--seed", "4")

    async def body():
        teacher = await facilitator(server)
        ada = await student(server, "Ada", seat="turkey", stakes=True)
        await teacher.op("resume")
        await ada.next("state")
        playing = ada.state["stakes"]
        await teacher.op("hand_to_ai", table="T1", seat="turkey", level="hard")
        handed = (await ada.next("state", where=lambda m: m["controllers"]["turkey"] == "hard"))["stakes"]
        return playing, handed

    playing, handed = run(body())
    assert playing["outlook"]["seat"] == "turkey" and playing["moves"], "a seat people play: its score and its choices"
    assert handed["outlook"]["seat"] == "turkey" and isinstance(handed["outlook"]["final"], int | float)
    assert handed["offers"] == {} and handed["moves"] == {}, "the AI leader chooses: nothing to weigh for people"


def test_students_are_told_when_their_table_is_rolled_back_or_a_seat_handed_over(host):
    server = host("--scenario", "moscow-2020", "--seed", "4")

    async def body():
        teacher, ada, bo = await _turkey_handed_on_day_two(server)
        to_ai = await bo.next("notice", where=lambda m: "handed Turkey" in m["text"])
        await teacher.op("hand_to_team", table="T1", seat="turkey")
        back = await ada.next("notice", where=lambda m: "back to its students" in m["text"])
        await teacher.op("pause")
        await wait_until(lambda: _summary(teacher)["paused"])
        await asyncio.sleep(0.5)        # the last summary after the pause
        before = _summary(teacher)
        asked = await teacher.op("rollback", table="T1", to="yesterday", dry_run=True)
        await asyncio.sleep(0.5)
        unchanged = _summary(teacher)
        await teacher.op("rollback", table="T1", to="yesterday")
        rolled = await bo.next("notice", where=lambda m: "rolled the table back" in m["text"])
        await teacher.close()
        return to_ai, back, before, asked, unchanged, rolled

    to_ai, back, before, asked, unchanged, rolled = run(body())
    assert to_ai["text"] == ("The facilitator handed Turkey to an AI leader (hard): it plays the seat until the "
                             "facilitator hands it back.")
    assert back["text"] == "The facilitator handed Turkey back to its students: they play it again."
    # Asking what a rollback would undo changes nothing, and says what it would be.
    assert asked["day"] == 1 and re.fullmatch(r"\d+ actions and what they caused are undone(, among them .+)?",
                                              asked["undone"])
    assert unchanged["digest"] == before["digest"] and unchanged["turn"] == 2
    assert rolled["text"] == (f"The facilitator rolled the table back to the start of day 1: {asked['undone']}. "
                              "The news starts again from there.")
