"""The closed vocabulary of conditions and effects, and issue option labels.

A condition or an effect is a mapping with exactly one key naming what it
is; nothing is evaluated as code. The engine interprets the objects built
here; docs/scenario-format.md lists them for authors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .fields import Ctx, describe, join
from .model import STAT_IDS, Condition, Effect

CONTESTED = "contested"

BOUNDED = ("at_least", "at_most")
CONDITIONS = {
    "agreed": (("issue",), ("option",) + BOUNDED),
    "stat": (("seat", "stat"), BOUNDED),
    "trust": (("from", "to"), BOUNDED),
    "track": (("track",), BOUNDED),
    "controls": (("seat", "region"), ()),
    "moved": (("seat", "move"), ()),
    "broke": (("seat",), ()),
    "turn": ((), BOUNDED),
    "happened": None,
    "all": None,
    "any": None,
    "not": None,
}
EFFECTS = {
    "stat": (("seat", "stat", "add"), ()),
    "trust": (("from", "to", "add"), ("mutual",)),
    "track": (("track", "add"), ()),
    "control": (("region", "seat"), ()),
    "site": (("site", "seat"), ()),
    "open_issue": None,
    "close_issue": None,
}
MAX_CONDITION_DEPTH = 8


@dataclass
class Known:
    """Ids defined in the file, so references can be checked as they are read."""
    seats: tuple = ()
    issues: dict = field(default_factory=dict)  # id -> (kind, options)
    moves: tuple = ()
    move_seats: dict = field(default_factory=dict)  # move id -> the seat that makes it
    regions: tuple = ()
    sites: tuple = ()
    tracks: dict = field(default_factory=dict)  # id -> (min, max)
    events: tuple = ()
    sources: tuple = ()
    turns: int = 30


def option_label(kind: str, options, raw):
    """The option label a YAML value names for an issue, or None."""
    if kind == "yesno":
        if raw is True or raw == "yes":
            return "yes"
        if raw is False or raw == "no":
            return "no"
        return None
    if kind in ("number", "quantity"):
        if isinstance(raw, bool):
            return None
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if isinstance(raw, str) and raw.lstrip("-").isdigit():
            raw = int(raw)
        label = str(raw) if isinstance(raw, int) else None
        return label if label in options else None
    return raw if isinstance(raw, str) and raw in options else None


def read_option(ctx: Ctx, node, path, known: Known, issue_id):
    if node is None or issue_id not in known.issues:
        return None
    kind, options = known.issues[issue_id]
    label = option_label(kind, options, node.value if node.kind == "scalar" else None)
    if label is None:
        shown = ", ".join(options) if len(options) <= 12 else f"{options[0]}..{options[-1]}"
        ctx.error(node, path, f"{describe(node)} is not an option of issue '{issue_id}' ({shown})")
    return label


def _single_key(ctx: Ctx, node, path, vocabulary, what):
    if node is None:
        return None, None
    if node.kind != "map" or len(node.value) != 1:
        ctx.error(node, path, f"a {what} is a mapping with exactly one key, one of: {', '.join(vocabulary)}")
        return None, None
    (key, value), = node.value.items()
    if key not in vocabulary:
        hint = ctx.hint(key, vocabulary, cutoff=0.5)
        tip = f"; did you mean '{hint}'?" if hint else f"; valid: {', '.join(vocabulary)}"
        ctx.error(node.key_marks[key], join(path, key), f"unknown {what} '{key}'{tip}")
        return None, None
    return key, value


def _bounds(ctx, fields, path, lo, hi):
    args = []
    for key in BOUNDED:
        if key in fields:
            value = ctx.integer(fields[key], join(path, key), lo, hi)
            if value is not None:
                args.append((key, value))
    return args


def read_condition(ctx: Ctx, node, path, known: Known, depth=0):
    kind, body = _single_key(ctx, node, path, CONDITIONS, "condition")
    if kind is None:
        return None
    where = join(path, kind)
    if depth > MAX_CONDITION_DEPTH:
        ctx.error(node, path, f"conditions nest deeper than {MAX_CONDITION_DEPTH} levels")
        return None
    if kind in ("all", "any"):
        items = ctx.seq(body, where, 1, 20) or ()
        children = [read_condition(ctx, c, join(where, i), known, depth + 1) for i, c in enumerate(items)]
        return None if None in children else Condition(kind, (), tuple(children))
    if kind == "not":
        child = read_condition(ctx, body, where, known, depth + 1)
        return None if child is None else Condition(kind, (), (child,))
    if kind == "happened":
        event = ctx.ref(body, where, "event", known.events)
        return None if event is None else Condition(kind, (("event", event),))
    required, optional = CONDITIONS[kind]
    fields = ctx.mapping(body, where, required, optional)
    if fields is None:
        return None
    before = len(ctx.problems)
    args = _condition_args(ctx, kind, fields, where, known)
    if kind in ("stat", "trust", "track", "turn") and not any(k in fields for k in BOUNDED):
        ctx.error(body, where, "give at_least, at_most or both")
    if len(ctx.problems) > before:
        return None
    return Condition(kind, tuple(sorted(args)))


def _condition_args(ctx, kind, fields, where, known):
    args = []
    if kind == "agreed":
        issue = ctx.ref(fields.get("issue"), join(where, "issue"), "issue", known.issues)
        args.append(("issue", issue))
        for key in ("option",) + BOUNDED:
            if key in fields:
                args.append((key, read_option(ctx, fields[key], join(where, key), known, issue)))
    elif kind == "stat":
        args.append(("seat", ctx.ref(fields.get("seat"), join(where, "seat"), "seat", known.seats)))
        args.append(("stat", ctx.choice(fields.get("stat"), join(where, "stat"), STAT_IDS)))
        args += _bounds(ctx, fields, where, 0, 100)
    elif kind == "trust":
        args.append(("from", ctx.ref(fields.get("from"), join(where, "from"), "seat", known.seats)))
        args.append(("to", ctx.ref(fields.get("to"), join(where, "to"), "seat", known.seats)))
        args += _bounds(ctx, fields, where, 0, 100)
    elif kind == "track":
        track = ctx.ref(fields.get("track"), join(where, "track"), "track", known.tracks)
        lo, hi = known.tracks.get(track, (-10**9, 10**9))
        args.append(("track", track))
        args += _bounds(ctx, fields, where, lo, hi)
    elif kind == "controls":
        args.append(("seat", ctx.ref(fields.get("seat"), join(where, "seat"), "seat", known.seats)))
        args.append(("region", ctx.ref(fields.get("region"), join(where, "region"), "region", known.regions)))
    elif kind == "moved":
        args.append(("seat", ctx.ref(fields.get("seat"), join(where, "seat"), "seat", known.seats)))
        args.append(("move", ctx.ref(fields.get("move"), join(where, "move"), "move", known.moves)))
    elif kind == "broke":
        args.append(("seat", ctx.ref(fields.get("seat"), join(where, "seat"), "seat", known.seats)))
    elif kind == "turn":
        args += _bounds(ctx, fields, where, 1, known.turns)
    return args


def read_effect(ctx: Ctx, node, path, known: Known):
    kind, body = _single_key(ctx, node, path, EFFECTS, "effect")
    if kind is None:
        return None
    where = join(path, kind)
    if kind in ("open_issue", "close_issue"):
        issue = ctx.ref(body, where, "issue", known.issues)
        return None if issue is None else Effect(kind, (("issue", issue),))
    required, optional = EFFECTS[kind]
    fields = ctx.mapping(body, where, required, optional)
    if fields is None:
        return None
    before = len(ctx.problems)
    args = []
    if kind == "stat":
        args.append(("seat", ctx.ref(fields.get("seat"), join(where, "seat"), "seat", known.seats)))
        args.append(("stat", ctx.choice(fields.get("stat"), join(where, "stat"), STAT_IDS)))
        args.append(("add", ctx.integer(fields.get("add"), join(where, "add"), -100, 100)))
    elif kind == "trust":
        args.append(("from", ctx.ref(fields.get("from"), join(where, "from"), "seat", known.seats)))
        args.append(("to", ctx.ref(fields.get("to"), join(where, "to"), "seat", known.seats)))
        args.append(("add", ctx.integer(fields.get("add"), join(where, "add"), -100, 100)))
        args.append(("mutual", ctx.boolean(fields.get("mutual"), join(where, "mutual"), False)))
    elif kind == "track":
        args.append(("track", ctx.ref(fields.get("track"), join(where, "track"), "track", known.tracks)))
        args.append(("add", ctx.integer(fields.get("add"), join(where, "add"), -10**9, 10**9)))
    elif kind in ("control", "site"):
        target, pool = ("region", known.regions) if kind == "control" else ("site", known.sites)
        args.append((target, ctx.ref(fields.get(target), join(where, target), target, pool)))
        args.append(("seat", ctx.ref(fields.get("seat"), join(where, "seat"), "seat", known.seats, (CONTESTED,))))
    if len(ctx.problems) > before or any(v is None for _, v in args):
        return None
    return Effect(kind, tuple(sorted(args)))


def read_effects(ctx: Ctx, node, path, known: Known):
    if node is None:
        return ()
    items = ctx.seq(node, path, 0, 50) or ()
    out = [read_effect(ctx, item, join(path, i), known) for i, item in enumerate(items)]
    return tuple(e for e in out if e is not None)
