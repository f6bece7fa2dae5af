"""Problems found in a scenario file, each pointing at a line and column."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


def printable(text: str) -> str:
    """Text safe to print on a terminal: control and format characters written as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c == " " or unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Zl", "Zp")
                   else c.encode("unicode_escape", "backslashreplace").decode("ascii") for c in text)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return printable(f"{self.file}:{self.line}:{self.col}: {where}{self.message}")


class ScenarioError(Exception):
    """Raised with every problem of a file, not just the first."""

    def __init__(self, problems):
        self.problems = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(p) for p in self.problems))
