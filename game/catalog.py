"""Finding and reading scenario files: those shipped with the game, the player's own folder, any path.

The parser in game.scenario is pure; this is the one place that opens scenario files, and
`load_scenario(ID|PATH)` is the one lookup every command uses.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from game.home import scenarios_dir
from game.scenario import Origin, Place, Problem, Scenario, ScenarioError, parse_scenario
from game.scenario.fields import ID_RE
from game.scenario.yamlnodes import MAX_BYTES

# Package data, so an ordinary install finds them; a Traversable (a Path unless installed in a zip).
SCENARIO_DIR = resources.files("game") / "scenarios"
SUFFIXES = (".yaml", ".yml")


def read_scenario_file(path, place: Place | None = None) -> Scenario:
    """Load one file (a path, or a shipped Traversable); raise ScenarioError with located problems on any failure."""
    return _read(path, place)[0]


def _read(path, place: Place | None = None) -> tuple:
    """(scenario, the file's bytes, its name for messages) for one file."""
    name = str(path)
    p = Path(path) if isinstance(path, (str, os.PathLike)) else path
    try:
        if not p.exists():
            raise ScenarioError([Problem(name, 0, 0, "", "no such file")])
        if not p.is_file():
            raise ScenarioError([Problem(name, 0, 0, "", "not a file")])
        with p.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        where = os.path.abspath(p) if isinstance(p, os.PathLike) else ""
    except OSError as err:
        raise ScenarioError([Problem(name, 0, 0, "", f"cannot read: {err.strerror or err}")]) from None
    scenario = parse_scenario(data, name)
    if place is None:
        place = Place.SHIPPED if _within(where, SCENARIO_DIR) else Place.USER if _within(where, scenarios_dir()) \
            else Place.FILE
    return replace(scenario, origin=Origin(place, "" if place is Place.SHIPPED else where)), data, name


def _within(path: str, folder) -> bool:
    if not path or not isinstance(folder, os.PathLike):
        return False
    try:
        return Path(path).parent.resolve() == Path(folder).resolve()
    except OSError:
        return False


def scenario_paths() -> list:
    """The shipped scenario files, one per id (the file is named after it)."""
    return sorted((p for p in SCENARIO_DIR.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)


def shipped_scenarios() -> list:
    return [read_scenario_file(p, Place.SHIPPED) for p in scenario_paths()]


def user_paths() -> list:
    """The scenario files in the player's folder, by name; none if the folder is missing or unreadable."""
    try:
        return sorted(p for p in scenarios_dir().iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    except OSError:
        return []


@dataclass(frozen=True)
class Entry:
    """One line of the New game list: a scenario that can be played, or a file of the player's that cannot."""
    path: Path
    place: Place
    scenario: Scenario | None = None
    problems: tuple = ()


def _entry(path, place: Place) -> Entry:
    try:
        return Entry(path, place, read_scenario_file(path, place))
    except ScenarioError as err:
        return Entry(path, place, problems=err.problems)


def listing() -> list:
    """Every scenario a player can start: the shipped ones, then the player's own folder."""
    return [_entry(p, Place.SHIPPED) for p in scenario_paths()] + yours()


def yours() -> list:
    """The entries of the player's own scenarios folder."""
    return [_entry(p, Place.USER) for p in user_paths()]


def load_scenario(ref) -> Scenario:
    """A scenario by ID (shipped, or in the player's folder) or by PATH to any scenario file.

    Raises ScenarioError: located problems for a file, or what there is for an unknown id.
    """
    text = str(ref)
    if not ID_RE.match(text):  # a path: it has a '/', a '.', or some other character no id has
        return read_scenario_file(text)
    shipped = SCENARIO_DIR / f"{text}.yaml"
    if shipped.is_file():
        return read_scenario_file(shipped, Place.SHIPPED)
    mine = [e for e in yours() if e.scenario and e.scenario.id == text]
    if len(mine) == 1:
        return mine[0].scenario
    if mine:
        files = ", ".join(e.path.name for e in mine)
        raise ScenarioError([Problem(text, 0, 0, "", f"several files in {scenarios_dir()} have the id '{text}' "
                                                      f"({files}): give the PATH of the one you mean")])
    if Path(text).is_file():
        return read_scenario_file(text)
    raise ScenarioError([Problem(text, 0, 0, "", unknown_id(text))])


def scenario_source(ref) -> tuple:
    """(scenario, the bytes of its file, the file's name) for a scenario named as load_scenario takes it: for
    keeping the scenario itself (a class server does, so a restart needs no file)."""
    scenario = load_scenario(ref)
    path = scenario.origin.path or SCENARIO_DIR / f"{scenario.id}.yaml"
    again, data, name = _read(path, scenario.origin.place)
    if again.content_hash != scenario.content_hash:
        raise ScenarioError([Problem(name, 0, 0, "", "the file changed while it was being read")])
    return again, data, name


def unknown_id(text: str) -> str:
    shipped = ", ".join(p.name.rsplit(".", 1)[0] for p in scenario_paths()) or "none"
    ids = sorted({e.scenario.id for e in yours() if e.scenario})
    mine = f"; in {scenarios_dir()}: {', '.join(ids)}" if ids else f"; none in {scenarios_dir()}"
    return f"no scenario with id '{text}' (shipped: {shipped}{mine}); give an id, or the PATH of a scenario file"
