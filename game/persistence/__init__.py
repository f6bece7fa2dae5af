"""Saves, autosaves and replays."""

from .saves import Divergence, SaveError, build, parse, restore, restore_match
from .store import SaveStore, write_atomic

__all__ = ["Divergence", "SaveError", "SaveStore", "build", "parse", "restore", "restore_match", "write_atomic"]
