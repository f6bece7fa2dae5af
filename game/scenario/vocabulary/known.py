"""What the file defines, gathered before its entries are read, and issue options named in YAML."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..fields import Ctx, describe

CONTESTED = "contested"  # a region or site that no seat holds


@dataclass
class Known:
    """Ids defined in the file, so references can be checked as they are read."""
    seats: tuple = ()
    issues: dict = field(default_factory=dict)  # id -> (kind, options)
    moves: tuple = ()
    move_seats: dict = field(default_factory=dict)  # move id -> the seat that makes it
    regions: tuple = ()
    sites: tuple = ()
    tracks: dict = field(default_factory=dict)  # id -> (min, max)
    events: tuple = ()
    sources: tuple = ()
    turns: int = 30


def option_label(kind: str, options, raw):
    """The option label a YAML value names for an issue, or None."""
    if kind == "yesno":
        if raw is True or raw == "yes":
            return "yes"
        if raw is False or raw == "no":
            return "no"
        return None
    if kind in ("number", "quantity"):
        if isinstance(raw, bool):
            return None
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if isinstance(raw, str) and raw.lstrip("-").isdigit():
            raw = int(raw)
        label = str(raw) if isinstance(raw, int) else None
        return label if label in options else None
    return raw if isinstance(raw, str) and raw in options else None


def read_option(ctx: Ctx, node, path, known: Known, issue_id):
    if node is None or issue_id not in known.issues:
        return None
    kind, options = known.issues[issue_id]
    label = option_label(kind, options, node.value if node.kind == "scalar" else None)
    if label is None:
        shown = ", ".join(options) if len(options) <= 12 else f"{options[0]}..{options[-1]}"
        ctx.error(node, path, f"{describe(node)} is not an option of issue '{issue_id}' ({shown})")
    return label
