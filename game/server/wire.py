"""Every message of the class protocol, typed: what a client sends and what the server sends back.

The client messages are the schema `protocol.parse` checks frames against (their fields and
whether each is required come from these definitions, nowhere else). The server messages are
what the server's builders return. `docs/protocol.md` describes them all in words.
"""

# No `from __future__ import annotations` here: TypedDict reads NotRequired[...] from live annotations.
from typing import Any, Literal, NotRequired, TypedDict

JSON = dict[str, Any]

# -- what a client sends ------------------------------------------------------------------------


class Hello(TypedDict):
    type: Literal["hello"]
    protocol: int
    role: str
    code: NotRequired[str]
    name: NotRequired[str]
    token: NotRequired[str]
    key: NotRequired[str]
    views: NotRequired[bool]
    stakes: NotRequired[bool]
    bot: NotRequired[bool]


class LobbyRequest(TypedDict):
    type: Literal["lobby"]


class Claim(TypedDict):
    type: Literal["claim"]
    table: str
    seat: str
    team_code: NotRequired[str]


class Leave(TypedDict):
    type: Literal["leave"]


class Act(TypedDict):
    type: Literal["act"]
    turn: int
    phase: str
    round: int
    action: JSON


class Ask(TypedDict):
    type: Literal["ask"]
    seat: str
    terms: JSON
    parties: NotRequired[list[Any]]


class Note(TypedDict):
    type: Literal["note"]
    to: str
    text: str


class Sync(TypedDict):
    type: Literal["sync"]


class Op(TypedDict):
    type: Literal["op"]
    op: str
    table: NotRequired[str]
    seat: NotRequired[str]
    member: NotRequired[int]
    level: NotRequired[str]
    seconds: NotRequired[int]
    repeat: NotRequired[bool]
    to: NotRequired[str]
    title: NotRequired[str]
    text: NotRequired[str]
    source: NotRequired[str]
    event: NotRequired[str]
    dry_run: NotRequired[bool]


class Watch(TypedDict):
    type: Literal["watch"]
    table: str


class Preview(TypedDict):
    type: Literal["preview"]
    terms: JSON
    parties: NotRequired[list[Any]]
    expires: NotRequired[int]


class Ping(TypedDict):
    type: Literal["ping"]


CLIENT_MESSAGES: tuple[type, ...] = (Hello, LobbyRequest, Claim, Leave, Act, Ask, Note, Sync, Op, Watch, Preview, Ping)

# -- what the server sends ------------------------------------------------------------------------


class Pace(TypedDict):
    paused: bool
    started: bool
    ended: bool
    over: bool
    deadline: JSON | None
    pace: int | None


# Functional form: one of its keys, "class", is a Python keyword.
Welcome = TypedDict("Welcome", {"type": Literal["welcome"], "protocol": int, "role": str | None,
                                "you": JSON | None, "class": JSON, "server_time": float,
                                "id": NotRequired[str | int]})


class State(TypedDict):
    type: Literal["state"]
    table: str
    seat: str
    version: int
    turn: int
    phase: str
    round: int
    observation: JSON
    news_from: int
    legal: list[JSON]
    space: JSON
    controllers: dict[str, str]
    holders: dict[str, list[str]]
    paused: bool
    started: bool
    ended: bool
    over: bool
    deadline: JSON | None
    pace: int | None
    stakes: JSON
    asks_left: JSON
    result: NotRequired[JSON]
    view: NotRequired[JSON]
    report: NotRequired[str]


class Seated(TypedDict):
    type: Literal["seated"]
    table: str
    seat: str
    member: JSON
    team_code: str
    public: JSON
    private: JSON
    token: NotRequired[str]
    briefing: NotRequired[JSON]
    looks: NotRequired[JSON]


class Answer(TypedDict):
    type: Literal["answer"]
    seat: str
    terms: JSON | None
    text: str


class PreviewAnswer(TypedDict):
    type: Literal["preview"]
    worth: JSON
    stakes: JSON | None
    problem: str
    warning: str


class Error(TypedDict):
    type: Literal["error"]
    code: str
    message: str
    id: NotRequired[str | int]
