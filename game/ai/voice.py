"""Reasons in the leader's voice, tied to the scenario's own issues and events."""

from __future__ import annotations


def speaker(public_seat) -> str:
    return public_seat.get("capital") or public_seat["name"]


def option_text(issue, option) -> str:
    unit = f" {issue['unit']}" if issue.get("unit") else ""
    return f"{option.replace('_', ' ')}{unit}"


def _change_text(issue, have, want) -> str:
    if have is None:
        return f"without {issue['name']} settled at {option_text(issue, want)}"
    return f"while {issue['name']} stands at {option_text(issue, have)}; it needs {option_text(issue, want)}"


def refusal(me, partner, issues_by_id, terms, wanted, broke=None, low_trust=False, stated=None) -> str:
    """Why `me` refuses `terms`, naming the change that would most help."""
    who = speaker(me)
    if broke:
        return (f"{who} will not sign with {partner['name']} again so soon: "
                f"it broke {broke} and its word now needs more than this.")
    parts = []
    for issue_id, want in wanted.items():
        have = terms.get(issue_id)
        if have == want:
            continue
        parts.append(_change_text(issues_by_id[issue_id], have, want))
        if len(parts) == 2:
            break
    if stated:
        issue = issues_by_id[stated[0]]
        return (f"{who} said in public that {issue['name']} must be {option_text(issue, stated[1])}, "
                f"and it will not be seen to back down.")
    if not parts:
        return f"{who} sees nothing in this package worth signing yet."
    text = f"{who} will not sign " + " or ".join(parts) + "."
    if low_trust:
        text += f" After recent days, {who} needs more from {partner['name']} than promises."
    return text


def counter_note(me, issues_by_id, terms) -> str:
    issue_id, option = next(iter(terms.items()))
    issue = issues_by_id[issue_id]
    return f"{speaker(me)} could sign with {issue['name']} at {option_text(issue, option)}."


def final_offer(me) -> str:
    return f"This is {speaker(me)}'s last offer before the summit closes."


def opening(me) -> str:
    return f"{speaker(me)} puts its terms on the table."


def mediation(me) -> str:
    return f"{speaker(me)} offers to stand behind this compromise."


def want_answer(me, issues_by_id, asked, wanted) -> str:
    if wanted is None:
        return f"{speaker(me)} sees no version of this it could sign."
    changes = [f"{issues_by_id[i]['name']} at {option_text(issues_by_id[i], o)}"
               for i, o in wanted.items() if asked.get(i) != o]
    if not changes:
        return f"{speaker(me)} could sign this as it stands."
    return f"For this, {speaker(me)} would want " + ", ".join(changes) + "."
