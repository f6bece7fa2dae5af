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


def check_dates(ctx: Ctx, top: dict, sources: tuple, start: str, turns: int) -> tuple:
    """Record a problem for every citation from the future not marked as such; return every citation."""
    published = {s.id: s.date for s in sources}
    cites = list(_citations(top, turns))
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


def _citations(top: dict, turns: int):
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
    events = _items(top.get("events"), "events")
    by_id = {_text(f, "id"): f for f, _ in events}
    for f, path in events:
        yield from _one(Cited.EVENT, f, path, _text(f, "title"), min(turns, _first_day(f, by_id)))
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


def _first_day(fields: dict, events: dict, seen=()) -> int:
    """The first turn on which an event can fire: its turn, or the earliest its condition can hold."""
    turn = fields.get("turn")
    if turn is not None:
        return turn.value if isinstance(turn.value, int) and not isinstance(turn.value, bool) else 1
    return _earliest(fields.get("when"), events, seen + (_text(fields, "id"),))


def _earliest(node, events: dict, seen: tuple) -> int:
    """A lower bound on the turn at whose start a condition can first hold (events fire only then).

    Agreements are signed and moves revealed during a day, so a condition on them can hold from the
    next morning at the earliest; a condition on stats, trust, tracks or control may hold at once.
    """
    if node is None or node.kind != "map" or len(node.value) != 1:
        return 1
    (kind, body), = node.value.items()
    if kind == "all" and body.kind == "seq":
        return max((_earliest(c, events, seen) for c in body.value), default=1)
    if kind == "any" and body.kind == "seq":
        return min((_earliest(c, events, seen) for c in body.value), default=1)
    if kind == "turn" and body.kind == "map":
        low = body.value.get("at_least")
        return low.value if low is not None and isinstance(low.value, int) else 1
    if kind in ("agreed", "moved", "broke"):
        return 2
    if kind == "happened" and isinstance(body.value, str) and body.value in events and body.value not in seen:
        return _first_day(events[body.value], events, seen)
    return 1
