"""The registry: each kind of condition and effect is one class, found by the key that names it.

A condition or an effect is written as a mapping with exactly one key, the kind's `name`; nothing
is evaluated as code. The class registered under that name owns everything about its kind: its
fields (the dataclass fields; a field's file key is its name unless `key` metadata says otherwise),
how it is read and checked (`read`, or `parse` for a body that is not a mapping), what it means
(`holds` for a condition, `apply` for an effect), its one wording (`words`) and its plain-data form
(`to_data` and the registry's `*_from_data`, for observations and the protocol). Nothing else
matches on a kind's name: the loader, the rules, the AI leaders and every screen ask the class.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import ClassVar, Protocol

from ..fields import Ctx, join
from ..model import STAT_IDS
from .known import Known, read_option
from .names import Names

MAX_CONDITION_DEPTH = 8
BOUNDS = ("at_least", "at_most")


class Facts(Protocol):
    """What a condition may ask: a state's facts (the rules), or what a seat sees and expects (the AI)."""
    turn: int

    def options(self, issue: str) -> tuple: ...
    def agreed(self, issue: str) -> str | None: ...
    def stat(self, seat: str, stat: str) -> int: ...
    def trust(self, truster: str, trusted: str) -> int: ...
    def track(self, track: str) -> int: ...
    def holder(self, region: str) -> str: ...
    def moved(self, seat: str, move: str) -> bool: ...
    def broke(self, seat: str) -> bool: ...
    def happened(self, event: str) -> bool: ...


class World(Facts, Protocol):
    """Facts an effect can change; a holder of "" is nobody (contested)."""

    def track_range(self, track: str) -> tuple: ...
    def set_stat(self, seat: str, stat: str, value: int) -> None: ...
    def set_trust(self, truster: str, trusted: str, value: int) -> None: ...
    def set_track(self, track: str, value: int) -> None: ...
    def set_holder(self, region: str, seat: str) -> None: ...
    def set_site_holder(self, site: str, seat: str) -> None: ...
    def set_open(self, issue: str, is_open: bool) -> None: ...


class Reader:
    """One entry's body as it is read: typed fields, each problem located, ids checked against the file's."""

    def __init__(self, ctx: Ctx, known: Known, node, path: str, depth: int = 0):
        self.ctx, self.known, self.node, self.path, self.depth = ctx, known, node, path, depth
        self.fields: dict = {}

    def open(self, keys) -> bool:
        """Check the body is a mapping with the entry's keys (a hint for a misspelt one)."""
        required = [key for key, _, needed in keys if needed]
        optional = [key for key, _, needed in keys if not needed]
        found = self.ctx.mapping(self.node, self.path, required, optional)
        self.fields = found or {}
        return found is not None

    def _at(self, key: str) -> str:
        return join(self.path, key)

    def ref(self, key: str, what: str, pool, extra=()):
        return self.ctx.ref(self.fields.get(key), self._at(key), what, pool, extra)

    def seat(self, key: str = "seat", extra=()):
        return self.ref(key, "seat", self.known.seats, extra)

    def stat(self, key: str = "stat"):
        return self.ctx.choice(self.fields.get(key), self._at(key), STAT_IDS)

    def integer(self, key: str, lo: int, hi: int):
        return self.ctx.integer(self.fields.get(key), self._at(key), lo, hi)

    def flag(self, key: str, default: bool):
        return self.ctx.boolean(self.fields.get(key), self._at(key), default)

    def option(self, key: str, issue):
        """An option of `issue`, if the key is given."""
        if key not in self.fields:
            return None
        return read_option(self.ctx, self.fields[key], self._at(key), self.known, issue)

    def bounds(self, lo: int, hi: int) -> tuple:
        """(at_least, at_most), each None if not given; at least one must be."""
        values = tuple(self.integer(key, lo, hi) if key in self.fields else None for key in BOUNDS)
        if not any(key in self.fields for key in BOUNDS):
            self.ctx.error(self.node, self.path, "give at_least, at_most or both")
        return values

    def named(self, what: str, pool):
        """The body itself names something the file defines (`happened: E`, `open_issue: I`)."""
        return self.ctx.ref(self.node, self.path, what, pool)

    def conditions(self, lo: int, hi: int) -> tuple:
        """The body is a list of conditions, one level deeper."""
        items = self.ctx.seq(self.node, self.path, lo, hi) or ()
        return tuple(read_condition(self.ctx, c, join(self.path, i), self.known, self.depth + 1)
                     for i, c in enumerate(items))

    def condition(self):
        """The body is one condition, one level deeper."""
        return read_condition(self.ctx, self.node, self.path, self.known, self.depth + 1)


