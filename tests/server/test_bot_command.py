"""`python main.py bot`: it says where it sits, and started again after a crash it takes its own seat back
with the pass it kept, instead of finding the seat taken."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading

from hosting import ROOT

WITHIN = 60.0


def _start_bot(server, passes, name="Crash-prone bot"):
    process = subprocess.Popen(
        [sys.executable, "main.py", "bot", server.url, "--code", server.info["class_code"], "--seat", "syria",
         "--table", "T1", "--name", name, "--passes", str(passes)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    return process, lines


def _first_line(lines) -> str:
    return lines.get(timeout=WITHIN).strip()


def _stop(process) -> None:
    process.kill()
    process.wait(timeout=WITHIN)


def test_a_bot_started_again_takes_its_seat_back(host, tmp_path):
    server = host("--scenario", "moscow-2020", "--tables", "1")
    passes = tmp_path / "bot-seats.json"
    first, lines = _start_bot(server, passes)
    try:
        assert _first_line(lines) == "bot: playing syria at table T1"
    finally:
        _stop(first)                       # as a crash: no goodbye to the server
    kept = json.loads(passes.read_text(encoding="utf-8"))
    assert len(kept) == 1 and all(len(token) >= 22 for token in kept.values())

    again, lines = _start_bot(server, passes)
    try:
        assert _first_line(lines) == "bot: playing syria at table T1", "its own seat, not 'syria is taken'"
    finally:
        _stop(again)

    stranger, lines = _start_bot(server, tmp_path / "another.json", name="Another bot")
    try:
        assert "syria is taken at table T1" in _first_line(lines), "the seat is still the first bot's"
        assert stranger.wait(timeout=WITHIN) == 1
    finally:
        if stranger.poll() is None:
            _stop(stranger)
