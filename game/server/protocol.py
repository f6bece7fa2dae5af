"""The class server's protocol: JSON text frames over WebSocket, typed and versioned.

Every message is a JSON object with a `type`. A client's message may carry an `id` (text or
a number), which the server's answer to it repeats. `docs/protocol.md` lists every message;
this module is its definition: the kinds, the limits, and `parse`, which turns an untrusted
frame into a checked message or raises ProtocolError with a code and a plain reason.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, NotRequired, get_args, get_origin, get_type_hints

from game.engine.kinds import OpType

from .wire import CLIENT_MESSAGES, Error

PROTOCOL_VERSION = 2
# Version 2 added `bot` to hello (and to every member the server describes) and the `server` error code; a
# client that speaks version 1 is served as before, as a person.
SPOKEN_VERSIONS = (1, 2)
MAX_FRAME = 64 * 1024          # a frame past this is refused with an error, the connection kept
HARD_FRAME = 1024 * 1024       # a frame past this closes the connection (WebSocket code 1009)
NAME_MAX = 40
NOTE_MAX = 500
ID_MAX = 64
TOKEN_MAX = 200


class ClientType(StrEnum):
    HELLO = "hello"
    LOBBY = "lobby"
    CLAIM = "claim"
    LEAVE = "leave"
    ACT = "act"
    ASK = "ask"
    NOTE = "note"
    SYNC = "sync"
    OP = "op"
    WATCH = "watch"
    PREVIEW = "preview"
    PING = "ping"


class ServerType(StrEnum):
    WELCOME = "welcome"
    LOBBY = "lobby"
    SEATED = "seated"
    STATE = "state"
    ACK = "ack"
    ERROR = "error"
    ANSWER = "answer"
    NOTE = "note"
    TEAM = "team"
    NOTICE = "notice"
    CLASS = "class"
    TABLE_VIEW = "table_view"
    PUBLIC = "public"
    PREVIEW = "preview"
    PONG = "pong"
    BYE = "bye"


class Role(StrEnum):
    STUDENT = "student"
    FACILITATOR = "facilitator"
    PROJECTOR = "projector"


class ErrorCode(StrEnum):
    BAD_JSON = "bad_json"
    BINARY = "binary"
    TOO_BIG = "too_big"
    UNKNOWN_TYPE = "unknown_type"
    BAD_FIELD = "bad_field"
    VERSION = "version"
    HELLO_FIRST = "hello_first"
    BAD_CODE = "bad_code"
    BAD_TOKEN = "bad_token"
    BAD_KEY = "bad_key"
    THROTTLED = "throttled"
    SLOW_DOWN = "slow_down"
    NOT_SEATED = "not_seated"
    NO_TABLE = "no_table"
    NO_SEAT = "no_seat"
    SEAT_TAKEN = "seat_taken"
    REFUSED = "refused"
    STALE = "stale"
    PAUSED = "paused"
    ENDED = "ended"
    ASKED_ENOUGH = "asked_enough"
    NOT_AI = "not_ai"
    NOT_ALLOWED = "not_allowed"
    STORE = "store"
    TIMEOUT = "timeout"
    SERVER = "server"


class OpKind(StrEnum):
    """A facilitator's operations on the class."""
    PAUSE = "pause"
    RESUME = "resume"
    DEADLINE = "deadline"
    EXTEND = "extend"
    ANNOUNCE = OpType.ANNOUNCE
    TRIGGER = OpType.TRIGGER
    PROCESS_NOW = "process_now"
    ROLLBACK = "rollback"
    HAND_TO_AI = "hand_to_ai"
    HAND_TO_TEAM = "hand_to_team"
    MOVE_MEMBER = "move_member"
    END_CLASS = "end_class"


