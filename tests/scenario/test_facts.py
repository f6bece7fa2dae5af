"""`python main.py validate --facts PATH`: every cited fact under its source's outlet, date and address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scenario_text import edit

from game.catalog import read_scenario_file
from game.cli import main

PATHS = sorted((Path(__file__).resolve().parents[2] / "game" / "scenarios").glob("*.yaml"))
HEADER = re.compile(r"^\[([a-z0-9_\-]+)\] (.+), (\d{4}-\d{2}-\d{2})$")
ENTRY = re.compile(r"^  - line (\d+): (\w+)")


def facts(capsys, path):
    code = main(["validate", "--facts", str(path)])
    return code, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_every_citation_is_listed_once_under_the_source_it_names(path, capsys):
    code, out = facts(capsys, path)
    assert code == 0
    scenario = read_scenario_file(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    sources = {s.id: s for s in scenario.sources}
    under, listed, headed = None, 0, []
    for k, line in enumerate(out):
        header = HEADER.match(line)
        if header:
            under = sources[header.group(1)]
            headed.append(under.id)
            assert header.group(2) == (under.publisher or "outlet not named") and header.group(3) == under.date
            assert out[k + 1].strip() == under.title
            assert out[k + 2].strip() == (under.url or "no web address given")
        entry = ENTRY.match(line)
        if entry:
            listed += 1
            # the line named is the item's own `source:` key, naming the source it is listed under
            assert lines[int(entry.group(1)) - 1].strip() == f"source: {under.id}", line
    assert headed == list(sources), "every source is listed, in the file's order"
    every_source_key = sum(1 for ln in lines if re.match(r"^\s+source: ", ln))
    assert listed == every_source_key == len(scenario.citations)


def test_a_fact_shown_before_its_source_came_out_says_so(capsys):
    code, lines = facts(capsys, next(p for p in PATHS if p.stem == "moscow-2020"))
    assert code == 0
    out = "\n".join(lines)
    block = out[out.index("[losses_4mar] Al Arabiya, 2020-03-04"):]
    block = block[:block.index("\n\n")]
    assert "http://english.alarabiya.net/" in block
    assert re.search(r"track turkish_soldiers_killed: .*: 56 soldiers at the start \(shown from day 1, "
                     r"2020-03-01, reported later\)", block), block
    assert re.search(r"event two_more_killed: Two more Turkish soldiers killed \(shown from day 4, 2020-03-04\)$",
                     block, re.M), block


def test_a_broken_file_gets_its_problems_not_a_listing(minimal, tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text(edit(minimal, ("version: 1", "version: one")), encoding="utf-8")
    code, out = facts(capsys, path)
    assert code == 2
    assert out and all(line.startswith(f"{path}:") for line in out)
    assert "expected a whole number" in out[0]
