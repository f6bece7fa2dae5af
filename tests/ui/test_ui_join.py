"""The desktop client at a real class server: `host` in a subprocess on 127.0.0.1, joined through the real scenes
with posted input events, as a student would (code and name, a seat, the briefing, the table)."""

from __future__ import annotations

import json
import stat
import time

import pygame
import pytest
from classhost import Host

from game.cli import main
from game.client.connection import Disconnected
from game.client.link import ClassLink
from game.client.passes import SeatPasses, passes_path
from game.engine import accept
from game.ui.app import App
from game.ui.driver import Driver, Stuck
from game.ui.scenes.join import JoinScene
from game.ui.script import ScriptedGame

NAME = "Ada"


class Student:
    """A desktop client on the join screen, driven by keys; every wait is bounded by the clock."""

    def __init__(self, url, code="", name="", seat_choice=None):
        self.app = App(size=(1280, 720), ai_delay=0, seed=3)
        self.link = ClassLink(url, connect_timeout=3.0)
        self.app.push(JoinScene(self.app, self.link, SeatPasses(), code, name, seat_choice, shown_url=url))
        self.d = Driver(self.app)
        self.d.frame()

    @property
    def scene(self):
        return self.d.scene

    def until(self, predicate, seconds=30.0, what=""):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if predicate():
                return
            self.d.frame()
            time.sleep(0.005)
        raise Stuck(f"gave up waiting for {what} on {type(self.scene).__name__}; it shows {self.d.text()[:40]}")

    def shows(self, words: str) -> bool:
        return any(words.lower() in text.lower() for text in self.d.text())

    def type_in(self, field, text):
        """Clear a text field with Backspace, then type into it."""
        self.d.focus(field)
        for _ in range(len(self.d.widget(field).holder["text"])):
            self.d.key(pygame.K_BACKSPACE)
        self.d.type(text)

    def join(self, code, name=NAME):
        self.type_in("code", code)
        self.type_in("name", name)
        self.d.key(pygame.K_RETURN)

    def choose(self, seat):
        """In the lobby, move to `seat`'s row as a player would."""
        d = self.d
        d.focus("seats")
        d.key(pygame.K_HOME)
        for _ in range(len(self.scene.rows)):
            if self.scene.chosen[1]["seat"] == seat:
                return
            d.key(pygame.K_DOWN)
        raise Stuck(f"no row for {seat} in the lobby")

    def to_table(self):
        """Through the briefing pages to the table (and past the results of a day the seat's AI leader ended)."""
        def at_table():
            if self.d.on("BriefingScene") or self.d.on("ResolutionScene"):
                self.d.key(pygame.K_RETURN)
            return self.d.on("TableScene")
        self.until(at_table, what="the table")
        return self.scene

    def my_turn(self, phase=None):
        t = self.scene
        return self.d.on("TableScene") and t.session.human_to_move() == t.viewer and t.viewer in t.obs["to_move"] \
            and (phase is None or t.obs["phase"] == phase)

    def to_talks(self):
        """Play on (holding in the field, reading the day's results) until this seat has the word at the table."""
        game = ScriptedGame(self.d)

        def talking():
            if self.d.on("ResolutionScene"):
                self.d.key(pygame.K_RETURN)
            elif self.my_turn("moves"):
                game.pass_word()
            return self.my_turn("talks")
        self.until(talking, 60, "this seat's word at the table")
        return self.scene


@pytest.fixture
def host(tmp_path):
    h = Host(tmp_path / "class").start()
    try:
        yield h
    finally:
        h.stop()


@pytest.fixture
def students():
    made = []

    def make(*args, **kwargs):
        made.append(Student(*args, **kwargs))
        return made[-1]
    yield make
    for s in made:
        s.link.close()


def seat_members(host, seat):
    table = host.summary()["tables"][0]
    return next(s for s in table["seats"] if s["seat"] == seat)["members"]


