"""What a choice is worth to the seat weighing it, in the points of its final score.

The figures come from the engine (game.engine.stakes): the score with the choice made against
the score without it, part by part. This module only says them: a headline, a verdict that
agrees with the total, a line per part and the segments a face draws as a bar around zero.
`worth` is the seat's utility of a package (the deal part before it becomes points), for the
reports' charts of how each seat's offers moved.
"""

from __future__ import annotations

from .words import signed

NOTE = "If nothing else changes: the others hold, nothing more is signed, chance events are left out."
TRUST_NOTE = "no points by itself; it sets what they ask of you"
WHAT = {"sign": "Signing this", "move": "This move", "offer": "If this is signed"}


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


def points(n: int) -> str:
    return f"{signed(n)} point{'s' if abs(n) != 1 else ''}"


def _short(total: int) -> list:
    mark = "\u2713 " if total > 0 else "\u2717 " if total < 0 else ""
    if not total:
        return ["no change to your score", "no change"]
    return [f"{mark}{points(total)} to your score", f"{mark}{points(total)}", f"{signed(total)}"]


def verdict(total: int) -> tuple[str, str]:
    """(what the bar says of a choice, its tone): its effect on the final score, and nothing else."""
    if total > 0:
        return f"\u2713 {points(total)} to your final score", "good"
    if total < 0:
        return f"\u2717 {points(total)} to your final score", "bad"
    return "no change to your final score", "muted"


def _parts(stakes: dict, names: dict) -> list:
    parts = []
    if stakes["deal"]:
        parts.append({"part": "deal", "points": stakes["deal"],
                      "text": f"Deal {signed(stakes['deal'])}: what the terms in force are worth to you against "
                              "walking away"})
    for o in stakes["objectives"]:
        said = "met" if o["met"] else "lost"
        parts.append({"part": "objective", "points": o["change"],
                      "text": f"Objective {said} {signed(o['change'])}: {o['text']}"})
    if stakes["stats"] or stakes["domestic"] or stakes["standing"]:
        parts.append({"part": "stats", "points": stakes["stats"],
                      "text": f"Support and standing {signed(stakes['stats'])}: support at home "
                              f"{signed(stakes['domestic'])}, standing {signed(stakes['standing'])} "
                              "(half their sum counts)"})
    if stakes["integrity"]:
        why = []
        if stakes["breaches"]:
            why.append("breaks an agreement")
        if stakes["reversals"]:
            why.append("backs down from a public stand")
        parts.append({"part": "integrity", "points": stakes["integrity"],
                      "text": f"Kept word {signed(stakes['integrity'])}: {' and '.join(why) or 'your record'}"})
    for t in stakes["trust"]:
        parts.append({"part": "trust", "points": 0,
                      "text": f"{names.get(t['seat'], t['seat'])}'s trust in you {signed(t['change'])} ({TRUST_NOTE})"})
    return parts


SHORT = {"deal": "deal", "stats": "support and standing", "integrity": "kept word"}


def _summary(parts: list, stakes: dict, names: dict) -> str:
    """The parts on one line, shortest wording: 'deal +6 · objective met +25 · Russia's trust +8'."""
    bits = []
    for p in parts:
        if p["part"] == "objective":
            bits.append(f"objective {'met' if p['points'] > 0 else 'lost'} {signed(p['points'])}")
        elif p["part"] in SHORT:
            bits.append(f"{SHORT[p['part']]} {signed(p['points'])}")
    bits += [f"{names.get(t['seat'], t['seat'])}'s trust {signed(t['change'])}" for t in stakes["trust"]]
    return " · ".join(bits) or "nothing changes"


def stakes_words(stakes: dict, names: dict, what: str = "sign") -> dict:
    """Everything a stakes bar shows, in numbers and words: `stakes` as game.engine.stakes gives it."""
    total = stakes["total"]
    said, tone = verdict(total)
    parts = _parts(stakes, names)
    return {"total": total, "final": stakes["final"], "tone": tone, "better": total > 0,
            "headline": f"{WHAT.get(what, what)}: {said}",
            "headlines": [f"{WHAT.get(what, what)}: {said}", *_short(total)],
            "parts": parts, "summary": _summary(parts, stakes, names),
            "segments": [{"points": p["points"], "part": p["part"]} for p in parts if p["points"]],
            "notes": f"Your final score would be {stakes['final']}. {NOTE}"}


def outlook_words(outlook: dict) -> dict:
    """The seat's final score as things stand, in words: `headlines` (longest first) for the table screen and a
    `detail` with its parts, from game.engine.stakes (Projector.outlook)."""
    final = outlook["final"]
    met = [o for o in outlook["objectives"] if o["met"]]
    parts = [f"deal {signed(outlook['deal'])}",
             f"objectives {signed(outlook['objectives_points'])} ({len(met)} of {len(outlook['objectives'])} met)",
             f"support and standing {signed(outlook['stats'])}", f"kept word {signed(outlook['integrity'])}"]
    return {"final": final, "headlines": [f"Your score so far: {final}", f"Score so far: {final}", str(final)],
            "detail": f"Your final score as things stand: {final} = {' · '.join(parts)}. {NOTE} Every choice's bar "
                      "says what it would add to this or take from it."}


def nothing_yet(*texts: str) -> dict:
    """A bar with nothing to weigh yet: it says what to do (several wordings, longest first)."""
    return {"total": 0, "final": None, "tone": "muted", "better": False, "headline": texts[0],
            "headlines": list(texts), "parts": [], "summary": "", "segments": [], "notes": ""}


def no_stakes(problem: str) -> dict:
    """A bar for a package the rules would not take: it says why, and counts nothing."""
    return {"total": 0, "final": None, "tone": "bad", "better": False, "headline": f"\u2717 {problem}",
            "headlines": [f"\u2717 {problem}"], "parts": [], "summary": "", "segments": [], "notes": ""}
