"""The conditions a scenario can test, one registered class each (docs/scenario-format.md, Conditions).

Their order here is the order the docs and the loader's messages list them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ..model import STAT_MAX, STAT_MIN, TRUST_MAX, TRUST_MIN
from ..wording import amount, issue_named
from .base import Condition, Facts, Reader, condition_from_data, condition_kind
from .names import Names

NEXT_MORNING = 2  # agreements are signed and moves revealed during a day: what they change shows the next day
UNBOUNDED = (-10**9, 10**9)


def _bounds_words(lo, hi, unit: str = "") -> str:
    """'1 call', 'between 2 and 5 calls', 'at least 1 call'."""
    if lo is not None and hi is not None and lo != hi:
        return f"between {lo} and {amount(hi, unit)}"
    if lo is not None:
        return amount(lo, unit) if lo == hi else f"at least {amount(lo, unit)}"
    return f"at most {amount(hi, unit)}"


class Bounded(Condition):
    """A number within `at_least` and `at_most`, either of which may be left out."""
    at_least: int | None
    at_most: int | None

    def within(self, value: int) -> bool:
        return (self.at_least is None or value >= self.at_least) and (self.at_most is None or value <= self.at_most)


class Measured(Bounded):
    """A bounded number that seats' moves change, so being nearer the bounds is progress."""

    def measure(self, facts: Facts) -> int:
        raise NotImplementedError

    def holds(self, facts: Facts) -> bool:
        return self.within(self.measure(facts))

    def gap(self, facts: Facts) -> float:
        value = self.measure(facts)
        lo, hi = self.at_least, self.at_most
        below = lo - value if lo is not None and value < lo else 0
        return below + (value - hi if hi is not None and value > hi else 0)


@condition_kind
@dataclass(frozen=True)
class Agreed(Condition):
    """An agreement in force settles the issue; at the option given, or at an option within the bounds
    given (options are ordered)."""
    name: ClassVar[str] = "agreed"
    issue: str
    option: str | None = None
    at_least: str | None = None
    at_most: str | None = None

    @classmethod
    def read(cls, r: Reader) -> "Agreed":
        issue = r.ref("issue", "issue", r.known.issues)
        return cls(issue, r.option("option", issue), r.option("at_least", issue), r.option("at_most", issue))

    def holds(self, facts: Facts) -> bool:
        option = facts.agreed(self.issue)
        if option is None:
            return False
        options = facts.options(self.issue)
        at = options.index(option)
        if self.option is not None and option != self.option:
            return False
        if self.at_least is not None and at < options.index(self.at_least):
            return False
        return self.at_most is None or at <= options.index(self.at_most)

    def earliest(self, first_day) -> int:
        return NEXT_MORNING

    def words(self, names: Names) -> str:
        issue = names.issue(self.issue)
        said = f"the table agrees {issue_named(issue.name)}"
        if self.option is not None:
            return f"{said}: {issue.option(self.option)}"
        if self.at_least is not None and self.at_most is not None:
            return f"{said}: {issue.option(self.at_least)} to {issue.option(self.at_most)}"
        if self.at_least is not None:
            return f"{said}: {issue.option(self.at_least)} or more"
        if self.at_most is not None:
            return f"{said}: {issue.option(self.at_most)} or less"
        return f"the table agrees anything on {issue_named(issue.name)}"


@condition_kind
@dataclass(frozen=True)
class StatWithin(Measured):
    """The seat's stat is within the bounds given."""
    name: ClassVar[str] = "stat"
    seat: str
    stat: str
    at_least: int | None = None
    at_most: int | None = None

    @classmethod
    def read(cls, r: Reader) -> "StatWithin":
        return cls(r.seat(), r.stat(), *r.bounds(STAT_MIN, STAT_MAX))

    def measure(self, facts: Facts) -> int:
        return facts.stat(self.seat, self.stat)

    def words(self, names: Names) -> str:
        return f"{names.seat(self.seat)}'s {names.stat(self.stat)} is {_bounds_words(self.at_least, self.at_most)}"


@condition_kind
@dataclass(frozen=True)
class TrustWithin(Measured):
    """One seat's trust in another is within the bounds given."""
    name: ClassVar[str] = "trust"
    truster: str = field(metadata={"key": "from"})
    trusted: str = field(metadata={"key": "to"})
    at_least: int | None = None
    at_most: int | None = None

    @classmethod
    def read(cls, r: Reader) -> "TrustWithin":
        return cls(r.seat("from"), r.seat("to"), *r.bounds(TRUST_MIN, TRUST_MAX))

    def measure(self, facts: Facts) -> int:
        return facts.trust(self.truster, self.trusted)

    def words(self, names: Names) -> str:
        return f"{names.seat(self.truster)}'s trust in {names.seat(self.trusted)} is " \
               f"{_bounds_words(self.at_least, self.at_most)}"


@condition_kind
@dataclass(frozen=True)
class TrackWithin(Measured):
    """The track is within the bounds given (which lie within the track's own)."""
    name: ClassVar[str] = "track"
    track: str
    at_least: int | None = None
    at_most: int | None = None

    @classmethod
    def read(cls, r: Reader) -> "TrackWithin":
        track = r.ref("track", "track", r.known.tracks)
        return cls(track, *r.bounds(*r.known.tracks.get(track, UNBOUNDED)))

    def measure(self, facts: Facts) -> int:
        return facts.track(self.track)

    def words(self, names: Names) -> str:
        name, unit = names.track(self.track)
        return f"{name} is {_bounds_words(self.at_least, self.at_most, unit)}"


