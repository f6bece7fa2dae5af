"""How options and stats are said, the same in the news, on the table and in the AI leaders' mouths."""

from __future__ import annotations

# A seat's four stats in words, the same in the news, the seats table's tips and the moves' effects.
STAT_NAMES = {"military": "military strength", "economy": "economy", "domestic": "support at home",
              "standing": "international standing"}


def say_option(kind: str, unit: str, option: str) -> str:
    """'none' for a zero amount, '1 battery' not '1 batteries', 'keep in place' not 'keep_in_place'."""
    option = str(option)
    if kind in ("number", "quantity") and unit:
        if option == "0":
            return "none"
        if option == "1" and " " not in unit:
            unit = unit[:-3] + "y" if unit.endswith("ies") else unit[:-1] if unit.endswith("s") else unit
        return f"{option} {unit}"
    words = option.replace("_", " ")
    return f"{words} {unit}" if unit else words


def trust_change(truster: str, trusted: str, change: str, both_ways: bool = False) -> str:
    """'Turkey's trust in Russia -5', or 'trust between Turkey and Russia +5, both ways'."""
    if both_ways:
        return f"trust between {truster} and {trusted} {change}, both ways"
    return f"{truster}'s trust in {trusted} {change}"
