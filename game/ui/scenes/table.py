"""The table: the main screen, and the pace of the game.

Every frame it checks whose turn it is: a human seat gets the screen (behind
a curtain when another human had it), AI seats act one decision at a time so
the window stays responsive and their actions arrive where people can see
them, a finished day shows its resolution, and the summit ends on the end
screen. Everything drawn comes from the viewing seat's observation.
"""

from __future__ import annotations

import time

import pygame

from game.engine import DONE
from game.engine.kinds import Controller, Phase, visible_to
from game.present.looks import seat_looks
from game.present.table import Words, wait_reason
from game.present.words import seat_names
from game.present.worth import no_stakes, stakes_words

from .. import theme
from ..mapview import MapCache, MapSelection, MapWidget
from ..panels.common import TabBar
from ..panels.compose import ComposePanel
from ..panels.deals import DealsPanel
from ..panels.header import TableHeader
from ..panels.moves import MovesPanel
from ..panels.news import SituationPanel, feed_items
from ..panels.offers import OffersPanel
from ..panels.seats import SeatsPanel
from .base import Scene, panel

TABS = (
    ("propose", "Propose", "Build a package of terms and send it, or ask an AI leader what it would want."),
    ("offers", "Offers", "Offers to you and from you: read them, accept, reject or counter."),
    ("deals", "Deals", "Agreements: what has been signed, who it binds, and promises broken."),
    ("moves", "Moves", "Your moves in the field for today, and their effects."),
)
NEWS_TAB = ("news", "News", "The situation in figures, and the news, newest first.")
AI_SLICE = 0.006
# Below this many text-size-scaled pixels of width, three columns would cut their text: the news becomes a tab.
THREE_COLUMNS_FROM = 1200


