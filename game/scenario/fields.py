"""Typed reading of located YAML nodes, collecting every problem on the way.

Each reader returns the value, or None after recording a problem, so a whole
file is checked in one pass and the author sees all that is wrong at once.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from .errors import Problem
from .yamlnodes import Node

ID_RE = re.compile(r"^[a-z][a-z0-9_\-]{0,47}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_TEXT = 4000
LATER = "reported_later"  # an item may cite a source published after the day it is shown only if it says so

# Past this many problems a file is not worth reading further: the rest are counted, not listed.
MAX_PROBLEMS = 100

_TYPE_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}


def month_days(year: int, month: int) -> int:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def join(path: str, key) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def describe(node: Node) -> str:
    if node.kind == "map":
        return "a mapping"
    if node.kind == "seq":
        return "a list"
    value = node.value
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"the text '{value}'" if len(str(value)) < 40 else "text"


def control_character(text: str, paragraphs: bool = False):
    """The first character in `text` that no screen or terminal should get: a control character (a line
    break is allowed in paragraphs) or half a surrogate pair, which no font or encoder takes. Else None."""
    if text.isprintable():
        return None
    allowed = "\n" if paragraphs else ""
    return next((c for c in text if c not in allowed and unicodedata.category(c) in ("Cc", "Cs")), None)


def character_name(c: str) -> str:
    what = "control character" if unicodedata.category(c) == "Cc" else "half surrogate"
    return f"{what} U+{ord(c):04X}"


class Ctx:
    def __init__(self, file: str):
        self.file = file
        self.problems: list = []
        self.unlisted = 0

    def error(self, where, path: str, message: str) -> None:
        line, col = where.mark if isinstance(where, Node) else where
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(self.file, line, col, path, message))
            return
        if not self.unlisted:
            self.first_unlisted = (line, col, path)
        self.unlisted += 1

    @property
    def count(self) -> int:
        """Every problem recorded so far, listed or not: a reader compares it before and after an entry."""
        return len(self.problems) + self.unlisted

    def report(self) -> list:
        """The problems found, and a last line for those left out."""
        if not self.unlisted:
            return list(self.problems)
        line, col, path = self.first_unlisted
        return self.problems + [Problem(self.file, line, col, path, f"and {self.unlisted} more problems from here "
                                                                    f"on, not listed: fix these {MAX_PROBLEMS} first")]

    def hint(self, value, options, cutoff=0.6) -> str:
        """The nearest of `options` to a misspelt `value`, or '' (also once the file has too many problems
        for hints to be worth their cost)."""
        if len(self.problems) >= MAX_PROBLEMS:
            return ""
        found = difflib.get_close_matches(str(value), list(options), n=1, cutoff=cutoff)
        return found[0] if found else ""

    # -- structure -----------------------------------------------------------

    def mapping(self, node, path, required=(), optional=()):
        """Check a mapping's keys; return {key: Node} or None."""
        if node is None:
            return None
        if node.kind != "map":
            self.error(node, path, f"expected a mapping, found {describe(node)}")
            return None
        known = tuple(required) + tuple(optional)
        for key, mark in node.key_marks.items():
            if key not in known:
                hint = self.hint(key, known)
                tip = f"; did you mean '{hint}'?" if hint else f"; valid keys: {', '.join(known)}"
                self.error(mark, join(path, str(key)), f"unknown key '{key}'{tip}")
        for key in required:
            if key not in node.value:
                self.error(node, path, f"missing required key '{key}'")
        return {k: v for k, v in node.value.items() if k in known}

    def seq(self, node, path, lo=0, hi=10_000):
        """A list's items; None for a list past its limit, whose items are then not read at all."""
        if node is None:
            return None
        if node.kind != "seq":
            self.error(node, path, f"expected a list, found {describe(node)}")
            return None
        if not lo <= len(node.value) <= hi:
            self.error(node, path, f"expected {lo} to {hi} entries, found {len(node.value)}")
            if len(node.value) > hi:
                return None
        return node.value

    def unique_ids(self, items, path, id_key="id"):
        """Record duplicate ids in a list of mappings; return the ids in order."""
        seen: dict = {}
        ids = []
        for i, item in enumerate(items or ()):
            if item.kind != "map" or id_key not in item.value:
                continue
            id_node = item.value[id_key]
            ident = id_node.value
            if not isinstance(ident, str):
                continue
            if ident in seen:
                self.error(id_node, join(join(path, i), id_key),
                           f"duplicate id '{ident}' (first at line {seen[ident]})")
            else:
                seen[ident] = id_node.line
                ids.append(ident)
        return ids

    # -- scalars -------------------------------------------------------------

    def _scalar(self, node, path, kinds, what):
        if node is None:
            return None
        if node.kind != "scalar" or isinstance(node.value, bool) and bool not in kinds \
                or not isinstance(node.value, kinds):
            self.error(node, path, f"expected {what}, found {describe(node)}")
            return None
        return node.value

    def text(self, node, path, max_len=MAX_TEXT, paragraphs=False):
        """Text to show on screen: one line, or with `paragraphs` line breaks too; no other control character."""
        value = self._scalar(node, path, (str,), "text")
        if value is None:
            return None
        if not value.strip():
            self.error(node, path, "must not be empty")
            return None
        if len(value) > max_len:
            self.error(node, path, f"text is {len(value)} characters; the limit is {max_len}")
            return None
        bad = control_character(value.strip(), paragraphs)
        if bad == "\n":
            self.error(node, path, "a line break cannot be in this text: it is shown on one line")
            return None
        if bad is not None:
            self.error(node, path, f"{character_name(bad)} cannot be in text")
            return None
        return value.strip()

    def ident(self, node, path):
        value = self._scalar(node, path, (str,), "an id")
        if value is not None and not ID_RE.match(value):
            self.error(node, path, f"'{value}' is not a valid id (lower-case letters, digits, '_' or '-')")
            return None
        return value

    def date(self, node, path):
        value = self._scalar(node, path, (str,), "a date YYYY-MM-DD")
        if value is not None and not DATE_RE.match(value):
            self.error(node, path, f"'{value}' is not a date YYYY-MM-DD")
            return None
        if value is not None:
            year, month, day = (int(part) for part in value.split("-"))
            if not (1 <= month <= 12 and 1 <= day <= month_days(year, month)):
                self.error(node, path, f"'{value}' is not a real date")
                return None
        return value

    def colour(self, node, path):
        value = self._scalar(node, path, (str,), "a colour '#rrggbb'")
        if value is not None and not COLOUR_RE.match(value):
            self.error(node, path, f"'{value}' is not a colour '#rrggbb'")
            return None
        return value

    def boolean(self, node, path, default=None):
        if node is None:
            return default
        return self._scalar(node, path, (bool,), "true or false")

    def later(self, fields: dict, path) -> bool | None:
        """An item's `reported_later` marking (see game/scenario/dates.py for the rule it relaxes)."""
        return self.boolean(fields.get(LATER), join(path, LATER), False)

    def integer(self, node, path, lo, hi):
        value = self._scalar(node, path, (int,), "a whole number")
        if value is not None and not lo <= value <= hi:
            self.error(node, path, f"{value} is out of range {lo}..{hi}")
            return None
        return value

    def number(self, node, path, lo, hi):
        value = self._scalar(node, path, (int, float), "a number")
        if value is not None and not lo <= value <= hi:
            self.error(node, path, f"{value} is out of range {lo}..{hi}")
            return None
        return None if value is None else float(value)

    def choice(self, node, path, allowed):
        value = self._scalar(node, path, (str,), f"one of {', '.join(allowed)}")
        if value is not None and value not in allowed:
            hint = self.hint(value, allowed)
            tip = f"; did you mean '{hint}'?" if hint else f"; expected one of {', '.join(allowed)}"
            self.error(node, path, f"'{value}' is not valid{tip}")
            return None
        return value

    def ref(self, node, path, what, known, extra=()):
        """Read an id that must name something defined elsewhere in the file."""
        value = self._scalar(node, path, (str,), f"a {what} id")
        if value is None:
            return None
        if value not in known and value not in extra:
            hint = self.hint(value, list(known) + list(extra))
            tip = f"; did you mean '{hint}'?" if hint else ""
            self.error(node, path, f"unknown {what} '{value}'{tip}")
            return None
        return value

    def refs(self, node, path, what, known, lo=0, hi=100):
        items = self.seq(node, path, lo, hi)
        if items is None:
            return None
        out = []
        for i, item in enumerate(items):
            value = self.ref(item, join(path, i), what, known)
            if value is not None:
                if value in out:
                    self.error(item, join(path, i), f"{what} '{value}' is listed twice")
                out.append(value)
        return tuple(out)
