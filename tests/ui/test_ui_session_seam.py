"""The table scenes work from the TableSession interface alone, so the same scenes play a local game and a seat
at a class server: none imports the match or the engine's state, or reaches through the session for them.

The sources are read with `ast` (never imported), so scenes and panels added later are checked too.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "game" / "ui"
# Scenes that start or load a local game build a LocalSession; every other scene only uses one it is given.
STARTS_LOCAL_GAMES = {"seats.py", "load.py", "title.py", "choose.py", "settings.py"}
FORBIDDEN_MODULES = ("game.match", "game.engine.state", "game.persistence", "game.ui.session")
FORBIDDEN_THROUGH_SESSION = {"state", "match", "scenario", "store"}


def offences(source: str, filename: str = "<source>") -> list:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.level == 0 else \
                [f"game.ui.{node.module}" if node.level == 2 and node.module else ""]
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_THROUGH_SESSION and _is_session(node.value):
            found.append((node.lineno, f"reaches session.{node.attr}"))
            continue
        else:
            continue
        found += [(node.lineno, f"imports {n}") for n in names if n.startswith(FORBIDDEN_MODULES)]
    return found


def _is_session(node) -> bool:
    return isinstance(node, ast.Name) and node.id in ("session", "s") or \
        isinstance(node, ast.Attribute) and node.attr == "session"


def table_sources():
    return sorted(p for p in (UI / "scenes").glob("*.py") if p.name not in STARTS_LOCAL_GAMES) + \
        sorted((UI / "panels").glob("*.py"))


def test_table_scenes_use_only_the_session_interface():
    files = table_sources()
    assert {"table.py", "end.py", "resolution.py", "briefing.py", "compose.py"} <= {f.name for f in files}
    found = [f"{path.relative_to(UI.parents[1])}:{line}: {what}"
             for path in files for line, what in offences(path.read_text(encoding="utf-8"), str(path))]
    assert not found, "table scenes reaching past the TableSession interface:\n" + "\n".join(found)


def test_the_checker_finds_what_it_must():
    source = "\n".join([
        "from game.match import Match",        # 1
        "from ..session import LocalSession",  # 2
        "x = self.session.state.turn",         # 3
        "y = s.match.human_to_move()",         # 4
        "z = t.session.scenario.id",           # 5
        "w = self.session.observation(seat)",  # 6: the interface itself is fine
        "v = self.state.selected",             # 7: a widget's own state is not the game's
    ])
    assert sorted(line for line, _ in offences(source)) == [1, 2, 3, 4, 5]
