"""A save file is untrusted input: anyone can edit one and recompute its checksum.

Each forged save goes through the public command (`replay`), and must be refused with exit code 1
and one message naming what is wrong, with no traceback and no file changed.
"""

from __future__ import annotations

import os
from functools import lru_cache

import pytest

from game.ai.randomplay import play_random
from game.catalog import load_scenario
from game.cli import main
from game.persistence import SaveError, SaveStore, build, write_atomic
from game.persistence.saves import checksum, dumps
from game.persistence.store import STALE_SECONDS

load = lru_cache(maxsize=None)(load_scenario)


@pytest.fixture(scope="module")
def document():
    return build(play_random(load("moscow-2020"), 21), name="a game", saved_at="2024-05-01 10:00")


def forged(document, **changes):
    body = {**document, **changes}
    body["checksum"] = checksum(body)
    return body


def replay(capsys, ref, save_dir):
    os.environ["SUMMIT_SAVE_DIR"] = str(save_dir)
    try:
        code = main(["replay", str(ref)])
    finally:
        del os.environ["SUMMIT_SAVE_DIR"]
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder):
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def refused_by_replay(capsys, tmp_path, body_or_text, *fragments):
    path = tmp_path / "forged.json"
    path.write_text(body_or_text if isinstance(body_or_text, str) else dumps(body_or_text), encoding="utf-8")
    before = snapshot(tmp_path)
    code, out, err = replay(capsys, path, tmp_path)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and "\x00" not in err and "\x1b" not in err
    for fragment in fragments:
        assert fragment in err, f"{fragment!r} not in {err!r}"
    assert snapshot(tmp_path) == before
    return err


def scenario(document, **changes):
    return {**document["scenario"], **changes}


FORGERIES = [
    ("nul-in-name", {"name": "my\x00game"}, "no valid 'name' (it holds a control character U+0000)"),
    ("escape-in-name", {"name": "\x1b[2Jgame"}, "no valid 'name' (it holds a control character U+001B)"),
    ("surrogate-in-name", {"name": "a\ud800b"}, "no valid 'name' (it holds a half surrogate U+D800)"),
    ("name-not-text", {"name": 42}, "no valid 'name'"),
    ("megabyte-name", {"name": "n" * 1_000_000}, "no valid 'name' (it is 1,000,000 characters; the limit is 200)"),
    ("nul-in-date", {"saved_at": "2024\x00"}, "no valid 'saved_at' (it holds a control character U+0000)"),
    ("scenario-id-is-a-path", {"scenario": "PATH"}, "no valid 'scenario.id' (a scenario id is lower-case"),
    ("scenario-id-with-nul", {"scenario": "NUL"}, "no valid 'scenario.id'"),
    ("unknown-place", {"scenario": "PLACE"}, "no valid 'scenario.place'"),
    ("nul-in-path", {"scenario": "NULPATH"}, "no valid 'scenario.path' (it holds a control character U+0000)"),
    ("unknown-controller", {"seats": {"turkey": "god"}}, "no valid 'seats' (who plays a seat is one of human"),
    ("seat-id-with-nul", {"seats": {"tur\x00key": "human"}}, "no valid 'seats' (a seat id is"),
    ("seat-not-in-scenario", {"seats": {"atlantis": "human"}}, "names seats 'moscow-2020' does not have: atlantis"),
    ("turn-out-of-range", {"turn": 10_000}, "no valid 'turn' (10000 is outside 1..30)"),
    ("turn-disagrees", {"turn": 2}, "says day 2 (over), but its actions replay to day"),
    ("phase-disagrees", {"phase": "talks"}, "(talks), but its actions replay to day"),
    ("unknown-phase", {"phase": "lunch"}, "no valid 'phase'"),
    ("negative-seed", {"seed": -1}, "no valid 'seed'"),
    ("action-not-a-pair", {"actions": "ACTION"}, "action 1 is not a [seat, action] pair"),
    ("huge-reason", {"actions": "REASON"}, "is illegal on replay: reason is 5,000,000 characters"),
    ("trail-not-hex", {"trail": "TRAIL"}, "no valid 'trail' or 'digest'"),
]


def _apply(document, changes):
    out = dict(changes)
    marks = {"PATH": scenario(document, id="../../etc/passwd"), "NUL": scenario(document, id="moscow\x002020"),
             "PLACE": scenario(document, place="elsewhere"),
             "NULPATH": scenario(document, place="file", path="/tmp/x\x00.yaml")}
    if out.get("scenario") in marks:
        out["scenario"] = marks[out["scenario"]]
    if out.get("actions") == "ACTION":
        out["actions"] = ["turkey"] + document["actions"][1:]
    if out.get("actions") == "REASON":
        first, second = document["actions"][:2]
        out["actions"] = [first, [second[0], dict(second[1], reason="r" * 5_000_000)]] + document["actions"][2:]
    if out.get("trail") == "TRAIL":
        out["trail"] = ["zz" * 8] * len(document["trail"])
    return out


