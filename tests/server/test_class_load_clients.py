"""benchmarks/class_load.py's clients are programs, and say so: the class shows them as bots, not people."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_load_benchmarks_clients_join_as_bots():
    done = subprocess.run([sys.executable, "benchmarks/class_load.py", "--tables", "1", "--clients", "3",
                           "--idle", "0.2", "--processes", "1", "--level", "easy", "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    # Each of the three clients holds a seat, and the console counts each as a bot.
    assert figures["members"] == {"bots": 3, "people": 0}
    assert figures["errors"] == [] and figures["digests_equal_offline_replay"] == "1/1"
