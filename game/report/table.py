"""A table's report as data: the summary, the story, the concessions, the promises, the efficiency and the
questions, everything already in words (from game.present) or in numbers for the charts and data files."""

from __future__ import annotations

from enum import StrEnum

from game.analysis import frontier_for
from game.engine import history_comparison
from game.engine.kinds import Controller
from game.par import ratings
from game.present import debrief
from game.present.looks import seat_looks
from game.present.seatview import result_view
from game.present.table import Words, phase_lines
from game.present.words import long_date, source_lines

from . import negotiation, promises
from .inputs import TableGame
from .questions import questions
from .story import tell


class Audience(StrEnum):
    """Who a table report is for: the teacher's copy also holds the notes seats sent each other."""
    TEACHER = "teacher"
    MEMBERS = "members"


def build(game: TableGame, audience: Audience = Audience.TEACHER) -> dict:
    scenario, state = game.scenario, game.state
    public = public_of(scenario)
    w = Words(public, None)
    story = tell(scenario, game.seed, state, game.journal, game.journal_known)
    view = state.facilitator_view()
    proposals, agreements_, events = view["proposals"], view["agreements"], view["news"]
    private = view["private"]
    scores = state.scores()
    comparison = history_comparison(state)
    # Par is measured on whole games: only a finished table is rated against it.
    rated = state.is_over()
    par = ratings(scenario, scores) if rated else {}
    unrated = {} if rated else {"ended_early": {"day": state.turn, "turns": scenario.calendar.turns}}
    frontier = frontier_for(scenario)
    efficiency = frontier.over_days([d.outcome for d in story.days])
    _, better = frontier.better_for_all(state.outcome())
    looks = seat_looks(public["seats"])
    seats = _seats(public, looks, story, game)
    history_rows = debrief.history_rows(w, comparison)
    agreement_cards = promises.agreements(w, agreements_, events, view["breaches"])
    pairs = promises.trust_pairs(list(scenario.seat_ids), agreements_, view["breaches"], story)
    report = {
        "audience": str(audience), "title": game.title, "table": game.table,
        "scenario": {"id": scenario.id, "title": scenario.title, "version": scenario.version,
                     "date": long_date(scenario.date)},
        "status": _status(game, public, state), "turns": scenario.calendar.turns,
        "short_status": short_status(game, state, scenario.calendar.turns), "over": state.is_over(), "seed": game.seed,
        "digest": state.digest(), "actions": len(state.log),
        "journal_note": "" if story.journal_known else
        "An older save: who chose each action (a person or an AI leader) was not recorded.",
        "rollbacks": list(game.rollbacks),
        "seats": seats, "looks": {s: look.to_dict() for s, look in looks.items()},
        "rated": rated, "ended_early": game.class_ended and not rated,
        "scores": _scores(public, scores, par,
                          result_view(public, {"scores": scores, "history": comparison, "par": par, **unrated}, None)),
        "par_note": debrief.PAR_NOTE.format(games=next(iter(par.values()))["games"]) if rated
        else debrief.UNRATED_NOTE,
        "score_parts": [{"key": k, "label": label, "tip": tip} for k, label, tip in debrief.SCORE_PARTS],
        "objectives": _objectives(scenario, scores),
        "history": {"rows": history_rows, "closeness": comparison["closeness"],
                    "summary": scenario.history.summary, "date": long_date(scenario.history.date),
                    "aftermath": scenario.history.aftermath,
                    "source": [{"label": k, "text": v} for k, v in source_lines(public, scenario.history.source)]},
        "agreements": agreement_cards,
        "breaches": view["breaches"], "reversals": view["reversals"],
        "trust": {"pairs": pairs, "lines": promises.trust_lines(w, pairs)},
        "timelines": negotiation.issue_timelines(w, story, proposals, agreements_),
        "field": negotiation.field_days(w, events),
        "concessions": negotiation.concessions(public, story, proposals, private),
        "final_worth": {s: scores[s]["utility"] for s in scenario.seat_ids},
        "quiet": [],
        "efficiency": {"days": [{"day": d.turn, **e} for d, e in zip(story.days, efficiency)],
                       "seats": list(frontier.seats), "seat_names": [w.name(s) for s in frontier.seats],
                       "final": efficiency[-1],
                       "lines": debrief.efficiency_lines(w, efficiency[-1], better, frontier.nash_terms)},
        "questions": questions(w, scenario, proposals, events, agreements_, view["breaches"], view["reversals"],
                               comparison["issues"], better, scores),
        "notes": _notes(w, game.notes) if audience == Audience.TEACHER else [],
        "notes_left_out": audience == Audience.MEMBERS and bool(game.notes),
        # For the data files: the raw material, not for the page.
        "raw": {"proposals": proposals, "steps": story.steps, "asks": story.asks, "comparison": comparison,
                "scores": scores, "agreements": agreements_, "private": private},
    }
    report["quiet"] = [w.name(s) for s, c in report["concessions"].items() if not c["points"]]
    return report


