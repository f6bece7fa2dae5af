"""python main.py report SAVE --out DIR, through the command line: what the report holds, and every bad input."""

from __future__ import annotations

import csv
import json
from html import escape
from pathlib import Path

import pytest
from scripted import REFUSAL, scripted_match, write_save

from game.cli import main
from game.engine import history_comparison
from game.report.data import CLASS_COLUMNS, COLUMNS
from game.scenario.wording import history_verdict

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scripted")
    match = scripted_match()
    save = write_save(folder, match)
    out = folder / "report"
    assert main(["report", str(save), "--out", str(out)]) == 0
    return match, save, out, (out / "report.html").read_text(encoding="utf-8")


def _csv(path: Path) -> list:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_report_holds_every_agreement_refusal_score_part_and_history_match(played):
    match, _, out, html = played
    state = match.state
    for a in state.agreements:
        names = ", ".join(state.game.scenario.seat(s).name for s in a.parties)
        assert escape(f"Signed on day {a.turn} by {names}") in html
    refusals = [p.reason for p in state.proposals.values() if p.status == "rejected" and p.reason]
    assert REFUSAL in refusals and len(refusals) >= 1
    for reason in refusals:
        assert escape(reason, quote=False) in html, reason
    # Every seat's score and every part of it, as the engine counts them.
    scores = state.scores()
    rows = {r["seat"]: r for r in _csv(out / "data" / "scores.csv")}
    for seat, v in scores.items():
        for part in ("total", "deal", "objectives", "stats", "integrity"):
            assert int(rows[seat][part]) == v[part], (seat, part)
    assert "Broken by Turkey on day 1, with \u201cSpring Shield strikes\u201d" in html
    # Questions for the debrief come from what happened at this table.
    assert escape("Turkey broke the day 1 agreement on day 1 with \u201cSpring Shield strikes\u201d") in html
    assert "Turkey said in public where it stood on \u201cSecurity corridor along the M4\u201d, then signed less" \
        in html
    # The right history match, issue by issue.
    comparison = history_comparison(state)
    outcome = {r["issue"]: r for r in _csv(out / "data" / "outcome.csv")}
    issues = {i.id: i for i in state.game.scenario.issues}
    from game.engine import public_info
    from game.present.words import option_text
    public = {i["id"]: i for i in public_info(state.game.scenario)["issues"]}
    for row in comparison["issues"]:
        verdict, _ = history_verdict(row["settled"], row["distance"], row["signed"],
                                     option_text(public[row["issue"]], row["table"]),
                                     option_text(public[row["issue"]], row["history"]) if row["history"] else "")
        assert outcome[row["issue"]]["verdict"] == verdict
        assert outcome[row["issue"]]["table_option"] == row["table"] and row["issue"] in issues
        assert escape(verdict) in html
    assert f"<strong>{round(100 * comparison['closeness'])}%</strong>" in html


def test_who_chose_each_action_and_what_was_asked_are_told(played):
    match, _, out, html = played
    actions = _csv(out / "data" / "actions.csv")
    assert len([a for a in actions if a["type"] != "ask"]) == len(match.state.log)
    by = {(a["seat"], a["by"]) for a in actions}
    assert ("turkey", "person") in by and ("syria", "ai") in by
    asked = [a for a in actions if a["type"] == "ask"]
    assert asked == [a for a in asked if a["asked"] == "us_nato" and a["terms"] == "patriot_batteries=2"]
    assert len(asked) == 1 and "Turkey asked United States and NATO what it would want for 2 batteries" in html
    offers = _csv(out / "data" / "offers.csv")
    assert {o["proposal"] for o in offers} == set(match.state.proposals)
    assert any(o["reason"] == REFUSAL for o in offers)
    body = json.loads((out / "data" / "game.json").read_text(encoding="utf-8"))
    assert body["game"]["digest"] == match.state.digest() and len(body["offers"]) == len(offers)


def test_every_csv_column_is_documented_and_filled(played):
    _, _, out, _ = played
    docs = (ROOT / "docs" / "report-data.md").read_text(encoding="utf-8")
    written = (out / "data" / "columns.md").read_text(encoding="utf-8")
    for name, (what, columns) in {**COLUMNS, **CLASS_COLUMNS}.items():
        assert what and all(text.strip() for _, text in columns), name
        for column, text in columns:
            assert f"| `{column}` | {text} |" in written and f"`{column}`" in docs, (name, column)
        assert f"## {name}" in docs
    for name, (_, columns) in COLUMNS.items():
        with (out / "data" / name).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [c for c, _ in columns], name


