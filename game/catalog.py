"""Finding and reading scenario files on disk.

The parser in game.scenario is pure; this is the one place that opens files.
"""

from __future__ import annotations

from pathlib import Path

from game.scenario import Problem, Scenario, ScenarioError, parse_scenario
from game.scenario.yamlnodes import MAX_BYTES

SCENARIO_DIR = Path(__file__).resolve().parent.parent / "scenarios"


def read_scenario_file(path) -> Scenario:
    """Load one file; raise ScenarioError with located problems on any failure."""
    name = str(path)
    p = Path(path)
    try:
        if not p.exists():
            raise ScenarioError([Problem(name, 0, 0, "", "no such file")])
        if not p.is_file():
            raise ScenarioError([Problem(name, 0, 0, "", "not a file")])
        with p.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise ScenarioError([Problem(name, 0, 0, "", f"cannot read: {err.strerror or err}")]) from None
    return parse_scenario(data, name)


def scenario_paths():
    return sorted(SCENARIO_DIR.glob("*.yaml"))


def load_scenario(scenario_id_or_path) -> Scenario:
    """A shipped scenario by id (`moscow-2020`), or any scenario file by path."""
    text = str(scenario_id_or_path)
    candidate = SCENARIO_DIR / f"{text}.yaml"
    if "/" not in text and not text.endswith((".yaml", ".yml")) and candidate.exists():
        return read_scenario_file(candidate)
    if "/" not in text and not text.endswith((".yaml", ".yml")):
        known = ", ".join(p.stem for p in scenario_paths()) or "none"
        raise ScenarioError([Problem(text, 0, 0, "", f"no scenario with id '{text}' (shipped: {known})")])
    return read_scenario_file(text)


def shipped_scenarios():
    return [read_scenario_file(p) for p in scenario_paths()]
