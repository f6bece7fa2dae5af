"""Whole tables played over the network: with bots, through a kill -9, and against an offline replay."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys

from hosting import ROOT, facilitator, run, wait_until

from game.catalog import load_scenario
from game.client.bot import play_seat
from game.persistence import SaveStore, resume_match


def export(server, table, path):
    done = subprocess.run([sys.executable, "main.py", "export", "--data", str(server.data), "--table", table,
                           "--out", str(path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    save = SaveStore(path.parent).read(path)
    return save, resume_match(save)


def test_two_network_players_and_four_ai_seats_play_a_table_to_the_end(host, tmp_path):
    server = host("--scenario", "moscow-2020", "--seed", "5")

    async def body():
        teacher = await facilitator(server)
        players = [asyncio.create_task(play_seat(server.url, server.info["class_code"], seat, level="hard"))
                   for seat in ("turkey", "russia")]
        summary = await wait_until(lambda: _seats_held(teacher, {"turkey", "russia"}))
        assert summary
        await teacher.op("resume")
        results = await asyncio.gather(*players)
        final = await teacher.next("class", where=lambda m: m["tables"][0]["over"])
        await teacher.close()
        return results, final["tables"][0]

    results, table = run(body())
    assert results[0] == results[1] and set(results[0]["scores"]) == set(load_scenario("moscow-2020").seat_ids)
    assert [s["controller"] for s in table["seats"]][:2] == ["human", "human"]
    save, match = export(server, "T1", tmp_path / "t1.json")
    assert match.state.is_over() and match.state.digest() == table["digest"]
    assert match.diverged == []        # every AI choice comes out the same on an offline replay
    assert {s: v["total"] for s, v in match.state.scores().items()} == \
        {s: v["total"] for s, v in results[0]["scores"].items()}
    replay = subprocess.run([sys.executable, "main.py", "replay", str(tmp_path / "t1.json"), "--verify"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert replay.returncode == 0 and "matches" in replay.stdout


def _seats_held(teacher, seats):
    for message in reversed(teacher.received):
        if message["type"] == "class":
            held = {s["seat"] for s in message["tables"][0]["seats"] if s["members"]}
            return seats <= held
    return False


def test_a_server_killed_mid_game_comes_back_where_it_was_and_finishes_the_same(host, tmp_path):
    """kill -9 in the middle of a game; restart on the same data; the players come back with their seat
    passes; the table ends exactly as an offline replay of its log, AI seats included."""
    server = host("--scenario", "sochi-2008", "--tables", "2", "--seed", "3")

    async def first_half():
        teacher = await facilitator(server)
        # One bot per table; each plays until the server dies under it, then waits for it to return.
        players = [asyncio.create_task(play_seat(server.url, server.info["class_code"], "syria", table=t,
                                                 level="normal", patience=90))
                   for t in ("T1", "T2")]
        await wait_until(lambda: _seats_held_on(teacher, "T2", {"syria"}))
        await teacher.op("resume")
        await teacher.op("deadline", seconds=600, repeat=True, table="T1")
        await wait_until(lambda: _turn(teacher, "T1") >= 3 and _turn(teacher, "T2") >= 2, timeout=60)
        server.kill()
        before = {t["table"]: t for t in _latest(teacher)["tables"]}
        await teacher.close()
        server.start()
        assert server.info["class_code"] and server.info["resumed"] is True
        results = await asyncio.gather(*players)
        teacher = await facilitator(server)
        after = {t["table"]: t for t in _latest(teacher)["tables"]}
        await teacher.close()
        return before, after, results

    before, after, results = run(first_half(), timeout=180)
    assert all(t["over"] for t in after.values()) and before["T1"]["turn"] >= 3
    assert after["T1"]["pace"] == 600       # the facilitator's pace survived the crash
    for table, result in zip(("T1", "T2"), results):
        _, match = export(server, table, tmp_path / f"{table}.json")
        assert match.state.digest() == after[table]["digest"] and match.diverged == []
        assert {s: v["total"] for s, v in match.state.scores().items()} == \
            {s: v["total"] for s, v in result["scores"].items()}
    assert "Resumed the class" in server.output()


def _latest(client):
    return next(m for m in reversed(client.received) if m["type"] == "class")


def _turn(client, table):
    for message in reversed(client.received):
        if message["type"] == "class":
            return next(t["turn"] + (10 if t["over"] else 0) for t in message["tables"] if t["table"] == table)
    return 0


def _seats_held_on(client, table, seats):
    for message in reversed(client.received):
        if message["type"] == "class":
            t = next(t for t in message["tables"] if t["table"] == table)
            return seats <= {s["seat"] for s in t["seats"] if s["members"]}
    return False


def test_the_minimal_bot_in_the_protocol_document_plays_a_table(host, tmp_path):
    server = host("--scenario", "moscow-2020")
    doc = (ROOT / "docs" / "protocol.md").read_text()
    code = re.search(r"## A minimal bot.*?```python\n(.*?)```", doc, re.S).group(1)
    code = code.replace('asyncio.run(main())', f'asyncio.run(main({server.info["ws_url"]!r}, '
                                                  f'{server.info["class_code"]!r}, "eu"))')
    script = tmp_path / "tiny_bot.py"
    script.write_text(code)
    bot = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        async def start():
            teacher = await facilitator(server)
            await wait_until(lambda: _seats_held(teacher, {"eu"}))
            await teacher.op("resume")
            await teacher.close()
        run(start())
        out, err = bot.communicate(timeout=120)
    finally:
        bot.kill()
    assert bot.returncode == 0, err
    scores = json.loads(out.strip().splitlines()[-1].replace("'", '"'))
    assert set(scores) == set(load_scenario("moscow-2020").seat_ids)
