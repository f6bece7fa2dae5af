"""The effects a scenario can have, one registered class each (docs/scenario-format.md, Effects).

Each wording reads as well before (a move's card: what it will do) as after (the news: what it did).
Their order here is the order the docs and the loader's messages list them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import ClassVar

from ..model import STAT_MAX, STAT_MIN, TRUST_MAX, TRUST_MIN
from ..wording import issue_named, signed, singular, trust_change
from .base import Effect, Reader, World, effect_kind
from .known import CONTESTED
from .names import Names

SHIFT = 100          # the most a stat or trust effect may add or take away
TRACK_SHIFT = 10**9


def _clamp(value: int, lo: int, hi: int) -> int:
    return max(lo, min(hi, value))


def _holder(seat: str) -> str:
    return "" if seat == CONTESTED else seat


def _handed(place: str, seat: str, names: Names) -> str:
    return f"{place} becomes contested" if seat == CONTESTED else f"{place} passes to {names.seat(seat)}"


@effect_kind
@dataclass(frozen=True)
class ShiftStat(Effect):
    """Adds to one of a seat's stats (a negative number takes away), kept within 0-100."""
    name: ClassVar[str] = "stat"
    seat: str
    stat: str
    add: int

    @classmethod
    def read(cls, r: Reader) -> "ShiftStat":
        return cls(r.seat(), r.stat(), r.integer("add", -SHIFT, SHIFT))

    def apply(self, world: World) -> "ShiftStat":
        old = world.stat(self.seat, self.stat)
        new = _clamp(old + self.add, STAT_MIN, STAT_MAX)
        world.set_stat(self.seat, self.stat, new)
        # Most changes stay within bounds, and the effect as it took place is then the effect itself.
        return self if new - old == self.add else replace(self, add=new - old)

    def words(self, names: Names) -> str:
        return f"{names.seat(self.seat)}: {names.stat(self.stat)} {signed(self.add)}"


@effect_kind
@dataclass(frozen=True)
class ShiftTrust(Effect):
    """Changes one seat's trust in another (and the other's in the first if `mutual`), kept within 0-100."""
    name: ClassVar[str] = "trust"
    truster: str = field(metadata={"key": "from"})
    trusted: str = field(metadata={"key": "to"})
    add: int
    mutual: bool = False

    @classmethod
    def read(cls, r: Reader) -> "ShiftTrust":
        return cls(r.seat("from"), r.seat("to"), r.integer("add", -SHIFT, SHIFT), r.flag("mutual", False))

    def apply(self, world: World) -> "ShiftTrust":
        pairs = ((self.truster, self.trusted),) + (((self.trusted, self.truster),) if self.mutual else ())
        for a, b in pairs:
            if a != b:
                world.set_trust(a, b, _clamp(world.trust(a, b) + self.add, TRUST_MIN, TRUST_MAX))
        return self

    def words(self, names: Names) -> str:
        return trust_change(names.seat(self.truster), names.seat(self.trusted), signed(self.add), self.mutual)


@effect_kind
@dataclass(frozen=True)
class ShiftTrack(Effect):
    """Changes a track, kept within its bounds."""
    name: ClassVar[str] = "track"
    track: str
    add: int

    @classmethod
    def read(cls, r: Reader) -> "ShiftTrack":
        return cls(r.ref("track", "track", r.known.tracks), r.integer("add", -TRACK_SHIFT, TRACK_SHIFT))

    def apply(self, world: World) -> "ShiftTrack":
        world.set_track(self.track, _clamp(world.track(self.track) + self.add, *world.track_range(self.track)))
        return self

    def words(self, names: Names) -> str:
        name, unit = names.track(self.track)
        if unit:
            unit = " " + (singular(unit) if abs(self.add) == 1 else unit)
        return f"{name}: {signed(self.add)}{unit}"


@effect_kind
@dataclass(frozen=True)
class HandRegion(Effect):
    """Hands a region to a seat, or to nobody (`contested`)."""
    name: ClassVar[str] = "control"
    region: str
    seat: str

    @classmethod
    def read(cls, r: Reader) -> "HandRegion":
        return cls(r.ref("region", "region", r.known.regions), r.seat(extra=(CONTESTED,)))

    def apply(self, world: World) -> "HandRegion":
        world.set_holder(self.region, _holder(self.seat))
        return self

    def words(self, names: Names) -> str:
        return _handed(names.region(self.region), self.seat, names)


@effect_kind
@dataclass(frozen=True)
class HandSite(Effect):
    """Hands a site to a seat, or to nobody (`contested`)."""
    name: ClassVar[str] = "site"
    site: str
    seat: str

    @classmethod
    def read(cls, r: Reader) -> "HandSite":
        return cls(r.ref("site", "site", r.known.sites), r.seat(extra=(CONTESTED,)))

    def apply(self, world: World) -> "HandSite":
        world.set_site_holder(self.site, _holder(self.seat))
        return self

    def words(self, names: Names) -> str:
        return _handed(names.site(self.site), self.seat, names)


@dataclass(frozen=True)
class _Agenda(Effect):
    """Puts an issue on the table or takes it off. Written `open_issue: ISSUE` / `close_issue: ISSUE`."""
    opens: ClassVar[bool]
    issue: str

    @classmethod
    def parse(cls, r: Reader):
        return cls(r.named("issue", r.known.issues))

    def apply(self, world: World):
        world.set_open(self.issue, self.opens)
        return self

    def words(self, names: Names) -> str:
        return f"{issue_named(names.issue(self.issue).name)} {'comes onto' if self.opens else 'leaves'} the table"


@effect_kind
@dataclass(frozen=True)
class OpenIssue(_Agenda):
    """Puts an issue on the table. Written `open_issue: ISSUE`."""
    name: ClassVar[str] = "open_issue"
    opens: ClassVar[bool] = True


@effect_kind
@dataclass(frozen=True)
class CloseIssue(_Agenda):
    """Takes an issue off the table. Written `close_issue: ISSUE`."""
    name: ClassVar[str] = "close_issue"
    opens: ClassVar[bool] = False
