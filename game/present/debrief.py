"""The debrief in words: a table's story issue by issue, its promises, its efficiency and the questions
it raises, for the table report and the class report.

Like table.py, each function takes `Words` (over the public scenario, with no viewer: a debrief
speaks of every seat by name) and plain data, and returns finished sentences.
"""

from __future__ import annotations

from game.engine.kinds import HOLD, Controller, EventKind, Phase
from game.scenario.wording import and_list, history_verdict

from .table import Words, offer_label
from .words import day_date, issue_named, option_text, signed

# The parts of a score, as the end screen and the reports name and explain them.
SCORE_PARTS = (("deal", "Deal", "What the signed terms are worth against walking away (x100)."),
               ("objectives", "Goals", "Points for secret objectives met."),
               ("stats", "Stats", "Half the change in support at home and international standing."),
               ("integrity", "Word", "Lost for broken agreements and public reversals."))
PLAYED_BY: dict[str, str] = {
    Controller.HUMAN: "people", Controller.EASY: "an AI leader (easy)", Controller.NORMAL: "an AI leader (normal)",
    Controller.HARD: "an AI leader (hard)", Controller.PUSHOVER: "a reference AI (gives in)",
    Controller.STONEWALL: "a reference AI (never moves)"}
SETTLED_WORDS = {"agreed": "agreed at the summit", "open": "left open", "verbal": "said only in words, nothing signed",
                 "earlier": "contracted before the summit"}
BY_WORDS = {"person": "a person", "ai": "the AI leader", "facilitator": "the facilitator", "unknown": ""}


def played_by(kind: str, bot: bool = False) -> str:
    """Who played a seat; `bot` when the seat's players were programs that joined the class as bots."""
    if bot and kind == Controller.HUMAN:
        return "a bot"
    return PLAYED_BY.get(kind, kind)


def when(turn: int, round_: int, phase: str) -> str:
    """'Day 2 · round 1', 'Day 2 · moves'."""
    if phase == Phase.TALKS and round_:
        return f"Day {turn} \u00b7 round {round_}"
    return f"Day {turn} \u00b7 moves" if phase == Phase.MOVES else f"Day {turn}"


def day_heading(w: Words, turn: int) -> str:
    return f"Day {turn} \u00b7 {day_date(w.public['calendar']['start_date'], turn)}"


def _to(w: Words, p: dict) -> str:
    return ", ".join(w.name(s) for s in p["parties"] if s != p["proposer"])


def _package(p: dict) -> str:
    others = len(p["terms"]) - 1
    return f" (in a package with {others} other issue{'s' if others > 1 else ''})" if others > 0 else ""


# -- the story of one issue ---------------------------------------------------------------------

def offer_row(w: Words, proposals: list, p: dict, issue_id: str) -> str:
    option = option_text(w.issues[issue_id], p["terms"][issue_id])
    if p["counter_to"]:
        answered = offer_label(w, proposals, p["counter_to"], covers=False)
        return f"{w.name(p['proposer'])} countered {answered} with {option}{_package(p)}"
    return f"{w.name(p['proposer'])} offered {_to(w, p)}: {option}{_package(p)}"


def answer_row(w: Words, proposals: list, kind: str, seat: str, p: dict, issue_id: str) -> str:
    """An acceptance, a refusal, a withdrawal or an offer that lapsed, as it bears on one issue."""
    option = option_text(w.issues[issue_id], p["terms"][issue_id])
    label = offer_label(w, proposals, p["id"], covers=False)
    if kind == EventKind.ACCEPT:
        return f"{w.name(seat)} accepted {label} ({option})"
    if kind == EventKind.REJECT:
        return f"{w.name(seat)} refused {label} ({option})"
    if kind == EventKind.WITHDRAW:
        return f"{w.name(seat)} withdrew the day {p['turn']} offer ({option})"
    return f"{label[0].upper()}{label[1:]} ({option}) expired unsigned"


def signed_row(w: Words, agreement: dict, issue_id: str) -> str:
    names = ", ".join(w.name(s) for s in agreement["parties"])
    return f"Signed by {names}: {option_text(w.issues[issue_id], agreement['terms'][issue_id])}"


def statement_row(w: Words, seat: str, issue_id: str, option: str) -> str:
    return f"{w.name(seat)} said in public that it must be {option_text(w.issues[issue_id], option)}"


