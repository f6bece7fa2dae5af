"""Saves: round trips, refusals that name what is wrong, atomic writes, autosaves, replay --verify."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest

from game.ai.randomplay import play_random, random_action
from game.catalog import load_scenario
from game.engine import DONE, Game, move
from game.persistence import Divergence, SaveError, SaveStore, build, parse, restore, write_atomic
from game.persistence.saves import checksum, dumps

ROOT = Path(__file__).resolve().parents[2]
load = lru_cache(maxsize=None)(load_scenario)


def partial_game(scenario_id="moscow-2020", seed=7, steps=120):
    state = Game(load(scenario_id), seed).new_state()
    rng = np.random.default_rng(seed)
    for _ in range(steps):
        seat = state.to_move()[0]
        state.apply(seat, random_action(state, seat, rng))
    return state


def seal(body):
    """Recompute a save's checksum, as a careful forger would."""
    body["checksum"] = checksum(body)
    return body


def refused_text(text, *fragments, scenario_id="moscow-2020"):
    with pytest.raises(SaveError) as err:
        restore(parse(text, "game.json"), load(scenario_id), "game.json")
    assert "Traceback" not in str(err.value) and len(str(err.value)) < 400
    for fragment in fragments:
        assert fragment in str(err.value), f"{fragment!r} not in {str(err.value)!r}"
    return err.value


@pytest.fixture(scope="module")
def finished():
    return play_random(load("moscow-2020"), 21)


# -- round trips -----------------------------------------------------------------------

@pytest.mark.parametrize("scenario_id", ["moscow-2020", "sochi-2008"])
def test_save_then_load_gives_the_same_state(scenario_id):
    state = partial_game(scenario_id)
    save = parse(dumps(build(state)))
    loaded = restore(save, load(scenario_id))
    assert loaded.digest() == state.digest() and loaded.log == state.log
    # ... and plays on exactly as the original does.
    seat = state.to_move()[0]
    action = random_action(state, seat, np.random.default_rng(1))
    assert loaded.apply(seat, action) == state.apply(seat, action)
    assert loaded.digest() == state.digest()


def test_a_finished_game_round_trips_through_a_store(tmp_path, finished):
    store = SaveStore(tmp_path)
    path = store.save(finished, "end of the summit", seats={"turkey": "human"})
    assert path == tmp_path / "end of the summit.json"
    save = store.read(path)
    assert save.seats == {"turkey": "human"} and save.phase == "over"
    assert restore(save, load("moscow-2020")).digest() == finished.digest()


@pytest.mark.parametrize("name, why", [
    ("../escape", "'/' cannot be in a save name"),
    ("a\\b", "'\\\\' cannot be in a save name"),
    ("what?", "'?' cannot be in a save name"),
    ("tab\there", "U+0009 cannot be in a save name"),
    ("-x", "starts with a letter or a digit"),
    ("ends with a dot.", "cannot end with a space or a full stop"),
    ("x" * 61, "at most 60 characters; this one has 61"),
    ("   ", "give the save a name"),
])
def test_a_save_name_must_be_a_plain_name(tmp_path, finished, name, why):
    with pytest.raises(SaveError) as err:
        SaveStore(tmp_path).save(finished, name)
    assert why in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_a_save_name_may_read_like_a_title(tmp_path, finished):
    store = SaveStore(tmp_path)
    name = "Erdo\u011fan's gambit, day 2! (v2) & more"
    path = store.save(finished, name)
    assert path.name == f"{name}.json"
    assert store.locate(name) == path


# -- refusals ----------------------------------------------------------------------------

