"""Who sees what in a class: every message the server sends its clients about the tables.

Each seat's members get their own seat's observation, facilitators get the whole class (and every table they
watch), projectors get what is public, and students without a seat get the lobby. The classroom (classroom.py)
makes the changes; this is the one place that tells people about them.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from game.engine.kinds import Controller

from . import messages
from .identity import team_code
from .members import Client, Member
from .protocol import Role, ServerType
from .reports import class_link, table_link
from .room import TableRoom
from .store import ClassRecord
from .table import Table

SUMMARY_EVERY = 0.2    # seconds: facilitators' and projectors' views are sent at most this often


class Audience:
    """The class's clients and members, and what each is sent."""

    def __init__(self, record: ClassRecord):
        self.record = record
        self.rooms: dict[str, TableRoom] = {}
        self.members: dict[int, Member] = {}
        self.clients: set[Any] = set()
        self._summary_due = False

    def attach(self, client: Client) -> None:
        self.clients.add(client)
        if client.member is not None:
            client.member.clients.add(client)
        if client.role == Role.STUDENT:
            self._summary_soon()     # the console shows who is connected, and how many wait in the lobby

    def detach(self, client: Client) -> None:
        self.clients.discard(client)
        if client.member is not None:
            client.member.clients.discard(client)
        if client.role == Role.STUDENT:
            self._summary_soon()

    def welcome(self, client: Client) -> dict[str, Any]:
        you = None
        if client.member is not None:
            you = {**client.member.card(), "table": client.member.table, "seat": client.member.seat}
        return messages.welcome_message(self.record, self._tables(), client.role, you, time.time())

    def lobby(self) -> dict[str, Any]:
        tables = self._tables()
        return messages.lobby_message(tables, {t.id: self.holders(t.id) for t in tables},
                                      {t.id: self.holders(t.id, bots=True) for t in tables}, self.record.ended)

    def _tables(self) -> list[Table]:
        return [r.table for r in self.rooms.values()]

    def holders(self, table_id: str, bots: bool | None = None) -> dict[str, Any]:
        """Seat -> the names of the members holding it: everyone, or with `bots` only the bots (True) or only the
        people (False)."""
        out: dict[str, list[Any]] = {}
        for m in self.members.values():
            if m.table == table_id and m.seat and bots in (None, m.bot):
                out.setdefault(m.seat, []).append(m.name)
        return out

    def tell_who_plays(self, client: Client) -> None:
        """A member coming back to a seat the facilitator handed to an AI leader is told so, in words: it watches
        until the facilitator hands the seat back."""
        member = client.member
        if member is None or not member.table:
            return
        table = self.rooms[member.table].table
        kind = table.match.controllers[member.seat]
        if kind != Controller.HUMAN:
            client.send({"type": ServerType.NOTICE, "table": table.id,
                         "text": f"The facilitator has handed {table.scenario.seat(member.seat).name} to an AI leader "
                                 f"({kind}): it plays the seat until the facilitator hands it back."})

    def _send_seated(self, member: Member, token: str | None, only: Client | None = None) -> None:
        if not member.table:
            return
        table = self.rooms[member.table].table
        code = team_code(self.record.key, member.table, member.seat)
        for client in list(member.clients):
            message = messages.seated_message(table, member.seat, member.card(),
                                              token if client is only else None, code, client.views)
            client.send(message)
            self._send_state(client, table)

    def _deliver(self, table: Table, note: dict[str, Any]) -> None:
        """A note reaches both seats' members and the facilitators, nobody else."""
        message = {"type": ServerType.NOTE, "table": table.id, **note}
        for m in self.members.values():
            if m.table == table.id and m.seat in (note["from"], note["to"]):
                for c in m.clients:
                    c.send(message)
        for c in self.clients:
            if c.role == Role.FACILITATOR:
                c.send(message)

    def _changed(self, room: TableRoom) -> None:
        table = room.table
        notices, table.notices = table.notices, []
        for client in list(self.clients):
            member = client.member
            if client.role == Role.STUDENT and member is not None and member.table == table.id:
                self._send_state(client, table)
                for text in notices:
                    client.send({"type": ServerType.NOTICE, "table": table.id, "text": text})
            elif client.role == Role.FACILITATOR:
                for text in notices:
                    client.send({"type": ServerType.NOTICE, "table": table.id, "text": text})
                if table.id in client.watching:
                    client.send(self.table_view(table))
        self._summary_soon()

    def _send_state(self, client: Client, table: Table) -> None:
        member = client.member
        if member is None or member.table != table.id or not member.seat:
            return
        since = client.news_sent.get((table.id, member.seat), 0)
        if since > len(table.state.news_of[member.seat]):
            since = 0     # the table was rolled back: the client starts its news again
        message = messages.state_message(table, member.seat, since, self.holders(table.id), time.time(), client.views,
                                         client.stakes)
        if "result" in message:
            message["report"] = table_link(self.record.key, table.id, members=True)
        client.news_sent[(table.id, member.seat)] = message["observation"]["events_seen"]
        client.send(message)

    def send_state(self, client: Client, full: bool = False) -> None:
        member = client.member
        if member is None or not member.table:
            return
        if full:
            client.news_sent = {}
        self._send_state(client, self.rooms[member.table].table)

    def _summary_soon(self) -> None:
        if self._summary_due:
            return
        self._summary_due = True
        asyncio.get_running_loop().call_later(SUMMARY_EVERY, self._send_summaries)

    def _send_summaries(self) -> None:
        self._summary_due = False
        summary = None
        public = None
        for client in list(self.clients):
            if client.role == Role.FACILITATOR:
                summary = summary or self.summary()
                client.send(summary)
            elif client.role == Role.PROJECTOR:
                public = public or self.public()
                client.send(public)

    def _send_lobby(self) -> None:
        lobby = None
        for client in list(self.clients):
            if client.role == Role.STUDENT and (client.member is None or not client.member.table):
                lobby = lobby or self.lobby()
                client.send(lobby)

    def table_view(self, table: Table) -> dict[str, Any]:
        """Everything at one table, for the facilitator, with each seat's team code to hand out."""
        view = messages.table_view(table)
        view["team_codes"] = {s: team_code(self.record.key, table.id, s) for s in table.scenario.seat_ids}
        return view

    def summary(self) -> dict[str, Any]:
        now = time.time()
        tables = []
        for room in self.rooms.values():
            table = room.table
            holders: dict[str, list[Any]] = {}
            connected: dict[str, int] = {}
            for m in self.members.values():
                if m.table == table.id and m.seat:
                    holders.setdefault(m.seat, []).append({**m.card(), "connected": bool(m.clients)})
                    connected[m.seat] = connected.get(m.seat, 0) + len(m.clients)
            tables.append({**messages.table_summary(table, holders, connected, now),
                           "report": table_link(self.record.key, table.id, members=False)})
        unseated = [{**m.card(), "connected": bool(m.clients)} for m in self.members.values() if not m.table]
        waiting = sum(1 for c in self.clients if c.role == Role.STUDENT and c.member is None)
        return messages.class_message(self.record, tables, unseated, waiting, class_link(self.record.key))

    def public(self) -> dict[str, Any]:
        return messages.public_message(self._tables(), time.time())