def test_a_student_joins_takes_a_free_seat_and_plays_a_day(host, students, tmp_path):
    s = students(host.url)
    s.join(host.code)
    s.until(lambda: s.d.on("LobbyScene"), what="the lobby")
    s.choose("turkey")
    s.d.key(pygame.K_RETURN)
    t = s.to_table()
    # A new class waits for its facilitator: seats are taken first, or the AI leaders would play it all.
    host.op("resume")
    assert t.viewer == "turkey" and t.session.humans == ["turkey"]
    assert t.session.controllers["turkey"] == "human"
    assert seat_members(host, "turkey") == [{"id": t.session.member["id"], "name": NAME, "bot": False,
                                             "connected": True}]

    s.until(lambda: s.my_turn(), what="Turkey's turn")
    first_day = t.obs["turn"]
    game = ScriptedGame(s.d)
    s.until(lambda: s.d.on("ResolutionScene") or (s.my_turn() and game.pass_word()), 60, "the day's end")
    assert s.scene.res.turn == first_day
    s.d.key(pygame.K_RETURN)
    s.until(lambda: s.d.on("TableScene") and s.scene.obs["turn"] == first_day + 1, what="the next day")
    assert host.summary()["tables"][0]["turn"] == first_day + 1

    # The seat pass is kept for this class, readable by its owner only.
    kept = passes_path()
    assert kept.parent == tmp_path and stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert SeatPasses().get(host.url, host.code) == s.link.token
    assert len(json.loads(kept.read_text())) == 1


def test_pause_deadline_and_a_refused_action_show_the_servers_words(host, students):
    s = students(host.url, host.code, NAME, {"seat": "turkey"})
    s.to_table()
    host.op("resume")
    t = s.to_talks()
    at = (t.obs["turn"], t.obs["round"])

    host.op("pause")
    s.until(lambda: s.shows("Paused by the facilitator"), what="the pause")
    s.d.key(pygame.K_e)
    s.until(lambda: s.shows("wait for the table to resume"), 5, "the server's refusal")
    assert (t.obs["turn"], t.obs["round"]) == at, "a refused action changes nothing"

    host.op("deadline", seconds=600)
    s.until(lambda: any(text.endswith("left (stopped)") for text in s.d.text()), what="the stopped clock")
    host.op("resume")
    s.until(lambda: not s.shows("Paused") and any("9:5" in text and text.endswith(" left") for text in s.d.text()),
            what="the clock running again")

    # The engine's own reason, as the server gives it, for an action it refuses.
    assert t.session.act("turkey", accept("p-none")) == "there is no proposal 'p-none' addressed to you"
    s.d.key(pygame.K_e)
    s.until(lambda: (t.obs["turn"], t.obs["round"]) != at, what="the round to end")


def test_asking_an_ai_leader_and_sending_an_offer_go_through_the_server(host, students):
    s = students(host.url, host.code, NAME, {"seat": "turkey"})
    s.to_table()
    host.op("resume")
    t = s.to_talks()
    while not t.space["can_propose"]:
        ScriptedGame(s.d).pass_word()
        t = s.to_talks()
    s.d.key(pygame.K_1)
    s.d.focus("issues")
    s.d.key(pygame.K_HOME)
    s.d.key(pygame.K_SPACE)
    s.d.click("ask")
    assert [text for text in s.d.text() if text.startswith("Russia: \u201c")], "Russia's leader answers from the server"
    s.d.click("send")
    assert [text for text in s.d.text() if text.startswith("Sent to")]
    mine = [p for p in t.obs["proposals"] if p["proposer"] == "turkey" and p["turn"] == t.obs["turn"]]
    assert mine and "russia" in mine[-1]["parties"], "the offer is at the table, as the server says"