def test_a_truncated_save_is_refused(finished):
    text = dumps(build(finished))
    refused_text(text[: len(text) // 2], "game.json is not a complete Summit save", "truncated")


def test_a_non_json_file_is_refused(tmp_path):
    refused_text("this is a shopping list\n", "not a complete Summit save")
    refused_text(json.dumps({"hello": "world"}), "game.json is not a Summit save")
    binary = tmp_path / "picture.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(SaveError, match="cannot be read"):
        SaveStore(tmp_path).read(binary)
    with pytest.raises(SaveError, match="does not exist"):
        SaveStore(tmp_path).read(tmp_path / "missing.json")


def test_an_edited_action_is_refused_by_the_checksum(finished):
    body = build(finished)
    body["actions"][3] = ["turkey", {"type": "done"}]
    refused_text(dumps(body), "was changed after it was written", "checksum")


def test_an_edited_seed_is_refused_by_the_checksum(finished):
    body = build(finished)
    body["seed"] += 1
    refused_text(dumps(body), "checksum does not match")


def test_an_edited_seed_with_a_forged_checksum_diverges_at_the_first_action(finished):
    body = seal(dict(build(finished), seed=finished.game.seed + 1))
    err = refused_text(dumps(body), "action 1 (", "different state")
    assert isinstance(err, Divergence) and err.index == 0


def test_an_edited_action_with_a_forged_checksum_names_that_action():
    state = partial_game(steps=60)
    body = build(state)
    k = next(i for i, (seat, a) in enumerate(body["actions"]) if a["type"] == "statement")
    seat, action = body["actions"][k]
    issue = load("moscow-2020").issue(action["issue"])
    other = next(o for o in issue.options if o != action["option"])
    body["actions"][k] = [seat, dict(action, option=other)]
    err = refused_text(dumps(seal(body)), f"action {k + 1} ({seat}:", "different state")
    assert err.index == k


def test_an_action_that_is_illegal_on_replay_is_named():
    body = build(partial_game(steps=30))
    body["actions"][4] = ["rebels", {"type": "move", "move": "air_campaign"}]
    refused_text(dumps(seal(body)), "action 5 (rebels:", "illegal on replay")


def test_a_save_from_a_newer_summit_is_refused(finished):
    body = seal(dict(build(finished), version=3))
    refused_text(dumps(body), "save format version 3 (a newer version of Summit wrote it)", "reads versions 1 to 2")
    refused_text(dumps(seal(dict(body, version="2"))), "save format version unknown")


def test_a_version_1_save_still_loads(finished):
    body = build(finished)
    body["scenario"] = {k: body["scenario"][k] for k in ("id", "version", "content_hash")}
    save = parse(dumps(seal(dict(body, version=1))))
    assert save.version == 1 and save.scenario.place == "shipped"
    assert restore(save, load("moscow-2020")).digest() == finished.digest()


def test_a_save_of_another_scenario_is_refused():
    body = build(partial_game("sochi-2008", steps=20))
    refused_text(dumps(body), "a game of 'sochi-2008', not 'moscow-2020'")


def test_a_save_of_another_version_of_the_scenario_is_refused(finished):
    body = build(finished)
    body["scenario"] = dict(body["scenario"], content_hash="0" * 64)
    refused_text(dumps(seal(body)), "different version of scenario 'moscow-2020'")


def test_a_save_with_a_missing_field_is_refused(finished):
    body = build(finished)
    del body["trail"]
    refused_text(dumps(seal(body)), "no valid 'trail'")


# -- writing files ------------------------------------------------------------------------

def test_write_atomic_leaves_only_the_file(tmp_path):
    path = tmp_path / "deep" / "save.json"
    write_atomic(path, "first")
    write_atomic(path, "second")
    assert path.read_text() == "second"
    assert [p.name for p in path.parent.iterdir()] == ["save.json"]


def test_a_failed_write_leaves_the_old_file_intact(tmp_path, monkeypatch, finished):
    store = SaveStore(tmp_path)
    path = store.save(finished, "keep me")
    before = path.read_bytes()

    def crash(src, dst):
        raise OSError("disk unplugged")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk unplugged"):
        store.save(partial_game(steps=10), "keep me")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep me.json"]
    monkeypatch.undo()
    assert restore(store.read(path), load("moscow-2020")).digest() == finished.digest()


def autosave_days(store, days):
    """Play `days` days of random moves, autosaving at the start of each; return the paths."""
    state = Game(load("moscow-2020"), 5).new_state()
    paths = []
    for _ in range(days):
        paths.append(store.autosave(state))
        while state.phase == "talks":
            state.apply(state.to_move()[0], DONE)
        for seat in list(state.to_move()):
            state.apply(seat, move("hold"))
    return state, paths


def test_autosave_keeps_one_file_per_turn(tmp_path):
    store = SaveStore(tmp_path)
    state, paths = autosave_days(store, 3)
    assert [p.name for p in paths] == [f"moscow-2020-turn-0{t}.json" for t in (1, 2, 3)]
    store.autosave(state)
    store.autosave(state)
    names = sorted(p.name for p in store.autosave_dir.iterdir())
    assert names == [f"moscow-2020-turn-0{t}.json" for t in (1, 2, 3, 4)]
    assert store.read(store.autosave_dir / names[-1]).turn == 4


def test_the_newest_good_autosave_skips_a_corrupted_one(tmp_path):
    store = SaveStore(tmp_path)
    _, paths = autosave_days(store, 3)
    for age, path in enumerate(reversed(paths)):
        os.utime(path, (1_700_000_000 - 60 * age, 1_700_000_000 - 60 * age))
    newest = paths[-1]
    newest.write_text(newest.read_text()[:500])
    path, match, save, skipped = store.latest_good_autosave()
    assert path == paths[1] and match.state.turn == 2 and save.turn == 2
    assert [p for p, _ in skipped] == [newest] and "truncated" in skipped[0][1]


def test_no_good_autosave_at_all(tmp_path):
    store = SaveStore(tmp_path)
    _, [only] = autosave_days(store, 1)
    only.write_text("{}")
    path, state, save, skipped = store.latest_good_autosave()
    assert (path, state, save) == (None, None, None) and skipped[0][0] == only


# -- python main.py replay SAVE --verify -------------------------------------------------------

def replay_cli(path, save_dir):
    env = dict(os.environ, SUMMIT_SAVE_DIR=str(save_dir), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "main.py", "replay", str(path), "--verify"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_replay_verify_accepts_a_good_save_and_names_the_first_diverging_action(tmp_path, finished):
    good = tmp_path / "good.json"
    body = build(finished)
    write_atomic(good, dumps(body))
    ok = replay_cli(good, tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "ok" in ok.stdout and f"{len(body['actions'])} actions" in ok.stdout

    k = len(body["actions"]) // 2
    body["trail"][k] = "0" * len(body["trail"][k])
    bad = tmp_path / "bad.json"
    write_atomic(bad, dumps(seal(body)))
    result = replay_cli(bad, tmp_path)
    assert result.returncode != 0
    assert f"action {k + 1} (" in result.stderr and "different state" in result.stderr


def test_replay_verify_refuses_a_broken_file(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "summit-save", "vers')
    result = replay_cli(broken, tmp_path)
    assert result.returncode != 0 and "truncated" in result.stderr


def test_a_save_is_found_by_the_name_it_was_saved_under(tmp_path, finished):
    store = SaveStore(tmp_path)
    store.save(finished, "Before the summit")
    assert store.read("Before the summit") == store.read(tmp_path / "Before the summit.json")
    assert store.locate("Before the summit.json") == tmp_path / "Before the summit.json"
    ok = replay_cli("Before the summit", tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("Before the summit: ok")


def test_an_unknown_save_name_lists_the_saves_there_are(tmp_path, finished):
    store = SaveStore(tmp_path)
    store.save(finished, "alpha")
    with pytest.raises(SaveError, match=r"there is no save 'beta' .*saves in .*: alpha"):
        store.read("beta")
    with pytest.raises(SaveError, match="there are no saves in"):
        SaveStore(tmp_path / "empty").read("beta")
    with pytest.raises(SaveError, match="is a folder"):
        store.read(tmp_path)
    result = replay_cli("beta", tmp_path)
    assert result.returncode == 1 and "there is no save 'beta'" in result.stderr