@condition_kind
@dataclass(frozen=True)
class Controls(Condition):
    """The seat holds the region."""
    name: ClassVar[str] = "controls"
    seat: str
    region: str

    @classmethod
    def read(cls, r: Reader) -> "Controls":
        return cls(r.seat(), r.ref("region", "region", r.known.regions))

    def holds(self, facts: Facts) -> bool:
        return facts.holder(self.region) == self.seat

    def words(self, names: Names) -> str:
        return f"{names.seat(self.seat)} holds {names.region(self.region)}"


@condition_kind
@dataclass(frozen=True)
class Moved(Condition):
    """The seat has made the move on an earlier turn."""
    name: ClassVar[str] = "moved"
    seat: str
    move: str

    @classmethod
    def read(cls, r: Reader) -> "Moved":
        return cls(r.seat(), r.ref("move", "move", r.known.moves))

    def holds(self, facts: Facts) -> bool:
        return facts.moved(self.seat, self.move)

    def earliest(self, first_day) -> int:
        return NEXT_MORNING

    def words(self, names: Names) -> str:
        return f"{names.seat(self.seat)} has made the move \u201c{names.move(self.move)}\u201d"


@condition_kind
@dataclass(frozen=True)
class Broke(Condition):
    """The seat has broken an agreement."""
    name: ClassVar[str] = "broke"
    seat: str

    @classmethod
    def read(cls, r: Reader) -> "Broke":
        return cls(r.seat())

    def holds(self, facts: Facts) -> bool:
        return facts.broke(self.seat)

    def earliest(self, first_day) -> int:
        return NEXT_MORNING

    def words(self, names: Names) -> str:
        return f"{names.seat(self.seat)} has broken an agreement"


@condition_kind
@dataclass(frozen=True)
class TurnWithin(Bounded):
    """The current turn is within the bounds given."""
    name: ClassVar[str] = "turn"
    at_least: int | None = None
    at_most: int | None = None

    @classmethod
    def read(cls, r: Reader) -> "TurnWithin":
        return cls(*r.bounds(1, r.known.turns))

    def holds(self, facts: Facts) -> bool:
        return self.within(facts.turn)

    def earliest(self, first_day) -> int:
        return self.at_least or 1

    def words(self, names: Names) -> str:
        lo, hi = self.at_least, self.at_most
        if lo is not None and hi is not None:
            return f"on day {lo}" if lo == hi else f"between day {lo} and day {hi}"
        return f"from day {lo} on" if lo is not None else f"up to day {hi}"


@condition_kind
@dataclass(frozen=True)
class Happened(Condition):
    """The event has fired. Written `happened: EVENT`."""
    name: ClassVar[str] = "happened"
    event: str

    @classmethod
    def parse(cls, r: Reader) -> "Happened":
        return cls(r.named("event", r.known.events))

    def holds(self, facts: Facts) -> bool:
        return facts.happened(self.event)

    def earliest(self, first_day) -> int:
        return first_day(self.event)

    def words(self, names: Names) -> str:
        return f"\u201c{names.event(self.event)}\u201d has happened"


@condition_kind
@dataclass(frozen=True)
class AllOf(Condition):
    """Every condition listed holds (1 to 20 of them)."""
    name: ClassVar[str] = "all"
    items: tuple = field(metadata={"children": True})

    @classmethod
    def parse(cls, r: Reader) -> "AllOf":
        return cls(r.conditions(1, 20))

    @classmethod
    def from_data(cls, data: dict) -> "AllOf":
        return cls(tuple(condition_from_data(c) for c in data["children"]))

    @property
    def children(self) -> tuple:
        return self.items

    def holds(self, facts: Facts) -> bool:
        return all(c.holds(facts) for c in self.items)

    def earliest(self, first_day) -> int:
        return max((c.earliest(first_day) for c in self.items), default=1)

    def words(self, names: Names) -> str:
        """'on day 3, unless the table agrees Turkey's border with Greece: managed or more'."""
        text = " and ".join(c.words(names) for c in self.items if not isinstance(c, Not))
        unless = [c.item.words(names) for c in self.items if isinstance(c, Not)]
        if unless:
            text += (", " if text else "") + "unless " + " or ".join(unless)
        return text


@condition_kind
@dataclass(frozen=True)
class AnyOf(Condition):
    """At least one of the conditions listed holds (1 to 20 of them)."""
    name: ClassVar[str] = "any"
    items: tuple = field(metadata={"children": True})

    @classmethod
    def parse(cls, r: Reader) -> "AnyOf":
        return cls(r.conditions(1, 20))

    @classmethod
    def from_data(cls, data: dict) -> "AnyOf":
        return cls(tuple(condition_from_data(c) for c in data["children"]))

    @property
    def children(self) -> tuple:
        return self.items

    def holds(self, facts: Facts) -> bool:
        return any(c.holds(facts) for c in self.items)

    def earliest(self, first_day) -> int:
        return min((c.earliest(first_day) for c in self.items), default=1)

    def words(self, names: Names) -> str:
        return " or ".join(c.words(names) for c in self.items)


@condition_kind
@dataclass(frozen=True)
class Not(Condition):
    """The condition given does not hold."""
    name: ClassVar[str] = "not"
    item: Condition = field(metadata={"children": True})

    @classmethod
    def parse(cls, r: Reader) -> "Not":
        return cls(r.condition())

    @classmethod
    def from_data(cls, data: dict) -> "Not":
        return cls(condition_from_data(data["children"][0]))

    @property
    def children(self) -> tuple:
        return (self.item,)

    def holds(self, facts: Facts) -> bool:
        return not self.item.holds(facts)

    def words(self, names: Names) -> str:
        return "unless " + self.item.words(names)
