"""Actions: plain data a seat submits, round-tripping through JSON unchanged."""

from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import IllegalAction

TYPES = ("propose", "accept", "reject", "counter", "withdraw", "statement", "done", "move")
_SHAPES = {
    "propose": ("parties", "terms", "expires", "public", "reason"),
    "accept": ("proposal",),
    "reject": ("proposal", "reason"),
    "counter": ("proposal", "parties", "terms", "expires", "public", "reason"),
    "withdraw": ("proposal",),
    "statement": ("issue", "option"),
    "done": (),
    "move": ("move",),
}


@dataclass(frozen=True)
class Action:
    type: str
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
        for f in fields(self):
            if f.name == "type":
                continue
            value = getattr(self, f.name)
            if value != f.default:
                if f.name == "terms":
                    value = {k: v for k, v in value}
                elif f.name == "parties":
                    value = list(value)
                out[f.name] = value
        return out

    @staticmethod
    def from_dict(data) -> "Action":
        if isinstance(data, Action):
            # A hand-built Action gets the same checks as plain data; a term listed twice would
            # otherwise reach the rules and be logged differently from how it was played.
            if data.type in TYPES and len({i for i, _ in data.terms}) != len(data.terms):
                raise IllegalAction("a package names each issue once")
            checked = Action.from_dict(data.to_dict())
            if checked != data:
                raise IllegalAction(f"malformed {data.type} action")
            return checked
        if not isinstance(data, dict):
            raise IllegalAction("an action is a mapping with a 'type'")
        kind = data.get("type")
        if kind not in TYPES:
            raise IllegalAction(f"unknown action type {kind!r}; expected one of {', '.join(TYPES)}")
        allowed = set(_SHAPES[kind]) | {"type"}
        extra = sorted(set(data) - allowed)
        if extra:
            raise IllegalAction(f"a {kind} action takes no {', '.join(extra)}")
        kwargs = {"type": kind}
        for key in _SHAPES[kind]:
            if key not in data:
                continue
            kwargs[key] = _field(key, data[key])
        return Action(**kwargs)


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
    raise IllegalAction(f"{value!r} is not an option")


def propose(parties, terms: dict, expires: int = 0, public: bool = False, reason: str = "") -> Action:
    return Action.from_dict({"type": "propose", "parties": list(parties), "terms": dict(terms),
                             "expires": expires, "public": public, "reason": reason})


def counter(proposal: str, parties, terms: dict, expires: int = 0, reason: str = "") -> Action:
    return Action.from_dict({"type": "counter", "proposal": proposal, "parties": list(parties),
                             "terms": dict(terms), "expires": expires, "reason": reason})


def accept(proposal: str) -> Action:
    return Action("accept", proposal=proposal)


def reject(proposal: str, reason: str = "") -> Action:
    return Action("reject", proposal=proposal, reason=reason)


def withdraw(proposal: str) -> Action:
    return Action("withdraw", proposal=proposal)


def statement(issue: str, option) -> Action:
    return Action("statement", issue=issue, option=_option(option))


def move(move_id: str) -> Action:
    return Action("move", move=move_id)


DONE = Action("done")
