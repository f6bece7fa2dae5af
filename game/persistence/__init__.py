"""Saves, autosaves and replays."""

from .saves import Divergence, SaveError, build, parse, restore
from .store import SaveStore, write_atomic

__all__ = ["Divergence", "SaveError", "SaveStore", "build", "parse", "restore", "write_atomic"]
