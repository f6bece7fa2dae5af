"""Golden replays: one recorded game per shipped scenario must replay to the same digests.

If a rules change or a scenario edit is meant to change how games play,
regenerate them with `python tests/golden/make_golden.py` and review the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.catalog import load_scenario, scenario_paths
from game.persistence import SaveStore, restore

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REGENERATE = "if the change is intended, run: python tests/golden/make_golden.py"


def golden_files():
    return sorted(HERE.glob("*.json"))


def test_every_shipped_scenario_has_a_golden_replay():
    assert [p.stem for p in golden_files()] == [p.stem for p in scenario_paths()]


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: p.stem)
def test_golden_replay_reaches_the_recorded_digest(path):
    save = SaveStore(HERE).read(path)
    scenario = load_scenario(save.scenario.id)
    assert save.scenario.content_hash == scenario.content_hash, \
        f"{path.name} was recorded on another version of {scenario.id}; {REGENERATE}"
    state = restore(save, scenario, str(path))          # checks the digest after every action
    assert state.digest() == save.digest, REGENERATE
    assert state.is_over() and len(state.log) == len(save.actions)
    view = state.facilitator_view()
    assert len(view["agreements"]) >= 2 and view["breaches"], "a golden game should sign and break deals"
    assert state.outcome() == {i: o for a in view["agreements"] for i, o in a["terms"].items() if i in a["live"]}


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: p.stem)
def test_golden_replay_verifies_from_the_command_line(path, tmp_path):
    env = dict(os.environ, SUMMIT_SAVE_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "main.py", "replay", str(path), "--verify"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{result.stderr}\n{REGENERATE}"
    assert "digest" in result.stdout and "matches" in result.stdout
