"""Where Summit keeps the player's own files: ~/.summit, unless the environment names other folders."""

from __future__ import annotations

import os
from pathlib import Path

SAVES_ENV = "SUMMIT_SAVE_DIR"
SCENARIOS_ENV = "SUMMIT_SCENARIO_DIR"


def data_dir() -> Path:
    return Path.home() / ".summit"


def saves_dir() -> Path:
    return Path(os.environ.get(SAVES_ENV) or data_dir() / "saves")


def scenarios_dir() -> Path:
    """The player's scenarios folder: every .yaml file in it is offered under New game."""
    return Path(os.environ.get(SCENARIOS_ENV) or data_dir() / "scenarios")
