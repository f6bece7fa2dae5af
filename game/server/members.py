"""Who is in a class: a member (a student's seat pass, kept in the store) and the connections it reaches."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from .protocol import Role


class Client(Protocol):
    """What the classroom needs of a connection."""
    role: Role | None
    member: "Member | None"
    name: str
    remote: str
    news_sent: dict[tuple[str, str], int]
    watching: set[Any]
    views: bool
    stakes: bool
    bot: bool

    def send(self, message: Mapping[str, Any]) -> None: ...


@dataclass(eq=False)
class Member:
    id: int
    name: str
    token_hash: str
    table: str
    seat: str
    bot: bool = False
    clients: set[Any] = field(default_factory=set)

    def card(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "bot": self.bot}
