"""Entering a game: from the briefing, from an autosave, from a named save."""

from __future__ import annotations


def enter_table(app, session) -> None:
    from .table import TableScene
    app.session = session
    app.reset(TableScene(app, session))


def enter_game(app, session, note: str = "") -> None:
    """A resumed hot-seat game starts with nobody's screen shown, so it opens on a curtain."""
    session.viewer = session.humans[0] if len(session.humans) == 1 else None
    enter_table(app, session)
    if note:
        app.toast(note)


def reseated(app, session) -> None:
    """The people here were moved to other seats: their briefing first."""
    from .briefing import BriefingScene
    app.session = session
    app.reset(BriefingScene(app, session))
