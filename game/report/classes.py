"""The class report: every table of a class side by side, with each table's own report linked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from game.present.looks import seat_looks
from game.present.table import Words, breach_line

from . import charts
from .documents import REPORT_NAME, table_folder
from .errors import ReportError
from .inputs import ClassGames, from_class
from .output import write_folder
from .render import page
from .table import Audience, build, public_of

TABLES_DIR = "tables"


def write_class_report(folder: Path, out: Path) -> tuple:
    classes = from_class(folder)
    reports = _reports(classes)
    files: dict = {}
    for table_id, report in reports.items():
        for name, text in table_folder(report, back="../../index.html").items():
            files[f"{TABLES_DIR}/{table_id}/{name}"] = text
    context = build_class(classes, reports, lambda t: f"{TABLES_DIR}/{t}/{REPORT_NAME}")
    files["index.html"] = class_html(context)
    from .data import class_files
    files.update({f"data/{name}": text for name, text in class_files(context).items()})
    write_folder(out, files)
    done = sum(1 for r in reports.values() if r["over"])
    return out / "index.html", (f"class {classes.code}: {len(reports)} tables ({done} finished"
                                f"{', %d cannot be read' % len(classes.broken) if classes.broken else ''})")


def _reports(classes: ClassGames, audience: Audience = Audience.TEACHER) -> dict:
    if not classes.games:
        why = "; ".join(f"{t}: {reason}" for t, reason in classes.broken)
        raise ReportError(f"no table of the class can be rebuilt ({why})")
    return {g.table: build(g, audience) for g in classes.games}


def build_class(classes: ClassGames, reports: dict, link: Callable[[str], str]) -> dict:
    """The class side by side, a section per scenario (a mixed class plays more than one)."""
    groups: dict = {}
    for game in classes.games:
        key = (game.scenario.id, game.scenario.content_hash)
        groups.setdefault(key, {"scenario": game.scenario, "games": []})["games"].append(game)
    sections = [_section(g["scenario"], g["games"], reports, link) for g in groups.values()]
    return {"code": f"{classes.code[:3]}-{classes.code[3:]}", "ended": classes.ended, "sections": sections,
            "broken": [{"table": t, "why": why} for t, why in classes.broken],
            "tables": sum(len(s["tables"]) for s in sections)}


def _section(scenario, games: list, reports: dict, link) -> dict:
    public = public_of(scenario)
    w = Words(public, None)
    looks = {s: look.to_dict() for s, look in seat_looks(public["seats"]).items()}
    tables = []
    for game in games:
        r = reports[game.table]
        final = r["efficiency"]["final"]
        tables.append({
            "table": game.table, "link": link(game.table), "over": r["over"], "status": r["short_status"],
            "day": game.state.turn, "agreements": len(r["agreements"]),
            "breaches": [breach_line(w, b) for b in r["breaches"]], "reversals": len(r["reversals"]),
            "closeness": r["history"]["closeness"], "pareto_distance": final["pareto_distance"],
            "nash_distance": final["nash_distance"], "unclaimed_welfare": final["unclaimed_welfare"],
            "people": sum(len(s["people"]) for s in r["seats"]), "bots": sum(len(s["bots"]) for s in r["seats"]),
            "played": {s["id"]: s["played_kind"] for s in r["seats"]}})
    issues = []
    for k, issue in enumerate(public["issues"]):
        cells = []
        for game in games:
            row = reports[game.table]["history"]["rows"][k]
            cells.append({"text": row["table_text"], "verdict": row["verdict"], "same": row["same"],
                          "signed": row["signed"]})
        history = reports[games[0].table]["history"]["rows"][k]
        issues.append({"name": issue["name"], "history": history["history_text"], "settled": history["settled"],
                       "cells": cells,
                       "same_count": sum(1 for c in cells if c["same"])})
    scores = {g.table: {row["seat"]: row["total"] for row in reports[g.table]["scores"]} for g in games}
    seats = []
    # The mean and range count finished tables only, when there are any: a game cut short is not comparable.
    counted = [g for g in games if g.over] or games
    for s in public["seats"]:
        values = [scores[g.table][s["id"]] for g in games]
        kept = [scores[g.table][s["id"]] for g in counted]
        seats.append({"id": s["id"], "name": s["name"], "look": looks[s["id"]], "scores": values,
                      "mean": round(sum(kept) / len(kept), 1), "low": min(kept), "high": max(kept)})
    return {"scenario": {"id": scenario.id, "title": scenario.title}, "tables": tables, "issues": issues,
            "mean_of": "the finished tables" if any(g.over for g in games) else "all tables",
            "seats": seats, "history_date": reports[games[0].table]["history"]["date"],
            "charts": {"scores": charts.class_scores(public["seats"], [g.table for g in games], scores),
                       "closeness": charts.class_closeness(tables)}}


def class_html(context: dict, files: bool = True) -> str:
    return page("class.html.j2", c=context, files=files)
