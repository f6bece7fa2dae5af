"""Printable briefings: one page per seat (the public situation, the seat's goals, secret objectives and
walk-away value, what it can do in the field) and a facilitator's sheet (every seat, the calendar of
events, the real outcome). For classes on paper, and for reading before class."""

from __future__ import annotations

from game.engine.views import private_info
from game.present.debrief import SETTLED_WORDS
from game.present.looks import seat_looks
from game.present.seatview import briefing_view
from game.present.table import Words
from game.present.words import chance_text, day_date, effect_text, long_date, option_text, source_lines, source_text
from game.scenario.vocabulary import Names

from .render import page
from .table import public_of

INDEX = "index.html"
EVERY_SEAT = "all-seats.html"
FACILITATOR = "facilitator.html"
TOP_PRIORITIES = 3


def briefing_files(scenario) -> dict:
    """Every page (file name -> HTML): one per seat, all seats in one file for a single print job, the
    facilitator's sheet, and an index."""
    public = public_of(scenario)
    w = Words(public, None)
    looks = {s: look.to_dict() for s, look in seat_looks(public["seats"]).items()}
    calendar = _calendar(public)
    sheets = [_seat_sheet(public, w, scenario, seat, looks, calendar) for seat in scenario.seats]
    files = {f"{s['id']}.html": page("briefing.html.j2", sheets=[s], title=f"{s['name']}: briefing",
                                     scenario=_scenario(public)) for s in sheets}
    files[EVERY_SEAT] = page("briefing.html.j2", sheets=sheets, title=f"{scenario.title}: every seat's briefing",
                             scenario=_scenario(public))
    files[FACILITATOR] = page("facilitator.html.j2", f=_facilitator(public, w, scenario, looks, calendar),
                              scenario=_scenario(public))
    files[INDEX] = page("briefings_index.html.j2", scenario=_scenario(public), every=EVERY_SEAT,
                        facilitator=FACILITATOR, seats=[{"file": f"{s['id']}.html", "look": s["look"],
                                                         "leader": s["leader"]} for s in sheets])
    return files


def _scenario(public: dict) -> dict:
    return {"id": public["id"], "title": public["title"], "date": long_date(public["date"]),
            "summary": public["summary"], "situation": public["briefing"]}


def _calendar(public: dict) -> list:
    cal = public["calendar"]
    return [{"day": d, "date": day_date(cal["start_date"], d), "summit": d == cal["summit_turn"]}
            for d in range(1, cal["turns"] + 1)]


def _seat_sheet(public, w, scenario, seat, looks, calendar) -> dict:
    view = briefing_view(public, seat.id, private_info(seat))
    moves = [{"name": m["name"], "description": m["description"], "secret": not m["public"],
              "effects": [effect_text(e, w.naming) for e in m["effects"]]}
             for m in public["moves"] if m["seat"] == seat.id]
    others = [{"look": looks[s["id"]], "leader": s["leader"], "title": s["title"]}
              for s in public["seats"] if s["id"] != seat.id]
    return {**view, "id": seat.id, "look": looks[seat.id], "moves": moves, "others": others, "calendar": calendar,
            "talk_rounds": public["calendar"]["talk_rounds"]}


def _facilitator(public, w, scenario, looks, calendar) -> dict:
    seats = []
    for seat in scenario.seats:
        prefs = seat.preferences
        ranked = sorted((i for i in public["issues"] if prefs.weight(i["id"]) and prefs.value_table(i["id"])),
                        key=lambda i: -prefs.weight(i["id"]))
        priorities = []
        for issue in ranked[:TOP_PRIORITIES]:
            values = prefs.value_table(issue["id"])
            best = issue["options"][max(range(len(values)), key=values.__getitem__)]
            priorities.append(f"{issue['name']} ({round(100 * prefs.weight(issue['id']))}%): best "
                              f"{option_text(issue, best)}")
        seats.append({"look": looks[seat.id], "leader": seat.leader, "walk_away": prefs.reservation,
                      "priorities": priorities, "objectives": [{"text": o.text, "points": o.points}
                                                               for o in seat.objectives]})
    names = Names.of_scenario(scenario)
    events = []
    for ev in scenario.events:
        when = day_date(public["calendar"]["start_date"], ev.turn) if ev.turn is not None else ""
        events.append({"title": ev.title, "day": ev.turn,
                       "when": f"Day {ev.turn} \u00b7 {when}" if ev.turn is not None else
                       "When " + ev.when.words(names),
                       "chance": chance_text(ev.chance),
                       "effects": [e.words(names) for e in ev.effects],
                       "source": source_text(public, ev.source)})
    events.sort(key=lambda e: (e["day"] is None, e["day"] or 0))
    history = []
    for entry in scenario.history.entries:
        issue = w.issues[entry.issue]
        said = option_text(issue, entry.option) if entry.option else ""
        history.append({"name": issue["name"], "option": said or "\u2014", "settled": str(entry.settled),
                        "verdict": SETTLED_WORDS.get(str(entry.settled), str(entry.settled)), "note": entry.note})
    h = scenario.history
    return {"seats": seats, "events": events, "calendar": calendar, "history": history,
            "history_summary": h.summary, "history_date": long_date(h.date), "aftermath": h.aftermath,
            "source": [{"label": k, "text": v} for k, v in source_lines(public, h.source)],
            "issues": [{"name": i["name"], "options": [option_text(i, o) for o in i["options"]],
                        "signatories": [w.name(s) for s in i["signatories"]]} for i in public["issues"]]}
