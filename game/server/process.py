"""A class server in a child process: `python main.py host` on 127.0.0.1, for tools, benchmarks and tests.

It listens on a free port (and on the same port again when restarted, so clients find it), keeps
its class in its own folder, and is ready once the ready file it was given exists. Every wait is
bounded; `stop` is Ctrl+C, as a teacher would, and `kill` is kill -9.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
START_WITHIN = 60.0


class HostProcess:
    def __init__(self, folder: Path, *args: str):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.data = self.folder / "class"
        self.ready_file = self.folder / "ready.json"
        self.log = self.folder / "host.log"
        self.args = args
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.info: dict[str, Any] = {}

    @property
    def url(self) -> str:
        return str(self.info["url"])

    @property
    def code(self) -> str:
        return str(self.info["class_code"])

    def start(self) -> "HostProcess":
        """Start the server and wait until it accepts connections; raise RuntimeError with its log if it cannot."""
        self.ready_file.unlink(missing_ok=True)
        with open(self.log, "a", encoding="utf-8") as log:
            self.proc = subprocess.Popen(
                [sys.executable, str(REPO / "main.py"), "host", "--bind", "127.0.0.1", "--port", str(self.port),
                 "--data", str(self.data), "--ready-file", str(self.ready_file), *self.args],
                cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + START_WITHIN
        while not self.ready_file.exists():
            if self.proc.poll() is not None:
                raise RuntimeError(f"host stopped with {self.proc.returncode}:\n{self.output()}")
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"host was not ready within {START_WITHIN:.0f} s:\n{self.output()}")
            time.sleep(0.05)
        self.info = json.loads(self.ready_file.read_text())
        # A restart listens where the class was, so its clients find it again.
        self.port = urlsplit(self.url).port or 0
        return self

    def output(self) -> str:
        return self.log.read_text()[-4000:] if self.log.exists() else ""

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def stop(self) -> int | None:
        """Ctrl+C, as a teacher would; kill -9 if it does not stop."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self) -> None:
        """kill -9: no chance to tidy up."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=15)
