"""Bytes of a scenario file -> a validated, immutable Scenario.

Pure: the caller reads the file; this module only parses what it is given.
"""

from __future__ import annotations

import hashlib

from .dates import check_dates
from .errors import Problem, ScenarioError
from .fields import Ctx, join
from .issues import issue_options, read_event, read_issue, read_move, read_track
from .model import Calendar, Scenario, Source
from .seats import read_seat, read_trust
from .vocabulary import Known
from .world import read_history, read_map
from .yamlnodes import _Failed, parse_yaml

FORMAT_VERSION = 1
TOP_REQUIRED = ("format", "id", "version", "title", "date", "summary", "sources", "calendar",
                "seats", "issues", "moves", "map", "briefing", "history")
TOP_OPTIONAL = ("relations", "events", "tracks")
# The size of every list at the top of a file and on its map: (least, most) entries.
LIMITS = {"sources": (1, 100), "seats": (2, 8), "issues": (1, 12), "moves": (0, 80), "events": (0, 80),
          "tracks": (0, 20)}
MAP_LIMITS = {"regions": (1, 40), "sites": (0, 60), "flows": (0, 20)}


def parse_scenario(data: bytes, name: str = "<scenario>") -> Scenario:
    """Parse and validate; raise ScenarioError listing every problem."""
    try:
        root = parse_yaml(data, name)
    except _Failed as failed:
        raise ScenarioError(failed.problems) from None
    ctx = Ctx(name)
    scenario = _build(ctx, root)
    if ctx.problems or scenario is None:
        if not ctx.problems:
            ctx.problems.append(Problem(name, 1, 1, "", "the scenario could not be built"))
        raise ScenarioError(ctx.report())
    return scenario


def _over_limits(ctx: Ctx, top: dict) -> bool:
    """Refuse lists past their limit before anything reads their items, so a huge file costs no more to
    refuse than to open; the author fixes those first."""
    mp = top.get("map")
    lists = [(top.get(key), key, hi) for key, (_, hi) in LIMITS.items()]
    if mp is not None and mp.kind == "map":
        lists += [(mp.value.get(key), join("map", key), hi) for key, (_, hi) in MAP_LIMITS.items()]
    over = False
    for node, path, hi in lists:
        if node is not None and node.kind == "seq" and len(node.value) > hi:
            ctx.seq(node, path, 0, hi)
            over = True
    return over


def _ids(ctx, fields, key, path):
    items = fields.get(key)
    if items is None or items.kind != "seq":
        return []
    return ctx.unique_ids(items.value, path)


def _gather(ctx: Ctx, top: dict) -> Known:
    """First pass: every id the file defines, so references can be checked in any order."""
    known = Known()
    known.sources = tuple(_ids(ctx, top, "sources", "sources"))
    known.seats = tuple(_ids(ctx, top, "seats", "seats"))
    known.moves = tuple(_ids(ctx, top, "moves", "moves"))
    moves = top.get("moves")
    for node in moves.value if moves is not None and moves.kind == "seq" else ():
        f = node.value if node.kind == "map" else {}
        ident, seat = (getattr(f.get(k), "value", None) for k in ("id", "seat"))
        if isinstance(ident, str) and isinstance(seat, str):
            known.move_seats.setdefault(ident, seat)
    known.events = tuple(_ids(ctx, top, "events", "events"))
    issue_nodes = top.get("issues")
    _ids(ctx, top, "issues", "issues")
    if issue_nodes is not None and issue_nodes.kind == "seq":
        for i, node in enumerate(issue_nodes.value):
            ident = node.value.get("id") if node.kind == "map" else None
            if ident is not None and isinstance(ident.value, str) and ident.value not in known.issues:
                known.issues[ident.value] = issue_options(ctx, node, join("issues", i))
    tracks = top.get("tracks")
    if tracks is not None and tracks.kind == "seq":
        for node in tracks.value:
            f = node.value if node.kind == "map" else {}
            vals = [v.value if (v := f.get(k)) is not None else None for k in ("id", "min", "max")]
            if isinstance(vals[0], str):
                lo = vals[1] if isinstance(vals[1], int) else -10**9
                hi = vals[2] if isinstance(vals[2], int) else 10**9
                known.tracks[vals[0]] = (lo, hi)
    mp = top.get("map")
    if mp is not None and mp.kind == "map":
        known.regions = tuple(_ids(ctx, mp.value, "regions", "map.regions"))
        known.sites = tuple(_ids(ctx, mp.value, "sites", "map.sites"))
    cal = top.get("calendar")
    if cal is not None and cal.kind == "map" and isinstance(getattr(cal.value.get("turns"), "value", None), int):
        known.turns = max(1, min(30, cal.value["turns"].value))
    return known


