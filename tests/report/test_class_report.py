"""python main.py report --data DIR: the whole class side by side; and briefings --scenario --out."""

from __future__ import annotations

import csv
from pathlib import Path

from classmaker import make_class
from markupsafe import escape

from game.catalog import scenario_source
from game.cli import main

HOSTILE = "Turkey <img src=x onerror=alert(1)>"


def _run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_class_report_covers_every_table_and_shows_unfinished_ones_as_they_stand(tmp_path, capsys):
    make_class(tmp_path / "class", tables=3, days={"T2": 2},
               notes={"T1": [("turkey", "russia", "Ada", "Meet at noon <b>sharp</b>")]})
    code, out, err = _run(capsys, "report", "--data", tmp_path / "class", "--out", tmp_path / "out")
    assert code == 0, err
    assert "3 tables (2 finished)" in out
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    for table in ("T1", "T2", "T3"):
        assert f'href="tables/{table}/report.html"' in index
        page = (tmp_path / "out" / "tables" / table / "report.html").read_text(encoding="utf-8")
        assert 'href="../../index.html"' in page
    t2 = (tmp_path / "out" / "tables" / "T2" / "report.html").read_text(encoding="utf-8")
    assert "Unfinished: day 2 of 5" in t2 and "the scores are what they would be if the summit ended now" in t2
    assert "unfinished" in index
    assert "Mean and range over the finished tables;" in index and "over the all" not in index
    t1 = (tmp_path / "out" / "tables" / "T1" / "report.html").read_text(encoding="utf-8")
    assert "Meet at noon &lt;b&gt;sharp&lt;/b&gt;" in t1      # the teacher's copy holds the notes
    with (tmp_path / "out" / "data" / "tables.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["table"], r["over"]) for r in rows] == [("T1", "yes"), ("T2", "no"), ("T3", "yes")]


def test_names_with_html_in_them_are_text_on_every_page_and_chart(tmp_path, capsys):
    _, text, _ = scenario_source("moscow-2020")
    hostile = tmp_path / "hostile.yaml"
    hostile.write_bytes(text.replace(b"    name: Turkey\n", f"    name: {HOSTILE}\n".encode(), 1))
    make_class(tmp_path / "class", tables=1, scenario=str(hostile))
    assert _run(capsys, "report", "--data", tmp_path / "class", "--out", tmp_path / "out")[0] == 0
    pages = [tmp_path / "out" / "index.html", tmp_path / "out" / "tables" / "T1" / "report.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<img" not in html and "onerror=alert(1)>" not in html
        assert "Turkey &lt;img src=x onerror=alert(1)&gt;" in html
    assert _run(capsys, "briefings", "--scenario", hostile, "--out", tmp_path / "brief")[0] == 0
    for page in (tmp_path / "brief").glob("*.html"):
        assert "<img" not in page.read_text(encoding="utf-8"), page


def test_a_class_that_cannot_be_reported_says_why(tmp_path, capsys):
    code, _, err = _run(capsys, "report", "--data", tmp_path / "nowhere")
    assert code == 2 and "does not exist" in err
    (tmp_path / "empty").mkdir()
    code, _, err = _run(capsys, "report", "--data", tmp_path / "empty")
    assert code == 2 and "holds no class" in err
    make_class(tmp_path / "unstarted", tables=2, days={"T1": 0, "T2": 0})
    code, _, err = _run(capsys, "report", "--data", tmp_path / "unstarted")
    assert code == 2 and "has not started" in err and not (tmp_path / "unstarted" / "report").exists()


def test_briefings_a_page_per_seat_and_the_facilitators_sheet(tmp_path, capsys):
    code, out, _ = _run(capsys, "briefings", "--scenario", "sochi-2008", "--out", tmp_path / "brief")
    assert code == 0 and "facilitator's sheet" in out
    from game.catalog import load_scenario
    scenario = load_scenario("sochi-2008")
    for seat in scenario.seats:
        page = (tmp_path / "brief" / f"{seat.id}.html").read_text(encoding="utf-8")
        assert f"{seat.preferences.reservation:.2f}" in page
        for o in seat.objectives:
            assert str(escape(o.text)) in page
        others = [s for s in scenario.seats if s.id != seat.id]
        assert not any(str(escape(o.text)) in page for s in others for o in s.objectives)
    sheet = (tmp_path / "brief" / "facilitator.html").read_text(encoding="utf-8")
    for event in scenario.events:
        assert str(escape(event.title)) in sheet
    # A conditional event says when it happens, in words.
    assert "When the table agrees \u201cIskander-E missiles\u201d: yes" in sheet
    assert "or Russia has made the move \u201cSend warships to Tartus\u201d" in sheet
    every = (tmp_path / "brief" / "all-seats.html").read_text(encoding="utf-8")
    assert every.count('<article class="sheet">') == len(scenario.seats)


def test_briefings_bad_input(tmp_path, capsys):
    code, _, err = _run(capsys, "briefings", "--scenario", "atlantis-1999", "--out", tmp_path / "b")
    assert code == 2 and "no scenario with id 'atlantis-1999'" in err
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = _run(capsys, "briefings", "--scenario", "moscow-2020", "--out", blocker)
    assert code == 2 and "is a file, not a folder" in err
    assert Path(blocker).read_text(encoding="utf-8") == "x"
