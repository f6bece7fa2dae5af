"""The class store: the class, its tables, its members and every table's log.

A table is its scenario, its seed and its log, so the server rebuilds it by replay. Nothing
is acknowledged to a client before the row that records it is committed, so a server killed
at any moment comes back at its last acknowledged step.

`ClassStore` is the whole interface the server uses; `SQLiteStore` keeps it in one embedded
database file (WAL mode). A district running thousands of tables would put another
implementation behind the same interface (see docs/classroom-scale.md).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from game.engine.kinds import Controller
from game.scenario import Origin, Place, Scenario, parse_scenario

SCHEMA_VERSION = 2   # 2: a member may be a bot (members.bot); a store of version 1 is brought up to it
DB_NAME = "class.sqlite3"


class StoreError(Exception):
    """The class store cannot be opened or written, with why."""


@dataclass(frozen=True)
class ClassRecord:
    code: str
    key: str            # the facilitator's key: printed again on every start, so kept as is
    level: str          # the AI level for seats no person holds
    created: float
    ended: bool = False


@dataclass(frozen=True)
class TableRecord:
    id: str
    scenario_id: str
    content_hash: str
    scenario_text: bytes   # the scenario itself, so a restart does not depend on the file
    source_name: str       # where the scenario was read from, for messages
    seed: int
    place: str = "file"    # where it was found (game.scenario.Place), so saves of the table find it again
    path: str = ""         # the file's absolute path, for a scenario that is not shipped


@dataclass(frozen=True)
class MemberRecord:
    id: int
    name: str
    token_hash: str
    table: str
    seat: str
    created: float
    bot: bool = False   # a program playing through the protocol (it said so in its hello), not a person


@dataclass(frozen=True)
class LogRow:
    n: int
    kind: str
    body: Any
    at: float


def table_scenario(record: TableRecord) -> Scenario:
    """A table's scenario from the copy the store keeps, knowing where it was first found; raise ScenarioError."""
    scenario = parse_scenario(record.scenario_text, record.source_name)
    return replace(scenario, origin=Origin(Place(record.place), record.path))