class Entry:
    """What conditions and effects share: a name, fields read from a mapping, a plain-data form."""
    name: ClassVar[str]
    keys: ClassVar[tuple] = ()   # ((file key, attribute, required), ...), set when the kind is registered

    @classmethod
    def parse(cls, r: Reader):
        """The entry from its body, or None; a body that is not a mapping of fields overrides this."""
        return cls.read(r) if r.open(cls.keys) else None

    @classmethod
    def read(cls, r: Reader):
        raise NotImplementedError

    def args(self) -> dict:
        """The fields by file key, leaving out optional ones not given."""
        values = ((key, getattr(self, attr)) for key, attr, _ in self.keys)
        return {key: value for key, value in values if value is not None}

    @classmethod
    def from_args(cls, args: dict):
        return cls(**{attr: args[key] for key, attr, _ in cls.keys if key in args})

    def words(self, names: Names) -> str:
        raise NotImplementedError


def _keys(cls) -> tuple:
    return tuple((f.metadata.get("key", f.name), f.name, f.default is MISSING and f.default_factory is MISSING)
                 for f in fields(cls) if not f.metadata.get("children"))


class Condition(Entry):
    """A test of the table's facts (see docs/scenario-format.md, Conditions)."""

    @property
    def children(self) -> tuple:
        return ()

    def holds(self, facts: Facts) -> bool:
        raise NotImplementedError

    def earliest(self, first_day) -> int:
        """A lower bound on the turn at whose start this can first hold (events fire only then);
        `first_day(event_id)` gives an event's."""
        return 1

    def gap(self, facts: Facts) -> float | None:
        """How far a number a seat's moves can change lies outside this condition's bounds; None for a
        condition that is not such a number."""
        return None

    def to_data(self) -> dict:
        return {"kind": self.name, "args": self.args(), "children": [c.to_data() for c in self.children]}

    @classmethod
    def from_data(cls, data: dict) -> "Condition":
        return cls.from_args(data["args"])


class Effect(Entry):
    """A change to the table's facts (see docs/scenario-format.md, Effects)."""

    def apply(self, world: World) -> "Effect":
        """Make the change; return the effect as it took place (a stat says how far it really moved)."""
        raise NotImplementedError

    def to_data(self) -> dict:
        return {"kind": self.name, **self.args()}


CONDITIONS: dict[str, type[Condition]] = {}
EFFECTS: dict[str, type[Effect]] = {}


def condition_kind(cls):
    cls.keys = _keys(cls)
    CONDITIONS[cls.name] = cls
    return cls


def effect_kind(cls):
    cls.keys = _keys(cls)
    EFFECTS[cls.name] = cls
    return cls


def condition_from_data(data: dict) -> Condition:
    """A condition from its plain data ({"kind", "args", "children"}), as `Condition.to_data` gives it."""
    kind = CONDITIONS.get(str(data.get("kind")))
    if kind is None:
        raise ValueError(f"unknown condition {data.get('kind')!r}")
    return kind.from_data(data)


def effect_from_data(data: dict) -> Effect:
    """An effect from its plain data ({"kind", its fields...})."""
    kind = EFFECTS.get(str(data.get("kind")))
    if kind is None:
        raise ValueError(f"unknown effect {data.get('kind')!r}")
    return kind.from_args({k: v for k, v in data.items() if k != "kind"})


def _single_key(ctx: Ctx, node, path, registry: dict, what: str):
    if node is None:
        return None, None
    if node.kind != "map" or len(node.value) != 1:
        ctx.error(node, path, f"a {what} is a mapping with exactly one key, one of: {', '.join(registry)}")
        return None, None
    (key, value), = node.value.items()
    if key not in registry:
        hint = ctx.hint(key, registry, cutoff=0.5)
        tip = f"; did you mean '{hint}'?" if hint else f"; valid: {', '.join(registry)}"
        ctx.error(node.key_marks[key], join(path, key), f"unknown {what} '{key}'{tip}")
        return None, None
    return registry[key], value


def _read(ctx: Ctx, kind, body, where: str, known: Known, depth: int = 0):
    before = ctx.count
    entry = kind.parse(Reader(ctx, known, body, where, depth))
    return entry if ctx.count == before else None


def read_condition(ctx: Ctx, node, path, known: Known, depth=0):
    kind, body = _single_key(ctx, node, path, CONDITIONS, "condition")
    if kind is None:
        return None
    if depth > MAX_CONDITION_DEPTH:
        ctx.error(node, path, f"conditions nest deeper than {MAX_CONDITION_DEPTH} levels")
        return None
    return _read(ctx, kind, body, join(path, kind.name), known, depth)


def read_effect(ctx: Ctx, node, path, known: Known):
    kind, body = _single_key(ctx, node, path, EFFECTS, "effect")
    return None if kind is None else _read(ctx, kind, body, join(path, kind.name), known)


def read_effects(ctx: Ctx, node, path, known: Known):
    if node is None:
        return ()
    items = ctx.seq(node, path, 0, 50) or ()
    out = [read_effect(ctx, item, join(path, i), known) for i, item in enumerate(items)]
    return tuple(e for e in out if e is not None)
