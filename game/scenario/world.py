"""The map of the crisis and the historical outcome."""

from __future__ import annotations

from .fields import LATER, Ctx, join
from .model import SITE_KINDS, Flow, GameMap, History, HistoryEntry, Region, Settled, Site
from .vocabulary import CONTESTED, Known, read_option


def _point(ctx, node, path, bounds):
    items = ctx.seq(node, path, 2, 2)
    if items is None or len(items) != 2:
        return None
    lon = ctx.number(items[0], join(path, 0), -180.0, 180.0)
    lat = ctx.number(items[1], join(path, 1), -90.0, 90.0)
    if lon is None or lat is None:
        return None
    if bounds and not (bounds[0] <= lon <= bounds[2] and bounds[1] <= lat <= bounds[3]):
        ctx.error(node, path, f"point ({lon:g}, {lat:g}) lies outside the map bounds")
        return None
    return (lon, lat)


def _points(ctx, node, path, bounds, lo, hi):
    items = ctx.seq(node, path, lo, hi)
    if items is None:
        return None
    pts = [_point(ctx, item, join(path, i), bounds) for i, item in enumerate(items)]
    return None if None in pts or len(pts) < lo else tuple(pts)


def _control(ctx, node, path, known):
    seat = ctx.ref(node, path, "seat", known.seats, (CONTESTED,))
    return None if seat is None else ("" if seat == CONTESTED else seat)


def read_map(ctx: Ctx, node, path, known: Known):
    fields = ctx.mapping(node, path, ("bounds", "regions", "sites"), ("flows", "front"))
    if fields is None:
        return None
    bounds = _bounds(ctx, fields.get("bounds"), join(path, "bounds"))
    regions, sites, flows = [], [], []
    region_nodes = ctx.seq(fields.get("regions"), join(path, "regions"), 1, 40) or ()
    polygons = {}
    for i, item in enumerate(region_nodes):
        where = join(join(path, "regions"), i)
        rf = ctx.mapping(item, where, ("id", "name", "control", "polygon", "source"), (LATER,))
        if rf is None:
            continue
        parts = (ctx.ident(rf.get("id"), join(where, "id")),
                 ctx.text(rf.get("name"), join(where, "name"), 60),
                 _points(ctx, rf.get("polygon"), join(where, "polygon"), bounds, 3, 200),
                 _control(ctx, rf.get("control"), join(where, "control"), known),
                 ctx.ref(rf.get("source"), join(where, "source"), "source", known.sources))
        later = ctx.later(rf, where)
        if None not in parts and later is not None:
            regions.append(Region(*parts, later))
            polygons[parts[0]] = parts[2]
    site_nodes = ctx.seq(fields.get("sites"), join(path, "sites"), 0, 60) or ()
    for i, item in enumerate(site_nodes):
        site = _site(ctx, item, join(join(path, "sites"), i), known, bounds, polygons)
        if site is not None:
            sites.append(site)
    flow_nodes = ctx.seq(fields.get("flows"), join(path, "flows"), 0, 20) or ()
    ctx.unique_ids(flow_nodes, join(path, "flows"))
    for i, item in enumerate(flow_nodes):
        where = join(join(path, "flows"), i)
        ff = ctx.mapping(item, where, ("id", "name", "from", "to", "track", "source"), (LATER,))
        if ff is None:
            continue
        flow = (ctx.ident(ff.get("id"), join(where, "id")),
                ctx.text(ff.get("name"), join(where, "name"), 80),
                ctx.ref(ff.get("from"), join(where, "from"), "region", known.regions),
                ctx.ref(ff.get("to"), join(where, "to"), "region", known.regions),
                ctx.ref(ff.get("track"), join(where, "track"), "track", known.tracks),
                ctx.ref(ff.get("source"), join(where, "source"), "source", known.sources))
        later = ctx.later(ff, where)
        if None not in flow and later is not None:
            flows.append(Flow(*flow, later))
    front = ()
    if "front" in fields:
        front = _points(ctx, fields["front"], join(path, "front"), bounds, 2, 200)
    if bounds is None or front is None:
        return None
    return GameMap(bounds, tuple(regions), tuple(sites), tuple(flows), front)


def _bounds(ctx, node, path):
    items = ctx.seq(node, path, 4, 4)
    if items is None or len(items) != 4:
        return None
    limits = ((-180.0, 180.0), (-90.0, 90.0), (-180.0, 180.0), (-90.0, 90.0))
    values = [ctx.number(n, join(path, i), *limits[i]) for i, n in enumerate(items)]
    if None in values:
        return None
    if values[0] >= values[2] or values[1] >= values[3]:
        ctx.error(node, path, "bounds are [lon_min, lat_min, lon_max, lat_max] with min below max")
        return None
    return tuple(values)


