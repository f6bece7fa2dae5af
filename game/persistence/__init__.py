"""Saves, autosaves and replays."""

from .replay import Divergence, restore, resume, scenario_of
from .saves import Save, SaveError, ScenarioRef, build, parse
from .store import SaveStore, write_atomic

__all__ = ["Divergence", "Save", "SaveError", "SaveStore", "ScenarioRef", "build", "parse", "restore", "resume",
           "scenario_of", "write_atomic"]
