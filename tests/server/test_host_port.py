"""host --port 0 run again on the same class: the same port when it is free, and a clear word when it is not."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _host(folder: Path, data: Path) -> tuple[dict, str]:
    """Run `host --port 0` on `data` until it is ready; stop it (Ctrl+C); return its ready file and what it printed."""
    ready = folder / "ready.json"
    ready.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "host", "--port", "0", "--bind", "127.0.0.1",
                             "--data", str(data), "--ready-file", str(ready)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), "host never wrote its ready file"
        info = json.loads(ready.read_text())
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, _ = proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate(timeout=15)
    return info, out


def test_a_restart_on_any_port_takes_the_class_port_again_and_says_so_when_it_cannot(tmp_path):
    data = tmp_path / "class"
    first, _ = _host(tmp_path, data)
    again, said_again = _host(tmp_path, data)
    assert again["resumed"] and again["url"] == first["url"]
    assert not again["address_changed"] and "ADDRESS HAS CHANGED" not in said_again

    port = int(first["url"].rsplit(":", 1)[1].strip("/"))
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        moved, said = _host(tmp_path, data)
    assert moved["url"] != first["url"] and moved["address_changed"] and moved["previous_url"] == first["url"]
    assert f"THE ADDRESS HAS CHANGED (port {port} is taken now): it was {first['url']}, it is now {moved['url']}" \
        in said
