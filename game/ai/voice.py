"""Reasons in the leader's voice, tied to the scenario's own issues and events."""

from __future__ import annotations

from game.scenario.wording import issue_named, say_term


def speaker(public_seat) -> str:
    return public_seat.get("capital") or public_seat["name"]


def option_text(issue, option) -> str:
    return say_term(issue, option)


def term(issue, option) -> str:
    """'“Security corridor along the M4” at 6 km', but '“S-300 long-range air defence”: no'."""
    said = option_text(issue, option)
    joint = " at " if issue["kind"] in ("number", "quantity") and said != "none" else ": "
    return f"{issue_named(issue['name'])}{joint}{said}"


def _wants(issues_by_id, terms, wanted) -> list:
    """'<issue> at <wanted> (not <offered>)' for each term it would change."""
    out = []
    for issue_id, want in wanted.items():
        have = terms.get(issue_id)
        if have == want:
            continue
        issue = issues_by_id[issue_id]
        offered = f" (not {option_text(issue, have)})" if have is not None else ""
        out.append(f"{term(issue, want)}{offered}")
    return out


def breach_text(issues_by_id, breach) -> str:
    names = " and ".join(issue_named(issues_by_id[i]["name"]) for i in breach["issues"])
    return f"its word on {names} on day {breach['turn']}"


def refusal(me, issues_by_id, terms, wanted, broke=None, distrusted=None, stated=None, remembered=None) -> str:
    """Why `me` refuses `terms`, naming every change it would need.

    `broke` is (seat, what it broke) when it will not sign at all; `remembered` the same for a
    breach that makes it ask more; `distrusted` a seat it trusts too little to sign on promises.
    """
    who = speaker(me)
    if broke:
        breaker, what = broke
        return (f"{who} will not sign with {breaker['name']} again so soon: "
                f"{breaker['name']} broke {what}.")
    if stated:
        issue = issues_by_id[stated[0]]
        return (f"{who} took a public stand on {issue_named(issue['name'])} ({option_text(issue, stated[1])}), "
                f"and it will not be seen to back down.")
    changes = _wants(issues_by_id, terms, wanted)
    if not changes:
        return f"{who} sees nothing in this package worth signing yet."
    text = f"{who} will not sign this as it stands: it needs " + " and ".join(changes) + "."
    if remembered:
        text += _not_forgotten(me, remembered)
    elif distrusted:
        text += f" {who} trusts {distrusted['name']} too little to settle for promises."
    return text


def no_deal(me, issues_by_id, terms, remembered=None) -> str:
    """Refusing terms when leaving their issues as they stand is better for it than any deal on them."""
    names = " and ".join(issue_named(issues_by_id[i]["name"]) for i in terms)
    text = (f"{speaker(me)} is better off with no deal on {names}: "
            f"nothing it could sign there now is worth more to it than leaving things as they stand.")
    return text + (_not_forgotten(me, remembered) if remembered else "")


def counter_note(me, issues_by_id, terms, wanted, remembered=None) -> str:
    changes = _wants(issues_by_id, terms, wanted)
    text = f"{speaker(me)} could sign with " + " and ".join(changes) + "."
    return text + (_not_forgotten(me, remembered) if remembered else "")


def _not_forgotten(me, remembered) -> str:
    breaker, what = remembered
    return f" {speaker(me)} has not forgotten that {breaker['name']} broke {what}."


def final_offer(me) -> str:
    return f"This is {speaker(me)}'s last offer before the summit closes."


def not_mine(me, own_issues) -> str:
    """Asked about issues it does not sign: say which ones would bring it to the table."""
    if not own_issues:
        return f"{speaker(me)} signs none of the issues on the table; it weighs in on what the others sign."
    named = ", ".join(issue_named(i["name"]) for i in own_issues)
    return f"{speaker(me)} signs none of these issues; it would talk about {named}."


def mediation(me) -> str:
    return f"{speaker(me)} offers to stand behind this compromise."


def want_answer(me, issues_by_id, asked, wanted, opening=None, named=None) -> str:
    """What it would sign now (and will, offered it today), and its opening ask beside it, labelled as such.

    `asked` is the package as the outcome it would leave; `named` the issues the asker put in it (all of
    `asked` when not given)."""
    who = speaker(me)
    if wanted is None:
        return f"{who} sees no version of this it could sign now that improves on what is signed."
    # An issue the asker left out was never offered at any option: it is named as an addition, not as
    # a change from the default the package would leave there.
    named = set(asked) if named is None else set(named)
    changes = _wants(issues_by_id, {i: o for i, o in asked.items() if i in named},
                     {i: o for i, o in wanted.items() if i in named})
    added = [term(issues_by_id[i], o) for i, o in wanted.items() if i not in named and asked.get(i) != o]
    if changes and added:
        text = f"{who} would sign it with " + " and ".join(changes) + ", and it would add: " + " and ".join(added) + "."
    elif added:
        text = f"{who} would sign it if it added: " + " and ".join(added) + "."
    elif changes:
        text = f"{who} would sign it with " + " and ".join(changes) + "."
    else:
        text = f"{who} could sign this as it stands."
    text += f" Offer exactly that today and {who} signs."
    if opening and opening != wanted:
        text += f" (Its opening ask: {', '.join(term(issues_by_id[i], o) for i, o in opening.items())}.)"
    return text
