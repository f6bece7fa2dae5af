"""The engine and the scenario loader stay pure: no I/O, no clock, no global randomness.

Every .py file under game/engine and game/scenario is read with `ast` (never
imported), so whatever is added there later is checked too.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PURE_PACKAGES = ("game/engine", "game/scenario")
FORBIDDEN_MODULES = frozenset({
    "pygame", "os", "sys", "io", "pathlib", "time", "datetime", "random", "socket",
    "subprocess", "threading", "shutil", "tempfile",
})
# __import__ would get round the import check
FORBIDDEN_CALLS = frozenset({"open", "print", "input", "__import__"})


def impurities(source: str, filename: str = "<source>"):
    """(line, what) for every forbidden import or call in one module's source."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module] if node.level == 0 and node.module else []
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            found.append((node.lineno, f"calls {node.func.id}()"))
            continue
        else:
            continue
        for name in names:
            if name.split(".")[0] in FORBIDDEN_MODULES:
                found.append((node.lineno, f"imports {name}"))
    return sorted(found)


def pure_files():
    files = []
    for package in PURE_PACKAGES:
        files += sorted((REPO / package).rglob("*.py"))
    return files


def test_engine_and_scenario_are_pure():
    files = pure_files()
    assert any(f.parent.name == "scenario" for f in files), "found no game/scenario sources to check"
    offences = []
    for path in files:
        for line, what in impurities(path.read_text(encoding="utf-8"), str(path)):
            offences.append(f"{path.relative_to(REPO)}:{line}: {what}")
    assert not offences, "impure code in the engine or loader:\n" + "\n".join(offences)


def test_the_checker_finds_what_it_must():
    source = "\n".join([
        "import os",                       # 1
        "import os.path as p",             # 2
        "from pathlib import Path",        # 3
        "import numpy, random",            # 4
        "from datetime import date",       # 5
        "print('x')",                      # 6
        "f = open('x')",                   # 7
        "def g():",                        # 8
        "    return input()",              # 9
        "m = __import__('socket')",        # 10
        "from . import sys",               # 11: a sibling module named sys, not the stdlib
        "from .time import x",             # 12: likewise
        "import numpy as np, yaml, hashlib, re",
        "self.print('fine'); log.open()",  # methods are not the builtins
    ])
    found = impurities(source)
    assert [line for line, _ in found] == [1, 2, 3, 4, 5, 6, 7, 9, 10]
    assert (4, "imports random") in found and (7, "calls open()") in found
