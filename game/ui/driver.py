"""Drive the real scenes with posted input events: for the shots command, the tests and the benchmark.

Every interaction goes through pygame's event queue as a player's would;
the driver only reads the scenes to find where a control is, or whose turn
it is, the way a player reads the screen.
"""

from __future__ import annotations

import pygame

MAX_FRAMES = 20000


class Stuck(Exception):
    """The script waited for something that never came."""


class Driver:
    def __init__(self, app):
        self.app = app
        self.frames = 0

    @property
    def scene(self):
        return self.app.top

    def frame(self, n: int = 1) -> None:
        for _ in range(n):
            self.app.frame(1 / 60)
            self.frames += 1

    def key(self, key: int, mod: int = 0, unicode: str = "") -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0))
        self.frame()

    def type(self, text: str) -> None:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
        self.frame()

    def click_at(self, pos, button: int = 1) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
        self.frame()

    def widget(self, key: str):
        self.scene.prepare()
        w = self.scene.controls.find(key)
        if w is None:
            raise Stuck(f"no control '{key}' on {type(self.scene).__name__}")
        return w

    def click(self, key: str) -> None:
        self.click_at(self.widget(key).rect.center)

    def focus(self, key: str) -> None:
        """Press Tab until `key` has the focus, as a keyboard player would."""
        self.widget(key)
        for _ in range(len(self.scene.controls.widgets) + 1):
            if self.scene.controls.focus == key:
                return
            self.key(pygame.K_TAB)
        raise Stuck(f"Tab never reaches '{key}' on {type(self.scene).__name__}")

    def press(self, key: str) -> None:
        """Focus a control with Tab, then press Enter on it."""
        self.focus(key)
        self.key(pygame.K_RETURN)

    def until(self, predicate, limit: int = MAX_FRAMES, what: str = "") -> None:
        for _ in range(limit):
            if predicate():
                return
            self.frame()
        raise Stuck(f"gave up waiting for {what or predicate} on {type(self.scene).__name__}")

    def on(self, name: str) -> bool:
        return type(self.scene).__name__ == name

    def shot(self, path) -> None:
        self.frame()
        pygame.image.save(self.app.screen, str(path))

    def text(self) -> list:
        """Every string drawn in the last frame."""
        return list(self.app.drawn_text)

    def places(self) -> list:
        """(string, rectangle) for every string drawn in the last frame, in the order drawn."""
        return list(self.app.drawn_places)
