"""The date rule: what a game day shows cites what was published by that day, unless it says otherwise.

Every item that carries a `source:` is shown from a first day. Seats (their briefings), objectives,
relations, issues, moves, tracks and the map are in the players' hands from day 1; a scheduled event
on its turn; a triggered event no earlier than the first turn its condition can hold. An item whose
source was published after that day is a citation from the future, allowed only when the item says so
with `reported_later: true`, and the screens then say "reported later by OUTLET on DATE". A marking
on an item whose source was out in time is refused too, so the marking never misleads. The history is
shown after the summit and may cite anything.

The same walk lists every citation with its place in the file, for `validate --facts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .fields import LATER, Ctx, join, month_days

AFTER_THE_SUMMIT = 0  # the `day` of a citation shown only once the game is over


class Cited(StrEnum):
    SEAT = "seat"
    OBJECTIVE = "objective"
    RELATION = "relation"
    ISSUE = "issue"
    MOVE = "move"
    EVENT = "event"
    TRACK = "track"
    REGION = "region"
    SITE = "site"
    FLOW = "flow"
    HISTORY = "history"


@dataclass(frozen=True)
class Citation:
    kind: Cited
    ident: str            # the item's id; an objective's is "seat/objective"
    label: str            # what the item says, in a few words
    source: str
    day: int              # the first turn on which it can be shown; AFTER_THE_SUMMIT for the history
    reported_later: bool
    line: int
    col: int


def day_date(start: str, day: int) -> str:
    """The date (YYYY-MM-DD) of game day `day` >= 1, day 1 being `start`."""
    year, month, date = (int(part) for part in start.split("-"))
    date += day - 1
    while date > month_days(year, month):
        date -= month_days(year, month)
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    return f"{year:04d}-{month:02d}-{date:02d}"


def check_dates(ctx: Ctx, top: dict, sources: tuple, events: tuple, start: str, turns: int) -> tuple:
    """Record a problem for every citation from the future not marked as such; return every citation.

    `events` are those read without a problem: an event with one is left to be checked once it reads."""
    published = {s.id: s.date for s in sources}
    cites = list(_citations(top, {e.id: e for e in events}, turns))
    for cite, path, later_node in cites:
        if cite.day == AFTER_THE_SUMMIT or cite.source not in published:
            continue
        shown = day_date(start, cite.day)
        out = published[cite.source]
        if out > shown and not cite.reported_later:
            ctx.error((cite.line, cite.col), join(path, "source"),
                      f"source '{cite.source}' was published on {out}, after {shown}, the first day this "
                      f"{cite.kind} can be shown (day {cite.day}): cite a source out by then, or mark the item "
                      f"'{LATER}: true'")
        elif out <= shown and cite.reported_later:
            ctx.error(later_node, join(path, LATER),
                      f"source '{cite.source}' was published on {out}, by {shown}, the first day this {cite.kind} "
                      f"can be shown: it was not reported later, so remove '{LATER}'")
    return tuple(c for c, _, _ in cites)


def _citations(top: dict, events: dict, turns: int):
    """(Citation, the item's path, its marking's node) for every item with a readable `source:` id."""
    seats = _items(top.get("seats"), "seats")
    names = {f["id"].value: f["name"].value for f, _ in seats if _is_text(f, "id") and _is_text(f, "name")}
    for f, path in seats:
        yield from _one(Cited.SEAT, f, path, f"{_text(f, 'name')} ({_text(f, 'leader')})", 1)
        for g, sub in _items(f.get("objectives"), join(path, "objectives")):
            ident = f"{_text(f, 'id')}/{_text(g, 'id')}"
            yield from _one(Cited.OBJECTIVE, g, sub, _text(g, "text"), 1, ident)
    relations = top.get("relations")
    if relations is not None and relations.kind == "map":
        for f, path in _items(relations.value.get("pairs"), "relations.pairs"):
            pair = f.get("between")
            ids = [str(n.value) for n in pair.value] if pair is not None and pair.kind == "seq" else []
            who = " and ".join(names.get(i, i) for i in ids)
            trust = f["trust"].value if "trust" in f else "?"
            yield from _one(Cited.RELATION, f, path, f"trust between {who}: {trust}", 1, "/".join(ids))
    for f, path in _items(top.get("issues"), "issues"):
        yield from _one(Cited.ISSUE, f, path, _text(f, "name"), 1)
    for f, path in _items(top.get("moves"), "moves"):
        seat = _text(f, "seat")
        yield from _one(Cited.MOVE, f, path, f"{_text(f, 'name')} ({names.get(seat, seat)})", 1)
    for f, path in _items(top.get("events"), "events"):
        event = events.get(_text(f, "id"))
        if event is not None:
            yield from _one(Cited.EVENT, f, path, _text(f, "title"), min(turns, _first_day(event, events)))
    for f, path in _items(top.get("tracks"), "tracks"):
        value = f["value"].value if "value" in f else "?"
        unit = f" {_text(f, 'unit')}" if "unit" in f else ""
        yield from _one(Cited.TRACK, f, path, f"{_text(f, 'name')}: {value}{unit} at the start", 1)
    game_map = top.get("map")
    if game_map is not None and game_map.kind == "map":
        for key, kind in (("regions", Cited.REGION), ("sites", Cited.SITE), ("flows", Cited.FLOW)):
            for f, path in _items(game_map.value.get(key), join("map", key)):
                yield from _one(kind, f, path, _text(f, "name"), 1)
    history = top.get("history")
    if history is not None and history.kind == "map":
        f = history.value
        yield from _one(Cited.HISTORY, f, "history", f"what the summit of {_text(f, 'date')} agreed, and after",
                        AFTER_THE_SUMMIT, "")


def _items(node, path) -> list:
    if node is None or node.kind != "seq":
        return []
    return [(item.value, join(path, i)) for i, item in enumerate(node.value) if item.kind == "map"]


def _is_text(fields: dict, key) -> bool:
    return key in fields and isinstance(fields[key].value, str)


def _text(fields: dict, key) -> str:
    return " ".join(str(fields[key].value).split()) if key in fields and fields[key].kind == "scalar" else ""


def _one(kind, fields, path, label, day, ident=None):
    source = fields.get("source")
    if source is None or not isinstance(source.value, str):
        return
    later = fields.get(LATER)
    marked = later is not None and later.value is True
    cite = Citation(kind, ident if ident is not None else _text(fields, "id"), label, source.value, day, marked,
                    source.line, source.col)
    yield cite, path, later


def _first_day(event, events: dict, seen=()) -> int:
    """The first turn on which an event can fire: its turn, or the earliest its condition can hold
    (the condition's own class says; an event it waits for that waits for it in turn counts as day 1)."""
    if event.turn is not None:
        return event.turn
    seen = seen + (event.id,)

    def waited_for(ident):
        return _first_day(events[ident], events, seen) if ident in events and ident not in seen else 1
    return event.when.earliest(waited_for)
