"""A class: its tables and the people in it, who is let in, who sits where, and what they do.

The classroom answers each client request by asking the right table's worker to make the
change (see room.py), then tells everyone concerned (audience.py says who sees what).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from game.engine.kinds import Controller
from game.present.table import Words, action_line
from game.scenario import Scenario, ScenarioError

from . import messages
from .audience import Audience
from .identity import FailureThrottle, new_class_code, new_key, new_token, normal_code, same, team_code, token_hash
from .members import Client, Member
from .protocol import NAME_MAX, NOTE_MAX, ErrorCode, ProtocolError, ServerType, clean_text
from .room import TableRoom
from .store import ClassRecord, ClassStore, MemberRecord, StoreError, TableRecord, table_scenario
from .table import Table, TableError
from .tablelog import Row
from .wire import PreviewAnswer

log = logging.getLogger("summit.server")


class Classroom(Audience):
    def __init__(self, store: ClassStore, record: ClassRecord):
        super().__init__(record)
        self.store = store
        self.by_token: dict[str, Member] = {}
        self.throttle = FailureThrottle()
        self.student_url = ""        # the address students open, as the host printed it

    # -- opening a class ------------------------------------------------------------------

    @classmethod
    def open(cls, store: ClassStore, sources: list[tuple[Scenario, bytes, str]], tables: int, seed: int,
             level: str) -> tuple["Classroom", bool]:
        """The class in the store, or a new one of `tables` tables taking the (scenario, its file's bytes,
        its name) in `sources` in turn; (classroom, resumed)."""
        record = store.load_class()
        resumed = record is not None
        if record is None:
            if not sources:
                raise StoreError("there is no class here to resume, and no scenario to start one")
            record = ClassRecord(code=new_class_code(), key=new_key(), level=level, created=time.time())
            made = []
            for k in range(tables):
                scenario, text, name = sources[k % len(sources)]
                made.append(TableRecord(f"T{k + 1}", scenario.id, scenario.content_hash, text, name, seed + k,
                                        str(scenario.origin.place), scenario.origin.path))
            store.create_class(record, made)
            room = cls(store, record)
            for rec in made:
                scenario = next(s for s, _, _ in sources if s.content_hash == rec.content_hash)
                table, rows = Table.new(rec, scenario, level)
                store.append(rec.id, rows)
                table.version = len(rows)
                room._add(table)
        else:
            room = cls(store, record)
            for rec in store.tables():
                room._add(room._rebuild(rec))
        for m in store.members():
            member = Member(m.id, m.name, m.token_hash, m.table, m.seat, m.bot)
            room.members[m.id] = member
            room.by_token[m.token_hash] = member
        return room, resumed

    def _rebuild(self, rec: TableRecord) -> Table:
        try:
            scenario = table_scenario(rec)
        except ScenarioError as err:
            raise StoreError(f"table {rec.id}'s scenario no longer reads: {err}") from None
        if scenario.content_hash != rec.content_hash:
            raise StoreError(f"table {rec.id}'s scenario is not the one it was started with")
        try:
            return Table.restore(rec, scenario, self.store.log(rec.id), self.record.level)
        except ValueError as err:
            raise StoreError(f"table {rec.id} cannot be rebuilt from its log: {err}") from None

    def _add(self, table: Table) -> None:
        rec = table.record
        self.rooms[table.id] = TableRoom(table, self.store, lambda: self._rebuild(rec), self._changed)

    def start(self) -> None:
        for room in self.rooms.values():
            room.start()

    async def stop(self) -> None:
        for room in self.rooms.values():
            await room.stop()

    # -- who is who -------------------------------------------------------------------------

    def check_code(self, client: Client, code: str) -> None:
        self._throttled(client)
        if not same(normal_code(code), self.record.code):
            self.throttle.failed(client.remote)
            raise ProtocolError(ErrorCode.BAD_CODE, "that is not this class's code; check it on the projector")

    def check_key(self, client: Client, key: str) -> None:
        self._throttled(client)
        if not same(key, self.record.key):
            self.throttle.failed(client.remote)
            raise ProtocolError(ErrorCode.BAD_KEY, "that facilitator key is wrong; use the link the host printed")

    def member_for(self, client: Client, token: str) -> Member:
        self._throttled(client)
        member = self.by_token.get(token_hash(token))
        if member is None:
            self.throttle.failed(client.remote)
            raise ProtocolError(ErrorCode.BAD_TOKEN, "this seat pass is not known here (the class may have been "
                                                     "started again); join with the class code")
        return member

    def _throttled(self, client: Client) -> None:
        wait = self.throttle.wait(client.remote)
        if wait > 0:
            raise ProtocolError(ErrorCode.THROTTLED, f"too many wrong tries from this device; try again in "
                                                     f"{int(wait) + 1} s")

    @staticmethod
    def clean_name(name: str) -> str:
        return clean_text(name, NAME_MAX, "name")

    # -- joining ----------------------------------------------------------------------------

    def _room(self, table_id: str) -> TableRoom:
        room = self.rooms.get(table_id)
        if room is None:
            raise TableError(ErrorCode.NO_TABLE, f"there is no table {table_id[:20]!r}; the tables are "
                                                 f"{', '.join(self.rooms)}")
        return room

    async def claim(self, client: Client, table_id: str, seat: str, given_team_code: str | None) -> None:
        room = self._room(table_id)
        table = room.table
        if seat not in table.scenario.seat_ids:
            raise TableError(ErrorCode.NO_SEAT, f"table {table_id} has no seat {seat[:40]!r}")
        held = [m for m in self.members.values() if m.table == table_id and m.seat == seat and m is not client.member]
        if held:
            expected = team_code(self.record.key, table_id, seat)
            if given_team_code is None:
                raise TableError(ErrorCode.SEAT_TAKEN, f"{table.scenario.seat(seat).name} is held by "
                                 f"{', '.join(m.name for m in held)}. To join that seat (as a teammate, or as "
                                 "yourself on another device), type its team code: a device already playing "
                                 "the seat shows it")
            if not same(normal_code(given_team_code), expected):
                self.throttle.failed(client.remote)
                raise TableError(ErrorCode.BAD_CODE,
                                 "that team code is wrong; a device already playing the seat shows the right one")
        token = None
        member = client.member
        if member is None:
            token = new_token()
            record = self.store.add_member(client.name, token_hash(token), table_id, seat, client.bot)
            member = self._member(record)
            client.member = member
            member.clients.add(client)
            old = None
        else:
            old = (member.table, member.seat)
            self.store.move_member(member.id, table_id, seat)
            member.table, member.seat = table_id, seat
        await self._seat_moved(member, old, "student")
        self._send_seated(member, token, only=client)

    def _member(self, record: MemberRecord) -> Member:
        member = Member(record.id, record.name, record.token_hash, record.table, record.seat, record.bot)
        self.members[member.id] = member
        self.by_token[member.token_hash] = member
        return member

    async def _seat_moved(self, member: Member, old: tuple[Any, ...] | None, by: str) -> None:
        """After a member's seat changed: people play the new seat, an AI the old one if it is left empty."""
        if old and old[0] and old[1] and old != (member.table, member.seat):
            if not any(m.table == old[0] and m.seat == old[1] for m in self.members.values()):
                await self._room(old[0]).run(lambda t: (t.set_controller(old[1], self.record.level), None))
            await self._log(old[0], Row.SEATING, self._seating(member, "", by))
        if member.table and member.seat:
            seat = member.seat
            await self._room(member.table).run(lambda t: (t.set_controller(seat, Controller.HUMAN), None))
            await self._log(member.table, Row.SEATING, self._seating(member, seat, by))
        for client in member.clients:
            client.news_sent = {}
        self._summary_soon()
        self._send_lobby()

    @staticmethod
    def _seating(member: Member, seat: str, by: str) -> dict[str, Any]:
        body: dict[str, Any] = {"member": member.id, "name": member.name, "seat": seat, "by": by}
        if member.bot:
            body["bot"] = True     # so the reports, read from the store later, tell bots from people
        return body

    async def _log(self, table_id: str, kind: Row, body: dict[str, Any]) -> None:
        await self._room(table_id).run(lambda t: ([(kind, body)], None))

    async def leave(self, client: Client) -> None:
        member = self._seated(client)
        old = (member.table, member.seat)
        self.store.move_member(member.id, "", "")
        member.table, member.seat = "", ""
        await self._seat_moved(member, old, "student")
        for c in member.clients:
            c.send(self.lobby())

    def _seated(self, client: Client) -> Member:
        member = client.member
        if member is None or not member.table or not member.seat:
            raise TableError(ErrorCode.NOT_SEATED, "take a seat first")
        return member

    # -- playing ------------------------------------------------------------------------------

    async def act(self, client: Client, message: dict[str, Any]) -> int:
        member = self._seated(client)
        seat = member.seat
        room = self._room(member.table)
        said = await room.run(lambda t: t.act(seat, message["turn"], message["phase"], message["round"],
                                              message["action"]))
        # Team members see who on their seat did what.
        did = action_line(Words(room.table.match.public, seat), message["action"])
        team = {"type": ServerType.TEAM, "table": member.table, "seat": seat, "member": member.card(),
                "action": message["action"], "did": did, "text": said}
        for m in self.members.values():
            if m.table == member.table and m.seat == seat:
                for c in m.clients:
                    c.send(team)
        return room.table.version

    async def ask(self, client: Client, message: dict[str, Any]) -> dict[str, Any]:
        member = self._seated(client)
        seat = member.seat
        room = self._room(member.table)
        parties = message.get("parties", [])
        wanted, text = await room.run(lambda t: _split(t.ask(seat, message["seat"], message["terms"], parties)))
        return {"type": ServerType.ANSWER, "seat": message["seat"], "terms": wanted, "text": text}

    def preview(self, client: Client, message: dict[str, Any]) -> PreviewAnswer:
        """What a package the student is building is worth to their seat, and whether the rules would
        take it now, without sending it."""
        member = self._seated(client)
        table = self._room(member.table).table
        return messages.preview_message(table, member.seat, message["terms"], message.get("parties", []),
                                        message.get("expires", 0))

    async def note(self, client: Client, message: dict[str, Any]) -> None:
        member = self._seated(client)
        room = self._room(member.table)
        table = room.table
        to = message["to"]
        if to not in table.scenario.seat_ids:
            raise TableError(ErrorCode.NO_SEAT, f"there is no seat {to[:40]!r} at this table")
        if to == member.seat:
            raise TableError(ErrorCode.NOT_ALLOWED, "a note goes to another seat")
        text = clean_text(message["text"], NOTE_MAX, "note", multiline=True)
        now = time.time()
        seat = member.seat
        note = await room.run(lambda t: _one_row(t.note_row(seat, to, member.id, member.name, text, now)))
        self._deliver(table, note)
        if table.match.controllers[to] != Controller.HUMAN:
            leader = table.scenario.seat(to).leader or table.scenario.seat(to).name
            reply = (f"{leader} answers proposals, not notes: send {table.scenario.seat(to).name} an offer, "
                     "or ask what it would want.")
            answer = await room.run(lambda t: _one_row(t.note_row(to, seat, 0, table.scenario.seat(to).name,
                                                                  reply, now)))
            self._deliver(table, answer)

def _split(result: tuple[Any, str, list[Any]]) -> tuple[list[Any], tuple[Any, str]]:
    wanted, text, rows = result
    return rows, (wanted, text)


def _one_row(row: tuple[Any, ...]) -> tuple[list[Any], Any]:
    return [row], row[1]


def data_folder_default() -> Path:
    return Path.home() / ".summit" / "class"
