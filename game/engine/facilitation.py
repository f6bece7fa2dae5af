"""What a facilitator may do to a table's state: announce news, or make a scenario event happen now.

Both are checked whole before anything changes, like a seat's action, and are logged so a
table replays exactly. Pausing, deadlines and seating are not rules and live with the server.
"""

from __future__ import annotations

from .errors import IllegalAction
from .kinds import EVERYONE, EventKind, OpType, Phase
from .phases import fire

TITLE_MAX = 160
TEXT_MAX = 2000
SOURCE_MAX = 300


def _text(op: dict, key: str, limit: int, required: bool) -> str:
    value = op.get(key, "")
    if not isinstance(value, str):
        raise IllegalAction(f"the news item's {key} must be text")
    value = value.strip()
    if required and not value:
        raise IllegalAction(f"the news item needs a {key}")
    if len(value) > limit:
        raise IllegalAction(f"the news item's {key} is at most {limit} characters; this one has {len(value)}")
    if any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) < 0xA0 for c in value):
        raise IllegalAction(f"the news item's {key} holds control characters")
    return value


def facilitate(state, op) -> dict:
    """Apply `op`; return the log entry it makes (plain data, exactly what replays it)."""
    if not isinstance(op, dict):
        raise IllegalAction("a facilitator operation is a mapping with a 'type'")
    if state.phase == Phase.OVER:
        raise IllegalAction("the summit is over; the table takes no more news")
    kind = op.get("type")
    if kind == OpType.ANNOUNCE:
        extra = sorted(set(op) - {"type", "title", "text", "source"})
        if extra:
            raise IllegalAction(f"news from the facilitator takes no {', '.join(extra)}")
        title = _text(op, "title", TITLE_MAX, True)
        text = _text(op, "text", TEXT_MAX, False)
        source = _text(op, "source", SOURCE_MAX, True)
        state.record(EventKind.NEWS, "", EVERYONE, title, body=text, source="", source_line=source, by="facilitator")
        return {"type": str(OpType.ANNOUNCE), "title": title, "text": text, "source": source}
    if kind == OpType.TRIGGER:
        extra = sorted(set(op) - {"type", "event"})
        if extra:
            raise IllegalAction(f"an event brought forward takes no {', '.join(extra)}")
        event_id = op.get("event")
        event = next((e for e in state.game.scenario.events if e.id == event_id), None)
        if event is None:
            raise IllegalAction(f"the scenario has no event {event_id!r}")
        if event_id in state.fired:
            raise IllegalAction(f"'{event.title}' has already happened")
        fire(state, event)["by"] = "facilitator"
        return {"type": str(OpType.TRIGGER), "event": event_id}
    raise IllegalAction(f"unknown facilitator operation {kind!r}; expected one of {', '.join(OpType)}")