@pytest.mark.parametrize("changes, fragment", [f[1:] for f in FORGERIES], ids=[f[0] for f in FORGERIES])
def test_a_forged_save_is_refused_by_replay(capsys, tmp_path, document, changes, fragment):
    refused_by_replay(capsys, tmp_path, forged(document, **_apply(document, changes)), fragment)


def test_the_divergence_message_quotes_a_huge_action_short(capsys, tmp_path, document):
    body = forged(document, **_apply(document, {"actions": "REASON"}))
    err = refused_by_replay(capsys, tmp_path, body, "is illegal on replay")
    assert len(err) < 600


def test_a_huge_file_is_refused_without_being_read_whole(capsys, tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:  # sparse: 500 MB on paper, nothing on disk
        handle.truncate(500 * 1024 * 1024)
    code, out, err = replay(capsys, path, tmp_path)
    assert code == 1 and "is over 64 MiB, more than any Summit save" in err and "Traceback" not in err


def test_a_save_named_like_a_file_is_found_by_its_name(capsys, tmp_path, document):
    store = SaveStore(tmp_path)
    state = play_random(load("moscow-2020"), 21)
    path = store.save(state, "Report.json")
    assert path.name == "Report.json.json"
    assert store.locate("Report.json") == path
    code, out, err = replay(capsys, "Report.json", tmp_path)
    assert code == 0 and out.startswith("Report.json: ok"), err


def test_a_long_name_in_wide_letters_fits_the_file_system(tmp_path):
    store = SaveStore(tmp_path)
    name = "\U0001d400" * 60  # 60 letters of 4 bytes each: 240 bytes, near the common limit of 255
    path = store.save(play_random(load("moscow-2020"), 3), name)
    assert store.locate(name) == path and store.read(name).name == name


def test_a_name_too_long_for_a_small_file_system_is_refused_before_writing(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "pathconf", lambda path, name: 143)  # eCryptfs takes names of 143 bytes
    with pytest.raises(SaveError, match=r"too long for a file name here \(150 bytes; at most 138\)"):
        SaveStore(tmp_path).save(play_random(load("moscow-2020"), 3), "\u5b57" * 50)
    assert list(tmp_path.iterdir()) == []


def test_a_saves_folder_that_cannot_be_read(capsys, tmp_path):
    folder = tmp_path / ("x" * 300)  # a name no file system takes: every use of the folder fails
    code, out, err = replay(capsys, "my game", folder)
    assert code == 1 and "my game cannot be read: File name too long" in err and "Traceback" not in err
    path, state, save, skipped = SaveStore(folder).latest_good_autosave()
    assert state is None and "cannot be read" in skipped[0][1]


@pytest.mark.skipif(os.geteuid() == 0, reason="the superuser reads any folder")
def test_a_saves_folder_without_permission(capsys, tmp_path, document):
    folder = tmp_path / "saves"
    write_atomic(folder / "a game.json", dumps(document))
    folder.chmod(0)
    try:
        code, out, err = replay(capsys, "a game", folder)
        assert code == 1 and "cannot be read" in err and "Traceback" not in err
        with pytest.raises(OSError):
            SaveStore(folder).named()
    finally:
        folder.chmod(0o755)


def test_temporary_files_left_by_a_killed_process_are_swept(tmp_path, document):
    stale = [tmp_path / ".summit-k1ll3d.tmp", tmp_path / ".old game.json.abcd1234.tmp"]
    fresh = tmp_path / ".summit-wr1t1ng.tmp"
    for path in stale + [fresh]:
        path.write_text("{")
    hour_ago = os.path.getmtime(fresh) - STALE_SECONDS - 60
    for path in stale:
        os.utime(path, (hour_ago, hour_ago))
    SaveStore(tmp_path).save(play_random(load("moscow-2020"), 3), "a game")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".summit-wr1t1ng.tmp", "a game.json"]


def test_writing_elsewhere_sweeps_only_its_own_leftovers(tmp_path):
    mine, other = tmp_path / ".summit-k1ll3d.tmp", tmp_path / ".editor.json.abcd1234.tmp"
    for path in (mine, other):
        path.write_text("{")
        os.utime(path, (1_000_000_000, 1_000_000_000))
    write_atomic(tmp_path / "settings.json", "{}")  # as the settings file, in a folder not only Summit's
    assert sorted(p.name for p in tmp_path.iterdir()) == [".editor.json.abcd1234.tmp", "settings.json"]


def test_a_save_path_too_long_for_the_file_system(capsys, tmp_path):
    code, out, err = replay(capsys, tmp_path / ("x" * 300 + ".json"), tmp_path)
    assert code == 1 and "cannot be read: File name too long" in err and "Traceback" not in err
