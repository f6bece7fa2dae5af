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


def enter_class(app, session, resumed: bool) -> None:
    """Seated at a class: a new seat starts with its briefing; a seat come back to, at the table."""
    if resumed:
        enter_game(app, session, f"Back at your seat: {session.seat_name(session.seat)}, table {session.table}.")
        return
    from .briefing import BriefingScene
    app.session = session
    app.reset(BriefingScene(app, session))


def reseated(app, session) -> None:
    """The facilitator moved this player: to another seat (its briefing first), or back to the lobby."""
    if session.seated:
        enter_class(app, session, resumed=False)
        return
    from .lobby import LobbyScene
    app.session = None
    app.reset(LobbyScene(app, session))
    app.toast("The facilitator moved you back to the lobby: choose a seat.")
