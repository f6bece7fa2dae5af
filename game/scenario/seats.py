"""Seats, their hidden preferences and objectives, and the trust between them."""

from __future__ import annotations

from .fields import LATER, Ctx, join
from .model import STAT_IDS, Objective, Personality, Preferences, Seat
from .vocabulary import Known, option_label, read_condition

WEIGHT_TOLERANCE = 1e-3

SEAT_KEYS = ("id", "name", "leader", "colour", "stats", "personality", "briefing",
             "preferences", "objectives", "source")
SEAT_OPTIONAL = ("at_table", "capital", "title", LATER)


def read_seat(ctx: Ctx, node, path, known: Known):
    fields = ctx.mapping(node, path, SEAT_KEYS, SEAT_OPTIONAL)
    if fields is None:
        return None
    ident = ctx.ident(fields.get("id"), join(path, "id"))
    name = ctx.text(fields.get("name"), join(path, "name"), 60)
    leader = ctx.text(fields.get("leader"), join(path, "leader"), 80)
    title = ctx.text(fields["title"], join(path, "title"), 60) if "title" in fields else ""
    capital = ctx.text(fields["capital"], join(path, "capital"), 60) if "capital" in fields else ""
    colour = ctx.colour(fields.get("colour"), join(path, "colour"))
    at_table = ctx.boolean(fields.get("at_table"), join(path, "at_table"), True)
    stats = _stats(ctx, fields.get("stats"), join(path, "stats"))
    personality = _personality(ctx, fields.get("personality"), join(path, "personality"))
    briefing = ctx.text(fields.get("briefing"), join(path, "briefing"), 6000, paragraphs=True)
    prefs = read_preferences(ctx, fields.get("preferences"), join(path, "preferences"), known)
    objectives = _objectives(ctx, fields.get("objectives"), join(path, "objectives"), known)
    source = ctx.ref(fields.get("source"), join(path, "source"), "source", known.sources)
    later = ctx.later(fields, path)
    parts = (ident, name, leader, title, capital, colour, at_table, stats, personality,
             briefing, prefs, objectives, source)
    if None in parts or later is None:
        return None
    return Seat(ident, name, leader, colour, at_table, stats, personality, briefing, prefs,
                objectives, source, capital, title, later)


def _stats(ctx, node, path):
    fields = ctx.mapping(node, path, STAT_IDS)
    if fields is None:
        return None
    values = [ctx.integer(fields.get(k), join(path, k), 0, 100) for k in STAT_IDS]
    return None if None in values else tuple(zip(STAT_IDS, values))


def _personality(ctx, node, path):
    keys = ("patience", "risk", "honesty")
    fields = ctx.mapping(node, path, keys)
    if fields is None:
        return None
    values = [ctx.number(fields.get(k), join(path, k), 0.0, 1.0) for k in keys]
    return None if None in values else Personality(*values)


def _objectives(ctx, node, path, known):
    items = ctx.seq(node, path, 0, 10)
    if items is None:
        return None
    ctx.unique_ids(items, path)
    out = []
    for i, item in enumerate(items):
        where = join(path, i)
        fields = ctx.mapping(item, where, ("id", "text", "points", "when", "source"), (LATER,))
        if fields is None:
            return None
        ident = ctx.ident(fields.get("id"), join(where, "id"))
        text = ctx.text(fields.get("text"), join(where, "text"), 300)
        points = ctx.integer(fields.get("points"), join(where, "points"), 1, 100)
        when = read_condition(ctx, fields.get("when"), join(where, "when"), known) if "when" in fields else None
        source = ctx.ref(fields.get("source"), join(where, "source"), "source", known.sources)
        later = ctx.later(fields, where)
        if None in (ident, text, points, source) or when is None or later is None:
            return None
        out.append(Objective(ident, text, points, when, source, later))
    return tuple(out)


def read_preferences(ctx: Ctx, node, path, known: Known):
    fields = ctx.mapping(node, path, ("reservation", "weights", "values"))
    if fields is None:
        return None
    before = len(ctx.problems)
    reservation = ctx.number(fields.get("reservation"), join(path, "reservation"), 0.0, 1.0)
    weights = _weights(ctx, fields.get("weights"), join(path, "weights"), known)
    values = _values(ctx, fields.get("values"), join(path, "values"), known)
    if len(ctx.problems) > before or None in (reservation, weights, values):
        return None
    if any(not known.issues[i][1] for i, _ in weights):
        return None  # an issue without valid options: its own problem is reported where it is defined
    for issue, weight in weights:
        if weight > 0 and issue not in values:
            ctx.error(fields["values"], join(path, "values"),
                      f"issue '{issue}' has weight {weight:g} but no values")
            return None
    best = sum(w * max(values[i]) for i, w in weights if i in values)
    if reservation > best + 1e-9:
        ctx.error(fields["reservation"], join(path, "reservation"),
                  f"reservation {reservation:g} is above the best outcome this seat can reach ({best:.3f})")
        return None
    ordered = tuple(sorted(values.items(), key=lambda kv: list(known.issues).index(kv[0])))
    return Preferences(reservation, weights, ordered)


