"""The server's messages about a table: built from observations only, one per audience.

A seat's members get that seat's observation; the projector gets what the whole room may see;
only the facilitator gets everything. Each builder is the one place its message is made.
"""

from __future__ import annotations

from typing import Any

from game.engine.kinds import Phase
from game.match import Controller

from .protocol import ServerType
from .table import Table


def seat_names(table: Table) -> dict:
    return {s.id: s.name for s in table.scenario.seats}


def pace(table: Table, now: float) -> dict:
    left = table.seconds_left(now)
    return {"paused": table.paused, "started": table.started, "ended": table.ended, "over": table.state.is_over(),
            "deadline": None if left is None else {"seconds_left": round(left, 1), "at": table.deadline.at
                                                   if table.deadline else None},
            "pace": table.pace}


def state_message(table: Table, seat: str, news_from: int, holders: dict, now: float) -> dict[str, Any]:
    """Everything `seat` may know now; news from its item `news_from` on (a client keeps the rest)."""
    state = table.state
    obs = state.observation(seat, since=news_from)
    obs.pop("private")   # sent once, when the seat is taken
    mine = seat in state.to_move() and table.match.controllers[seat] == Controller.HUMAN
    message: dict[str, Any] = {
        "type": ServerType.STATE, "table": table.id, "seat": seat, "version": table.version,
        "turn": state.turn, "phase": str(state.phase), "round": state.round if state.phase == Phase.TALKS else 0,
        "observation": obs, "news_from": news_from,
        "legal": [a.to_dict() for a in state.legal_actions(seat)] if mine else [],
        "space": state.proposal_space(seat) if mine else {"can_propose": False, "issues": {}, "seats": [],
                                                           "expires": [state.turn, state.turn]},
        "controllers": table.controllers(), "holders": holders, **pace(table, now),
    }
    result = table.result()
    if result is not None:
        message["result"] = result
    return message


def seated_message(table: Table, seat: str, member: dict, token: str | None, team_code: str) -> dict[str, Any]:
    from game.engine.views import private_info
    message: dict[str, Any] = {
        "type": ServerType.SEATED, "table": table.id, "seat": seat, "member": member, "team_code": team_code,
        "public": table.match.public, "private": private_info(table.scenario.seat(seat)),
    }
    if token is not None:
        message["token"] = token
    return message


def public_message(tables: list[Table], now: float) -> dict[str, Any]:
    out = []
    for table in tables:
        view = table.state.public_view()
        out.append({"table": table.id, "title": table.scenario.title, "seats": seat_names(table),
                    "view": view, **pace(table, now)})
    return {"type": ServerType.PUBLIC, "tables": out}


def table_summary(table: Table, holders: dict, connected: dict, now: float) -> dict[str, Any]:
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
            "version": table.version, "digest": state.digest(), **pace(table, now)}


def table_view(table: Table) -> dict[str, Any]:
    return {"type": ServerType.TABLE_VIEW, "table": table.id, "view": table.state.facilitator_view(),
            "notes": list(table.notes), "controllers": table.controllers(), "result": table.result()}
