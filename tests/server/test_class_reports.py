"""Reports on a running class server: who may open which, when, and what they see."""

from __future__ import annotations

import re

import aiohttp
from hosting import facilitator, pass_until, run, student, wait_until

from game.server.identity import report_ticket


def _summary(teacher) -> dict:
    return next(m for m in reversed(teacher.received) if m["type"] == "class")


async def _get(url: str) -> tuple[int, str, dict]:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as reply:
            return reply.status, await reply.text(), dict(reply.headers)


def test_a_tables_report_opens_to_its_members_when_every_table_of_the_scenario_is_done(host):
    server = host("--scenario", "moscow-2020", "--tables", "2", "--seed", "5")
    base = server.url.rstrip("/")
    key = server.info["facilitator_key"]
    members_t1 = f"{base}/report/table/T1?ticket={report_ticket(key, 'members/T1')}"

    async def body():
        teacher = await facilitator(server)
        ada = await student(server, "Ada <b>Lovelace</b>", seat="turkey")
        early = await _get(members_t1)
        await teacher.op("resume", table="T1")
        await pass_until([ada], lambda: ada.state["phase"] == "over", timeout=90)
        link = await wait_until(lambda: ada.state.get("report"))
        # T2 has not started: the report would show its seats' secrets to a table still to play them.
        waiting = await _get(base + link)
        wrong = await _get(base + re.sub(r"ticket=[^&]+", "ticket=guessed", link))
        other = await _get(f"{base}/report/table/T2?ticket={report_ticket(key, 'members/T1')}")
        nowhere = await _get(f"{base}/report/table/T9?ticket={report_ticket(key, 'members/T1')}")
        summary = await wait_until(lambda: _summary(teacher)["tables"][0]["phase"] == "over" and _summary(teacher))
        teacher_copy = await _get(base + summary["tables"][0]["report"])
        unfinished = await _get(base + summary["tables"][1]["report"])
        klass = await _get(base + summary["report"])
        await teacher.op("end_class")
        await wait_until(lambda: _summary(teacher)["ended"])
        opened = await _get(base + link)
        await teacher.close()
        await ada.close()
        return early, waiting, wrong, other, nowhere, teacher_copy, unfinished, klass, opened

    early, waiting, wrong, other, nowhere, teacher_copy, unfinished, klass, opened = run(body())
    assert early[0] == 409 and "when the summit at your table is over" in early[1]
    assert waiting[0] == 409 and "table T2 is still playing this scenario" in waiting[1]
    assert wrong[0] == 403 and other[0] == 403 and nowhere[0] == 403
    assert teacher_copy[0] == 200 and "Finished: the summit ended on day 5" in teacher_copy[1]
    assert unfinished[0] == 200 and "Not started" in unfinished[1]
    assert klass[0] == 200 and "Table T1" in klass[1] and "Table T2" in klass[1]
    assert "/report/table/T1?ticket=" in klass[1]
    status, page, headers = opened
    assert status == 200 and "script-src" not in headers["Content-Security-Policy"]
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    # The student's name is shown as text, never as markup.
    assert "Ada &lt;b&gt;Lovelace&lt;/b&gt;" in page and "<b>Lovelace" not in page
    assert "<script" not in page


def test_a_started_table_where_nobody_has_acted_is_reported_as_started_not_as_not_started(host, tmp_path):
    from game.cli import main

    server = host("--scenario", "sochi-2008", "--tables", "2", "--seed", "2")
    base = server.url.rstrip("/")
    seats = ["russia", "syria", "israel", "usa", "georgia"]

    async def body():
        teacher = await facilitator(server)
        # Every seat of T1 is held by a person, so no AI leader acts when the table starts.
        students = [await student(server, f"Student {k}", table="T1", seat=s) for k, s in enumerate(seats)]
        await teacher.op("resume", table="T1")
        await wait_until(lambda: all(c.state and c.state["started"] for c in students))
        summary = await wait_until(lambda: _summary(teacher)["tables"][0]["started"] and _summary(teacher))
        klass = await _get(base + summary["report"])
        table = await _get(base + summary["tables"][0]["report"])
        await teacher.op("end_class")
        await wait_until(lambda: _summary(teacher)["ended"])
        return klass, table

    klass, table = run(body())
    rows = {t: re.search(rf"Table {t}.*?</tr>", klass[1], re.S).group(0) for t in ("T1", "T2")}
    assert re.search(r"started, day 1 of \d+, nobody acted yet", rows["T1"]) and "not started" not in rows["T1"]
    assert "not started" in rows["T2"]
    assert table[0] == 200 and "Started, nobody has acted yet: day 1 of" in table[1] and "Not started" not in table[1]

    # The class report from the class's folder says the same once the class has ended (it used to refuse,
    # taking the started table for one nobody had started).
    server.stop()
    out = tmp_path / "out"
    assert main(["report", "--data", str(server.data), "--out", str(out)]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r"started, day 1 of \d+, nobody acted before the end", index) and "never started" in index
    t1 = (out / "tables" / "T1" / "report.html").read_text(encoding="utf-8")
    assert "Started, but nobody acted: the table was started on day 1" in t1