class ClassStore(Protocol):
    def load_class(self) -> ClassRecord | None: ...
    def create_class(self, record: ClassRecord, tables: list[TableRecord]) -> None: ...
    def end_class(self) -> None: ...
    def address(self) -> tuple[int, str]: ...
    def remember_address(self, port: int, url: str) -> None: ...
    def tables(self) -> list[TableRecord]: ...
    def log(self, table_id: str) -> list[LogRow]: ...
    def append(self, table_id: str, rows: list[tuple[str, Any]]) -> None: ...
    def members(self) -> list[MemberRecord]: ...
    def add_member(self, name: str, token_hash: str, table: str, seat: str, bot: bool = False) -> MemberRecord: ...
    def move_member(self, member_id: int, table: str, seat: str) -> None: ...
    def close(self) -> None: ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tables (
    id TEXT PRIMARY KEY, ord INTEGER NOT NULL, scenario_id TEXT NOT NULL, content_hash TEXT NOT NULL,
    scenario_text BLOB NOT NULL, source_name TEXT NOT NULL, seed INTEGER NOT NULL, place TEXT NOT NULL,
    path TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS members (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
    table_id TEXT NOT NULL, seat TEXT NOT NULL, created REAL NOT NULL, bot INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS log (
    table_id TEXT NOT NULL, n INTEGER NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL, at REAL NOT NULL,
    PRIMARY KEY (table_id, n));
"""


class SQLiteStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(self.folder, 0o700)
            path = self.folder / DB_NAME
            # Created before SQLite opens it, so it is the user's alone from the first byte;
            # SQLite gives its -wal and -shm files the same permissions.
            os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
            os.chmod(path, 0o600)
            self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            # In WAL mode, NORMAL writes each commit to the log before returning: a killed server loses
            # nothing it committed. Only a power cut or an OS crash can lose the last commits, and
            # an fsync per action would make every student wait on the disk.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA busy_timeout=5000")
            self.db.executescript(_SCHEMA)
            version = self._meta("schema")
            if version is None:
                self._set_meta({"schema": str(SCHEMA_VERSION)})
            elif version == "1":
                # Every member of a class kept before bots said who they were is taken for a person.
                with self._transaction():
                    self.db.execute("ALTER TABLE members ADD COLUMN bot INTEGER NOT NULL DEFAULT 0")
                    self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))
            elif version != str(SCHEMA_VERSION):
                raise StoreError(f"{path} is a class store of version {version}; this Summit reads "
                                 f"version {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as err:
            raise StoreError(f"the class store in {self.folder} cannot be opened: {err}") from None
        except OSError as err:
            raise StoreError(f"the class folder {self.folder} cannot be used: {err.strerror or err}") from None
        self._next: dict[str, int] = {}

    # -- the class ----------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, values: dict[str, str]) -> None:
        with self._transaction():
            self.db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items()))

    def load_class(self) -> ClassRecord | None:
        code = self._meta("code")
        if code is None:
            return None
        return ClassRecord(code=code, key=self._meta("key") or "", level=self._meta("level") or Controller.NORMAL,
                           created=float(self._meta("created") or 0), ended=self._meta("ended") == "1")

    def create_class(self, record: ClassRecord, tables: list[TableRecord]) -> None:
        with self._transaction():
            self.db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [
                ("code", record.code), ("key", record.key), ("level", record.level),
                ("created", repr(record.created)), ("ended", "1" if record.ended else "0")])
            self.db.executemany(
                "INSERT INTO tables "
                "(id, ord, scenario_id, content_hash, scenario_text, source_name, seed, place, path) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(t.id, k, t.scenario_id, t.content_hash, t.scenario_text, t.source_name, t.seed, t.place, t.path)
                 for k, t in enumerate(tables)])

    def end_class(self) -> None:
        self._set_meta({"ended": "1"})

    def address(self) -> tuple[int, str]:
        """The port the class last listened on and the address students were given (0 and '' before its first
        start): a restart asked for any port takes the same one again, so their pages find it."""
        try:
            port = int(self._meta("port") or 0)
        except ValueError:
            port = 0
        return port, self._meta("url") or ""

    def remember_address(self, port: int, url: str) -> None:
        self._set_meta({"port": str(port), "url": url})

    def tables(self) -> list[TableRecord]:
        rows = self.db.execute("SELECT id, scenario_id, content_hash, scenario_text, source_name, seed, place, path "
                               "FROM tables ORDER BY ord").fetchall()
        return [TableRecord(i, s, h, bytes(t), n, seed, place, path) for i, s, h, t, n, seed, place, path in rows]

    # -- a table's log ------------------------------------------------------------------

    def log(self, table_id: str) -> list[LogRow]:
        rows = self.db.execute("SELECT n, kind, body, at FROM log WHERE table_id = ? ORDER BY n",
                               (table_id,)).fetchall()
        out = []
        for n, kind, body, at in rows:
            try:
                out.append(LogRow(n, kind, json.loads(body), at))
            except ValueError:
                raise StoreError(f"row {n} of table {table_id}'s log is damaged") from None
        return out

    def append(self, table_id: str, rows: list[tuple[str, Any]]) -> None:
        """Commit rows at the end of a table's log, all or none."""
        if not rows:
            return
        n = self._next.get(table_id)
        if n is None:
            row = self.db.execute("SELECT MAX(n) FROM log WHERE table_id = ?", (table_id,)).fetchone()
            n = 0 if row[0] is None else row[0] + 1
        now = time.time()
        body = [(table_id, n + k, kind, json.dumps(data, separators=(",", ":")), now)
                for k, (kind, data) in enumerate(rows)]
        try:
            with self._transaction():
                self.db.executemany("INSERT INTO log (table_id, n, kind, body, at) VALUES (?, ?, ?, ?, ?)", body)
        except StoreError:
            self._next.pop(table_id, None)
            raise
        self._next[table_id] = n + len(rows)

    # -- members ----------------------------------------------------------------------

    def members(self) -> list[MemberRecord]:
        rows = self.db.execute("SELECT id, name, token_hash, table_id, seat, created, bot FROM members ORDER BY id")
        return [MemberRecord(i, name, h, table, seat, created, bool(bot))
                for i, name, h, table, seat, created, bot in rows.fetchall()]

    def add_member(self, name: str, token_hash: str, table: str, seat: str, bot: bool = False) -> MemberRecord:
        created = time.time()
        with self._transaction():
            cur = self.db.execute("INSERT INTO members (name, token_hash, table_id, seat, created, bot) "
                                  "VALUES (?, ?, ?, ?, ?, ?)", (name, token_hash, table, seat, created, int(bot)))
        member_id = cur.lastrowid
        assert member_id is not None
        return MemberRecord(member_id, name, token_hash, table, seat, created, bot)

    def move_member(self, member_id: int, table: str, seat: str) -> None:
        with self._transaction():
            self.db.execute("UPDATE members SET table_id = ?, seat = ? WHERE id = ?", (table, seat, member_id))

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass

    def _transaction(self) -> "_Transaction":
        return _Transaction(self.db)


class _Transaction:
    """All or nothing; a database that refuses (locked, full, damaged) is a StoreError that says so."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as err:
            raise StoreError(f"the class store could not record it: {err}") from None
        return self.db

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: Any) -> Literal[False]:
        if kind is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.DatabaseError as err:
                value = err
        self._rollback()
        if isinstance(value, sqlite3.DatabaseError):
            raise StoreError(f"the class store could not record it: {value}") from None
        return False

    def _rollback(self) -> None:
        try:
            self.db.execute("ROLLBACK")
        except sqlite3.DatabaseError:
            pass    # nothing was begun, or SQLite has rolled it back already
