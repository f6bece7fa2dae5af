"""Scenario files: a closed YAML vocabulary turned into immutable objects."""

from .errors import Problem, ScenarioError
from .loader import FORMAT_VERSION, parse_scenario
from .model import Origin, Place, Scenario

__all__ = ["FORMAT_VERSION", "Origin", "Place", "Problem", "Scenario", "ScenarioError", "parse_scenario"]