class TableScene(Scene):
    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.public = session.public
        self.looks = seat_looks(self.public["seats"])
        self._lent_from = ""  # where the focus was before M or N took it to the map or the news
        self.names = seat_names(self.public)
        self.issues = {i["id"]: i for i in self.public["issues"]}
        self.scenario_seats = list(session.seat_ids)
        self.tab = "propose"
        self.drafts = {}
        self.compose = ComposePanel(self)
        self.offers = OffersPanel(self)
        self.deals = DealsPanel(self)
        self.moves = MovesPanel(self)
        self.seats = SeatsPanel(self)
        self.situation = SituationPanel(self)
        self.header = TableHeader(self)
        self.map_cache, self.map_sel = MapCache(), MapSelection()
        self.compact = False
        self.view_key = None
        self.ai_wait = 0.0
        self.moves_shown = None
        self.speaking = None
        self.talks_opened = set()
        self.refresh()

    # -- the viewing seat's data -------------------------------------------------------------

    @property
    def viewer(self):
        return self.session.viewer

    @property
    def hidden(self) -> bool:
        """People play but none has the screen yet: show nothing private, not even the spectator's view."""
        return self.viewer is None and bool(self.session.humans)

    def refresh(self) -> None:
        s = self.session
        key = (s.version, self.viewer)
        if key == self.view_key:
            return
        self.view_key = key
        if self.hidden:
            self.obs = s.observation(s.humans[0])
            self.space = {"can_propose": False, "issues": {}, "expires": [s.turn, s.turn]}
        elif self.viewer is None:
            # Watch mode: no human seat to hide anything from.
            self.obs = s.spectator_view()
            self.space = {"can_propose": False, "issues": {}, "expires": [s.turn, s.turn]}
        else:
            self.obs = s.observation(self.viewer)
            self.space = s.proposal_space(self.viewer)
        self._legal: list | None = None   # worked out when first asked for
        self.feed = feed_items(self, self.obs["news"])
        self.invalidate()

    def legal(self) -> list:
        if self._legal is None:
            self._legal = self.session.legal_actions(self.viewer) if self.viewer else []
        return self._legal

    def act(self, action) -> str:
        problem = self.session.act(self.viewer, action)
        self.refresh()
        self.invalidate()
        return problem

    def controller_text(self, seat) -> str:
        kind = self.session.controllers[seat]
        if seat == self.viewer:
            return "you"
        return "a person" if kind == Controller.HUMAN else f"AI \u00b7 {kind}"

    def words(self) -> Words:
        return Words(self.public, self.viewer)

    def stakes(self, choice: dict, what: str) -> dict | None:
        """What a choice would do to the viewer's final score, in words (None when nobody sits here)."""
        if self.viewer is None:
            return None
        stakes, problem = self.session.stakes(self.viewer, choice)
        return no_stakes(problem) if stakes is None else stakes_words(stakes, self.words().names, what)

    def wait_reason(self) -> str:
        return wait_reason(self.words(), self.obs)

    def show_tab(self, name) -> None:
        self.tab = name
        self.invalidate()
        self.controls.focus = "tabs"

    def _leave_seat(self) -> None:
        """Everyone reads the day's results together: whoever sits down next does so behind the curtain."""
        if self.viewer is not None:
            self.drafts[self.viewer] = self.compose
        self.session.viewer = None
        self.refresh()

    def _take_seat(self, seat) -> None:
        old = self.viewer
        if old is not None:
            self.drafts[old] = self.compose
        self.session.viewer = seat
        self.compose = self.drafts.get(seat) or ComposePanel(self)
        self.offers, self.moves = OffersPanel(self), MovesPanel(self)
        self.refresh()
        first = "moves" if self.obs["phase"] == Phase.MOVES else "propose"
        self.tab = "offers" if self.offers.waiting_count() else first
        self.controls.focus = "tabs"

    # -- the pace of play ------------------------------------------------------------------------

    def update(self, dt):
        super().update(dt)
        s = self.session
        s.poll()
        if s.take_reseated():
            from .flow import reseated
            reseated(self.app, s)
            return
        self.refresh()
        if s.notice:
            self.app.toast(s.notice)
            s.notice = ""
        if s.pending_resolution():
            from .resolution import ResolutionScene
            if len(s.humans) > 1:
                self._leave_seat()
            self.app.push(ResolutionScene(self.app, s, s.take_resolution()))
            return
        if s.over:
            from .end import EndScene
            self.app.session = None
            self.app.replace(EndScene(self.app, s))
            problem = s.finish()
            if problem:
                self.app.toast(problem)
            return
        human = s.human_to_move()
        if human is not None:
            self._human_turn(human)
            return
        if not s.ai_to_move():
            return
        self.ai_wait -= dt
        if self.ai_wait > 0:
            return
        self._step_ai()

    def _human_turn(self, human):
        s = self.session
        if self.viewer in self.obs["to_move"] and s.controllers.get(self.viewer) == Controller.HUMAN:
            # While moves are chosen every seat may act: whoever has the screen goes first.
            human = self.viewer
        if human != self.viewer:
            if len(s.humans) > 1:
                from .curtain import CurtainScene
                self.app.push(CurtainScene(self.app, s.seat_name(human), lambda: self._take_seat(human),
                                           self.looks[human]))
                return
            self._take_seat(human)
        if self.obs["phase"] == Phase.MOVES and self.moves_shown != (self.viewer, self.obs["turn"]):
            self.moves_shown = (self.viewer, self.obs["turn"])
            self.moves.new_day()
            self.show_tab("moves")
        speaking = (self.viewer, self.obs["turn"], self.obs["round"], self.obs["phase"])
        if speaking != self.speaking and self.obs["phase"] == Phase.TALKS:
            self.speaking = speaking
            self._word_comes_back()

    def _word_comes_back(self):
        """Talks open on the offers, and later rounds bring new ones forward, unless you were building a package."""
        composing = self.tab == "propose" and bool(self.compose.draft.terms)
        day = (self.viewer, self.obs["turn"])
        if day not in self.talks_opened:
            # Yesterday ended on Moves; today starts with what was said at the table.
            self.talks_opened.add(day)
            self.compose.new_day()
            self.moves.new_day()
            if not composing:
                self.show_tab("offers" if self.offers.offers() else "propose")
        elif self.tab == "propose" and not composing and self.offers.waiting_count():
            self.show_tab("offers")

    def _step_ai(self):
        s = self.session
        deadline = time.perf_counter() + AI_SLICE
        while True:
            events = s.step_ai()
            if s.pending_resolution() or s.over or s.human_to_move() is not None:
                break
            seen = [e for e in events if visible_to(e["visible"], self.viewer or None)]
            if seen and self.app.ai_delay > 0:
                self.ai_wait = self.app.ai_delay
                break
            if time.perf_counter() > deadline:
                break
        self.refresh()

    # -- layout --------------------------------------------------------------------------------------

    def layout(self, area):
        if self.hidden:
            return []
        app = self.app
        m = app.u(12)
        self.compact = area.width < THREE_COLUMNS_FROM * app.text.scale
        self.header_rect = pygame.Rect(area.left, area.top, area.width, self.header.height())
        body = pygame.Rect(area.left + m, self.header_rect.bottom + m, area.width - 2 * m,
                           area.bottom - self.header_rect.bottom - 2 * m)
        left_w = int(body.width * (0.4 if self.compact else 0.34))
        self.map_panel = pygame.Rect(body.left, body.top, left_w, int(body.height * (0.46 if self.compact else 0.5)))
        self.seats_panel = pygame.Rect(body.left, self.map_panel.bottom + m, left_w,
                                       body.bottom - self.map_panel.bottom - m)
        mid_w = body.right - self.map_panel.right - m if self.compact else int(body.width * 0.41)
        self.mid_panel = pygame.Rect(self.map_panel.right + m, body.top, mid_w, body.height)
        self.right_panel = None if self.compact else pygame.Rect(
            self.mid_panel.right + m, body.top, body.right - self.mid_panel.right - m, body.height)
        widgets = [self._tab_bar()]
        widgets += self.active_panel().layout(self.tab_area)
        widgets += self.header.layout(self.header_rect, self.mid_panel.left)
        if self.right_panel is not None:
            widgets += self.situation.layout(panel_inner(app, self.right_panel, "The situation"))
        map_inner = self.map_panel.inflate(-app.u(12), -app.u(12))
        info_h = 2 * app.text.line_height("small") + app.u(8)
        widgets.append(MapWidget("map", map_inner, app, self.map_cache, self.public, self.obs, self.looks,
                                 self.map_sel, info_h))
        widgets += self.seats.layout(panel_inner(app, self.seats_panel, ""))
        return widgets

    def _tab_bar(self):
        app = self.app
        tabs = self.tabs()
        names = [t[0] for t in tabs]
        if self.tab not in names:
            self.tab = "offers" if self.tab == "news" else names[0]
        inner_mid = self.mid_panel.inflate(-app.u(20), -app.u(20))
        tab_h = max(app.u(34), app.text.line_height("bold") + app.u(12))
        labels = [(label, f"{k + 1}", tip) for k, (_, label, tip) in enumerate(tabs)]
        if "offers" in names and self.viewer:
            n = self.offers.waiting_count()
            k = names.index("offers")
            labels[k] = (f"Offers ({n})" if n else "Offers", labels[k][1], labels[k][2])
        self.tab_area = pygame.Rect(inner_mid.left, inner_mid.top + tab_h + app.u(12), inner_mid.width,
                                    inner_mid.height - tab_h - app.u(12))
        return TabBar("tabs", (inner_mid.left, inner_mid.top, inner_mid.width, tab_h), app, labels,
                      names.index(self.tab), lambda k: self.show_tab(names[k]),
                      f"\u2190\u2192 or 1-{len(tabs)} to switch.")

    def tabs(self):
        tabs = list(TABS) if self.viewer is not None else [t for t in TABS if t[0] in ("offers", "deals", "moves")]
        return tabs + [NEWS_TAB] if self.compact else tabs

    def active_panel(self):
        return {"propose": self.compose, "offers": self.offers, "deals": self.deals, "moves": self.moves,
                "news": self.situation}[self.tab]

    # -- input -------------------------------------------------------------------------------------

    def end_round(self):
        problem = self.act(DONE)
        if problem:
            self.app.toast(problem)

    def menu(self):
        from .dialogs import MenuScene
        self.app.push(MenuScene(self.app, self.session))

    def help(self):
        from .dialogs import HelpScene
        self.app.push(HelpScene(self.app))

    def open_source(self, item):
        from .source import SourceScene
        self.app.push(SourceScene(self.app, self.public, item))

    def back(self):
        # M and N only lend the focus to the map or the news: Esc gives it back before it opens the menu.
        if self.controls.focus in ("map", "news") and self._lent_from:
            self.controls.focus_on(self._lent_from)
            self._lent_from = ""
            return
        self.menu()

    def _lend_focus(self):
        if self.controls.focus not in ("map", "news"):
            self._lent_from = self.controls.focus or ""

    def key(self, event):
        names = [t[0] for t in self.tabs()]
        digits = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3, pygame.K_5: 4}
        if event.key in digits and digits[event.key] < len(names):
            self.show_tab(names[digits[event.key]])
        elif event.key == pygame.K_e and self.viewer is not None and self.obs["phase"] == Phase.TALKS:
            self.end_round()
        elif event.key == pygame.K_s and event.mod & pygame.KMOD_CTRL:
            from .dialogs import open_save
            open_save(self.app, self.session)
        elif event.key == pygame.K_F1:
            self.help()
        elif event.key == pygame.K_m:
            self._lend_focus()
            self.controls.focus_on("map")
        elif event.key == pygame.K_n:
            self._lend_focus()
            if self.compact:
                self.show_tab("news")
                self.controls.focus = "news"
            else:
                self.controls.focus_on("news")

    def keys_hint(self):
        end = " \u00b7 E end round" if self.obs["phase"] == Phase.TALKS else ""
        return f"Tab move \u00b7 1-{len(self.tabs())} panels{end} \u00b7 M map \u00b7 N news \u00b7 F1 help " \
            "\u00b7 Esc menu"

    # -- drawing -------------------------------------------------------------------------------------

    def draw_background(self, surf):
        app = self.app
        if self.hidden:
            area = app.content
            surf.fill(theme.CURTAIN, area)
            app.text.draw(surf, "The AI leaders are acting\u2026", area.center, "h2", theme.MUTED, anchor="center")
            return
        self.header.draw(surf)
        panel(surf, app, self.map_panel)
        panel(surf, app, self.seats_panel)
        panel(surf, app, self.mid_panel)
        if self.right_panel is not None:
            panel(surf, app, self.right_panel, "The situation")
            self.situation.draw(surf)
        self.seats.draw(surf)
        self.active_panel().draw(surf)


def panel_inner(app, rect, title):
    """The area `panel()` leaves inside `rect`, without drawing it."""
    inner = rect.inflate(-app.u(24), -app.u(20))
    if title:
        gap = app.text.line_height("label") + app.u(8)
        inner = pygame.Rect(inner.left, inner.top + gap, inner.width, inner.height - gap)
    return inner
