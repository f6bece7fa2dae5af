"""Player settings (text size, fullscreen, AI pace), kept in a small JSON file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from game.persistence import write_atomic
from game.persistence.store import default_dir

from .theme import TEXT_SIZES

PACES = (("Watch each move", 0.6), ("Brisk", 0.25), ("Instant", 0.0))
DEFAULTS = {"text_size": 1, "fullscreen": False, "pace": 1, "player": ""}


def settings_path() -> Path:
    # Beside the saves folder, not in it, so it is never listed as a save.
    return Path(os.environ.get("SUMMIT_SETTINGS") or default_dir().parent / "settings.json")


class Settings:
    def __init__(self, path=None):
        self.path = Path(path) if path else settings_path()
        self.values: dict[str, Any] = dict(DEFAULTS)
        self.problem = ""
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            stored = {}
        except (OSError, ValueError) as err:
            self.problem = f"Settings file {self.path} could not be read ({err}); using defaults."
            stored = {}
        if isinstance(stored, dict):
            for key, default in DEFAULTS.items():
                if isinstance(stored.get(key), type(default)):
                    self.values[key] = stored[key]
        self.values["text_size"] = min(max(0, self.values["text_size"]), len(TEXT_SIZES) - 1)
        self.values["pace"] = min(max(0, self.values["pace"]), len(PACES) - 1)

    @property
    def text_scale(self) -> float:
        return TEXT_SIZES[self.values["text_size"]][1]

    @property
    def ai_delay(self) -> float:
        return PACES[self.values["pace"]][1]

    def set(self, key, value) -> str:
        """Change and store a setting; return a problem to show, or ''."""
        self.values[key] = value
        try:
            write_atomic(self.path, json.dumps(self.values, indent=1, sort_keys=True))
        except OSError as err:
            return f"The setting applies now but could not be stored: {err}"
        return ""
