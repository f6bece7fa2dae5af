"""Every scenario shipped in game/scenarios/ validates and has the shape a game needs.

These check structure (counts, links between parts), never exact wording, so
the scenarios can be edited freely as long as they stay playable.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.catalog import read_scenario_file
from game.cli import main

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "game" / "scenarios"
PATHS = sorted(SCENARIO_DIR.glob("*.yaml"))
NO_FILES = "game/scenarios/ holds no .yaml files yet (the shipped scenarios are still being written)"

scenario_paths = pytest.mark.parametrize(
    "path", PATHS or [pytest.param(None, marks=pytest.mark.skip(reason=NO_FILES))],
    ids=[p.stem for p in PATHS] or ["none"])


@pytest.fixture(scope="module")
def loaded():
    cache = {}

    def get(path):
        if path not in cache:
            cache[path] = read_scenario_file(path)
        return cache[path]
    return get


def test_validate_accepts_every_shipped_file(capsys):
    if not PATHS:
        pytest.skip(NO_FILES)
    code = main(["validate", *(str(p) for p in PATHS)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0, "\n".join(lines)
    assert len(lines) == len(PATHS)
    assert all(": ok: " in line for line in lines)


@scenario_paths
def test_size_of_the_game(loaded, path):
    s = loaded(path)
    assert len(s.seats) >= 4
    assert len(s.issues) >= 5
    assert len(s.events) >= 8
    assert len(s.moves) >= 1
    assert path.stem == s.id, "the file name is the id used on the command line"


@scenario_paths
def test_every_seat_has_a_briefing_and_objectives(loaded, path):
    s = loaded(path)
    for seat in s.seats:
        assert seat.briefing.strip(), f"seat {seat.id} has no private briefing"
        assert seat.briefing != s.public_briefing, f"seat {seat.id}'s briefing is the public one"
        assert len(seat.objectives) >= 1, f"seat {seat.id} has no objective"
        assert seat.preferences.weights, f"seat {seat.id} has no preferences"


@scenario_paths
def test_every_issue_can_be_signed(loaded, path):
    s = loaded(path)
    for issue in s.issues:
        assert len(issue.options) >= 2, issue.id
        assert issue.default in issue.options, issue.id
        assert len(issue.signatories) >= 2 and set(issue.signatories) <= set(s.seat_ids), issue.id


@scenario_paths
def test_the_map_has_regions_and_sites(loaded, path):
    s = loaded(path)
    assert s.map.regions and s.map.sites
    lon_min, lat_min, lon_max, lat_max = s.map.bounds
    assert lon_min < lon_max and lat_min < lat_max
    region_ids = {r.id for r in s.map.regions}
    assert all(site.region in region_ids for site in s.map.sites)


@scenario_paths
def test_history_outcome_names_existing_issues_and_options(loaded, path):
    s = loaded(path)
    assert s.history.outcome, "the history settles nothing"
    assert set(s.history.parties) <= set(s.seat_ids)
    for issue_id, option in s.history.outcome:
        assert issue_id in s.issue_ids
        assert option in s.issue(issue_id).options


@scenario_paths
def test_every_fact_names_a_source(loaded, path):
    s = loaded(path)
    sources = {src.id for src in s.sources}
    parts = [*s.seats, *s.issues, *s.moves, *s.events, *s.tracks, *s.map.regions, *s.map.sites,
             *s.map.flows, s.history, *(o for seat in s.seats for o in seat.objectives)]
    assert all(part.source in sources for part in parts)


def test_moscow_2020_history_has_a_full_ceasefire(loaded):
    moscow = [p for p in PATHS if p.stem.startswith("moscow")]
    if not moscow:
        pytest.skip("game/scenarios/moscow-2020.yaml is not written yet")
    s = loaded(moscow[0])
    ceasefires = [i for i in s.issues if "ceasefire" in i.id]
    assert ceasefires, "the Moscow scenario has no ceasefire issue"
    outcome = dict(s.history.outcome)
    issue = ceasefires[0]
    assert issue.id in outcome, "the history does not settle the ceasefire"
    # options run from least to most, so a full ceasefire is the last one
    assert outcome[issue.id] == issue.options[-1]
