"""Scenario files: a closed YAML vocabulary turned into immutable objects."""

from .errors import Problem, ScenarioError
from .loader import FORMAT_VERSION, parse_scenario
from .model import Scenario

__all__ = ["FORMAT_VERSION", "Problem", "Scenario", "ScenarioError", "parse_scenario"]