def _list(ctx, top, key, reader, known):
    lo, hi = LIMITS[key]
    items = ctx.seq(top.get(key), key, lo, hi) if key in top else ()
    out = [reader(ctx, item, join(key, i), known) for i, item in enumerate(items or ())]
    return tuple(x for x in out if x is not None)


def _build(ctx: Ctx, root) -> Scenario | None:
    top = ctx.mapping(root, "", TOP_REQUIRED, TOP_OPTIONAL)
    if top is None:
        return None
    if "format" in top:
        fmt = ctx.integer(top["format"], "format", 1, 1_000)
        if fmt is not None and fmt != FORMAT_VERSION:
            ctx.error(top["format"], "format",
                      f"format {fmt} is not supported; this version reads format {FORMAT_VERSION}")
    if _over_limits(ctx, top):
        return None
    known = _gather(ctx, top)
    sources = _sources(ctx, top.get("sources"))
    calendar = _calendar(ctx, top.get("calendar"))
    seats = _list(ctx, top, "seats", read_seat, known)
    trust = read_trust(ctx, top.get("relations"), "relations", known)
    issues = _list(ctx, top, "issues", read_issue, known)
    moves = _list(ctx, top, "moves", read_move, known)
    events = _list(ctx, top, "events", read_event, known)
    tracks = _list(ctx, top, "tracks", read_track, known)
    game_map = read_map(ctx, top.get("map"), "map", known)
    history = read_history(ctx, top.get("history"), "history", known)
    citations = ()
    if calendar is not None and len(sources) == len(known.sources):
        citations = check_dates(ctx, top, sources, events, calendar.start_date, calendar.turns)
    ident = ctx.ident(top.get("id"), "id")
    version = ctx.integer(top.get("version"), "version", 1, 1_000_000)
    title = ctx.text(top.get("title"), "title", 120)
    date = ctx.date(top.get("date"), "date")
    summary = ctx.text(top.get("summary"), "summary", paragraphs=True)
    briefing = ctx.text(top.get("briefing"), "briefing", 8000, paragraphs=True)
    if ctx.problems:
        return None
    return Scenario(ident, version, title, date, summary, sources, calendar, seats, trust, issues,
                    moves, events, tracks, game_map, briefing, history,
                    content_hash=_hash(root), citations=citations)


def _hash(root) -> str:
    return hashlib.sha256(repr(_plain(root)).encode("utf-8")).hexdigest()


def _plain(node):
    if node.kind == "map":
        return tuple((str(k), _plain(v)) for k, v in node.value.items())
    if node.kind == "seq":
        return tuple(_plain(v) for v in node.value)
    return node.value


def _sources(ctx, node):
    items = ctx.seq(node, "sources", *LIMITS["sources"]) or ()
    out = []
    for i, item in enumerate(items):
        where = join("sources", i)
        f = ctx.mapping(item, where, ("id", "title", "date"), ("publisher", "url"))
        if f is None:
            continue
        parts = (ctx.ident(f.get("id"), join(where, "id")), ctx.text(f.get("title"), join(where, "title"), 200),
                 ctx.date(f.get("date"), join(where, "date")))
        publisher = ctx.text(f["publisher"], join(where, "publisher"), 120) if "publisher" in f else ""
        url = ctx.text(f["url"], join(where, "url"), 500) if "url" in f else ""
        if None not in parts and publisher is not None and url is not None:
            out.append(Source(*parts, publisher, url))
    return tuple(out)


def _calendar(ctx, node):
    keys = ("turns", "turn_unit", "start_date", "summit_turn", "talk_rounds")
    f = ctx.mapping(node, "calendar", keys)
    if f is None:
        return None
    turns = ctx.integer(f.get("turns"), "calendar.turns", 1, 30)
    unit = ctx.choice(f.get("turn_unit"), "calendar.turn_unit", ("day",))
    start = ctx.date(f.get("start_date"), "calendar.start_date")
    summit = ctx.integer(f.get("summit_turn"), "calendar.summit_turn", 1, 30)
    rounds = ctx.integer(f.get("talk_rounds"), "calendar.talk_rounds", 1, 6)
    if None in (turns, unit, start, summit, rounds):
        return None
    if summit != turns:
        ctx.error(f["summit_turn"], "calendar.summit_turn", f"the summit is the last turn: expected {turns}")
        return None
    return Calendar(turns, unit, start, summit, rounds)