class ProtocolError(Exception):
    def __init__(self, code: ErrorCode, message: str, rid: str | int | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.rid = rid      # the refused message's id, when it had a good one: the error answers it


def _json_kind(annotation: Any) -> type:
    """The JSON kind a field of a client message takes, from its type in wire.py."""
    plain = get_origin(annotation) or annotation
    if plain is NotRequired:
        return _json_kind(get_args(annotation)[0])
    return {str: str, int: int, bool: bool, dict: dict, list: list}[plain]


def _schema(message: Any) -> dict[str, tuple[type, bool]]:
    hints = get_type_hints(message, include_extras=True)
    return {name: (_json_kind(kind), name in message.__required_keys__)
            for name, kind in hints.items() if name != "type"}


# The fields each client message takes: name -> (JSON kind, required), read off its definition.
SCHEMAS: dict[ClientType, dict[str, tuple[type, bool]]] = {
    ClientType(get_args(get_type_hints(m)["type"])[0]): _schema(m) for m in CLIENT_MESSAGES}
assert set(SCHEMAS) == set(ClientType), "every kind of client message has its definition in wire.py"
TEXT_MAX = 4000   # any one text field; each is checked against its own, smaller limit where it is used


def parse(frame: str | bytes) -> dict[str, Any]:
    """A checked client message from one frame, or ProtocolError."""
    if isinstance(frame, (bytes, bytearray)):
        raise ProtocolError(ErrorCode.BINARY, "this server reads JSON text frames, not binary ones")
    if len(frame) > MAX_FRAME:
        raise ProtocolError(ErrorCode.TOO_BIG, f"a message is at most {MAX_FRAME // 1024} KiB; "
                                               f"this one is {len(frame) // 1024} KiB")
    try:
        message = json.loads(frame)
    except (ValueError, RecursionError):
        raise ProtocolError(ErrorCode.BAD_JSON, "that message is not valid JSON") from None
    if not isinstance(message, dict):
        raise ProtocolError(ErrorCode.BAD_JSON, "a message is a JSON object with a 'type'")
    rid = message.get("id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int))
                            or isinstance(rid, str) and len(rid) > ID_MAX):
        raise ProtocolError(ErrorCode.BAD_FIELD, f"'id' is text of at most {ID_MAX} characters, or a number")
    try:
        _check(message)
    except ProtocolError as err:
        err.rid = rid
        raise
    return message


def _check(message: dict[str, Any]) -> None:
    try:
        kind = ClientType(str(message.get("type")))
    except ValueError:
        raise ProtocolError(ErrorCode.UNKNOWN_TYPE, f"unknown message type {str(message.get('type'))[:40]!r}; "
                                                    f"expected one of {', '.join(ClientType)}") from None
    schema = SCHEMAS[kind]
    extra = sorted(set(message) - set(schema) - {"type", "id"})
    if extra:
        raise ProtocolError(ErrorCode.BAD_FIELD, f"a {kind} message takes no {', '.join(e[:40] for e in extra)}")
    for name, (kind_of, required) in schema.items():
        if name not in message:
            if required:
                raise ProtocolError(ErrorCode.BAD_FIELD, f"a {kind} message needs '{name}'")
            continue
        value = message[name]
        if kind_of in (int, str, dict, list) and isinstance(value, bool) \
                or not isinstance(value, kind_of):
            raise ProtocolError(ErrorCode.BAD_FIELD, f"'{name}' must be {_KIND_WORDS[kind_of]}")
        if isinstance(value, str) and len(value) > TEXT_MAX:
            raise ProtocolError(ErrorCode.BAD_FIELD, f"'{name}' is at most {TEXT_MAX} characters")


_KIND_WORDS = {str: "text", int: "a whole number", bool: "true or false", dict: "an object", list: "a list"}


def clean_text(value: str, limit: int, what: str, multiline: bool = False) -> str:
    """Text a person typed, checked: no control characters, at most `limit` characters."""
    value = value.strip()
    if not value:
        raise ProtocolError(ErrorCode.BAD_FIELD, f"the {what} is empty")
    if len(value) > limit:
        raise ProtocolError(ErrorCode.BAD_FIELD, f"the {what} is at most {limit} characters; this one has {len(value)}")
    allowed = "\n" if multiline else ""
    if any((ord(c) < 32 and c not in allowed) or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in value):
        raise ProtocolError(ErrorCode.BAD_FIELD, f"the {what} holds control characters")
    return value


def encode(message: Mapping[str, Any]) -> str:
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False)


def error(code: ErrorCode, message: str, rid: str | int | None = None) -> Error:
    out: Error = {"type": "error", "code": code, "message": message}
    if rid is not None:
        out["id"] = rid
    return out
