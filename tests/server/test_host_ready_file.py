"""host --ready-file: the addresses scripts wait for, readable only by the user who runs the server (the file holds
the facilitator key)."""

from __future__ import annotations

import json
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_ready_file_holds_the_class_and_only_its_owner_may_read_it(tmp_path):
    ready = tmp_path / "ready.json"
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "host", "--port", "0", "--bind", "127.0.0.1",
                             "--data", str(tmp_path / "data"), "--ready-file", str(ready)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), "host never wrote its ready file"
        assert stat.S_IMODE(ready.stat().st_mode) == 0o600
        assert json.loads(ready.read_text())["facilitator_key"]
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
