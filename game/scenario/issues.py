"""Issues, moves, events and tracks: what can be negotiated and what can happen."""

from __future__ import annotations

from .fields import LATER, Ctx, join
from .model import ISSUE_KINDS, MOVE_KINDS, Event, Issue, Move, Obligation, Track
from .vocabulary import Known, option_label, read_condition, read_effects, read_option

MAX_GRID = 41
MAX_CHOICES = 8


def issue_options(ctx: Ctx, node, path):
    """First pass: an issue's id, kind and option labels, or None."""
    fields = node.value if node.kind == "map" else {}
    kind = fields.get("kind")
    kind = kind.value if kind is not None and kind.kind == "scalar" else None
    if kind == "yesno":
        return kind, ("no", "yes")
    if kind == "choice":
        opts = fields.get("options")
        items = ctx.seq(opts, join(path, "options"), 2, MAX_CHOICES) if opts is not None else None
        if items is None:
            return kind, ()
        labels = []
        for i, item in enumerate(items):
            label = ctx.ident(item, join(join(path, "options"), i))
            if label is not None:
                if label in labels:
                    ctx.error(item, join(join(path, "options"), i), f"option '{label}' is listed twice")
                labels.append(label)
        return kind, tuple(labels)
    if kind in ("number", "quantity"):
        lo = ctx.integer(fields.get("min"), join(path, "min"), -10_000, 10_000) if "min" in fields else 0
        hi = ctx.integer(fields.get("max"), join(path, "max"), -10_000, 10_000) if "max" in fields else None
        step = ctx.integer(fields.get("step"), join(path, "step"), 1, 10_000) if "step" in fields else 1
        if lo is None or hi is None or step is None:
            return kind, ()
        if kind == "quantity" and lo != 0:
            ctx.error(fields["min"], join(path, "min"), "a quantity starts at 0")
            return kind, ()
        if hi <= lo:
            ctx.error(fields["max"], join(path, "max"), f"max ({hi}) must be above min ({lo})")
            return kind, ()
        if (hi - lo) % step:
            ctx.error(fields["step"] if "step" in fields else node, join(path, "step"),
                      f"step {step} does not divide {lo}..{hi} evenly")
            return kind, ()
        count = (hi - lo) // step + 1
        if count > MAX_GRID:
            ctx.error(node, path, f"the grid {lo}..{hi} step {step} has {count} points; the limit is {MAX_GRID}")
            return kind, ()
        return kind, tuple(str(v) for v in range(lo, hi + 1, step))
    return kind, ()


ISSUE_KEYS = ("id", "name", "kind", "description", "signatories", "source")
ISSUE_OPTIONAL = ("options", "min", "max", "step", "unit", "default", "obligations", "available", LATER,
                  "labels")
MAX_LABEL = 40


def read_issue(ctx: Ctx, node, path, known: Known):
    fields = ctx.mapping(node, path, ISSUE_KEYS, ISSUE_OPTIONAL)
    if fields is None:
        return None
    ident = ctx.ident(fields.get("id"), join(path, "id"))
    kind = ctx.choice(fields.get("kind"), join(path, "kind"), ISSUE_KINDS)
    for key in ("options",):
        if key in fields and kind != "choice":
            ctx.error(fields[key], join(path, key), "only a choice issue lists options")
    for key in ("min", "max", "step", "unit"):
        if key in fields and kind not in ("number", "quantity"):
            ctx.error(fields[key], join(path, key), f"only number and quantity issues have '{key}'")
    if kind == "choice" and "options" not in fields:
        ctx.error(node, path, "missing required key 'options' for a choice issue")
    if kind in ("number", "quantity") and "max" not in fields:
        ctx.error(node, path, f"missing required key 'max' for a {kind} issue")
    options = known.issues.get(ident, (kind, ()))[1]
    default = options[0] if options else None
    if "default" in fields:
        default = read_option(ctx, fields["default"], join(path, "default"), known, ident)
    signatories = ctx.refs(fields.get("signatories"), join(path, "signatories"), "seat", known.seats, 2, 8)
    obligations = []
    for i, ob in enumerate(ctx.seq(fields.get("obligations"), join(path, "obligations"), 0, 10) or ()):
        obligations.append(read_obligation(ctx, ob, join(join(path, "obligations"), i), known, ident, signatories))
    name = ctx.text(fields.get("name"), join(path, "name"), 80)
    desc = ctx.text(fields.get("description"), join(path, "description"), paragraphs=True)
    unit = ctx.text(fields["unit"], join(path, "unit"), 30) if "unit" in fields else ""
    available = ctx.boolean(fields.get("available"), join(path, "available"), True)
    source = ctx.ref(fields.get("source"), join(path, "source"), "source", known.sources)
    labels = _labels(ctx, fields["labels"], join(path, "labels"), kind, options, ident) if "labels" in fields else ()
    later = ctx.later(fields, path)
    if None in (ident, kind, signatories, name, desc, source, unit, available, labels) or default is None \
            or later is None or None in obligations:
        return None
    return Issue(ident, name, kind, options, default, signatories, desc, source, unit,
                 tuple(obligations), available, later, labels)


