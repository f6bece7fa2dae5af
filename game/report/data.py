"""A game as data for grading and research: CSV files and one JSON file, every column documented here.

COLUMNS is the one description of every file and column: the writers below fill exactly these
columns, columns.md in each report folder is written from it, and docs/report-data.md repeats it.
"""

from __future__ import annotations

import csv
import io
import json

from game.engine.kinds import EventKind, Phase

COLUMNS = {
    "actions.csv": ("Every action taken at the table, in order, and every question put to an AI leader.", [
        ("n", "position in the game's log, from 1 (empty for a question to an AI leader, which is not an action)"),
        ("day", "the day (turn) it happened on"),
        ("round", "the talks round, from 1 (0 in the moves phase)"),
        ("phase", "talks or moves"),
        ("seat", "the seat that acted (or asked), by id; @facilitator for the facilitator's operations"),
        ("by", "who chose it: person, ai (the seat's AI leader), facilitator, or unknown (an older save)"),
        ("type", "propose, counter, accept, reject, withdraw, statement, done, move, announce, trigger, or ask"),
        ("proposal", "the offer it answers or withdraws, by id; for propose and counter the new offer's id"),
        ("parties", "for propose, counter and ask: the seats that would sign, separated by ;"),
        ("terms", "for propose, counter and ask: the package, as issue=option pairs separated by ;"),
        ("issue", "for statement: the issue spoken of"),
        ("option", "for statement: the option said in public"),
        ("move", "for move: the move chosen (hold for none); for trigger: the event brought forward"),
        ("reason", "for reject: the reason given; for propose and counter: what was said with the offer"),
        ("asked", "for ask: the AI leader's seat that was asked what it would want"),
    ]),
    "offers.csv": ("Every offer and counter-offer, with how it ended.", [
        ("proposal", "the offer's id"),
        ("day", "the day it was made"),
        ("round", "the talks round it was made in"),
        ("proposer", "the seat that made it"),
        ("parties", "the seats that would sign it, separated by ;"),
        ("terms", "the package, as issue=option pairs separated by ;"),
        ("counter_to", "the offer it answered, by id (empty for a fresh offer)"),
        ("status", "signed, rejected, countered, withdrawn, expired, void (overtaken by a signed deal) or open"),
        ("accepted_by", "the seats that had accepted it, separated by ;"),
        ("public", "yes if the whole table could see it, no if only its parties"),
        ("expires", "the last day it could be accepted"),
        ("note", "what the proposer said with it"),
        ("reason", "the reason given when it was rejected"),
        ("worth_to_proposer", "what the package was worth to the proposer, by its own preferences (0 to 1), "
                              "with what was signed at the time"),
    ]),
    "agreements.csv": ("Every agreement signed, and who kept and broke it.", [
        ("agreement", "the agreement's id"),
        ("day", "the day it was signed"),
        ("proposal", "the offer that became it, by id"),
        ("parties", "the seats that signed it, separated by ;"),
        ("terms", "what it settles, as issue=option pairs separated by ;"),
        ("in_force", "the issues it still settles at the end (a later agreement can overtake it), separated by ;"),
        ("kept_by", "the seats it bound that kept their word through at least one day, separated by ;"),
        ("broken_by", "the seats that broke it with a move, separated by ;"),
    ]),
    "outcome.csv": ("Issue by issue: what the table settled, beside what the real summit did.", [
        ("issue", "the issue's id"),
        ("name", "the issue's name"),
        ("table_option", "the option in force at the end (the issue's default where nothing was signed)"),
        ("signed", "yes if an agreement settles it, no if it was left unsigned"),
        ("history_settled", "what the real summit did with it: agreed, open, verbal or earlier"),
        ("history_option", "the option agreed, said or contracted earlier in history (empty when left open)"),
        ("distance", "0 to 1, how far the table's result lies from history's on this issue (empty when not "
                     "counted: verbal or earlier)"),
        ("verdict", "the debrief's words for it"),
    ]),
    "scores.csv": ("Every seat's score and its parts.", [
        ("seat", "the seat's id"),
        ("name", "the seat's name"),
        ("played_by", "human or an AI level, when the game began"),
        ("total", "the final score: deal + objectives + stats + integrity"),
        ("deal", "what the terms in force are worth against walking away, x100"),
        ("objectives", "points for secret objectives met"),
        ("stats", "half the change in support at home and international standing"),
        ("integrity", "points lost for broken agreements (-5 each) and public reversals (-2 each)"),
        ("utility", "what the terms in force are worth to the seat, 0 to 1"),
        ("reservation", "the seat's walk-away value, 0 to 1"),
        ("objectives_met", "the ids of the secret objectives met, separated by ;"),
        ("breaches", "how many agreements it broke"),
        ("reversals", "how many times it signed less than it had demanded in public"),
        ("par", "what AI leaders score in this seat on average (AI-only games at the normal level); empty when the "
                "summit was not reached (a table ended early, or still at play): par rates whole games only"),
        ("vs_par", "the total minus par (empty when not rated)"),
        ("percentile", "the share of those AI games in this seat that scored less, 0 to 100 (ties count half; empty "
                       "when not rated)"),
        ("rating", "the percentile in words: well below par, below par, on par, above par, outstanding (empty when "
                   "not rated)"),
    ]),
}
CLASS_COLUMNS = {
    "tables.csv": ("The class report's folder: one row per table.", [
        ("table", "the table's id (T1, T2, ...); its own report and data are in tables/<table>/"),
        ("scenario", "the scenario it played, by id"),
        ("over", "yes if its summit is over, no if the report shows it unfinished"),
        ("day", "the day it had reached"),
        ("agreements", "how many agreements it signed"),
        ("breaches", "how many times a seat broke an agreement"),
        ("reversals", "how many times a seat signed less than it had demanded in public"),
        ("closeness", "0 to 1: how alike its result is to what the real summit agreed"),
        ("pareto_distance", "the final terms' distance to the Pareto frontier (0: on it)"),
        ("nash_distance", "the final terms' distance to the Nash bargaining point (empty if there is none)"),
        ("unclaimed_welfare", "joint worth left on the table against the best package for all signing seats"),
    ]),
    "seats.csv": ("The class report's folder: one row per seat at each table.", [
        ("table", "the table's id"),
        ("scenario", "the scenario, by id"),
        ("seat", "the seat's id"),
        ("name", "the seat's name"),
        ("played_by", "human or an AI level, when the game began"),
        ("total", "its final score at that table (see scores.csv for the parts)"),
    ]),
}
JSON_NAME = "game.json"
JSON_WHAT = ("All of the above in one file: an object with one list per CSV file (`actions`, `offers`, "
             "`agreements`, `outcome`, `scores`) holding the same rows and columns, and `game`: the scenario and "
             "its version, the seed, the state's digest, the table's id, whether the summit is over, closeness to "
             "history (0 to 1) and the efficiency figures at the start and at the end of each day "
             "(`pareto_distance`, `nash_distance`, `unclaimed_welfare` and each signing seat's `utilities`).")


