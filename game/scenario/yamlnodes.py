"""Safe YAML reading into located nodes.

PyYAML's safe loader still expands aliases, recurses once per nesting level
and builds whatever the plain tags say, so this module checks the event stream
first (depth, alias count, expanded size, tags) and only then composes the
tree, keeping every node's line and column for error messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import yaml

from .errors import Problem

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 40
MAX_ALIASES = 200
MAX_NODES = 200_000

_PLAIN = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_PLAIN + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
# libyaml's parser is several times faster; it reports the same events and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What a scalar or a list has for key marks: one read-only empty mapping, shared by all of them.
NO_MARKS: Mapping[Any, tuple[int, int]] = MappingProxyType({})


@dataclass
class Node:
    """A YAML value with where it was written (1-based line and column)."""
    kind: str      # "map", "seq" or "scalar"
    value: Any     # dict of key -> Node, list of Node, or a plain Python value
    line: int
    col: int
    # For maps: key -> (line, col) of the key itself.
    key_marks: Mapping[Any, tuple[int, int]] = field(default_factory=lambda: NO_MARKS)

    @property
    def mark(self):
        return (self.line, self.col)


class _Failed(Exception):
    def __init__(self, problems):
        self.problems = problems


def parse_yaml(data: bytes, name: str) -> Node:
    """Return the document's root node or raise _Failed with problems."""
    text = _decode(data, name)
    _check_events(text, name)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        raise _Failed([_yaml_problem(err, name)]) from None
    if root is None:
        raise _Failed([Problem(name, 1, 1, "", "the file holds no YAML document")])
    problems: list = []
    # A constructor remembers every node it built, so each document gets its own, dropped with it.
    node = _convert(root, name, problems, yaml.constructor.SafeConstructor())
    if problems:
        raise _Failed(problems)
    return node


