"""`python main.py bot`: it says where it sits, and started again after a crash it takes its own seat back
with the pass it kept, instead of finding the seat taken."""

from __future__ import annotations

import asyncio
import json
import queue
import subprocess
import sys
import threading

from hosting import ROOT, facilitator, run, wait_until

WITHIN = 60.0


def _start_bot(server, passes, name="Crash-prone bot"):
    process = subprocess.Popen(
        [sys.executable, "main.py", "bot", server.url, "--code", server.info["class_code"], "--seat", "syria",
         "--table", "T1", "--name", name, "--passes", str(passes)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    return process, lines


def _first_line(lines) -> str:
    return lines.get(timeout=WITHIN).strip()


def _stop(process) -> None:
    process.kill()
    process.wait(timeout=WITHIN)


def test_a_bot_started_again_takes_its_seat_back(host, tmp_path):
    server = host("--scenario", "moscow-2020", "--tables", "1")
    passes = tmp_path / "bot-seats.json"
    first, lines = _start_bot(server, passes)
    try:
        assert _first_line(lines) == "bot: playing syria at table T1"
    finally:
        _stop(first)                       # as a crash: no goodbye to the server
    kept = json.loads(passes.read_text(encoding="utf-8"))
    assert len(kept) == 1 and all(len(token) >= 22 for token in kept.values())

    again, lines = _start_bot(server, passes)
    try:
        assert _first_line(lines) == "bot: playing syria at table T1", "its own seat, not 'syria is taken'"
    finally:
        _stop(again)

    stranger, lines = _start_bot(server, tmp_path / "another.json", name="Another bot")
    try:
        assert "syria is taken at table T1" in _first_line(lines), "the seat is still the first bot's"
        assert stranger.wait(timeout=WITHIN) == 1
    finally:
        if stranger.poll() is None:
            _stop(stranger)


def _seat_row(teacher, seat="syria"):
    message = next(m for m in reversed(teacher.received) if m["type"] == "class")
    return next(s for s in message["tables"][0]["seats"] if s["seat"] == seat)


async def _seated_then_crashed(server, passes, teacher):
    """A bot takes syria and is killed once the teacher sees it seated: (what it said first, its seat's row then)."""
    process, lines = _start_bot(server, passes)
    try:
        said = await asyncio.to_thread(_first_line, lines)
        seated = await wait_until(lambda: _seat_row(teacher)["members"] and _seat_row(teacher))
    finally:
        _stop(process)                     # as a crash: no goodbye to the server
    return said, seated


def test_a_crashed_bots_seat_handed_to_the_ai_stays_with_it_until_given_back(host, tmp_path):
    """The bot dies; the teacher hands its seat to an AI leader. Started again, the bot says the seat is with the
    AI and waits, without taking it back; given back, it plays it again. The console shows it as a bot throughout."""
    server = host("--scenario", "moscow-2020", "--tables", "1")
    passes = tmp_path / "bot-seats.json"

    async def body():
        teacher = await facilitator(server)
        said, seated = await _seated_then_crashed(server, passes, teacher)
        assert said == "bot: playing syria at table T1"
        await wait_until(lambda: not _seat_row(teacher)["members"][0]["connected"])
        await teacher.op("hand_to_ai", table="T1", seat="syria", level="hard")
        handed = await wait_until(lambda: _seat_row(teacher)["controller"] == "hard" and _seat_row(teacher))

        again, lines = _start_bot(server, passes)
        try:
            said = [await asyncio.to_thread(_first_line, lines), await asyncio.to_thread(_first_line, lines)]
            back = await wait_until(lambda: _seat_row(teacher)["members"][0]["connected"] and _seat_row(teacher))
            await teacher.op("hand_to_team", table="T1", seat="syria")
            said.append(await asyncio.to_thread(_first_line, lines))
            given = await wait_until(lambda: _seat_row(teacher)["controller"] == "human" and _seat_row(teacher))
            running = again.poll() is None
        finally:
            _stop(again)
        return seated, handed, said, back, given, running

    seated, handed, said, back, given, running = run(body())
    assert seated["members"] == [{"id": 1, "name": "Crash-prone bot", "bot": True, "connected": True}]
    assert handed["members"][0]["bot"] and not handed["members"][0]["connected"]
    assert said == ["bot: playing syria at table T1",
                    "bot: the facilitator has handed Syrian government to an AI leader (hard); this bot waits until "
                    "it is handed back",
                    "bot: the facilitator has handed Syrian government back to this bot; playing it again"]
    assert back["controller"] == "hard", "the bot came back without taking its seat from the AI"
    assert given["members"][0]["connected"] and running


def test_a_bot_the_teacher_moved_off_its_seat_does_not_take_it_back(host, tmp_path):
    server = host("--scenario", "moscow-2020", "--tables", "1")
    passes = tmp_path / "bot-seats.json"

    async def body():
        teacher = await facilitator(server)
        _, seated = await _seated_then_crashed(server, passes, teacher)
        await teacher.op("move_member", member=seated["members"][0]["id"])
        again, lines = _start_bot(server, passes)
        said = await asyncio.to_thread(_first_line, lines)
        code = await asyncio.to_thread(again.wait, WITHIN)
        seat = _seat_row(teacher)
        return said, code, seat

    said, code, seat = run(body())
    assert said == "bot: the facilitator has moved this bot off syria, so it does not take the seat back; start it " \
                   "again to take a free seat"
    assert code == 1 and seat["members"] == [] and seat["controller"] == "normal"
    assert json.loads(passes.read_text(encoding="utf-8")) == {}, "the pass of a seat it no longer holds is forgotten"