def inside(point, polygon) -> bool:
    """Whether a point lies in a polygon or on its edge (even-odd rule)."""
    x, y = point
    hit = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1]):
        cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)
        if abs(cross) < 1e-9 and min(x1, x2) - 1e-9 <= x <= max(x1, x2) + 1e-9 \
                and min(y1, y2) - 1e-9 <= y <= max(y1, y2) + 1e-9:
            return True
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def _site(ctx, node, path, known, bounds, polygons):
    fields = ctx.mapping(node, path, ("id", "name", "kind", "region", "control", "source"),
                         ("at", "path", "description", LATER))
    if fields is None:
        return None
    if ("at" in fields) == ("path" in fields):
        ctx.error(node, path, "give either 'at' (a point) or 'path' (a line)")
        return None
    at = _point(ctx, fields["at"], join(path, "at"), bounds) if "at" in fields else ()
    line = _points(ctx, fields["path"], join(path, "path"), bounds, 2, 200) if "path" in fields else ()
    parts = (ctx.ident(fields.get("id"), join(path, "id")),
             ctx.text(fields.get("name"), join(path, "name"), 60),
             ctx.choice(fields.get("kind"), join(path, "kind"), SITE_KINDS),
             ctx.ref(fields.get("region"), join(path, "region"), "region", known.regions),
             _control(ctx, fields.get("control"), join(path, "control"), known),
             ctx.ref(fields.get("source"), join(path, "source"), "source", known.sources))
    desc = ctx.text(fields["description"], join(path, "description"), 400, paragraphs=True) \
        if "description" in fields else ""
    later = ctx.later(fields, path)
    if None in parts or at is None or line is None or desc is None or later is None:
        return None
    if at and parts[3] in polygons and not inside(at, polygons[parts[3]]):
        ctx.error(fields["at"], join(path, "at"), f"point ({at[0]:g}, {at[1]:g}) lies outside region '{parts[3]}', "
                                                  "where the site says it is")
        return None
    return Site(*parts, at=at, path=line, description=desc, reported_later=later)


def read_history(ctx: Ctx, node, path, known: Known):
    fields = ctx.mapping(node, path, ("date", "summary", "parties", "outcome", "source"), ("aftermath",))
    if fields is None:
        return None
    date = ctx.date(fields.get("date"), join(path, "date"))
    summary = ctx.text(fields.get("summary"), join(path, "summary"), paragraphs=True)
    parties = ctx.refs(fields.get("parties"), join(path, "parties"), "seat", known.seats, 1, 8)
    source = ctx.ref(fields.get("source"), join(path, "source"), "source", known.sources)
    aftermath = ctx.text(fields["aftermath"], join(path, "aftermath"), paragraphs=True) if "aftermath" in fields else ""
    where = join(path, "outcome")
    out_fields = ctx.mapping(fields.get("outcome"), where, (), tuple(known.issues))
    entries = {}
    for issue, value_node in (out_fields or {}).items():
        entry = _history_entry(ctx, value_node, join(where, issue), known, issue)
        if entry is not None:
            entries[issue] = entry
    if None in (date, summary, parties, source, aftermath, out_fields) or len(entries) < len(out_fields):
        return None
    # What the history does not mention, the summit did not settle: never a silent fall-back to a default.
    told = tuple(entries.get(i) or HistoryEntry(i, Settled.OPEN) for i in known.issues)
    if not any(e.settled.counted for e in told):
        ctx.error(fields["outcome"], where, "nothing here is agreed or left open, so nothing can be set beside the "
                                            "table's result: mark at least one issue agreed (an option) or open")
        return None
    return History(date, summary, parties, told, source, aftermath)


NOTE_LIMIT = 400


def _history_entry(ctx: Ctx, node, path, known: Known, issue):
    """`issue: option` (the summit agreed it), or {settled, option, note} for what it did not settle."""
    if node.kind != "map":
        option = read_option(ctx, node, path, known, issue)
        return None if option is None else HistoryEntry(issue, Settled.AGREED, option)
    fields = ctx.mapping(node, path, ("settled",), ("option", "note"))
    if fields is None:
        return None
    name = ctx.choice(fields.get("settled"), join(path, "settled"), tuple(Settled))
    note = ctx.text(fields["note"], join(path, "note"), NOTE_LIMIT) if "note" in fields else ""
    if name is None or note is None:
        return None
    settled = Settled(name)
    option = ""
    if settled is Settled.OPEN:
        if "option" in fields:
            ctx.error(fields["option"], join(path, "option"), "an issue left open has no option; say why in 'note'")
            return None
    elif "option" not in fields:
        ctx.error(node, path, f"missing required key 'option': what was {_SAID[settled]}")
        return None
    else:
        option = read_option(ctx, fields["option"], join(path, "option"), known, issue)
        if option is None:
            return None
    if settled in _WHY and not note:
        ctx.error(node, path, f"missing required key 'note': the debrief says why the issue was {_WHY[settled]}")
        return None
    return HistoryEntry(issue, settled, option, note)


_SAID = {Settled.AGREED: "agreed", Settled.VERBAL: "said", Settled.EARLIER: "contracted earlier"}
_WHY = {Settled.VERBAL: "settled only in words", Settled.EARLIER: "covered by an earlier contract"}

