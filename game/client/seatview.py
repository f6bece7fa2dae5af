"""What one seat at a class knows, kept whole from the server's messages.

The server sends a seat's scenario and private part once (`seated`) and each news item once
(`state` carries only the news from `news_from` on), so a client adds each update to what it
already has. Bots, tests and the desktop client all keep their seat's knowledge this way.
"""

from __future__ import annotations

from typing import Any

from game.server.protocol import ServerType


class SeatView:
    def __init__(self) -> None:
        self.table: str | None = None
        self.seat: str | None = None
        self.public: dict[str, Any] | None = None
        self.private: dict[str, Any] | None = None
        self.team_code: str = ""
        self.state: dict[str, Any] | None = None
        self.news: list[Any] = []

    def absorb(self, message: dict[str, Any]) -> None:
        """Take in a `seated` or `state` message; anything else is not about the seat's knowledge."""
        kind = message.get("type")
        if kind == ServerType.SEATED:
            if (message["table"], message["seat"]) != (self.table, self.seat):
                self.state = None     # the last state was another seat's: nothing in it may be played here
            self.table, self.seat = message["table"], message["seat"]
            self.public, self.private = message["public"], message["private"]
            self.team_code = message.get("team_code", "")
            self.news = []
        elif kind == ServerType.STATE and self.about_this_seat(message):
            start = message["news_from"]
            if start <= len(self.news):
                self.news = self.news[:start] + message["observation"]["news"]
            self.state = message

    def about_this_seat(self, message: dict[str, Any]) -> bool:
        return message.get("seat") == self.seat and message.get("table") == self.table

    def observation(self) -> dict[str, Any]:
        """The seat's whole observation, as the engine would give it: news and private part included."""
        assert self.state is not None and self.private is not None
        return {**self.state["observation"], "news": list(self.news), "private": self.private}

    def news_complete(self) -> bool:
        """False when an update's news started past what this view has: ask the server to `sync`."""
        return self.state is not None and len(self.news) == self.state["observation"]["events_seen"]
