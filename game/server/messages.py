"""The server's messages about a table: built from observations only, one per audience.

A seat's members get that seat's observation; the projector gets what the whole room may see;
only the facilitator gets everything. Each builder is the one place its message is made.
"""

from __future__ import annotations

from typing import Any

from game.engine import Action, IllegalAction
from game.engine.kinds import ActionType, ChoiceKind, Controller, EventKind, Phase
from game.engine.talks import check_package
from game.engine.views import private_info
from game.match import CLASS_PLAYERS
from game.present.seatview import briefing_view, looks_of, result_view, seat_view
from game.present.table import (
    Words,
    agreement_card,
    day_lines,
    lapse_warning,
    news_item,
    offer_card,
    phase_lines,
    statement_line,
)
from game.present.worth import no_stakes, stakes_words

from .protocol import PROTOCOL_VERSION, Role, ServerType
from .store import ClassRecord
from .table import Table
from .wire import Pace, PreviewAnswer, Seated, State


def seat_names(table: Table) -> dict[str, Any]:
    return {s.id: s.name for s in table.scenario.seats}


def pace(table: Table, now: float) -> Pace:
    left = table.seconds_left(now)
    return {"paused": table.paused, "started": table.started, "ended": table.ended, "over": table.state.is_over(),
            "deadline": None if left is None else {"seconds_left": round(left, 1), "at": table.deadline.at
                                                   if table.deadline else None},
            "pace": table.pace}


def state_message(table: Table, seat: str, news_from: int, holders: dict[str, Any], now: float,
                  views: bool = False, stakes: bool = False) -> State:
    """Everything `seat` may know now; news from its item `news_from` on (a client keeps the rest). With
    `views`, also the seat's screen in words (game.present), for clients that only lay text out; with `views` or
    `stakes`, what each open offer and move would do to the seat's score (the projections cost: bots go without)."""
    state = table.state
    obs = state.observation(seat, since=news_from)
    mine = seat in state.to_move() and table.match.controllers[seat] == Controller.HUMAN \
        and not table.paused and not table.ended
    legal = [a.to_dict() for a in state.legal_actions(seat)] if mine else []
    space = state.proposal_space(seat) if mine else {"can_propose": False, "issues": {}, "seats": [],
                                                      "expires": [state.turn, state.turn]}
    message: State = {
        "type": "state", "table": table.id, "seat": seat, "version": table.version,
        "turn": state.turn, "phase": str(state.phase), "round": state.round if state.phase == Phase.TALKS else 0,
        "observation": obs, "news_from": news_from, "legal": legal, "space": space,
        "controllers": table.controllers(), "holders": holders, **pace(table, now),
        "stakes": table.worth.seat_stakes(state, table.match.controllers, seat) if views or stakes
        else {"offers": {}, "moves": {}},
        "asks_left": table.asks_left(seat),
    }
    result = table.result()
    if result is not None:
        message["result"] = result
    if views:
        public = table.match.public
        message["view"] = seat_view(public, obs, seat, legal, space, message["controllers"], obs["news"],
                                    message["stakes"], message["asks_left"])
        if result is not None:
            message["view"]["result"] = result_view(public, result, seat)
        if table.ended:
            message["view"]["waiting"] = ""
    obs.pop("private")   # sent once, when the seat is taken
    return message


def seated_message(table: Table, seat: str, member: dict[str, Any], token: str | None, team_code: str,
                   views: bool = False) -> Seated:
    private = private_info(table.scenario.seat(seat))
    message: Seated = {
        "type": "seated", "table": table.id, "seat": seat, "member": member, "team_code": team_code,
        "public": table.match.public, "private": private,
    }
    if token is not None:
        message["token"] = token
    if views:
        message["briefing"] = briefing_view(table.match.public, seat, private)
        message["looks"] = looks_of(table.match.public)
    return message


def public_message(tables: list[Table], now: float) -> dict[str, Any]:
    """What the whole room may see of each table, raw and in words."""
    out = []
    for table in tables:
        view = table.state.public_view()
        w = Words(table.match.public, None)
        words = {"day": day_lines(w, view)[1], "phase": phase_lines(view)[0],
                 "news": [item for item in (news_item(w, dict(e, n=k)) for k, e in enumerate(view["news"]))
                          if item and item["kind"] != EventKind.DAY][::-1][:12],
                 "deals": [agreement_card(w, a) for a in reversed(view["agreements"])],
                 "statements": [statement_line(w, s) for s in view["statements"]][::-1]}
        out.append({"table": table.id, "title": table.scenario.title, "seats": seat_names(table),
                    "view": view, "words": words, **pace(table, now)})
    return {"type": ServerType.PUBLIC, "tables": out}