def _join(items) -> str:
    return ";".join(str(i) for i in items)


def _terms(terms: dict) -> str:
    return ";".join(f"{k}={v}" for k, v in terms.items())


def rows(report: dict) -> dict:
    """Each file's rows as dicts over exactly its documented columns."""
    raw = report["raw"]
    out: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    for step in raw["steps"]:
        a = step.action
        kind = a.get("type", "")
        made = next((e.get("proposal", "") for e in step.events if e["kind"] == EventKind.PROPOSAL), "")
        out["actions.csv"].append({
            "n": step.n, "day": step.turn, "round": step.round, "phase": step.phase, "seat": step.seat,
            "by": str(step.by), "type": kind, "proposal": made or a.get("proposal", ""),
            "parties": _join(a.get("parties", [])), "terms": _terms(a.get("terms", {})),
            "issue": a.get("issue", ""), "option": a.get("option", ""),
            "move": a.get("move", "") or a.get("event", ""), "reason": a.get("reason", ""), "asked": ""})
    for ask in raw["asks"]:
        out["actions.csv"].append({"n": "", "day": ask.turn, "round": ask.round, "phase": str(Phase.TALKS),
                                   "seat": ask.asker, "by": "person", "type": "ask", "proposal": "",
                                   "parties": _join(ask.parties), "terms": _terms(ask.terms), "issue": "",
                                   "option": "", "move": "", "reason": "", "asked": ask.seat})
    out["actions.csv"].sort(key=lambda r: (r["day"], r["round"] or 99, r["n"] if r["n"] != "" else 0))
    made_in = {}
    for step in raw["steps"]:
        for e in step.events:
            if e["kind"] == EventKind.PROPOSAL:
                made_in[e["proposal"]] = step.round
    worth = {}
    for c in report["concessions"].values():
        for p in c["points"]:
            if p["kind"] == "offered":
                worth[p["proposal"]] = p["worth"]
    for p in raw["proposals"]:
        out["offers.csv"].append({
            "proposal": p["id"], "day": p["turn"], "round": made_in.get(p["id"], ""), "proposer": p["proposer"],
            "parties": _join(p["parties"]), "terms": _terms(p["terms"]), "counter_to": p["counter_to"],
            "status": p["status"], "accepted_by": _join(p["accepted"]), "public": "yes" if p["public"] else "no",
            "expires": p["expires"], "note": p["note"], "reason": p["reason"],
            "worth_to_proposer": worth.get(p["id"], "")})
    for a in report["agreements"]:
        out["agreements.csv"].append({
            "agreement": a["id"], "day": a["turn"], "proposal": _proposal_of(raw, a["id"]),
            "parties": _join(a["parties"]), "terms": _terms(a["terms_raw"]),
            "in_force": _join(_live(raw, a["id"])), "kept_by": _join(a["kept_by"]),
            "broken_by": _join(a["broken_by"])})
    for row in report["history"]["rows"]:
        out["outcome.csv"].append({
            "issue": row["issue"], "name": row["name"], "table_option": row["table"],
            "signed": "yes" if row["signed"] else "no", "history_settled": row["settled"],
            "history_option": row["history"], "distance": "" if row["distance"] is None else row["distance"],
            "verdict": row["verdict"]})
    first = {s["id"]: s for s in report["seats"]}
    against = {row["seat"]: row for row in report["scores"]}
    for seat, v in raw["scores"].items():
        out["scores.csv"].append({
            "seat": seat, "name": first[seat]["name"], "played_by": first[seat]["played_kind"],
            "total": v["total"], "deal": v["deal"], "objectives": v["objectives"], "stats": v["stats"],
            "integrity": v["integrity"], "utility": v["utility"], "reservation": v["reservation"],
            "objectives_met": _join(v["objectives_met"]), "breaches": v["breaches"], "reversals": v["reversals"],
            **{k: "" if against[seat][k] is None else against[seat][k]
               for k in ("par", "vs_par", "percentile", "rating")}})
    return out


