"""How good a package is for the seat looking at it, from its own observation.

The observation's `private.preferences` holds the seat's weights and its
value of every option; an issue left out of the package keeps whatever is
signed now, or its default. This is arithmetic on the seat's own data, not
a rule: the engine decides what is legal and what is signed.
"""

from __future__ import annotations


def outcome_with(issues: list, settled: dict, terms: dict) -> dict:
    outcome = {i["id"]: i["default"] for i in issues}
    outcome.update(settled)
    outcome.update(terms)
    return outcome


def worth(preferences: dict, issues: list, settled: dict, terms: dict) -> float:
    options = {i["id"]: i["options"] for i in issues}
    total = 0.0
    for issue_id, option in outcome_with(issues, settled, terms).items():
        weight = preferences["weights"].get(issue_id, 0.0)
        values = preferences["values"].get(issue_id)
        if weight and values and option in options[issue_id]:
            total += weight * values[options[issue_id].index(option)]
    return total



def verdict(value: float, walk: float, now: float | None = None) -> tuple[str, str]:
    """(what the worth bar says of a package, its tone): better or not than walking away, or than
    what is already signed."""
    if now is not None and value < now - 1e-9:
        return "\u2717 worse than what is already signed", "bad"
    if now is not None and value <= now + 1e-9:
        return "no change to what is already signed", "muted"
    if value > walk + 1e-9:
        return "\u2713 better than walking away", "good"
    return "\u2717 not better than walking away", "bad"


def bar_words(value: float, walk: float, now: float | None = None) -> dict:
    """Everything a worth bar shows, in numbers and words."""
    said, tone = verdict(value, walk, now)
    notes = f"walk-away {walk:.2f}"
    if now is not None:
        notes += f" (white line) \u00b7 signed so far {now:.2f} (\u25b2)"
    return {"value": round(value, 4), "walk": round(walk, 4), "now": None if now is None else round(now, 4),
            "headline": f"Worth to you {value:.2f} \u2014 {said}", "tone": tone, "notes": notes,
            "better": value > walk + 1e-9}
