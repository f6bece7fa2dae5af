"""Conditions in words: when a scenario's event happens, for the facilitator's calendar.

A condition here is plain data: {"kind": ..., its arguments..., "children": [...]}, as the
scenario file gives it (see docs/scenario-format.md).
"""

from __future__ import annotations

from .words import STAT_NAMES, option_text


def _bounds(c: dict, unit: str = "") -> str:
    lo, hi = c.get("at_least"), c.get("at_most")
    unit = f" {unit}" if unit else ""
    if lo is not None and hi is not None:
        return f"{lo}{unit}" if lo == hi else f"between {lo} and {hi}{unit}"
    return f"at least {lo}{unit}" if lo is not None else f"at most {hi}{unit}"


def _agreed(c: dict, public: dict) -> str:
    issue = next((i for i in public["issues"] if i["id"] == c["issue"]), {"name": c["issue"], "kind": "choice"})
    said = f"the table agrees {issue['name']}"
    if c.get("option") is not None:
        return f"{said}: {option_text(issue, c['option'])}"
    if c.get("at_least") is not None and c.get("at_most") is not None:
        return f"{said}: {option_text(issue, c['at_least'])} to {option_text(issue, c['at_most'])}"
    if c.get("at_least") is not None:
        return f"{said}: {option_text(issue, c['at_least'])} or more"
    if c.get("at_most") is not None:
        return f"{said}: {option_text(issue, c['at_most'])} or less"
    return f"the table agrees anything on {issue['name']}"


def _turn(c: dict) -> str:
    lo, hi = c.get("at_least"), c.get("at_most")
    if lo is not None and hi is not None:
        return f"on day {lo}" if lo == hi else f"between day {lo} and day {hi}"
    return f"from day {lo} on" if lo is not None else f"up to day {hi}"


def condition_text(c: dict, public: dict, names: dict, events: dict) -> str:
    """'on day 3, unless the table agrees Turkey's border with Greece: managed or more'."""
    kind = c["kind"]
    name = names.get
    if kind == "all":
        plain = [condition_text(x, public, names, events) for x in c["children"] if x["kind"] != "not"]
        unless = [condition_text(x["children"][0], public, names, events) for x in c["children"] if x["kind"] == "not"]
        text = " and ".join(plain)
        if unless:
            text += (", " if text else "") + "unless " + " or ".join(unless)
        return text
    if kind == "any":
        return " or ".join(condition_text(x, public, names, events) for x in c["children"])
    if kind == "not":
        return "unless " + condition_text(c["children"][0], public, names, events)
    if kind == "turn":
        return _turn(c)
    if kind == "agreed":
        return _agreed(c, public)
    if kind == "stat":
        return f"{name(c['seat'], c['seat'])}'s {STAT_NAMES.get(c['stat'], c['stat'])} is {_bounds(c)}"
    if kind == "trust":
        return f"{name(c['from'], c['from'])}'s trust in {name(c['to'], c['to'])} is {_bounds(c)}"
    if kind == "track":
        track = next((t for t in public["tracks"] if t["id"] == c["track"]), {"name": c["track"], "unit": ""})
        return f"{track['name']} is {_bounds(c, track.get('unit', ''))}"
    if kind == "controls":
        region = next((r["name"] for r in public["map"]["regions"] if r["id"] == c["region"]), c["region"])
        return f"{name(c['seat'], c['seat'])} holds {region}"
    if kind == "moved":
        move = next((m["name"] for m in public["moves"] if m["id"] == c["move"]), c["move"])
        return f"{name(c['seat'], c['seat'])} has made the move \u201c{move}\u201d"
    if kind == "broke":
        return f"{name(c['seat'], c['seat'])} has broken an agreement"
    if kind == "happened":
        return f"\u201c{events.get(c['event'], c['event'])}\u201d has happened"
    return kind.replace("_", " ")


def chance_text(chance: float) -> str:
    return "" if chance >= 1.0 else f"{round(chance * 100)}% chance"
