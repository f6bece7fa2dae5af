"""Saves, autosaves and replays."""

from .replay import Divergence, restore, restore_match, resume, resume_match, scenario_of
from .saves import Save, SaveError, ScenarioRef, build, parse
from .store import SaveStore, write_atomic

__all__ = ["Divergence", "Save", "SaveError", "SaveStore", "ScenarioRef", "build", "parse", "restore", "restore_match",
           "resume", "resume_match", "scenario_of", "write_atomic"]