def test_the_game_is_not_saved_by_name_at_a_class_and_leaving_keeps_the_seat(host, students):
    s = students(host.url, host.code, NAME, {"seat": "turkey"})
    t = s.to_table()
    host.op("resume")
    member = t.session.member["id"]
    s.d.key(pygame.K_s, pygame.KMOD_CTRL)
    assert s.d.on("TableScene") and s.shows("The class server keeps this game")
    s.d.key(pygame.K_ESCAPE)
    assert s.d.on("MenuScene") and s.shows(f"team code {t.session.view.team_code}")
    s.d.press("save")
    assert s.d.on("MenuScene") and s.shows("not saved by name here")
    s.d.press("title")
    assert s.d.on("TitleScene") and s.shows("the class server keeps your seat")
    assert not t.session.link.running
    s.until(lambda: seat_members(host, "turkey") == [{"id": member, "name": NAME, "bot": False,
                                                      "connected": False}], 10, "the server to see the student gone")


def test_a_dropped_connection_reconnects_to_the_same_seat(host, students):
    s = students(host.url, host.code, NAME, {"seat": "turkey"})
    s.to_table()
    host.op("resume")
    t = s.to_talks()
    member = t.session.member["id"]

    host.kill()
    s.until(lambda: s.shows("reconnecting\u2026"), 10, "the reconnecting line")
    for _ in range(30):   # the table goes on drawing while the server is away
        s.d.frame()
    assert s.d.on("TableScene") and s.shows("reconnecting\u2026")
    assert t.act(accept("p-none")).startswith("not connected to the class server")

    host.start()
    s.until(lambda: t.session.link.connected and not s.shows("reconnecting"), 30, "the connection to come back")
    assert (t.session.seat, t.session.member["id"]) == ("turkey", member)
    assert seat_members(host, "turkey") == [{"id": member, "name": NAME, "bot": False, "connected": True}]
    s.to_talks()
    at = (t.obs["turn"], t.obs["round"])
    s.d.key(pygame.K_e)
    s.until(lambda: (t.obs["turn"], t.obs["round"]) != at, what="the round to end after the restart")


def test_a_restarted_client_comes_back_to_its_seat_with_the_kept_pass(host, students):
    first = students(host.url, host.code, NAME, {"seat": "russia"})
    first.to_table()
    host.op("resume")
    member = first.scene.session.member["id"]
    first.link.close()

    again = students(host.url, host.code)   # only the code: the pass kept for this class does the rest
    again.until(lambda: again.d.on("TableScene"), what="the table")
    assert again.scene.session.seat == "russia" and again.scene.session.member["id"] == member
    assert again.shows("Back at your seat")
    assert seat_members(host, "russia") == [{"id": member, "name": NAME, "bot": False, "connected": True}]


def test_a_wrong_code_an_unreachable_server_and_a_taken_seat_are_said_on_screen(host, students):
    s = students(host.url)
    s.join("ZZZ-ZZZ")
    s.until(lambda: s.shows("not this class's code"), what="the wrong code")
    assert s.d.on("JoinScene")

    away = students("http://127.0.0.1:9/")
    away.join(host.code)
    away.until(lambda: away.shows("not reachable"), 15, "the unreachable server")
    away.d.press("join")
    away.until(lambda: away.shows("not reachable") and away.scene.future is None, 15, "a second try")

    # A classmate holds Russia.
    mate = ClassLink(host.url)
    try:
        mate.join(host.code, "Ben").result(10)
        mate.request({"type": "claim", "table": "T1", "seat": "russia"}).result(10)
        seated = []
        while not seated:
            message = mate.inbox.get(timeout=10)
            seated += [message] if message["type"] == "seated" else []
        s.join(host.code, "Cy")
        s.until(lambda: s.d.on("LobbyScene"), what="the lobby")
        s.until(lambda: any(st["seat"] == "russia" and not st["free"] for _, st in s.scene.rows), what="Ben's seat")
        s.choose("russia")
        s.d.press("take")
        s.until(lambda: s.shows("Russia is held by Ben. To join that seat"), what="the taken seat")
        assert s.d.on("LobbyScene")
        s.type_in("team", seated[0]["team_code"])
        s.d.press("take")
        t = s.to_table()
        assert t.viewer == "russia"
        assert sorted(m["name"] for m in seat_members(host, "russia")) == ["Ben", "Cy"]
    finally:
        mate.close()