def _labels(ctx: Ctx, node, path, kind, options, issue_id):
    """How some options read on screen ("Russian MP" for russian_mp), as (option, label) pairs in option order."""
    if not options:
        return ()  # the issue's own problem is reported where its options are
    if node.kind != "map":
        ctx.error(node, path, "expected a mapping of option: label")
        return None
    found = {}
    for raw, text_node in node.value.items():
        label = option_label(kind, options, raw)
        where = join(path, str(raw) if not isinstance(raw, bool) else ("yes" if raw else "no"))
        if label is None:
            ctx.error(node.key_marks[raw], where, f"'{raw}' is not an option of issue '{issue_id}'")
            continue
        text = ctx.text(text_node, where, MAX_LABEL)
        if text is not None:
            found[label] = text
    if len(found) != len(node.value):
        return None
    return tuple((o, found[o]) for o in options if o in found)


def read_obligation(ctx: Ctx, node, path, known: Known, issue_id, signatories):
    fields = ctx.mapping(node, path, ("seats", "forbids", "text"), ("options", "at_least", "penalty"))
    if fields is None:
        return None
    kind, options = known.issues.get(issue_id, (None, ()))
    if ("options" in fields) == ("at_least" in fields):
        ctx.error(node, path, "give either 'options' or 'at_least'")
        return None
    if "options" in fields:
        chosen = []
        for i, item in enumerate(ctx.seq(fields["options"], join(path, "options"), 1, 50) or ()):
            label = read_option(ctx, item, join(join(path, "options"), i), known, issue_id)
            if label is not None:
                chosen.append(label)
        if len(chosen) != len(fields["options"].value if fields["options"].kind == "seq" else ()):
            return None
    else:
        label = read_option(ctx, fields["at_least"], join(path, "at_least"), known, issue_id)
        if label is None:
            return None
        chosen = list(options[options.index(label):])
    seats = ctx.refs(fields.get("seats"), join(path, "seats"), "seat", known.seats, 1, 8)
    if seats and signatories:
        for i, item in enumerate(fields["seats"].value):
            if item.value in seats and item.value not in signatories:
                ctx.error(item, join(join(path, "seats"), i),
                          f"seat '{item.value}' is bound but is not a signatory of '{issue_id}'")
    forbids = ctx.refs(fields.get("forbids"), join(path, "forbids"), "move", known.moves, 1, 20)
    if forbids and seats:
        for i, item in enumerate(fields["forbids"].value):
            owner = known.move_seats.get(item.value)
            if item.value in forbids and owner is not None and owner not in seats:
                ctx.error(item, join(join(path, "forbids"), i),
                          f"move '{item.value}' is made by '{owner}', whom this obligation does not bind: "
                          "the clause could never be broken")
    text = ctx.text(fields.get("text"), join(path, "text"), 300)
    penalty = read_effects(ctx, fields.get("penalty"), join(path, "penalty"), known)
    if None in (seats, forbids, text):
        return None
    return Obligation(tuple(chosen), seats, forbids, text, penalty)


