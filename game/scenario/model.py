"""Immutable scenario objects: what the loader builds and the engine reads.

Everything is a frozen dataclass holding tuples, so a Scenario can be shared
between states, threads and processes without anyone changing it underneath.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .vocabulary import Condition

STAT_IDS = ("military", "economy", "domestic", "standing")
STAT_MIN = 0
STAT_MAX = 100
TRUST_MIN = 0
TRUST_MAX = 100

ISSUE_KINDS = ("choice", "number", "yesno", "quantity")
MOVE_KINDS = ("escalate", "hold", "withdraw", "open_border", "close_border",
              "ship_arms", "statement", "deploy", "strike", "other")
SITE_KINDS = ("port", "airbase", "city", "crossing", "highway", "post", "base")


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    date: str
    publisher: str = ""
    url: str = ""


@dataclass(frozen=True)
class Calendar:
    turns: int
    turn_unit: str
    start_date: str
    summit_turn: int
    talk_rounds: int


@dataclass(frozen=True)
class Personality:
    patience: float
    risk: float
    honesty: float


@dataclass(frozen=True)
class Objective:
    id: str
    text: str
    points: int
    when: Condition
    source: str
    reported_later: bool = False


@dataclass(frozen=True)
class Preferences:
    """Additive utility: sum over issues of weight * value(option).

    `values[issue_id]` is a tuple of floats, one per option of that issue, in
    the issue's option order; weights sum to 1; values and reservation lie in
    [0, 1].
    """
    reservation: float
    weights: tuple  # ((issue_id, weight), ...)
    values: tuple   # ((issue_id, (v0, v1, ...)), ...)

    def weight(self, issue_id: str) -> float:
        return dict(self.weights).get(issue_id, 0.0)

    def value_table(self, issue_id: str):
        return dict(self.values).get(issue_id)


@dataclass(frozen=True)
class Seat:
    id: str
    name: str
    leader: str
    colour: str
    at_table: bool
    stats: tuple  # ((stat_id, int), ...) in STAT_IDS order
    personality: Personality
    briefing: str
    preferences: Preferences
    objectives: tuple  # (Objective, ...)
    source: str
    capital: str = ""
    title: str = ""
    reported_later: bool = False

    def stat(self, stat_id: str) -> int:
        return dict(self.stats)[stat_id]


@dataclass(frozen=True)
class Obligation:
    """What agreeing to some options of an issue binds seats to do or not do."""
    options: tuple   # option labels that create the obligation
    seats: tuple     # seat ids bound
    forbids: tuple   # move ids a bound seat may no longer make
    text: str
    penalty: tuple = ()  # (Effect, ...) applied to a seat that breaks it


@dataclass(frozen=True)
class Issue:
    id: str
    name: str
    kind: str
    options: tuple   # option labels as strings, in order
    default: str     # what holds if nothing is signed
    signatories: tuple
    description: str
    source: str
    unit: str = ""
    obligations: tuple = ()
    available: bool = True
    reported_later: bool = False
    labels: tuple = ()  # ((option, how it reads on screen), ...) for the options the file labels

    def index(self, option: str) -> int:
        return self.options.index(option)

    def label(self, option: str) -> str:
        """The scenario's own wording for an option, or '' where it gives none."""
        return dict(self.labels).get(option, "")


@dataclass(frozen=True)
class Move:
    id: str
    seat: str
    name: str
    kind: str
    description: str
    effects: tuple
    source: str
    requires: Optional[Condition] = None
    public: bool = True
    reported_later: bool = False


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    text: str
    source: str
    effects: tuple
    turn: Optional[int] = None
    when: Optional[Condition] = None
    chance: float = 1.0
    reported_later: bool = False


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    polygon: tuple  # ((lon, lat), ...)
    control: str    # seat id, or "" for contested
    source: str
    reported_later: bool = False


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    kind: str
    region: str
    control: str
    source: str
    at: tuple = ()    # (lon, lat) for a point
    path: tuple = ()  # ((lon, lat), ...) for a road or line
    description: str = ""
    reported_later: bool = False