def _decode(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        # the caller may read only MAX_BYTES + 1 bytes, so the true size is unknown here
        raise _Failed([Problem(name, 1, 1, "", f"file is over the limit of {MAX_BYTES:,} bytes (4 MiB)")])
    if not data.strip():
        raise _Failed([Problem(name, 1, 1, "", "file is empty")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8")) + 1  # characters, not bytes
        raise _Failed([Problem(name, line, col, "", f"byte 0x{data[err.start]:02x} is not valid UTF-8")]) from None


def _yaml_problem(err: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = err.problem or err.context or "invalid YAML"
    return Problem(name, line, col, "", f"YAML syntax error: {what}")


def _check_events(text: str, name: str, loader=_LOADER) -> None:
    """Refuse deep nesting, alias bombs and object tags before composing."""
    depth = 0
    aliases = 0
    written = 0  # nodes as written, before any alias is expanded
    sizes: dict = {}
    heights: dict = {}
    stack: list = [[0, None, 0]]  # [nodes inside, anchor, levels of nesting inside]
    try:
        for event in yaml.parse(text, Loader=loader):
            mark = event.start_mark
            assert mark is not None, "the parser marks where each event starts"
            line, col = mark.line + 1, mark.column + 1
            tag = getattr(event, "tag", None)
            if tag and tag not in ALLOWED_TAGS:
                raise _Failed([Problem(name, line, col, "",
                                       f"tag {_short(tag)} is not allowed; scenarios hold plain data only")])
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Failed([Problem(name, line, col, "", f"nesting is deeper than {MAX_DEPTH} levels")])
                stack.append([0, event.anchor, 0])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                count, anchor, height = stack.pop()
                if anchor:
                    sizes[anchor] = count + 1
                    heights[anchor] = height + 1
                stack[-1][0] += count + 1
                stack[-1][2] = max(stack[-1][2], height + 1)
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor:
                    sizes[event.anchor] = 1
                stack[-1][0] += 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise _Failed([Problem(name, line, col, "", f"more than {MAX_ALIASES} aliases")])
                if any(entry[1] == event.anchor for entry in stack):
                    raise _Failed([Problem(name, line, col, "", f"alias *{event.anchor} is inside the node it names "
                                                                "(a recursive alias)")])
                stack[-1][0] += sizes.get(event.anchor, 1)
                height = heights.get(event.anchor, 0)
                if depth + height > MAX_DEPTH:
                    raise _Failed([Problem(name, line, col, "",
                                           f"nesting through aliases is deeper than {MAX_DEPTH} levels")])
                stack[-1][2] = max(stack[-1][2], height)
            if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                written += 1
            if written > MAX_NODES:
                raise _Failed([Problem(name, line, col, "", f"the document holds more than {MAX_NODES:,} values")])
            if stack[0][0] + sum(s[0] for s in stack[1:]) > MAX_NODES:
                raise _Failed([Problem(name, line, col, "", f"aliases expand the document past {MAX_NODES:,} nodes")])
    except yaml.MarkedYAMLError as err:
        if loader is not yaml.SafeLoader and "nesting depth" in (err.problem or ""):
            # newer libyaml stops at its own depth limit while scanning ahead, before we see the level
            # that crossed ours; the pure-Python parser scans less far ahead and finds where that was
            _check_events(text, name, yaml.SafeLoader)
        raise _Failed([_yaml_problem(err, name)]) from None
    except yaml.reader.ReaderError as err:
        # libyaml gives a byte offset, PyYAML a character index: find the character instead
        pos = max(text.find(chr(err.character)), 0) if isinstance(err.character, int) else 0
        line, col = text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
        problem = Problem(name, line, col, "", f"character #x{err.character:04x} is not allowed in YAML")
        raise _Failed([problem]) from None
    except yaml.YAMLError as err:
        raise _Failed([Problem(name, 1, 1, "", f"YAML error: {err}")]) from None


def _short(tag: str) -> str:
    return "!!" + tag[len(_PLAIN):] if tag.startswith(_PLAIN) else tag


def _join(path: str, key) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _convert(node, name: str, problems: list, constructor, path: str = "") -> Node:
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        value: dict = {}
        marks: dict = {}
        for key_node, value_node in node.value:
            kline, kcol = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(name, kline, kcol, "", "a mapping key must be a plain value"))
                continue
            key = _scalar(key_node, name, problems, constructor, path)
            where = _join(path, str(key))
            if key in value:
                first = marks[key]
                problems.append(Problem(name, kline, kcol, where, f"duplicate key '{key}' (first at line {first[0]})"))
                continue
            marks[key] = (kline, kcol)
            value[key] = _convert(value_node, name, problems, constructor, where)
        return Node("map", value, line, col, marks)
    if isinstance(node, yaml.SequenceNode):
        return Node("seq", [_convert(n, name, problems, constructor, _join(path, i)) for i, n in enumerate(node.value)],
                    line, col)
    return Node("scalar", _scalar(node, name, problems, constructor, path), line, col)


_KIND_NAMES = {"int": "whole number", "float": "number", "bool": "boolean (true or false)",
               "timestamp": "date YYYY-MM-DD"}


def _scalar(node, name, problems, constructor, path):
    """The plain value of a scalar; None after recording a problem if it cannot be read."""
    tag = node.tag[len(_PLAIN):] if node.tag.startswith(_PLAIN) else node.tag
    if tag == "value":  # YAML 1.1 reads a bare '=' as a "value key"; here it is text
        return node.value
    try:
        if tag == "merge":
            raise ValueError("merge keys ('<<') are not supported; write the keys out")
        value = constructor.construct_object(node, deep=True)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, yaml.YAMLError) as err:
        shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        if tag == "merge":
            message = str(err)
        elif tag in _KIND_NAMES:
            detail = f" ({err})" if tag == "timestamp" and isinstance(err, ValueError) else ""
            message = f"'{shown}' is not a valid {_KIND_NAMES[tag]}{detail}"
        else:
            message = f"'{shown}' cannot be read as !!{tag}"
        problems.append(Problem(name, node.start_mark.line + 1, node.start_mark.column + 1, path, message))
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return value
