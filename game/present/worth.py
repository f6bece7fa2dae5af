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