def breach_row(w: Words, seat: str, move: str, turn: int) -> str:
    name = w.moves.get(move, {}).get("name", move)
    return f"{w.name(seat)} broke the agreement on day {turn} with \u201c{name}\u201d"


def reversal_row(w: Words, seat: str) -> str:
    return f"{w.name(seat)} signed less than it had demanded in public, and paid for backing down"


def ask_row(w: Words, asker: str, seat: str, issue_id: str, option: str) -> str:
    return f"{w.name(asker)} asked {w.name(seat)} what it would want for {option_text(w.issues[issue_id], option)}"


def chosen_by(by: str) -> str:
    """Who chose an action, for a timeline's margin ('' when not recorded)."""
    return BY_WORDS.get(by, "")


# -- the day in the field -------------------------------------------------------------------------

def move_row(w: Words, seat: str, move: str) -> str:
    if move == HOLD:
        return f"{w.name(seat)}: held"
    mv = w.moves.get(move, {})
    secret = "" if mv.get("public", True) else " (in secret)"
    return f"{w.name(seat)}: {mv.get('name', move)}{secret}"


# -- promises ------------------------------------------------------------------------------------

def kept_line(w: Words, seats: list, days: list) -> str:
    names = ", ".join(w.name(s) for s in seats)
    return f"\u2713 Kept by {names} on day{'s' if len(days) > 1 else ''} {and_list(days)}"


def broken_line(w: Words, seat: str, turn: int, move: str) -> str:
    name = w.moves.get(move, {}).get("name", move)
    return f"\u2717 Broken by {w.name(seat)} on day {turn}, with \u201c{name}\u201d"


def no_obligations_line() -> str:
    return "It binds nobody to a move: nothing in it can be broken in the field."


def trust_line(w: Words, a: str, b: str, start: int, end: int) -> str:
    return f"{w.name(a)}'s trust in {w.name(b)}: {start} \u2192 {end} ({signed(end - start)})"


# -- efficiency ------------------------------------------------------------------------------------

def efficiency_lines(w: Words, final: dict, better: dict | None, nash_terms: dict | None) -> list:
    """What the final deal left on the table, and what a deal better for everyone would have been."""
    lines = [f"Distance to the Pareto frontier: {final['pareto_distance']:.3f} (0 means no package could "
             "give one side more without giving another less).",
             f"Value left on the table: {final['unclaimed_welfare']:.3f} of joint worth, against the best "
             "package for the sides together."]
    if final["nash_distance"] is not None:
        lines.append(f"Distance to the Nash bargaining point: {final['nash_distance']:.3f} (the package that "
                     "shares the gains over walking away most evenly).")
    if better:
        gains = ", ".join(f"{w.name(s)} +{g:.2f}" for s, g in better.items())
        lines.append(f"A package on the frontier would have given every side more: {gains}.")
    else:
        lines.append("No package would have given every side more than this one: it is on or near the frontier.")
    if nash_terms:
        lines.append("The Nash point's package: " + "; ".join(
            f"{w.issues[i]['name']}: {option_text(w.issues[i], o)}" for i, o in nash_terms.items()) + ".")
    return lines


# -- questions for the class ---------------------------------------------------------------------

def question_changed_mind(w: Words, seat: str, issue_id: str, signed_option: str, signed_day: int,
                          refused_option: str, refused_day: int) -> str:
    issue = w.issues[issue_id]
    return (f"{w.name(seat)} signed {issue_named(issue['name'])}: {option_text(issue, signed_option)} "
            f"on day {signed_day} "
            f"after refusing an offer of {option_text(issue, refused_option)} on day {refused_day}. What changed?")


def question_breach(w: Words, seat: str, move: str, turn: int, agreement_turn: int) -> str:
    name = w.moves.get(move, {}).get("name", move)
    return (f"{w.name(seat)} broke the day {agreement_turn} agreement on day {turn} with \u201c{name}\u201d. "
            "What did it expect to gain, and was it worth the trust it lost?")


def question_reversal(w: Words, seat: str, issue_id: str) -> str:
    return (f"{w.name(seat)} said in public where it stood on {issue_named(w.issues[issue_id]['name'])}, "
            "then signed less. "
            "Why make the statement, and why back down?")