def test_the_page_is_self_contained_and_names_are_escaped(played):
    _, _, _, html = played
    assert "<script" not in html and "src=\"http" not in html and "<link" not in html
    assert "Scripted &lt;i&gt;game&lt;/i&gt;" in html
    assert "Twelve kilometres &lt;b&gt;is&lt;/b&gt; too far &amp; Damascus says no" in html


def test_an_older_save_without_a_journal_still_reports(tmp_path):
    match = scripted_match()
    from game.persistence import build, write_atomic
    from game.persistence.saves import dumps
    body = build(match.state, seats={s: str(k) for s, k in match.controllers.items()}, name="Old")
    body = {k: v for k, v in body.items() if k != "checksum"}
    body["version"] = 1
    from game.persistence.saves import checksum
    body["checksum"] = checksum(body)
    save = tmp_path / "old.json"
    write_atomic(save, dumps(body))
    assert main(["report", str(save), "--out", str(tmp_path / "out")]) == 0
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "who chose each action (a person or an AI leader) was not recorded" in html


# -- bad input -------------------------------------------------------------------------------------

def _report(capsys, *args) -> tuple[int, str]:
    code = main(["report", *map(str, args)])
    return code, capsys.readouterr().err


def _edit(save: Path, tmp_path: Path, change) -> Path:
    from game.persistence.saves import checksum
    body = json.loads(save.read_text(encoding="utf-8"))
    change(body)
    body["checksum"] = checksum(body)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def test_saves_that_cannot_be_reported_are_refused_with_why_and_nothing_is_written(played, tmp_path, capsys):
    _, save, _, _ = played
    out = tmp_path / "out"
    newer = _edit(save, tmp_path, lambda b: b.update(version=99))
    code, err = _report(capsys, newer, "--out", out)
    assert code == 2 and "save format version 99" in err and "reads versions 1 to 2" in err
    other = _edit(save, tmp_path, lambda b: b["scenario"].update(content_hash="0" * 64, version=1))
    code, err = _report(capsys, other, "--out", out)
    assert code == 2 and "played on another version of scenario 'moscow-2020'" in err
    damaged = tmp_path / "damaged.json"
    damaged.write_text(save.read_text(encoding="utf-8")[:5000], encoding="utf-8")
    code, err = _report(capsys, damaged, "--out", out)
    assert code == 2 and "not a complete Summit save" in err and "truncated" in err
    changed = tmp_path / "changed.json"
    changed.write_text(save.read_text(encoding="utf-8").replace('"seed": 7', '"seed": 8'), encoding="utf-8")
    code, err = _report(capsys, changed, "--out", out)
    assert code == 2 and "changed after it was written" in err
    code, err = _report(capsys, tmp_path / "missing.json", "--out", out)
    assert code == 2 and "does not exist" in err
    assert not out.exists()
    code, err = _report(capsys)
    assert code == 2 and "give a save" in err
    code, err = _report(capsys, save, "--data", tmp_path)
    assert code == 2 and "not both" in err


def test_an_output_that_cannot_be_written_leaves_the_earlier_report_whole(played, tmp_path, capsys):
    _, save, _, _ = played
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, err = _report(capsys, save, "--out", blocker)
    assert code == 2 and "is a file, not a folder" in err
    code, err = _report(capsys, save, "--out", blocker / "inside")
    assert code == 2 and "cannot write the report to" in err
    out = tmp_path / "report"
    assert _report(capsys, save, "--out", out)[0] == 0
    before = (out / "report.html").read_bytes()
    # The data folder is now a file: the second report fails half-way and must leave the first as it was.
    for path in (out / "data").iterdir():
        path.unlink()
    (out / "data").rmdir()
    (out / "data").write_text("in the way", encoding="utf-8")
    code, err = _report(capsys, save, "--out", out)
    assert code == 2 and "cannot write the report" in err
    assert (out / "report.html").read_bytes() == before
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
