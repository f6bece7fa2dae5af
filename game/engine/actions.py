"""Actions: plain data a seat submits, round-tripping through JSON unchanged."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields

from .errors import IllegalAction
from .kinds import ActionType

# A reason travels into every party's news and observation; ids and options are short by nature.
MAX_REASON = 4000
MAX_NAME = 64

TYPES = tuple(ActionType)
_SHAPES = {
    ActionType.PROPOSE: ("parties", "terms", "expires", "public", "reason"),
    ActionType.ACCEPT: ("proposal",),
    ActionType.REJECT: ("proposal", "reason"),
    ActionType.COUNTER: ("proposal", "parties", "terms", "expires", "public", "reason"),
    ActionType.WITHDRAW: ("proposal",),
    ActionType.STATEMENT: ("issue", "option"),
    ActionType.DONE: (),
    ActionType.MOVE: ("move",),
}


@dataclass(frozen=True)
class Action:
    type: ActionType    # a plain string naming a type is taken and kept as its member
    proposal: str = ""
    parties: tuple = ()
    terms: tuple = ()     # ((issue_id, option), ...) sorted by issue id
    expires: int = 0      # the last turn the proposal stays open; 0 means this turn
    public: bool = False
    issue: str = ""
    option: str = ""
    move: str = ""
    reason: str = ""

    def to_dict(self) -> dict:
        out = {"type": self.type}
        for name, default in _DEFAULTS:
            value = getattr(self, name)
            if value != default:
                if name == "terms":
                    value = dict(value)
                elif name == "parties":
                    value = list(value)
                out[name] = value
        return out

    def __post_init__(self):
        # Checked at construction, so a hand-built Action meets the same rules as one read
        # from plain data, and apply() need not check it again.
        shape = _SHAPES.get(self.type)
        if shape is None:
            raise IllegalAction(f"unknown action type {_shown(self.type)}; expected one of {', '.join(TYPES)}")
        object.__setattr__(self, "type", ActionType(self.type))
        for name, value in self.__dict__.items():
            if name == "type":
                continue
            if type(value) is not _KINDS[name]:
                raise IllegalAction(_KIND_ERRORS.get(name, f"{name} must be text"))
            # Every default is falsy and every other value of the right kind is not.
            if value and name not in shape:
                raise IllegalAction(f"{_a(self.type)} action takes no {name}")
        for name in ("proposal", "issue", "option", "move", "reason"):
            value = getattr(self, name)
            if value:
                _check_text(name, value)
        for party in self.parties:
            if type(party) is str:
                _check_text("parties", party)
        if self.parties and not all(type(p) is str for p in self.parties):
            raise IllegalAction(_KIND_ERRORS["parties"])
        if self.terms:
            if not all(type(t) is tuple and len(t) == 2 and type(t[0]) is str and type(t[1]) is str
                       for t in self.terms):
                raise IllegalAction(_KIND_ERRORS["terms"])
            if len({i for i, _ in self.terms}) != len(self.terms):
                raise IllegalAction("a package names each issue once")
            object.__setattr__(self, "terms", tuple(sorted(self.terms)))

    @staticmethod
    def from_dict(data) -> "Action":
        if isinstance(data, Action):
            return data
        if not isinstance(data, dict):
            raise IllegalAction("an action is a mapping with a 'type'")
        kind = data.get("type")
        if kind not in TYPES:
            raise IllegalAction(f"unknown action type {_shown(kind)}; expected one of {', '.join(TYPES)}")
        allowed = set(_SHAPES[kind]) | {"type"}
        extra = sorted(str(k)[:40] for k in set(data) - allowed)
        if extra:
            raise IllegalAction(f"{_a(kind)} action takes no {', '.join(extra)}")
        kwargs = {"type": kind}
        for key in _SHAPES[kind]:
            if key not in data:
                continue
            kwargs[key] = _field(key, data[key])
        return Action(**kwargs)


_DEFAULTS = tuple((f.name, f.default) for f in fields(Action) if f.name != "type")
_KINDS = {name: type(default) for name, default in _DEFAULTS}
_KIND_ERRORS = {
    "parties": "parties must be a list of seat ids",
    "terms": "terms must map issue ids to options",
    "expires": "expires must be a turn number",
    "public": "public must be true or false",
}


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_text(name: str, value: str) -> None:
    limit = MAX_REASON if name == "reason" else MAX_NAME
    if len(value) > limit:
        raise IllegalAction(f"{name} is {len(value):,} characters; the most an action takes is {limit:,}")
    if not value.isprintable() and any(unicodedata.category(c) == "Cc" for c in value):
        raise IllegalAction(f"{name} holds a control character")


def _a(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


def _field(key, value):
    if key == "terms":
        if not isinstance(value, dict) or not value:
            raise IllegalAction("terms must map each issue to an option")
        pairs = []
        for issue, option in value.items():
            if not isinstance(issue, str):
                raise IllegalAction("terms must map issue ids to options")
            pairs.append((issue, _option(option)))
        return tuple(sorted(pairs))
    if key == "parties":
        if not isinstance(value, (list, tuple)) or not all(isinstance(p, str) for p in value):
            raise IllegalAction("parties must be a list of seat ids")
        return tuple(value)
    if key == "expires":
        if isinstance(value, bool) or not isinstance(value, int):
            raise IllegalAction("expires must be a turn number")
        return value
    if key == "public":
        if not isinstance(value, bool):
            raise IllegalAction("public must be true or false")
        return value
    if key == "option":
        return _option(value)
    if not isinstance(value, str):
        raise IllegalAction(f"{key} must be text")
    return value


def _option(value) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value
    raise IllegalAction(f"{_shown(value)} is not an option")


def propose(parties, terms: dict, expires: int = 0, public: bool = False, reason: str = "") -> Action:
    return Action.from_dict({"type": ActionType.PROPOSE, "parties": list(parties), "terms": dict(terms),
                             "expires": expires, "public": public, "reason": reason})


def counter(proposal: str, parties, terms: dict, expires: int = 0, reason: str = "") -> Action:
    return Action.from_dict({"type": ActionType.COUNTER, "proposal": proposal, "parties": list(parties),
                             "terms": dict(terms), "expires": expires, "reason": reason})


def accept(proposal: str) -> Action:
    return Action(ActionType.ACCEPT, proposal=proposal)


def reject(proposal: str, reason: str = "") -> Action:
    return Action(ActionType.REJECT, proposal=proposal, reason=reason)


def withdraw(proposal: str) -> Action:
    return Action(ActionType.WITHDRAW, proposal=proposal)


def statement(issue: str, option) -> Action:
    return Action(ActionType.STATEMENT, issue=issue, option=_option(option))


def move(move_id: str) -> Action:
    return Action(ActionType.MOVE, move=move_id)


DONE = Action(ActionType.DONE)
