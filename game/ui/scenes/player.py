"""Who is playing: a name that keeps each player's games apart on a computer several people share."""

from __future__ import annotations

from ..widgets import Button, TextField
from .dialogs import Dialog


class PlayerDialog(Dialog):
    heading = "Who is playing?"
    message = ("Your name keeps your games apart from others' on this computer: Continue and Load offer only the "
               "games of the player named here. Leave it empty to play unnamed. Enter to play as this name, "
               "Esc to cancel.")

    def __init__(self, app, then=None):
        super().__init__(app)
        self.name = {"text": app.store.player, "suggested": bool(app.store.player)}
        self.then = then

    def layout(self, area):
        app = self.app
        self.box = self.box_rect(area, 2)
        y = self.box.top + app.u(64) + self._message_height()
        field = TextField("player-name", (self.box.left + app.u(24), y, self.box.width - app.u(48), self.row_h()),
                          self.name, self.choose, "Your name, as your games are kept under it.", limit=40)
        y += self.row_h() + app.u(10)
        half = (self.box.width - app.u(58)) // 2
        return [field,
                Button("play-as", (self.box.left + app.u(24), y, half, self.row_h()), "Play as this name",
                       lambda: self.choose(None), "Continue and Load will offer this player's games.",
                       style="primary"),
                Button("cancel", (self.box.left + app.u(34) + half, y, half, self.row_h()), "Cancel", self.app.pop,
                       "Keep playing as before.")]

    def choose(self, _text):
        problem = self.app.set_player(self.name["text"])
        if problem and not problem.startswith("The setting applies now"):
            self.message = f"Not changed: {problem}"
            self.invalidate()
            return
        if problem:
            self.app.toast(problem)
        self.app.pop()
        if self.then is not None:
            self.then()

    def keys_hint(self):
        return "Type a name \u00b7 Enter play as it \u00b7 Esc cancel"
