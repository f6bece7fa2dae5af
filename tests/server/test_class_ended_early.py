"""Ending the class before the summit: every student gets an end, and nothing is rated against par."""

from __future__ import annotations

import csv

import aiohttp
from hosting import facilitator, pass_until, run, student, wait_until

from game.cli import main


async def _get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as reply:
            return reply.status, await reply.text()


def test_a_class_ended_mid_game_gives_each_student_the_scores_as_they_stood_and_the_report(host, tmp_path):
    server = host("--scenario", "moscow-2020", "--seed", "3")
    base = server.url.rstrip("/")

    async def body():
        teacher = await facilitator(server)
        ada = await student(server, "Ada", seat="turkey")
        await teacher.op("resume")
        await pass_until([ada], lambda: ada.state["turn"] >= 2)
        assert "result" not in ada.state
        await teacher.op("end_class")
        state = await wait_until(lambda: ada.state["ended"] and "result" in ada.state and ada.state)
        page = await _get(base + state["report"])
        await ada.close()
        # A student coming back after the end (a reload of the browser page, which asks for the screen in words)
        # gets the same end.
        back = type(ada)(server.url)
        await back.connect()
        await back.request({"type": "hello", "protocol": 1, "role": "student", "token": ada.token, "views": True})
        reloaded = await back.next("state")
        await back.close()
        await teacher.close()
        return state, page, reloaded

    state, (status, page), reloaded = run(body())
    result = state["result"]
    assert result["ended_early"] == {"day": 2, "turns": 5} and result["par"] == {}
    assert set(result["scores"]) == set(state["controllers"])
    assert isinstance(result["scores"]["turkey"]["total"], int) and state["legal"] == []
    assert reloaded["result"]["ended_early"]["day"] == 2 and reloaded["report"] == state["report"]
    words = reloaded["view"]["result"]
    assert words["rated"] is False and words["headline"].startswith("The class ended on day 2 of 5")
    assert all(row["rating"] == "" and row["par"] is None for row in words["scores"])
    assert reloaded["view"]["waiting"] == ""

    # The members' report opens at once, says the table ended early, and rates nobody against par.
    assert status == 200
    assert "Ended early: the table ended on day 2 of 5" in page
    assert "below par" not in page and "above par" not in page and "better than" not in page

    # So do the report's data files.
    out = tmp_path / "out"
    server.stop()
    assert main(["report", "--data", str(server.data), "--out", str(out)]) == 0
    with open(out / "tables" / "T1" / "data" / "scores.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["par"] == r["vs_par"] == r["percentile"] == r["rating"] == "" for r in rows)
    assert all(r["total"] for r in rows)
