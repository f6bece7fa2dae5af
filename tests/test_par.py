"""Par: what AI leaders score in each seat, measured by simulation, stored for the shipped scenarios and measured
on first need for any other; a score reads against it as a percentile and a rating."""

from __future__ import annotations

import dataclasses
import json

import pytest

from game import par
from game.catalog import load_scenario, scenario_paths

SHIPPED = [p.name.rsplit(".", 1)[0] for p in scenario_paths()]


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_each_shipped_scenario_has_its_par_measured_on_this_very_version(scenario_id):
    """A scenario changed without measuring its par again fails here: run `python main.py par --write`."""
    scenario = load_scenario(scenario_id)
    stored = json.loads(par.shipped_path(scenario_id).read_text(encoding="utf-8"))
    assert stored["content_hash"] == scenario.content_hash, "the scenario changed since its par was measured"
    assert stored["games"] == par.GAMES and set(stored["scores"]) == set(scenario.seat_ids)
    again = par.measure(scenario, 6)
    assert {s: v[:6] for s, v in stored["scores"].items()} == again.scores, "the stored games replay as measured"


def test_a_score_reads_against_the_seats_par_as_a_percentile_and_a_rating():
    measured = par.Par("x", "h", 10, {"a": [10, 20, 20, 30, 40, 50, 60, 70, 80, 90]})
    assert measured.par("a") == 47
    assert measured.percentile("a", 20) == 20, "ties count half: one below, two level"
    assert measured.percentile("a", 5) == 0 and measured.percentile("a", 100) == 100
    percentiles = [measured.percentile("a", s) for s in range(0, 101)]
    assert percentiles == sorted(percentiles)
    assert measured.rating("a", 100) == {"par": 47, "diff": 53, "percentile": 100, "rating": "outstanding",
                                         "games": 10}
    assert [measured.rating("a", s)["rating"] for s in (5, 25, 45, 75, 95)] == \
        ["well below par", "below par", "on par", "above par", "outstanding"]


def test_a_changed_scenario_has_its_par_measured_once_and_kept_with_the_saves(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMIT_SAVE_DIR", str(tmp_path / "saves"))
    changed = dataclasses.replace(load_scenario("sochi-2008"), content_hash="0" * 64)
    par._KNOWN.clear()
    measured = par.par_for(changed)
    assert measured.games == par.QUICK_GAMES and measured.content_hash == "0" * 64
    kept = list((tmp_path / "saves" / "par").glob("sochi-2008-*.json"))
    assert len(kept) == 1
    par._KNOWN.clear()
    assert par.par_for(changed) == measured, "read back, not measured again"
    par._KNOWN.clear()
