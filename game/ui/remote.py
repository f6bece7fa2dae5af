"""A seat at a class server, as the table scenes see it: the remote `TableSession` (see tablesession.py).

The class server holds the game and runs its AI leaders; this side keeps what its seat may know,
whole, from the server's messages (the scenario and private part once, each news item once), and
submits the seat's actions and questions. The connection lives on its own thread (ClassLink): the
frame loop polls what arrived, and waits on the network only for the answer to its own action or
question, which a class server on the school network gives in milliseconds.
"""

from __future__ import annotations

import queue
import time
from typing import Any

from game.client.connection import Disconnected, ServerError
from game.client.link import LINK, ClassLink, LinkEvent
from game.client.passes import SeatPasses
from game.client.seatview import SeatView
from game.engine import Action
from game.engine.kinds import ChoiceKind
from game.server.protocol import ClientType, ServerType

from .tablesession import NOT_SHOWN, DayWatch, Ending, Pace, Resolution


def http_base(url: str) -> str:
    """The class server's web address from what was typed to join it: 'http://host:port'."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    scheme, rest = url.split("://", 1)
    scheme = {"ws": "http", "wss": "https"}.get(scheme, scheme)
    return f"{scheme}://{rest.split('/', 1)[0].split('#', 1)[0].split('?', 1)[0]}"


ANSWER_WITHIN = 10.0   # seconds to wait for the server to answer an action or a question
DOWN = ("Connection to the class server lost: reconnecting\u2026", "Reconnecting\u2026")


class RemoteSession:
    save_note = ("The class server keeps this game, so it is not saved by name here: join the class again "
                 "(the same address and code) to come back to your seat.")
    leave_note = "You left the table; the class server keeps your seat. Join the class again to come back to it."

    def __init__(self, link: ClassLink, url: str, code: str, passes: SeatPasses | None = None):
        self.link = link
        self.url, self.code = url, code
        self.passes = passes
        self.view = SeatView()
        self.viewer: str | None = None
        self.notice = ""
        self.welcome: dict | None = None
        self.lobby: dict | None = None      # the latest lobby, while this client has no seat
        self.member: dict | None = None
        self.connection: tuple = ()
        self.lost = ""                      # why the link cannot come back, once it cannot
        self.days: DayWatch | None = None
        self._version = 0
        self._legal: list | None = None
        self._state_at = 0.0
        self._reseated = False
        self._synced_at = -1
        self._previews: dict = {}

    # -- what it is ------------------------------------------------------------------------

    @property
    def seat(self) -> str | None:
        return self.view.seat

    @property
    def table(self) -> str | None:
        return self.view.table

    @property
    def seated(self) -> bool:
        return self.view.seat is not None and self.view.state is not None and self.view.about_this_seat(self.view.state)

    @property
    def public(self) -> dict:
        assert self.view.public is not None
        return self.view.public

    @property
    def seat_ids(self) -> list:
        return [s["id"] for s in self.public["seats"]]

    @property
    def humans(self) -> list:
        # The person here holds the seat even while the facilitator has an AI leader play it.
        return [self.seat] if self.seat else []

    @property
    def controllers(self) -> dict:
        return self._state["controllers"]

    @property
    def turn(self) -> int:
        return self._state["turn"]

    @property
    def over(self) -> bool:
        # A table ended before the summit has scores but no ending to play out: it is not over.
        return "result" in self._state and not self._state["result"].get("ended_early")

    @property
    def version(self) -> int:
        return self._version

    @property
    def _state(self) -> dict:
        assert self.view.state is not None, "no state from the class server yet"
        return self.view.state

    @property
    def seat_note(self) -> str:
        if not self.seat:
            return ""
        code = f" \u00b7 team code {self.view.team_code}: classmates who join your seat type it" \
            if self.view.team_code else ""
        return f"Table {self.view.table} \u00b7 you play {self.seat_name(self.seat)}{code}."

    def seat_name(self, seat: str) -> str:
        for s in self.public["seats"]:
            if s["id"] == seat:
                return s["name"]
        return seat

    # -- what arrived ------------------------------------------------------------------------

    def poll(self) -> None:
        while True:
            try:
                message = self.link.inbox.get_nowait()
            except queue.Empty:
                return
            self._take(message)

    def _take(self, message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind == LINK:
            self._link_event(message)
        elif kind == ServerType.WELCOME:
            self.welcome = message
        elif kind == ServerType.LOBBY:
            self.lobby = message
            if self.view.seat is not None:
                # The lobby goes only to students without a seat: the facilitator has taken this one away.
                self.view = SeatView()
                self.viewer, self.days, self._reseated = None, None, True
        elif kind == ServerType.SEATED:
            self._seated(message)
        elif kind == ServerType.STATE:
            self._new_state(message)
        elif kind == ServerType.NOTICE:
            self._say(message["text"])
        elif kind == ServerType.TEAM:
            self._team(message)
        elif kind == ServerType.NOTE:
            self._note(message)
        elif kind == ServerType.ERROR:
            self._say(message["message"])

    def _link_event(self, message: dict) -> None:
        event = message["event"]
        if event == LinkEvent.DOWN:
            self.connection = DOWN
        elif event == LinkEvent.UP:
            self.connection = ()
            self._say("Connected to the class server again.")
        elif event == LinkEvent.LOST:
            self.lost = message["text"]
            self.connection = (f"Cannot come back to the class: {self.lost}", "Cannot reconnect")
            if self.passes is not None:
                self.passes.forget(self.url, self.code)

    def _seated(self, message: dict) -> None:
        before = (self.view.table, self.view.seat)
        self.view.absorb(message)
        self.member = message["member"]
        if before != (message["table"], message["seat"]):
            # A new seat (not the same one again after a reconnection): its days are counted from its first state.
            self.days = None
            if before[1] is not None:
                self._reseated = True
                self._say(f"The facilitator moved you to {self.seat_name(message['seat'])} at table "
                          f"{message['table']}.")
        self.viewer = message["seat"]
        token = message.get("token")
        if token and self.passes is not None:
            problem = self.passes.put(self.url, self.code, token)
            if problem:
                self._say(problem)

    def _new_state(self, message: dict) -> None:
        if not self.view.about_this_seat(message):
            return
        self.view.absorb(message)
        self._version += 1
        self._legal = None
        self._state_at = time.monotonic()
        if not self.view.news_complete() and self._synced_at != message["version"]:
            # An update's news started past what this client has (it missed one): ask for all of it again.
            self._synced_at = message["version"]
            self.link.request({"type": ClientType.SYNC})
        marks = self._marks
        if self.days is None or message["turn"] < self.days.turn_seen:
            # Just seated, or the facilitator rolled the table back: days are counted from here.
            self.days = DayWatch(message["turn"], message["phase"], marks())
        else:
            self.days.notice(message["turn"], message["phase"], message["over"], marks)

    def _marks(self) -> dict:
        return {self.seat: len(self.view.news)}

    def _team(self, message: dict) -> None:
        if self.member is not None and message["member"]["id"] == self.member["id"]:
            return
        said = "; ".join(message.get("text") or []) or message["action"].get("type", "")
        self._say(f"{message['member']['name']} (your team): {said}")

    def _note(self, message: dict) -> None:
        if self.member is not None and message.get("member") == self.member["id"]:
            return
        sender = self.seat_name(message["from"])
        who = f"{message['name']} ({sender})" if message.get("member") else sender
        self._say(f"Note from {who}: {message['text']}")

    def _say(self, text: str) -> None:
        self.notice = f"{self.notice} {text}".strip()

    def take_reseated(self) -> bool:
        reseated, self._reseated = self._reseated, False
        return reseated

    # -- the seat's view ------------------------------------------------------------------------

    def observation(self, seat: str, since: int = 0) -> dict:
        if seat != self.seat:
            raise KeyError(f"this client sees only {self.seat}'s observation, not {seat}'s")
        return self._seen(since)

    def spectator_view(self) -> dict:
        return self._seen()

    def _seen(self, since: int = 0) -> dict:
        """The seat's observation as the server last sent it, with the news this client has kept."""
        return {**self._state["observation"], "news": self.view.news[since:], "private": self.view.private}

    def legal_actions(self, seat: str) -> list:
        if seat != self.seat:
            return []
        if self._legal is None:
            self._legal = [Action.from_dict(a) for a in self._state["legal"]]
        return self._legal

    def proposal_space(self, seat: str) -> dict:
        return self._state["space"]

    def news_for(self, viewer, since: dict | None = None) -> list:
        news = self.view.news[(since or {}).get(self.seat, 0):]
        return [e for e in news if e["kind"] not in NOT_SHOWN]

    def pace(self) -> Pace:
        state = self._state
        paused: tuple = ()
        if state["paused"]:
            paused = ("Paused by the facilitator", "Paused") if state["started"] else \
                ("Waiting for the facilitator to start the class", "Not started yet")
        ended = ("The facilitator has ended the class", "Class ended") if state["ended"] else ()
        left = None
        if state["deadline"] is not None and not state["over"]:
            left = state["deadline"]["seconds_left"]
            if not paused:
                left = max(0.0, left - (time.monotonic() - self._state_at))
        return Pace(connection=self.connection, paused=paused, ended=ended, seconds_left=left)

    # -- acting ------------------------------------------------------------------------------

    def human_to_move(self) -> str | None:
        # The server lists legal actions only while this seat may act and a person plays it.
        return self.seat if self.view.state is not None and self._state["legal"] else None

    def ai_to_move(self) -> bool:
        return False      # the class server runs the AI leaders

    def step_ai(self) -> list:
        return []

    def act(self, seat: str, action: Action) -> str:
        if seat != self.seat:
            return f"this client plays {self.seat_name(self.seat or '')}, not {self.seat_name(seat)}"
        if not self.link.connected:
            return "not connected to the class server (reconnecting\u2026); try again in a moment"
        state = self._state
        request = {"type": ClientType.ACT, "turn": state["turn"], "phase": state["phase"], "round": state["round"],
                   "action": action.to_dict()}
        # What the action changed arrives before its answer; the table takes it in with the frame's poll().
        return self._wait(self.link.request(request))

    def ask(self, ai_seat: str, partner: str, terms: dict, parties=()) -> tuple:
        if not self.link.connected:
            return None, "(no answer: not connected to the class server)"
        future = self.link.request({"type": ClientType.ASK, "seat": ai_seat, "terms": dict(terms),
                                    "parties": list(parties)})
        answer: dict = {}
        problem = self._wait(future, answer)
        if problem:
            return None, f"(no answer: {problem})"
        return answer.get("terms"), answer.get("text", "")

    def stakes(self, seat: str, choice: dict) -> tuple:
        """From the server: each open offer's and move's stakes come with the state; a package being built is
        previewed, once for each form it takes while the table stands still."""
        known = self._state.get("stakes") or {"offers": {}, "moves": {}}
        if choice.get("kind") == ChoiceKind.MOVE:
            stakes = known["moves"].get(choice.get("move"))
            return (stakes, "") if stakes is not None else (None, "not a move you can make now")
        terms, parties = dict(choice.get("terms", {})), sorted(set(choice.get("parties", [])) | {seat})
        for prop in self._state["observation"]["proposals"]:
            if prop["id"] in known["offers"] and prop["terms"] == terms and sorted(prop["parties"]) == parties:
                return known["offers"][prop["id"]], ""
        key = (self._version, tuple(sorted(terms.items())), tuple(parties))
        if key not in self._previews:
            if not self.link.connected:
                return None, "not connected to the class server"
            self._previews = {k: v for k, v in self._previews.items() if k[0] == self._version}
            answer: dict = {}
            asked = self.link.request({"type": ClientType.PREVIEW, "terms": terms, "parties": parties})
            problem = self._wait(asked, answer)
            self._previews[key] = (answer.get("stakes"), problem or answer.get("problem", ""))
        return self._previews[key]

    def outlook(self, seat: str) -> dict | None:
        """From the server, with the state: this seat's final score as things stand."""
        if seat != self.seat:
            return None
        return (self._state.get("stakes") or {}).get("outlook")

    def asks_left(self, ai_seat: str, partner: str) -> int:
        return int((self._state.get("asks_left") or {}).get(ai_seat, 0))

    def _wait(self, future, into: dict | None = None) -> str:
        """Wait for the server's answer: '' (the answer copied into `into`) or why there is none."""
        try:
            reply = future.result(ANSWER_WITHIN)
        except ServerError as err:
            return err.message
        except Disconnected:
            return "the connection dropped before the class server answered; look at the table, then try again"
        except TimeoutError:
            return "the class server did not answer in time; look at the table, then try again"
        if into is not None:
            into.update(reply)
        return ""

    # -- days and the end ------------------------------------------------------------------------

    def pending_resolution(self) -> bool:
        return self.days is not None and self.days.pending is not None

    def take_resolution(self) -> Resolution | None:
        return self.days.take() if self.days is not None else None

    def ending(self) -> Ending:
        result = self._state["result"]
        obs = self._state["observation"]
        private = self.view.private or {}
        return Ending(scores=result["scores"], history=result["history"], agreements=obs["agreements"],
                      objectives={self.seat: private.get("objectives", [])}, par=result["par"])

    def full_report(self) -> tuple[str, str]:
        path = (self.view.state or {}).get("report")
        if not path:
            return "", "The class server offers the report once the summit is over at your table."
        return http_base(self.url) + path, ""

    def finish(self) -> str:
        self.close()
        return ""

    def autosave(self) -> str:
        return ""

    def save(self, name: str) -> str:
        return self.save_note

    def close(self) -> None:
        self.link.close()
