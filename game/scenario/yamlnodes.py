"""Safe YAML reading into located nodes.

PyYAML's safe loader still expands aliases, recurses once per nesting level
and builds whatever the plain tags say, so this module checks the event stream
first (depth, alias count, expanded size, tags) and only then composes the
tree, keeping every node's line and column for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .errors import Problem

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 40
MAX_ALIASES = 200
MAX_NODES = 200_000

_PLAIN = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_PLAIN + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
# libyaml's parser is several times faster; it reports the same events and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Node:
    """A YAML value with where it was written (1-based line and column)."""
    kind: str      # "map", "seq" or "scalar"
    value: Any     # dict of key -> Node, list of Node, or a plain Python value
    line: int
    col: int
    key_marks: dict = None  # for maps: key -> (line, col) of the key itself

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
        raise _Failed([_yaml_problem(err, name)])
    if root is None:
        raise _Failed([Problem(name, 1, 1, "", "the file holds no YAML document")])
    problems: list = []
    node = _convert(root, name, problems)
    if problems:
        raise _Failed(problems)
    return node


def _decode(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise _Failed([Problem(name, 1, 1, "", f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}")])
    if not data.strip():
        raise _Failed([Problem(name, 1, 1, "", "file is empty")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise _Failed([Problem(name, line, col, "", f"byte 0x{data[err.start]:02x} is not valid UTF-8")])


def _yaml_problem(err: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = err.problem or err.context or "invalid YAML"
    return Problem(name, line, col, "", f"YAML syntax error: {what}")


def _check_events(text: str, name: str) -> None:
    """Refuse deep nesting, alias bombs and object tags before composing."""
    depth = 0
    aliases = 0
    sizes: dict = {}
    stack: list = [[0, None]]
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            line, col = event.start_mark.line + 1, event.start_mark.column + 1
            tag = getattr(event, "tag", None)
            if tag and tag not in ALLOWED_TAGS:
                raise _Failed([Problem(name, line, col, "", f"tag {_short(tag)} is not allowed; scenarios hold plain data only")])
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Failed([Problem(name, line, col, "", f"nesting is deeper than {MAX_DEPTH} levels")])
                stack.append([0, event.anchor])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                count, anchor = stack.pop()
                if anchor:
                    sizes[anchor] = count + 1
                stack[-1][0] += count + 1
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor:
                    sizes[event.anchor] = 1
                stack[-1][0] += 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise _Failed([Problem(name, line, col, "", f"more than {MAX_ALIASES} aliases")])
                stack[-1][0] += sizes.get(event.anchor, 1)
            if stack[0][0] + sum(s[0] for s in stack[1:]) > MAX_NODES:
                raise _Failed([Problem(name, line, col, "", f"aliases expand the document past {MAX_NODES:,} nodes")])
    except yaml.MarkedYAMLError as err:
        raise _Failed([_yaml_problem(err, name)])
    except yaml.YAMLError as err:
        raise _Failed([Problem(name, 1, 1, "", f"YAML error: {err}")])


def _short(tag: str) -> str:
    return "!!" + tag[len(_PLAIN):] if tag.startswith(_PLAIN) else tag


def _convert(node, name: str, problems: list) -> Node:
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        value: dict = {}
        marks: dict = {}
        for key_node, value_node in node.value:
            kline, kcol = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(name, kline, kcol, "", "a mapping key must be a plain value"))
                continue
            key = _scalar(key_node)
            if key in value:
                first = marks[key]
                problems.append(Problem(name, kline, kcol, "", f"duplicate key '{key}' (first at line {first[0]})"))
                continue
            marks[key] = (kline, kcol)
            value[key] = _convert(value_node, name, problems)
        return Node("map", value, line, col, marks)
    if isinstance(node, yaml.SequenceNode):
        return Node("seq", [_convert(n, name, problems) for n in node.value], line, col)
    return Node("scalar", _scalar(node), line, col)


def _scalar(node):
    value = _CONSTRUCTOR.construct_object(node, deep=True)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return value