_PUBLICS: dict = {}


def public_of(scenario) -> dict:
    from game.engine import public_info
    key = (scenario.id, scenario.content_hash)
    if key not in _PUBLICS:
        _PUBLICS[key] = public_info(scenario)
    return _PUBLICS[key]


def short_status(game: TableGame, state, turns: int) -> str:
    if state.is_over():
        return "finished"
    if state.log:
        return f"day {state.turn} of {turns}, {'ended early' if game.class_ended else 'unfinished'}"
    if game.begun:
        return f"started, day {state.turn} of {turns}, nobody acted{' before the end' if game.class_ended else ' yet'}"
    return "never started" if game.class_ended else "not started"


def _status(game: TableGame, public: dict, state) -> str:
    turns = public["calendar"]["turns"]
    # The log holds what seats did: a table can be started (its clock running, its seats free to act) and
    # still have an empty log, which is not the same as a table the facilitator never started.
    if not state.log and game.begun:
        if game.class_ended:
            return (f"Started, but nobody acted: the table was started on day {state.turn} of {turns} and the class "
                    "ended before any seat made an offer or a move, so there is nothing to tell.")
        return (f"Started, nobody has acted yet: day {state.turn} of {turns}; no seat has made an offer or a move, "
                "so there is nothing to tell so far.")
    if not state.log:
        if game.class_ended:
            return "Never started: the class ended before this table was started, so there is nothing to tell."
        return "Not started: the facilitator has not started this table yet, so there is nothing to tell."
    if state.is_over():
        return f"Finished: the summit ended on day {state.turn} of {turns}."
    where = phase_lines({"phase": state.phase, "round": state.round,
                         "talk_rounds": public["calendar"]["talk_rounds"]})[0]
    if game.class_ended:
        return (f"Ended early: the table ended on day {state.turn} of {turns}, during {where[0].lower()}{where[1:]}, "
                "before the summit. This is the story so far; the scores are as they stood, not rated against par "
                "(par is measured on whole games).")
    return (f"Unfinished: day {state.turn} of {turns}, {where[0].lower()}{where[1:]}. This is the story so far; the "
            "scores are what they would be if the summit ended now, not yet rated against par.")


def _seats(public, looks, story, game) -> list:
    first = {}
    changes: dict = {}
    for done, seat, kind in story.controls:
        if done == 0:
            first[seat] = kind
        else:
            step = story.steps[done - 1] if done <= len(story.steps) else None
            when = f"day {step.turn}" if step else "later"
            bot = bool(game.bots.get(seat)) and not game.people.get(seat)
            changes.setdefault(seat, []).append(f"{debrief.played_by(kind, bot)} from {when}")
    out = []
    for s in public["seats"]:
        sid = s["id"]
        kind = first.get(sid, game.controllers.get(sid, str(Controller.NORMAL)))
        people, bots = game.people.get(sid, []), game.bots.get(sid, [])
        out.append({"id": sid, "name": s["name"], "leader": s["leader"], "look": looks[sid].to_dict(),
                    "played_by": debrief.played_by(kind, bot=bool(bots) and not people), "played_kind": kind,
                    "changes": changes.get(sid, []), "people": people, "bots": bots,
                    "holders": people + [f"{name} (a bot)" for name in bots]})
    return out


def _scores(public, scores, par, words) -> list:
    """Each seat's score and its parts; with `par` (a finished table), against its par, best showing first."""
    parts = {row["seat"]: row["parts"] for row in words["scores"]}
    lines = {row["seat"]: row["par_line"] for row in words["scores"]}
    rows = []
    for s in public["seats"]:
        v = scores[s["id"]]
        rated = par.get(s["id"])
        rows.append({"seat": s["id"], "name": s["name"], "total": v["total"], "deal": v["deal"],
                     "par": rated["par"] if rated else None, "vs_par": rated["diff"] if rated else None,
                     "rating": rated["rating"] if rated else "", "percentile": rated["percentile"] if rated else None,
                     "par_line": lines[s["id"]],
                     "objectives": v["objectives"], "stats": v["stats"], "integrity": v["integrity"],
                     "utility": v["utility"], "reservation": v["reservation"], "parts": parts[s["id"]],
                     "breaches": v["breaches"], "reversals": v["reversals"]})
    if par:
        rows.sort(key=lambda r: (-r["percentile"], -r["vs_par"]))
    else:
        rows.sort(key=lambda r: -r["total"])
    return rows


def _objectives(scenario, scores) -> list:
    out = []
    for seat in scenario.seats:
        met = set(scores[seat.id]["objectives_met"])
        out.append({"seat": seat.id, "name": seat.name,
                    "items": [{"text": o.text, "points": o.points, "met": o.id in met} for o in seat.objectives]})
    return out


def _notes(w: Words, notes: list) -> list:
    return [{"when": f"Day {n.get('turn', '?')}", "from": w.name(n["from"]), "to": w.name(n["to"]),
             "name": n.get("name", ""), "text": n.get("text", "")} for n in notes]
