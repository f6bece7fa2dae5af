"""Seat passes kept between runs of `join`, one per class, so a restarted client takes its seat back.

A class is its server's address and its class code: the same laptop may host another class
tomorrow on the same address. The file sits beside the saves folder (~/.summit/seats.json),
readable only by its owner, since a pass lets whoever holds it play the seat.
"""

from __future__ import annotations

import json
from pathlib import Path

from game.persistence import write_atomic
from game.persistence.store import default_dir
from game.server.identity import normal_code

from .connection import ws_url


def passes_path() -> Path:
    return default_dir().parent / "seats.json"


def bot_passes_path() -> Path:
    """Bots keep theirs apart: a laptop may run a person's `join` and several bots in one class."""
    return default_dir().parent / "bot-seats.json"


def class_key(url: str, code: str) -> str:
    return f"{ws_url(url)} {normal_code(code)}"


class SeatPasses:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else passes_path()

    def _read(self) -> dict[str, str]:
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in stored.items() if isinstance(k, str) and isinstance(v, str)} \
            if isinstance(stored, dict) else {}

    def get(self, url: str, code: str, seat: str = "") -> str | None:
        return self._read().get(_key(url, code, seat))

    def put(self, url: str, code: str, token: str, seat: str = "") -> str:
        """Keep the pass; return '' or why it could not be kept (the seat still works until the client closes).
        A person keeps one pass a class; a bot one for each seat it plays (`seat`, with its table)."""
        passes = self._read()
        passes[_key(url, code, seat)] = token
        return self._write(passes)

    def forget(self, url: str, code: str, seat: str = "") -> str:
        passes = self._read()
        if passes.pop(_key(url, code, seat), None) is None:
            return ""
        return self._write(passes)

    def _write(self, passes: dict[str, str]) -> str:
        try:
            write_atomic(self.path, json.dumps(passes, indent=1, sort_keys=True), mode=0o600)
        except OSError as err:
            return f"The seat pass could not be kept in {self.path} ({err}); if Summit closes, join with the " \
                   "class code again and ask your teacher to move you back to your seat."
        return ""


def _key(url: str, code: str, seat: str) -> str:
    return f"{class_key(url, code)} {seat}".rstrip()