def question_history(w: Words, issue_id: str, table: str, signed_: bool, history: str) -> str:
    issue = w.issues[issue_id]
    ours = f"settled {option_text(issue, table)}" if signed_ else "left it unsigned"
    return (f"On {issue_named(issue['name'])} the table {ours}; the real summit agreed {option_text(issue, history)}. "
            "What did the real leaders know or fear that the table did not?")


def question_open_history(w: Words, issue_id: str, table: str) -> str:
    issue = w.issues[issue_id]
    return (f"The table signed {issue_named(issue['name'])}: {option_text(issue, table)}, which the real summit left "
            "open. Why could the table settle what the real leaders did not?")


def question_value_left(w: Words, gains: dict) -> str:
    names = ", ".join(w.name(s) for s in gains)
    return (f"A package existed that gave {names} more than what was signed. What kept the table from "
            "finding it: time, trust, or what each side would not say?")


def question_no_deal(w: Words) -> str:
    return "The table signed nothing. Which side lost most by walking away, and who could have moved first?"


def question_objective(w: Words, seat: str, text: str, met: bool) -> str:
    how = "met" if met else "missed"
    return (f"{w.name(seat)} {how} its secret objective \u201c{text.rstrip('.')}\u201d. Did the others see it "
            "coming, and from what?")


# -- against par ------------------------------------------------------------------------------------

def par_diff(rating: dict) -> str:
    """'12 below par (82)', '3 above par (64)', 'level with par (75)'."""
    diff, par = rating["diff"], rating["par"]
    if diff > 0:
        return f"{diff} above par ({par})"
    if diff < 0:
        return f"{-diff} below par ({par})"
    return f"level with par ({par})"


def par_line(w: Words, seat: str, total: int, rating: dict) -> str:
    """'Turkey: 70, 12 below par (82): better than 8% of AI leaders in this seat, below par'."""
    return (f"{w.name(seat)}: {total}, {par_diff(rating)}: better than {rating['percentile']}% of AI leaders "
            f"in this seat \u2014 {rating['rating']}")


def par_headlines(w: Words, people: list, scores: dict, par: dict) -> list:
    """How the people at this screen did, each against its own seat's par (seats are not compared by totals),
    longest wording first."""
    if not people:
        best = max(par, key=lambda s: (par[s]["percentile"], par[s]["diff"]))
        return [f"Against par, the best showing: {w.name(best)}, {par_diff(par[best])} \u2014 {par[best]['rating']}",
                f"Best against par: {w.name(best)}, {par[best]['rating']}"]
    if len(people) == 1:
        s = people[0]
        return [f"You scored {scores[s]['total']} as {w.name(s)}: {par_diff(par[s])} \u2014 {par[s]['rating']}",
                f"You: {scores[s]['total']}, {par_diff(par[s])}", f"{par[s]['rating'].capitalize()}"]
    return [" \u00b7 ".join(f"{w.name(s)} {scores[s]['total']}, {par_diff(par[s])} \u2014 {par[s]['rating']}"
                            for s in people),
            " \u00b7 ".join(f"{w.name(s)}: {par[s]['rating']}" for s in people)]


UNRATED_NOTE = ("Par is measured on whole games, so a table that did not reach the summit is not rated against it: "
                "these are the scores as they stood.")


def ended_early_line(day: int, turns: int) -> str:
    """'The class ended on day 2 of 5, before the summit.'"""
    return f"The class ended on day {day} of {turns}, before the summit."


PAR_NOTE = ("Par is what AI leaders score in the same seat, from {games} AI-only games: seats differ too much to "
            "compare by raw totals.")


def history_rows(w: Words, comparison: dict) -> list:
    """Each issue of game.engine.history_comparison with its words: the table's option, history's (or
    "left open"), the verdict and its detail; `same` when closeness counts the two as one."""
    rows = []
    for row in comparison["issues"]:
        issue = w.issues[row["issue"]]
        history = option_text(issue, row["history"]) if row["history"] else ""
        verdict, detail = history_verdict(row["settled"], row["distance"], row["signed"],
                                          option_text(issue, row["table"]), history)
        rows.append({**row, "verdict": verdict, "detail": detail, "same": row["distance"] == 0,
                     "table_text": option_text(issue, row["table"]) + ("" if row["signed"] else " (unsigned)"),
                     "history_text": history or "left open"})
    return rows
