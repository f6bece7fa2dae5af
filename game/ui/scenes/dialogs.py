"""Dialogs over the table: the game menu, saving by name, and leaving (which always saves)."""

from __future__ import annotations

import pygame

from game.engine.talks import MAX_OPEN_PER_SEAT, MAX_PROPOSALS_PER_SLOT

from .. import theme
from ..lists import RichText, ScrollState
from ..widgets import Button, TextField
from .base import Scene


class Dialog(Scene):
    """A box over a dimmed copy of the scene below."""
    transparent = True
    heading = ""
    message = ""
    width = 520

    def box_rect(self, area, rows):
        app = self.app
        h = app.u(90) + rows * (self.row_h() + app.u(10)) + self._message_height()
        box = pygame.Rect(0, 0, app.u(self.width), h)
        box.center = area.center
        return box

    def row_h(self):
        return max(self.app.u(40), self.app.text.line_height("bold") + self.app.u(16))

    def _message_height(self):
        if not self.message:
            return 0
        return self.app.text.wrapped_height(self.message, "body", self.app.u(self.width - 48)) + self.app.u(12)

    def stack_buttons(self, area, specs):
        app = self.app
        self.box = self.box_rect(area, len(specs))
        y = self.box.top + app.u(64) + self._message_height()
        out = []
        for key, label, cb, tip, style in specs:
            out.append(Button(key, (self.box.left + app.u(24), y, self.box.width - app.u(48), self.row_h()),
                              label, cb, tip, style=style))
            y += self.row_h() + app.u(10)
        return out

    def draw_background(self, surf):
        app = self.app
        shade = pygame.Surface(app.content.size, pygame.SRCALPHA)
        shade.fill((5, 8, 12, 200))
        surf.blit(shade, app.content.topleft)
        pygame.draw.rect(surf, theme.PANEL, self.box, border_radius=app.u(10))
        pygame.draw.rect(surf, theme.LINE, self.box, 1, border_radius=app.u(10))
        app.text.draw(surf, self.heading, (self.box.left + app.u(24), self.box.top + app.u(22)), "h2")
        if self.message:
            body = pygame.Rect(self.box.left + app.u(24), self.box.top + app.u(58), self.box.width - app.u(48),
                               self._message_height())
            app.text.draw_wrapped(surf, self.message, body, "body", theme.MUTED)


class MenuScene(Dialog):
    heading = "Game menu"

    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.message = session.seat_note

    def layout(self, area):
        if self.session.save_note:
            # The class server keeps this game: leaving saves nothing here, and the seat waits on the server.
            return self.stack_buttons(area, [
                ("resume", "Back to the table", self.app.pop, "Close this menu.", "primary"),
                ("save", "Save game\u2026", self.save, self.session.save_note, "normal"),
                ("settings", "Settings", self.settings, "Text size and fullscreen.", "normal"),
                ("title", "Leave the table", lambda: self.leave("title"),
                 "Back to the title; the class server keeps your seat.", "normal"),
                ("quit", "Leave and quit Summit", lambda: self.leave("quit"),
                 "Close Summit; the class server keeps your seat.", "danger"),
            ])
        return self.stack_buttons(area, [
            ("resume", "Back to the table", self.app.pop, "Close this menu.", "primary"),
            ("save", "Save game\u2026", self.save, "Save under a name of your choice.", "normal"),
            ("settings", "Settings", self.settings, "Text size, fullscreen, AI pace.", "normal"),
            ("title", "Save and go to the title", lambda: self.leave("title"),
             "Saves the game (Continue picks it up) and returns to the title.", "normal"),
            ("quit", "Save and quit Summit", lambda: self.leave("quit"),
             "Saves the game (Continue picks it up) and closes Summit.", "danger"),
        ])

    def save(self):
        if self.session.save_note:
            self.message = self.session.save_note
            self.invalidate()
            return
        self.app.replace(SaveDialog(self.app, self.session))

    def settings(self):
        from .settings import SettingsScene
        self.app.replace(SettingsScene(self.app))

    def leave(self, where):
        leave_game(self.app, self.session, where)


def open_save(app, session) -> None:
    """Saving by name, where the game can be saved here; otherwise why it cannot."""
    if session.save_note:
        app.toast(session.save_note)
        return
    app.push(SaveDialog(app, session))


def leave_game(app, session, where: str) -> None:
    """Save to the current day's autosave, then leave; if saving fails, stay and say why."""
    problem = session.autosave()
    if problem:
        session.notice = ""
        app.toast(problem.replace("your game goes on, but save it by name soon", "so the game stays open"))
        return
    session.close()
    app.session = None
    if where == "quit":
        app.running = False
        return
    from .title import TitleScene
    app.reset(TitleScene(app))
    app.toast(session.leave_note)


class QuitDialog(Dialog):
    heading = "Leave the game?"

    def __init__(self, app):
        super().__init__(app)
        kept = app.session is not None and app.session.save_note
        self.message = "The class server keeps your seat: join the class again to come back to it." if kept else \
            "Your game will be saved first, so Continue on the title screen picks it up where you left it."

    def layout(self, area):
        session = self.app.session
        kept = bool(session.save_note)
        return self.stack_buttons(area, [
            ("stay", "Keep playing", self.app.pop, "Close this question and go back to the game.", "primary"),
            ("quit", "Leave and quit" if kept else "Save and quit", lambda: leave_game(self.app, session, "quit"),
             "Close Summit." if kept else "Save, then close Summit.", "danger"),
        ])