MOVE_KEYS = ("id", "seat", "name", "kind", "description", "effects", "source")


def read_move(ctx: Ctx, node, path, known: Known):
    fields = ctx.mapping(node, path, MOVE_KEYS, ("requires", "public", LATER))
    if fields is None:
        return None
    ident = ctx.ident(fields.get("id"), join(path, "id"))
    if ident == "hold":
        ctx.error(fields["id"], join(path, "id"), "'hold' is built in: every seat can always hold")
        ident = None
    seat = ctx.ref(fields.get("seat"), join(path, "seat"), "seat", known.seats)
    name = ctx.text(fields.get("name"), join(path, "name"), 80)
    kind = ctx.choice(fields.get("kind"), join(path, "kind"), MOVE_KINDS)
    desc = ctx.text(fields.get("description"), join(path, "description"), paragraphs=True)
    effects = read_effects(ctx, fields.get("effects"), join(path, "effects"), known)
    requires = None
    if "requires" in fields:
        requires = read_condition(ctx, fields["requires"], join(path, "requires"), known)
    public = ctx.boolean(fields.get("public"), join(path, "public"), True)
    source = ctx.ref(fields.get("source"), join(path, "source"), "source", known.sources)
    later = ctx.later(fields, path)
    if None in (ident, seat, name, kind, desc, public, source) or later is None \
            or ("requires" in fields and requires is None):
        return None
    return Move(ident, seat, name, kind, desc, effects, source, requires, public, later)


def read_event(ctx: Ctx, node, path, known: Known):
    fields = ctx.mapping(node, path, ("id", "title", "text", "source"), ("turn", "when", "chance", "effects", LATER))
    if fields is None:
        return None
    ident = ctx.ident(fields.get("id"), join(path, "id"))
    title = ctx.text(fields.get("title"), join(path, "title"), 120)
    text = ctx.text(fields.get("text"), join(path, "text"), paragraphs=True)
    source = ctx.ref(fields.get("source"), join(path, "source"), "source", known.sources)
    if ("turn" in fields) == ("when" in fields):
        ctx.error(node, path, "give either 'turn' or 'when'")
        return None
    turn = ctx.integer(fields["turn"], join(path, "turn"), 1, known.turns) if "turn" in fields else None
    when = read_condition(ctx, fields["when"], join(path, "when"), known) if "when" in fields else None
    chance = ctx.number(fields["chance"], join(path, "chance"), 0.0, 1.0) if "chance" in fields else 1.0
    effects = read_effects(ctx, fields.get("effects"), join(path, "effects"), known)
    later = ctx.later(fields, path)
    if None in (ident, title, text, source, chance) or later is None or (turn is None and when is None):
        return None
    return Event(ident, title, text, source, effects, turn, when, chance, later)


def read_track(ctx: Ctx, node, path, known: Known):
    fields = ctx.mapping(node, path, ("id", "name", "value", "min", "max", "source"), ("unit", LATER))
    if fields is None:
        return None
    ident = ctx.ident(fields.get("id"), join(path, "id"))
    name = ctx.text(fields.get("name"), join(path, "name"), 80)
    lo = ctx.integer(fields.get("min"), join(path, "min"), -10**9, 10**9)
    hi = ctx.integer(fields.get("max"), join(path, "max"), -10**9, 10**9)
    value = ctx.integer(fields.get("value"), join(path, "value"), -10**9, 10**9)
    unit = ctx.text(fields["unit"], join(path, "unit"), 30) if "unit" in fields else ""
    source = ctx.ref(fields.get("source"), join(path, "source"), "source", known.sources)
    later = ctx.later(fields, path)
    if None in (ident, name, lo, hi, value, unit, source) or later is None:
        return None
    if hi <= lo:
        ctx.error(fields["max"], join(path, "max"), f"max ({hi}) must be above min ({lo})")
        return None
    if not lo <= value <= hi:
        ctx.error(fields["value"], join(path, "value"), f"{value} is out of range {lo}..{hi}")
        return None
    return Track(ident, name, value, lo, hi, unit, source, later)