def table_summary(table: Table, holders: dict[str, Any], connected: dict[str, Any], now: float) -> dict[str, Any]:
    state = table.state
    to_move = state.to_move()
    seats = []
    for seat in table.scenario.seats:
        seats.append({"seat": seat.id, "name": seat.name, "controller": str(table.match.controllers[seat.id]),
                      "members": holders.get(seat.id, []), "connected": connected.get(seat.id, 0),
                      "waiting_for": seat.id in to_move})
    return {"table": table.id, "scenario": table.scenario.id, "title": table.scenario.title,
            "turn": state.turn, "turns": table.scenario.calendar.turns, "phase": str(state.phase),
            "round": state.round, "seats": seats, "agreements": len(state.agreements),
            "status": _status(table),
            "events": [{"id": e.id, "title": e.title, "happened": e.id in state.fired} for e in table.scenario.events],
            "version": table.version, "digest": state.digest(), **pace(table, now)}


def _status(table: Table) -> str:
    state, calendar = table.state, table.scenario.calendar
    when = {"turn": state.turn, "turns": calendar.turns, "summit_turn": calendar.summit_turn, "phase": state.phase,
            "round": state.round, "talk_rounds": calendar.talk_rounds}
    return f"{day_lines(Words(table.match.public, None), when)[1]} \u00b7 {phase_lines(when)[0]}"


def table_view(table: Table) -> dict[str, Any]:
    """Everything at one table, for the facilitator: every offer, note and seat's secrets, in words too."""
    view = table.state.facilitator_view()
    public = table.match.public
    w = Words(public, None)
    words = {
        "offers": [offer_card(w, view["proposals"], p) for p in reversed(view["proposals"])],
        "deals": [agreement_card(w, a) for a in reversed(view["agreements"])],
        "news": [item for item in (news_item(w, dict(e, n=k)) for k, e in enumerate(view["news"])) if item][::-1],
        "seats": [{"seat": s["id"], "name": s["name"],
                   "objectives": [f"{o['text']} ({o['points']} points)"
                                  for o in view["private"][s["id"]]["objectives"]]}
                  for s in public["seats"]],
    }
    result = table.result()
    return {"type": ServerType.TABLE_VIEW, "table": table.id, "view": view, "words": words,
            "notes": list(table.notes), "controllers": table.controllers(), "result": result,
            "result_words": result_view(public, result, None) if result else None}


def preview_message(table: Table, seat: str, terms: dict[str, Any], parties: list[Any],
                    expires: int) -> PreviewAnswer:
    """What a package being built would do to the seat's final score, and whether the rules would take it now."""
    state = table.state
    public = table.match.public
    problem = ""
    stakes = None
    try:
        action = Action.from_dict({"type": ActionType.PROPOSE, "parties": list(parties), "terms": dict(terms),
                                   "expires": expires})
        check_package(state, seat, action.parties, action.terms, action.expires)
        stakes = table.worth.stakes(state, seat, {"kind": ChoiceKind.SIGN, "terms": dict(action.terms),
                                                  "parties": list(action.parties)})
    except IllegalAction as err:
        problem = str(err)
    words = no_stakes(problem) if stakes is None else stakes_words(stakes, seat_names(table), "sign")
    warning = "" if problem else lapse_warning(Words(public, seat), state.proposal_space(seat), list(parties),
                                               expires, state.turn)
    return {"type": "preview", "worth": words, "stakes": stakes, "problem": problem, "warning": warning}


def welcome_message(record: ClassRecord, tables: list[Table], role: Role | None, you: dict[str, Any] | None,
                    now: float) -> dict[str, Any]:
    scenarios = list({t.scenario.id: t.scenario for t in tables}.values())
    return {"type": ServerType.WELCOME, "protocol": PROTOCOL_VERSION, "role": role, "you": you,
            "class": {"code": record.code, "title": " / ".join(s.title for s in scenarios),
                      "scenario": scenarios[0].id, "scenarios": [s.id for s in scenarios],
                      "tables": [t.id for t in tables], "ended": record.ended},
            "server_time": now}


def lobby_message(tables: list[Table], holders: dict[str, dict[str, Any]], bots: dict[str, dict[str, Any]],
                  ended: bool) -> dict[str, Any]:
    """Every table's seats, who holds each (and which of them are bots) and whether it is free, for students
    choosing a seat."""
    out = []
    for table in tables:
        held = holders[table.id]
        seats = [{"seat": s.id, "name": s.name, "controller": str(table.match.controllers[s.id]),
                  "holders": held.get(s.id, []), "bots": bots[table.id].get(s.id, []), "free": not held.get(s.id)}
                 for s in table.scenario.seats]
        out.append({"table": table.id, "title": table.scenario.title, "turn": table.state.turn,
                    "over": table.state.is_over(), "seats": seats})
    return {"type": ServerType.LOBBY, "tables": out, "ended": ended}


def class_message(record: ClassRecord, tables: list[dict[str, Any]], unseated: list[Any], in_lobby: int,
                  report: str) -> dict[str, Any]:
    """The facilitator's view of the whole class: `tables` as table_summary gives them."""
    return {"type": ServerType.CLASS, "code": record.code, "ended": record.ended, "level": record.level,
            "tables": tables, "unseated": unseated, "in_lobby": in_lobby,
            "levels": [str(c) for c in CLASS_PLAYERS], "report": report}