def _weights(ctx, node, path, known):
    fields = ctx.mapping(node, path, (), tuple(known.issues))
    if fields is None:
        return None
    weights = []
    for issue, value_node in fields.items():
        weight = ctx.number(value_node, join(path, issue), 0.0, 1.0)
        if weight is not None:
            weights.append((issue, weight))
    total = sum(w for _, w in weights)
    if len(weights) == len(fields) and abs(total - 1.0) > WEIGHT_TOLERANCE:
        ctx.error(node, path, f"weights sum to {total:.4g}; they must sum to 1")
        return None
    order = list(known.issues)
    return tuple(sorted(weights, key=lambda kv: order.index(kv[0])))


def _values(ctx, node, path, known):
    fields = ctx.mapping(node, path, (), tuple(known.issues))
    if fields is None:
        return None
    tables = {}
    for issue, table_node in fields.items():
        table = _value_table(ctx, table_node, join(path, issue), known, issue)
        if table is not None:
            tables[issue] = table
    return tables


def _value_table(ctx, node, path, known, issue):
    kind, options = known.issues[issue]
    if not options:
        return None  # the issue's own problem is reported where it is defined
    if node.kind != "map":
        ctx.error(node, path, "expected a mapping of option: value")
        return None
    points = {}
    for raw, value_node in node.value.items():
        label = option_label(kind, options, raw)
        where = join(path, str(raw) if not isinstance(raw, bool) else ("yes" if raw else "no"))
        if label is None:
            ctx.error(node.key_marks[raw], where, f"'{raw}' is not an option of issue '{issue}'")
            continue
        value = ctx.number(value_node, where, 0.0, 1.0)
        if value is not None:
            points[options.index(label)] = value
    if len(points) != len(node.value):
        return None
    if kind in ("choice", "yesno"):
        missing = [o for i, o in enumerate(options) if i not in points]
        if missing:
            ctx.error(node, path, f"no value for option(s) {', '.join(missing)}")
            return None
        return tuple(points[i] for i in range(len(options)))
    if not points:
        ctx.error(node, path, "give a value for at least one grid point")
        return None
    return _interpolate(points, len(options))


def _interpolate(points: dict, count: int) -> tuple:
    keys = sorted(points)
    out = []
    for i in range(count):
        if i <= keys[0]:
            out.append(points[keys[0]])
        elif i >= keys[-1]:
            out.append(points[keys[-1]])
        else:
            hi = next(k for k in keys if k >= i)
            lo = max(k for k in keys if k <= i)
            if hi == lo:
                out.append(points[lo])
            else:
                t = (i - lo) / (hi - lo)
                out.append(round(points[lo] + t * (points[hi] - points[lo]), 6))
    return tuple(out)


def read_trust(ctx: Ctx, node, path, known: Known):
    """The starting trust matrix as a tuple of rows, in seat order."""
    n = len(known.seats)
    if node is None:
        return tuple(tuple(100 if i == j else 50 for j in range(n)) for i in range(n))
    fields = ctx.mapping(node, path, (), ("default", "pairs"))
    if fields is None:
        return None
    default = ctx.integer(fields["default"], join(path, "default"), 0, 100) if "default" in fields else 50
    matrix = [[default or 0] * n for _ in range(n)]
    pairs = ctx.seq(fields.get("pairs"), join(path, "pairs"), 0, 64) or ()
    seen: dict[frozenset[str], int] = {}    # pair -> the line it was first set on
    for i, pair in enumerate(pairs):
        where = join(join(path, "pairs"), i)
        pf = ctx.mapping(pair, where, ("between", "trust", "source"), (LATER,))
        if pf is None:
            continue
        between = ctx.refs(pf.get("between"), join(where, "between"), "seat", known.seats, 2, 2)
        trust = ctx.integer(pf.get("trust"), join(where, "trust"), 0, 100)
        ctx.ref(pf.get("source"), join(where, "source"), "source", known.sources)
        ctx.later(pf, where)
        if not between or len(between) != 2 or trust is None:
            continue
        key = frozenset(between)
        if key in seen:
            ctx.error(pair, where, f"the pair {between[0]}/{between[1]} is set twice (first at line {seen[key]})")
            continue
        seen[key] = pair.line
        a, b = known.seats.index(between[0]), known.seats.index(between[1])
        matrix[a][b] = matrix[b][a] = trust
    for i in range(n):
        matrix[i][i] = 100
    return tuple(tuple(row) for row in matrix)