def _proposal_of(raw, agreement_id):
    return next((a["proposal"] for a in raw["agreements"] if a["id"] == agreement_id), "")


def _live(raw, agreement_id):
    return next((a["live"] for a in raw["agreements"] if a["id"] == agreement_id), [])


def csv_text(name: str, items: list) -> str:
    columns = [c for c, _ in {**COLUMNS, **CLASS_COLUMNS}[name][1]]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for item in items:
        writer.writerow({k: _cell(item[k]) for k in columns})
    return out.getvalue()


def _cell(value):
    """A spreadsheet must not run a cell as a formula: text starting with one of its marks is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def json_text(report: dict, tables: dict) -> str:
    game = {"scenario": report["scenario"]["id"], "scenario_version": report["scenario"]["version"],
            "seed": report["seed"], "digest": report["digest"], "over": report["over"], "table": report["table"],
            "closeness_to_history": report["history"]["closeness"], "efficiency": report["efficiency"]["days"]}
    body = {"game": game, **{name[:-4]: items for name, items in tables.items()}}
    return json.dumps(body, indent=1, ensure_ascii=False, default=str)


def files(report: dict) -> dict:
    """Every data file's name and text."""
    tables = rows(report)
    out = {name: csv_text(name, items) for name, items in tables.items()}
    out[JSON_NAME] = json_text(report, tables)
    out["columns.md"] = columns_markdown()
    return out


def columns_markdown() -> str:
    lines = ["# The data files", "",
             "Each report folder holds the game as data. Lists inside a cell are separated by `;`; a package is "
             "written as `issue=option` pairs. Seats, issues, options and moves are named by their ids in the "
             "scenario file. A text cell that would begin with `=`, `+`, `-` or `@` begins with `'` instead, so "
             "a spreadsheet shows it as text and never runs it as a formula.", ""]
    for name, (what, columns) in COLUMNS.items():
        lines += [f"## {name}", "", what, "", "| column | meaning |", "|---|---|"]
        lines += [f"| `{c}` | {text} |" for c, text in columns]
        lines.append("")
    lines += [f"## {JSON_NAME}", "", JSON_WHAT, ""]
    for name, (what, columns) in CLASS_COLUMNS.items():
        lines += [f"## {name}", "", what, "", "| column | meaning |", "|---|---|"]
        lines += [f"| `{c}` | {text} |" for c, text in columns]
        lines.append("")
    return "\n".join(lines)


def class_files(context: dict) -> dict:
    """The class report's own data: its tables and every seat's score at each, with the columns explained."""
    tables, seats = [], []
    for section in context["sections"]:
        sid = section["scenario"]["id"]
        for t in section["tables"]:
            tables.append({"table": t["table"], "scenario": sid, "over": "yes" if t["over"] else "no",
                           "day": t["day"], "agreements": t["agreements"], "breaches": len(t["breaches"]),
                           "reversals": t["reversals"], "closeness": t["closeness"],
                           "pareto_distance": t["pareto_distance"],
                           "nash_distance": "" if t["nash_distance"] is None else t["nash_distance"],
                           "unclaimed_welfare": t["unclaimed_welfare"]})
        for s in section["seats"]:
            for t, total in zip(section["tables"], s["scores"]):
                seats.append({"table": t["table"], "scenario": sid, "seat": s["id"], "name": s["name"],
                              "played_by": t["played"][s["id"]], "total": total})
    return {"tables.csv": csv_text("tables.csv", tables), "seats.csv": csv_text("seats.csv", seats),
            "columns.md": columns_markdown()}
