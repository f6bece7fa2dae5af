"""AI leaders over package spaces too large to list, and a scenario at the format's largest size.

The 12 x 41 scenario (game/perf/wide.py) is written out as an author would write it and goes
through the public commands: validate, simulate (which plays and then analyses every game).
"""

from __future__ import annotations

import json

import numpy as np
import pytest

import game.ai.packages as packages
from game.ai.packages import Table
from game.analysis import Frontier
from game.catalog import load_scenario
from game.cli import main
from game.engine.views import private_info, public_info
from game.match import Match
from game.perf.wide import scenario_text, wide_scenario


def play(scenario, seed, level):
    match = Match(scenario, seed, {s: level for s in scenario.seat_ids})
    offers = []
    while not match.state.is_over():
        seat = match.ai_to_move()
        action = match.decide(seat)
        if action.type in ("propose", "counter"):
            offers.append(dict(action.terms))
        match.state.apply(seat, action)
    return match.state, offers


@pytest.mark.parametrize("scenario_id", ["moscow-2020", "sochi-2008"])
def test_leaders_weighing_covers_play_the_shipped_scenarios_to_agreements(monkeypatch, scenario_id):
    monkeypatch.setattr(packages, "MAX_PACKAGES", 40)
    scenario = load_scenario(scenario_id)
    agreed = 0
    for seed in range(3):
        state, _ = play(scenario, seed, "normal")
        again, _ = play(scenario, seed, "normal")
        assert state.digest() == again.digest(), "a leader's choices follow from its seed and what it saw"
        agreed += len(state.outcome())
    assert agreed > 0


@pytest.fixture(scope="module")
def wide():
    return wide_scenario()


def test_offers_at_the_largest_size_reach_every_issue(wide):
    # 41 ** 12 packages: a leader that listed them, or cut issues to fit, could not offer all twelve.
    # An offer names the terms that change something, so one may leave out an issue at its default.
    state, offers = play(wide, 0, "hard")
    assert any(len(terms) == 12 for terms in offers)
    assert len(state.outcome()) == 12, "every issue is signed by the summit"
    again, _ = play(wide, 0, "hard")
    assert state.digest() == again.digest()


def test_a_cover_holds_the_offer_itself_and_finds_what_was_refused(wide):
    table = Table(public_info(wide), "north", private_info(wide.seat("north")))
    ks = list(range(12))
    asked = np.array([3, 40, 0, 7, 20, 20, 1, 39, 12, 5, 33, 2])
    got_ks, rows, own = table.space(ks, (), asked)
    assert not table.listable(ks) and got_ks == tuple(ks)
    assert np.allclose(own, sum(table.tables[k][rows[:, j]] for j, k in enumerate(ks)))
    assert (rows == asked).all(axis=1).sum() == 1, "the package that changes nothing is in the cover"
    refused = table.terms(ks, rows[5])
    assert np.flatnonzero(table.among(ks, rows, [(set(refused), refused)])).tolist() == [5]


def test_the_largest_size_validates_simulates_and_analyses(tmp_path, capsys):
    path = tmp_path / "tariff-round.yaml"
    path.write_text(scenario_text(), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and ": ok: " in out, "no warning: two signing seats make an exact analysis"
    assert main(["simulate", "--scenario", str(path), "--games", "2", "--seed", "3", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["games"] == 2 and "frontier_estimated" not in summary
    assert summary["pareto_distance"]["mean"] is not None and summary["nash_point"]
    assert len(summary["nash_point"]) == 12


def test_validate_warns_where_the_analysis_can_only_estimate(tmp_path, capsys):
    path = tmp_path / "tariff-round-3.yaml"
    text = scenario_text(12, 41, signers=3)
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and ": ok: " in lines[0]
    line = text.splitlines().index("issues:") + 1
    assert lines[1].startswith(f"{path}:{line}:1: issues: warning: the end-of-game analysis cannot list")
    frontier = Frontier(wide_scenario(12, 41, signers=3))
    assert frontier.large is not None and not frontier.large.exact
    # The Nash point is still exact: no mixture of options gives a larger product of gains.
    assert not frontier.estimated