def test_the_facilitator_moves_a_student_rolls_the_table_back_and_sends_them_to_the_lobby(host, students):
    s = students(host.url, host.code, NAME, {"seat": "turkey"})
    s.to_table()
    host.op("resume")
    t = s.to_talks()
    member = t.session.member["id"]
    s.d.key(pygame.K_e)
    s.until(lambda: not s.my_turn("talks") or t.obs["round"] > 1, what="the round to end")

    host.op("rollback", table="T1", to="today")
    s.until(lambda: s.d.on("TableScene") and t.obs["phase"] == "talks" and t.obs["round"] == 1, what="the day again")
    news = t.session.observation("turkey")["news"]
    assert [e["n"] for e in news] == list(range(len(news))), "after a rollback the seat's news is whole again"

    host.op("move_member", member=member, table="T1", seat="russia")
    s.until(lambda: s.d.on("BriefingScene"), what="the new seat's briefing")
    assert s.scene.pages == [None, "russia"]
    t = s.to_table()
    assert t.viewer == "russia" and t.obs["seat"] == "russia"

    # With nobody left at the table its AI leaders would play it to the end: hold it while she chooses.
    host.op("pause")
    host.op("move_member", member=member)
    s.until(lambda: s.d.on("LobbyScene"), what="the lobby")
    assert s.shows("moved you back to the lobby")
    s.choose("syria")
    s.d.key(pygame.K_RETURN)
    assert s.to_table().viewer == "syria"


def test_a_pass_the_class_no_longer_knows_is_said_and_forgotten(host, students, tmp_path):
    s = students(host.url, host.code, NAME, {"seat": "turkey"})
    t = s.to_table()
    host.op("resume")
    assert SeatPasses().get(host.url, host.code)
    host.kill()
    s.until(lambda: s.shows("reconnecting\u2026"), 10, "the reconnecting line")
    other = Host(tmp_path / "another class")
    other.port = host.port   # a new class on the same address: it has never seen this seat's pass
    other.start()
    try:
        s.until(lambda: t.session.lost, 30, "the server's answer to the old pass")
        assert s.shows("Cannot come back to the class") or s.shows("Cannot reconnect")
        assert SeatPasses().get(host.url, host.code) is None
    finally:
        other.stop()


def test_the_link_delivers_what_an_action_changed_before_its_answer_and_closes_its_thread(host):
    link = ClassLink(host.url)
    try:
        link.join(host.code, NAME).result(10)
        link.request({"type": "claim", "table": "T1", "seat": "turkey"}).result(10)
        host.op("resume")
        for _ in range(200):
            messages = []
            while not link.inbox.empty():
                messages.append(link.inbox.get())
            states = [m for m in messages if m["type"] == "state"]
            if states and states[-1]["legal"]:
                break
            time.sleep(0.02)
        state = states[-1]
        action = {"type": "done"} if state["phase"] == "talks" else {"type": "move", "move": "hold"}
        ack = link.request({"type": "act", "turn": state["turn"], "phase": state["phase"], "round": state["round"],
                            "action": action}).result(10)
        after = []
        while not link.inbox.empty():
            after.append(link.inbox.get())
        changed = [m for m in after if m["type"] == "state"]
        assert changed and changed[0]["version"] > state["version"] and changed[0]["version"] <= ack["version"]
    finally:
        link.close()
    assert not link.running
    with pytest.raises(Disconnected):
        link.request({"type": "ping"}).result(1)


@pytest.mark.parametrize("argv, words", [
    (["join", "http://"], "is not a class address"),
    (["join", "http://127.0.0.1:99999/"], "is not a class address"),
    (["join", "http://127.0.0.1:8765/", "--table", "T1"], "--table and --team-code choose with --seat"),
])
def test_the_join_command_refuses_a_bad_address_before_opening_a_window(argv, words, capsys):
    assert main(argv) == 2
    assert words in capsys.readouterr().err
