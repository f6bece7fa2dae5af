"""A scripted game through the real scenes, by keyboard and mouse: for shots, tests and the benchmark.

The script plays as a patient newcomer would: it reads each briefing, puts
the historical package to its partners once, accepts the first offer that
reaches it, ends its rounds and mostly holds.
"""

from __future__ import annotations

import pygame

from game.engine.kinds import Controller, Phase, ProposalStatus

from .driver import Driver, Stuck
from .scenes.seats import CHOICES


class ScriptedGame:
    def __init__(self, driver: Driver, snap=None, every_day=None):
        self.d = driver
        self.snap = snap or (lambda name: None)
        self.every_day = every_day or (lambda scene: None)
        self.snapped: set[str] = set()
        self.proposed: set[str] = set()
        self.answered: set[str] = set()
        self.moved_days: set[tuple[str, int]] = set()

    def once(self, name):
        if name not in self.snapped:
            self.snapped.add(name)
            self.snap(name)

    # -- before the table ------------------------------------------------------------------

    def new_game(self, scenario: str, controllers: dict) -> None:
        """Start a game of a scenario on the New game list, named by its id or by its file's path."""
        d = self.d
        d.press("new")
        d.until(lambda: d.on("ScenarioScene"), 10, "the scenario list")
        found = [k for k, e in enumerate(d.scene.entries)
                 if e.scenario and (e.scenario.id == scenario or str(e.path) == str(scenario))]
        if not found:
            raise Stuck(f"'{scenario}' is not on the New game list")
        d.focus("list")
        d.key(pygame.K_HOME)
        for _ in range(found[0]):
            d.key(pygame.K_DOWN)
        self.once("scenario")
        d.key(pygame.K_RETURN)
        d.until(lambda: d.on("SeatsScene"), 10, "the seats")
        for seat, kind in controllers.items():
            self.seat_played_by(seat, kind)
        self.once("seats")
        d.press("start")
        d.until(lambda: d.on("BriefingScene"), 10, "the briefing")
        self.once("briefing")
        while d.on("BriefingScene") or d.on("CurtainScene"):
            if d.on("CurtainScene"):
                self.once("curtain")
            d.key(pygame.K_RETURN)

    def seat_played_by(self, seat: str, kind: Controller) -> None:
        """On the seats screen, set who plays `seat` as a player would: Tab to its choice, then the arrows."""
        d = self.d
        d.focus(f"seat:{seat}")
        # The choice stops at either end of its list: step towards the one wanted.
        order = [c[0] for c in CHOICES]
        towards = pygame.K_RIGHT if order.index(kind) > order.index(d.scene.choice[seat]) else pygame.K_LEFT
        while d.scene.choice[seat] != kind:
            d.key(towards)

    # -- at the table ------------------------------------------------------------------------

    def play_to_end(self, limit: int = 40000) -> None:
        d = self.d
        for _ in range(limit):
            if d.on("EndScene"):
                self.once("end")
                return
            if d.on("CurtainScene"):
                self.once("curtain")
                d.key(pygame.K_RETURN)
            elif d.on("ResolutionScene"):
                self.once("resolution")
                self.every_day(d.scene)
                if d.on("ResolutionScene"):
                    d.key(pygame.K_RETURN)
            elif d.on("TableScene") and self._my_turn():
                self._play_turn()
            else:
                d.frame()
        raise Stuck("the game did not reach its end")

    def _my_turn(self) -> bool:
        t = self.d.scene
        return t.viewer is not None and not t.hidden and t.viewer in t.obs["to_move"] and \
            t.session.controllers[t.viewer] == Controller.HUMAN

    def _play_turn(self):
        t = self.d.scene
        self.once("table")
        if t.obs["phase"] == Phase.MOVES:
            self._move()
            return
        waiting = [p for p in t.offers.offers() if p["status"] == ProposalStatus.OPEN and t.viewer in p["parties"]
                   and t.viewer not in p["accepted"] and p["id"] not in self.answered]
        if waiting:
            self._answer(waiting[0])
            return
        if t.viewer not in self.proposed and t.space["can_propose"]:
            self.proposed.add(t.viewer)
            if self._propose():
                return
        self.d.key(pygame.K_e)

    def _history_package(self, t):
        viewer = t.viewer
        return {i: o for i, o in t.public["history"]["outcome"].items()
                if i in t.obs["open_issues"] and viewer in t.issues[i]["signatories"]}

    def _propose(self) -> bool:
        d = self.d
        t = d.scene
        terms = self._history_package(t)
        if not terms:
            return False
        d.key(pygame.K_1)
        d.focus("issues")
        d.key(pygame.K_HOME)
        panel = t.compose
        for issue in panel.issue_ids:
            if issue in terms:
                d.key(pygame.K_SPACE)
                while panel.current(issue) != terms[issue]:
                    d.key(pygame.K_RIGHT)
            d.key(pygame.K_DOWN)
        self.once("table-offer")
        if d.widget("ask").enabled:
            d.click("ask")
            self.once("ask")
        d.click("send")
        return True

    def _answer(self, prop):
        d = self.d
        t = d.scene
        self.answered.add(prop["id"])
        d.key(pygame.K_2)
        d.focus("offers")
        d.key(pygame.K_HOME)
        while t.offers.selected()["id"] != prop["id"]:
            d.key(pygame.K_DOWN)
        if prop["note"] and t.session.controllers[prop["proposer"]] != Controller.HUMAN:
            self.once("incoming")
        if d.widget("accept").enabled:
            d.click("accept")
        else:
            d.press("reject")

    def pass_word(self):
        """Hold in the field, or end the round at the table: the least a player can do with the word."""
        d = self.d
        if d.scene.obs["phase"] == Phase.MOVES:
            d.key(pygame.K_4)
            d.focus("moves")
            d.key(pygame.K_HOME)
            d.key(pygame.K_RETURN)
        else:
            d.key(pygame.K_e)

    def _move(self):
        d = self.d
        t = d.scene
        d.key(pygame.K_4)
        d.focus("moves")
        d.key(pygame.K_HOME)
        day = t.obs["turn"]
        if day == 1 and t.viewer not in {s for s, _ in self.moved_days}:
            d.key(pygame.K_DOWN)
            self.once("moves")
            if not d.widget("choose").enabled:
                d.key(pygame.K_HOME)
        self.moved_days.add((t.viewer, day))
        d.key(pygame.K_RETURN)


def play(driver, scenario_id, controllers, snap=None) -> ScriptedGame:
    """From the title screen to the end screen."""
    game = ScriptedGame(driver, snap)
    game.new_game(scenario_id, controllers)
    game.play_to_end()
    return game
