"""Words for dates, options, packages and effects, from public scenario data."""

from __future__ import annotations

import datetime

from game.scenario.vocabulary import Names, effect_from_data
from game.scenario.wording import STAT_NAMES as STAT_NAMES  # the screens take the wording from here
from game.scenario.wording import amount as amount
from game.scenario.wording import issue_named as issue_named
from game.scenario.wording import say_term
from game.scenario.wording import signed as signed

STAT_SHORT = {"military": "MIL", "economy": "ECON", "domestic": "HOME", "standing": "INTL"}


def _date(text: str):
    try:
        return datetime.date.fromisoformat(str(text))
    except ValueError:
        return None


def long_date(text: str) -> str:
    d = _date(text)
    return f"{d.day} {d:%B %Y}" if d else str(text)


def day_date(start: str, turn: int) -> str:
    d = _date(start)
    if d is None:
        return ""
    d += datetime.timedelta(days=turn - 1)
    return f"{d:%a} {d.day} {d:%B}"


def option_text(issue: dict, option: str) -> str:
    return say_term(issue, option)


def terms_lines(issues: dict, terms: dict) -> list:
    """'Issue name: option' for each term, in the scenario's issue order."""
    order = list(issues)
    return [f"{issues[i]['name']}: {option_text(issues[i], o)}"
            for i, o in sorted(terms.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)]


def effect_text(effect: dict, names: Names) -> str:
    """An effect from the public scenario data, in its kind's own words (the news uses the same)."""
    return effect_from_data(effect).words(names)


def chance_text(chance: float) -> str:
    return "" if chance >= 1.0 else f"{round(chance * 100)}% chance"


def seat_names(public: dict) -> dict:
    names = {s["id"]: s["name"] for s in public["seats"]}
    names["contested"] = "contested"
    return names


def day_iso(start: str, turn: int) -> str:
    """The date of a game day as YYYY-MM-DD, to compare with a source's date."""
    d = _date(start)
    return (d + datetime.timedelta(days=turn - 1)).isoformat() if d else ""


def find_source(public: dict, source_id: str):
    return next((s for s in public["sources"] if s["id"] == source_id), None)


def _came_later(source: dict, shown: str, later: bool) -> bool:
    """The scenario marks the item as reported later, and its source did come out after the day it is shown."""
    return later and bool(shown) and source["date"] > shown


def source_text(public: dict, source_id: str, shown: str = "", later: bool = False) -> str:
    """'AFP, 4 March 2020'; an item the scenario marks as reported later, shown on a day (`shown`, YYYY-MM-DD)
    before its source came out, reads 'reported later by AFP on 4 March 2020'."""
    s = find_source(public, source_id)
    if s is None:
        return ""
    who, when = s.get("publisher") or "", long_date(s["date"])
    if _came_later(s, shown, later):
        return f"reported later by {who} on {when}" if who else f"reported later, on {when}"
    return f"{who}, {when}" if who else when


NO_ADDRESS = "no web address given"


def source_lines(public: dict, source_id: str, shown: str = "", later: bool = False) -> list:
    """(label, text) rows describing a source in full: outlet, date, title and address."""
    s = find_source(public, source_id)
    if s is None:
        return [("Source", "none given")]
    rows = [("Outlet", s.get("publisher") or "not named"), ("Published", long_date(s["date"]))]
    if _came_later(s, shown, later):
        rows.append(("Note", f"{source_text(public, source_id, shown, later)}, after {long_date(shown)} "
                             "when this was shown"))
    rows += [("Title", s["title"]), ("Address", s.get("url") or NO_ADDRESS)]
    return rows
