"""The window, the scene stack and the frame loop.

One frame: route the events to the top scene, update it, draw the stack
from the last opaque scene up, then the help bar, a toast and a tooltip.
Tests and the shots command call `frame()` directly with posted events.
"""

from __future__ import annotations

import pygame

from game.persistence import SaveError, SaveStore

from . import theme
from .settings import Settings
from .text import Text

BASE_SIZE = (1280, 720)
MIN_SIZE = (960, 540)
TOOLTIP_DELAY = 0.45
TOAST_SECONDS = 4.0
TOAST_MIN_SECONDS = 1.0


class App:
    def __init__(self, size=BASE_SIZE, store=None, settings=None, ai_delay=None, seed=None):
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(400, 40)
        self.settings = settings or Settings()
        self.store = store or self._player_store(SaveStore(), self.settings.values["player"])
        self.fixed_delay = ai_delay
        self.seed = seed
        self.windowed_size = tuple(size)
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.settings.values["fullscreen"] else 0)
        self.screen = pygame.display.set_mode(size if not flags & pygame.FULLSCREEN else (0, 0), flags)
        pygame.display.set_caption("Summit")
        self.text = Text()
        self.s = 1.0
        self.stack = []
        self.running = True
        self.session = None
        self.toast_text, self.toast_until = "", 0.0
        self.hover_since, self.hover_tip = 0.0, ""
        # Game time, advanced by each frame's dt, so toasts and tooltips behave the same in scripted runs.
        self.now = 0.0
        self.drawn_text, self.cut_text, self.drawn_places = [], [], []
        self.clock = pygame.time.Clock()
        self._rescale()
        if self.settings.problem:
            self.toast(self.settings.problem)

    # -- whose games --------------------------------------------------------------

    def _player_store(self, store, player):
        try:
            return store.for_player(player)
        except SaveError:
            return store

    def set_player(self, name: str) -> str:
        """Play as `name` from now on: Continue and Load offer that player's games. Return a problem, or ''."""
        try:
            store = self.store.for_player(name)
        except SaveError as err:
            return str(err)
        self.store = store
        return self.settings.set("player", store.player)

    # -- geometry ----------------------------------------------------------------

    @property
    def size(self):
        return self.screen.get_size()

    def u(self, n: float) -> int:
        """A length from the 1280x720 design, at the window's size."""
        return max(1, round(n * self.s))

    def _rescale(self) -> None:
        w, h = self.size
        self.s = max(0.6, min(w / BASE_SIZE[0], h / BASE_SIZE[1]))
        self.text.set_scale(self.s * self.settings.text_scale)

    @property
    def help_height(self) -> int:
        return self.text.line_height("small") + self.u(12)

    @property
    def content(self) -> pygame.Rect:
        w, h = self.size
        return pygame.Rect(0, 0, w, h - self.help_height)

    @property
    def ai_delay(self) -> float:
        return self.settings.ai_delay if self.fixed_delay is None else self.fixed_delay

    # -- scenes -------------------------------------------------------------------

    @property
    def top(self):
        return self.stack[-1] if self.stack else None

    def push(self, scene) -> None:
        self._lose_pointer()
        self.stack.append(scene)

    def pop(self) -> None:
        if self.stack:
            self.stack.pop()
        if not self.stack:
            self.running = False
        self._lose_pointer()

    def replace(self, scene) -> None:
        if self.stack:
            self.stack.pop()
        self.stack.append(scene)

    def _lose_pointer(self) -> None:
        # A scene coming back to the top saw none of the pointer's moves while it was covered: a tooltip for
        # where the pointer was would pop up over the buttons.
        if self.stack:
            self.top.controls.lose_pointer()

    def reset(self, scene) -> None:
        """Make `scene` the only scene (back to the title, into a new game)."""
        self.stack = [scene]

    def toast(self, text: str) -> None:
        self.toast_text, self.toast_until = text, self.now + TOAST_SECONDS

    def open_url(self, address: str) -> bool:
        """Open a page in the player's browser (a report); False when no browser could be started."""
        import webbrowser
        try:
            return bool(webbrowser.open(address))
        except webbrowser.Error:
            return False

    # -- window -------------------------------------------------------------------

    def toggle_fullscreen(self) -> None:
        full = not self.settings.values["fullscreen"]
        try:
            if full:
                self.windowed_size = self.size
                self.screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                self.screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        except pygame.error as err:
            self.toast(f"Fullscreen is not available here: {err}")
            return
        problem = self.settings.set("fullscreen", full)
        if problem:
            self.toast(problem)
        self._rescale()

    def set_text_size(self, index: int) -> None:
        problem = self.settings.set("text_size", index)
        if problem:
            self.toast(problem)
        self._rescale()

    def resize(self, w: int, h: int) -> None:
        w, h = max(MIN_SIZE[0], w), max(MIN_SIZE[1], h)
        if (w, h) != self.size:
            self.screen = pygame.display.set_mode((w, h), pygame.RESIZABLE)
        self._rescale()

    # -- the loop -----------------------------------------------------------------

    def dispatch(self, event) -> None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN) and \
                self.now > self.toast_until - TOAST_SECONDS + TOAST_MIN_SECONDS:
            # A toast read for a moment goes with the player's next action.
            self.toast_until = min(self.toast_until, self.now)
        if event.type == pygame.QUIT:
            self.request_quit()
        elif event.type == pygame.VIDEORESIZE:
            self.resize(event.w, event.h)
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
        elif self.top is not None:
            self.top.handle_event(event)

    def request_quit(self) -> None:
        """Closing the window mid-game asks first; anywhere else it just closes."""
        if self.session is not None and not self.session.over:
            from .scenes.dialogs import QuitDialog
            if not isinstance(self.top, QuitDialog):
                self.push(QuitDialog(self))
            return
        self.running = False

    def frame(self, dt: float = 1 / 60) -> None:
        self.now += dt
        for event in pygame.event.get():
            self.dispatch(event)
            if not self.running:
                return
        if self.top is None:
            self.running = False
            return
        self.top.update(dt)
        if self.top is not None:
            self.draw(self.screen)

    def draw(self, surf) -> None:
        self.text.drawn, self.text.cut, self.text.places = [], [], []
        start = len(self.stack) - 1
        while start > 0 and self.stack[start].transparent:
            start -= 1
        surf.fill(theme.BG)
        for scene in self.stack[start:]:
            scene.prepare()
            scene.draw(surf)
        self._draw_help(surf)
        self._draw_toast(surf)
        self._draw_tooltip(surf)
        self.drawn_text, self.cut_text, self.drawn_places = self.text.drawn, self.text.cut, self.text.places

    def run(self) -> None:
        while self.running:
            dt = self.clock.tick(60) / 1000.0
            self.frame(dt)
            pygame.display.flip()

    # -- overlays -------------------------------------------------------------------

    def _draw_help(self, surf) -> None:
        w, h = self.size
        bar = pygame.Rect(0, h - self.help_height, w, self.help_height)
        pygame.draw.rect(surf, theme.PANEL, bar)
        pygame.draw.line(surf, theme.LINE, bar.topleft, bar.topright)
        scene = self.top
        keys = scene.keys_hint() if scene else ""
        tip = scene.help_text().split("\n")[0] if scene else ""
        if keys and tip and self.text.width(tip, "small") + self.text.width(keys, "small") + self.u(60) > w:
            # What the control in hand does matters more than the list of keys, which F1 has too.
            keys = ""
        right = self.text.draw(surf, keys, (bar.right - self.u(12), bar.centery), "small", theme.MUTED,
                               anchor="midright") if keys else pygame.Rect(bar.right, 0, 0, 0)
        if tip:
            self.text.draw(surf, tip, (bar.left + self.u(12), bar.centery), "small", theme.TEXT,
                           anchor="midleft", max_width=right.left - bar.left - self.u(36))

    def _draw_toast(self, surf) -> None:
        """Over the help bar, growing upwards only if it needs more than a line: anywhere else it hid
        controls that the player was about to use (the answer buttons, End my round)."""
        if not self.toast_text or self.now > self.toast_until:
            return
        w, h = self.size
        lines = self.text.wrap(self.toast_text, "bold", w - self.u(40))[:4]
        step = self.text.line_height("bold")
        box = pygame.Rect(0, 0, w, max(self.help_height, step * len(lines) + self.u(8)))
        box.bottom = h
        pygame.draw.rect(surf, theme.RAISED, box)
        pygame.draw.line(surf, theme.ACCENT, box.topleft, box.topright, 2)
        top = box.centery - step * len(lines) // 2
        for k, line in enumerate(lines):
            self.text.draw(surf, line, (box.centerx, top + k * step), "bold", theme.TEXT, anchor="midtop")

    def _draw_tooltip(self, surf) -> None:
        scene = self.top
        hovered = scene.controls.hovered() if scene else None
        tip = hovered.tip_at(scene.controls.mouse) if hovered is not None else ""
        if tip != self.hover_tip:
            self.hover_tip, self.hover_since = tip, self.now
        if not tip or self.now - self.hover_since < TOOLTIP_DELAY:
            return
        width = self.u(380)
        lines = self.text.wrap(tip, "small", width)[:10]
        step = self.text.line_height("small")
        box = pygame.Rect(0, 0, max(self.text.width(line, "small") for line in lines) + self.u(20),
                          step * len(lines) + self.u(14))
        mx, my = scene.controls.mouse
        box.topleft = (mx + self.u(16), my + self.u(18))
        box.clamp_ip(self.content)
        pygame.draw.rect(surf, theme.CURTAIN, box, border_radius=self.u(6))
        pygame.draw.rect(surf, theme.LINE, box, 1, border_radius=self.u(6))
        for k, line in enumerate(lines):
            self.text.draw(surf, line, (box.left + self.u(10), box.top + self.u(7) + k * step), "small", theme.TEXT)