@dataclass(frozen=True)
class Flow:
    id: str
    name: str
    start: str   # region id
    end: str     # region id
    track: str   # the track whose value is the flow's size
    source: str
    reported_later: bool = False


@dataclass(frozen=True)
class Track:
    """A scenario-wide counter (displaced people, casualties) that effects move."""
    id: str
    name: str
    value: int
    min: int
    max: int
    unit: str
    source: str
    reported_later: bool = False


@dataclass(frozen=True)
class GameMap:
    bounds: tuple  # (lon_min, lat_min, lon_max, lat_max)
    regions: tuple
    sites: tuple
    flows: tuple = ()
    front: tuple = ()  # ((lon, lat), ...) the line of contact, if any


class Settled(StrEnum):
    """What the real summit did with an issue: the history's verdict, issue by issue."""
    AGREED = "agreed"    # the summit's result: a signed or announced term, or a sale it ended without
    VERBAL = "verbal"    # said in words only: nothing was signed
    EARLIER = "earlier"  # covered by a contract made before the summit: context, not its result
    OPEN = "open"        # the summit settled nothing on it

    @property
    def counted(self) -> bool:
        """Closeness to history counts only what the summit itself agreed, or left open."""
        return self in (Settled.AGREED, Settled.OPEN)


@dataclass(frozen=True)
class HistoryEntry:
    issue: str
    settled: Settled
    option: str = ""  # the option agreed, said, or contracted earlier; "" when left open
    note: str = ""    # why, in the project's words, for the debrief


@dataclass(frozen=True)
class History:
    date: str
    summary: str
    parties: tuple
    entries: tuple  # (HistoryEntry, ...), one per issue, in the scenario's issue order
    source: str
    aftermath: str = ""

    @property
    def outcome(self) -> tuple:
        """((issue_id, option), ...) for the issues the summit agreed."""
        return tuple((e.issue, e.option) for e in self.entries if e.settled is Settled.AGREED)

    def entry(self, issue_id: str) -> HistoryEntry:
        for e in self.entries:
            if e.issue == issue_id:
                return e
        raise KeyError(issue_id)


class Place(StrEnum):
    """Where a scenario file was found."""
    SHIPPED = "shipped"  # with the game
    USER = "user"        # in the player's own scenarios folder
    FILE = "file"        # anywhere else, named by its path


@dataclass(frozen=True)
class Origin:
    """Where a scenario was read from: not part of what it is, so neither equality nor digests see it."""
    place: Place = Place.FILE
    path: str = ""  # the file's absolute path; "" for a shipped scenario, found by its id wherever the game is


@dataclass(frozen=True)
class Scenario:
    id: str
    version: int
    title: str
    date: str
    summary: str
    sources: tuple
    calendar: Calendar
    seats: tuple
    trust: tuple  # ((row values), ...) seats x seats, ints, in seats order
    issues: tuple
    moves: tuple
    events: tuple
    tracks: tuple
    map: GameMap
    public_briefing: str
    history: History
    content_hash: str = field(default="", compare=False)
    # Every `source:` the file cites, with where and from which day it is shown (game/scenario/dates.py).
    citations: tuple = field(default=(), compare=False)
    origin: Origin = field(default=Origin(), compare=False)

    def seat(self, seat_id: str) -> Seat:
        for s in self.seats:
            if s.id == seat_id:
                return s
        raise KeyError(seat_id)

    def issue(self, issue_id: str) -> Issue:
        for i in self.issues:
            if i.id == issue_id:
                return i
        raise KeyError(issue_id)

    @property
    def seat_ids(self) -> tuple:
        return tuple(s.id for s in self.seats)

    @property
    def issue_ids(self) -> tuple:
        return tuple(i.id for i in self.issues)