class SaveDialog(Dialog):
    heading = "Save the game"
    message = "Type a name (letters, digits, spaces and - _ ' , . ! ( ) &) or keep the one suggested; End adds to " \
              "it. Enter to save, Esc to cancel."

    def __init__(self, app, session):
        super().__init__(app)
        self.session = session
        self.name = {"text": f"{session.public['id']} day {session.turn}", "suggested": True}
        self.problem = ""

    def layout(self, area):
        app = self.app
        self.box = self.box_rect(area, 2)
        y = self.box.top + app.u(64) + self._message_height()
        field = TextField("name", (self.box.left + app.u(24), y, self.box.width - app.u(48), self.row_h()),
                          self.name, self.save, "Type a name for this save.")
        y += self.row_h() + app.u(10)
        half = (self.box.width - app.u(58)) // 2
        return [field,
                Button("save", (self.box.left + app.u(24), y, half, self.row_h()), "Save", lambda: self.save(None),
                       "Write the save file.", style="primary"),
                Button("cancel", (self.box.left + app.u(34) + half, y, half, self.row_h()), "Cancel", self.app.pop,
                       "Back to the game without saving.")]

    def save(self, _text):
        problem = self.session.save(self.name["text"])
        if problem:
            self.message = f"Not saved: {problem}"
            self.invalidate()
            return
        self.app.toast(self.session.notice)
        self.session.notice = ""
        self.app.pop()

    def keys_hint(self):
        return "Type a name \u00b7 Enter save \u00b7 Esc cancel"


HOW_TO_PLAY = (
    ("bold", "The goal",
     "When the summit day ends, you score for what the signed terms are worth to you above your walk-away value, "
     "for the secret objectives you met, for your standing at home and abroad, and for keeping your word."),
    ("bold", "A day",
     "News arrives. Then come rounds of talks: when it is your turn to speak, build a package under Propose and "
     "send it, answer the offers under Offers, or end your round (E). After the last round every seat chooses one "
     "move in the field, in secret, under Moves; the moves are revealed together and the day is resolved."),
    ("bold", "Reading a package",
     "Your score so far, at the top, is your final score as things stand: if the others held and nothing more "
     "were signed. The bar says in points what signing the package would do to your final score: the deal, each secret "
     "objective it meets or loses, support and standing, and your kept word, as the score itself counts them, "
     "if nothing else changes (the others hold and sign nothing more). Gains run right of the centre line, "
     "losses left; point at the bar for every part. Each move under Moves says the same for the move. Ask an AI "
     "leader what it would want for a package: nothing is sent, it names what it would sign now, nearest your "
     "terms, and if you offer exactly that the same day, it signs. Each leader takes two questions a day from you."),
    ("bold", "Who sees what",
     "An offer goes only to its parties unless you tick Public. It is signed when every party has accepted it, and "
     "it is off the table as soon as any party rejects or counters it. Once signed, the agreement and its "
     f"terms are public. Moves are chosen in secret and revealed together. You may send {MAX_PROPOSALS_PER_SLOT} "
     f"offers a round and have {MAX_OPEN_PER_SEAT} open at once. With several people at one computer, a curtain "
     "hides each seat's screen until its player presses Enter."),
    ("bold", "The seats table",
     "Each seat has four stats from 0 to 100: MIL its military strength, ECON its economy, HOME its support at "
     "home and INTL its international standing. Moves and events change them; half the change in HOME and INTL "
     "counts in the final score. The two trust columns read 'trusts you', how far that seat trusts you, and "
     "'you trust', how far you trust it. Kept agreements raise trust; broken ones cost a lot of it. "
     "Point at a header or a "
     "number for more."),
    ("bold", "Keys",
     "Tab and Shift-Tab move between controls, Enter chooses, Esc goes back or opens the menu. On the table: 1-4 "
     "switch panels (at large text sizes the news is panel 5), E ends your round, M the map (arrows pick places), "
     "N the news (Enter, or a click on an item, shows where it comes from), Ctrl+S saves, F1 this help, "
     "F11 fullscreen. In a package, \u2191\u2193 pick an issue, Space "
     "puts it in or takes it out and \u2190\u2192 change its value. The arrows also walk from control to control; "
     "\u2190\u2192 that walked onto a value walk on past it, so a value changes only on a control you went to with "
     "Tab, a click or \u2191\u2193. Every control explains itself in the bar at the bottom."),
)


SCROLL_KEYS = (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END)


class HelpScene(Dialog):
    heading = "How to play"
    width = 760

    def __init__(self, app):
        super().__init__(app)
        self.scroll = ScrollState()

    def layout(self, area):
        app = self.app
        # Wider with larger text, so that a line still holds a readable number of words.
        wide = app.u(self.width) * max(1.0, app.settings.text_scale)
        self.box = pygame.Rect(0, 0, min(area.width - app.u(40), int(wide)), int(area.height * 0.84))
        self.box.center = area.center
        items = []
        for style, head, text in HOW_TO_PLAY:
            items += [(style, theme.ACCENT, head), ("body", theme.TEXT, text), ("gap", theme.TEXT, "")]
        body = pygame.Rect(self.box.left + app.u(18), self.box.top + app.u(58), self.box.width - app.u(36),
                           self.box.height - app.u(58) - self.row_h() - app.u(30))
        label = "Back to the table"
        close = Button("close", (self.box.left + app.u(24), self.box.bottom - self.row_h() - app.u(18),
                                 app.text.width(label, "bold") + app.u(32), self.row_h()), label, self.app.pop,
                       "Close the help.", style="primary")
        return [close, RichText("help", body, app, items, self.scroll, "How to play. \u2191\u2193 to scroll.")]

    def handle_event(self, event):
        # The help is there to be read: the arrow and page keys scroll it wherever the focus is.
        if event.type == pygame.KEYDOWN and event.key in SCROLL_KEYS:
            self.prepare()
            self.controls.find("help").key_down(event)
            return
        super().handle_event(event)

    def keys_hint(self):
        return "\u2191\u2193 scroll \u00b7 Enter or Esc close"
