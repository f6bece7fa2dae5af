"""Reports on the class server: a table's debrief and the class report, drawn on demand.

`GET /report/class?ticket=T` is the class report, for the facilitator. `GET /report/table/T1?ticket=T`
is table T1's report: with the facilitator's ticket at any time (an unfinished table shows its story
so far, notes between seats included); with the members' ticket, which only the table's members get
(over the connection their seat pass opened), once its summit is over and no other table of the
class is still playing the same scenario, since a report reveals every seat's secrets. Tickets are
derived from the facilitator's key (identity.report_ticket), so neither the key nor a seat pass
ever appears in an address.

The table's state is copied on the event loop; drawing the report happens on one worker thread, so
no table waits for it, and at most one report is drawn at a time on a laptop shared with the class.
Pages are kept per table version, and many students opening the same report share one drawing.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from html import escape
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .identity import report_ticket, same
from .table import Table

if TYPE_CHECKING:   # the classroom holds its Reports: only the type is needed here
    from .classroom import Classroom

log = logging.getLogger("summit.server")
KEEP = 32                 # pages kept
REPORT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
              "form-action 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": REPORT_CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


def class_link(key: str) -> str:
    """The class report's address on this server (the path: the page that shows it knows the host)."""
    return f"/report/class?ticket={report_ticket(key, 'class')}"


def table_link(key: str, table_id: str, members: bool) -> str:
    scope = f"{'members' if members else 'teacher'}/{table_id}"
    return f"/report/table/{table_id}?ticket={report_ticket(key, scope)}"


class Reports:
    def __init__(self, classroom: Classroom) -> None:
        self.room = classroom
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report")
        self.pages: OrderedDict[tuple[Any, ...], str] = OrderedDict()
        self.drawing: dict[tuple[Any, ...], Any] = {}

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)

    # -- links --------------------------------------------------------------------------------

    def class_link(self) -> str:
        return class_link(self.room.record.key)

    def table_link(self, table_id: str, members: bool) -> str:
        return table_link(self.room.record.key, table_id, members)

    def why_not(self, table: Table) -> str:
        """Why the table's members may not read its report yet ('' when they may)."""
        if self.room.record.ended or table.ended:
            return ""
        if not table.state.is_over():
            return "The report opens when the summit at your table is over."
        busy = [r.table.id for r in self.room.rooms.values() if r.table is not table
                and r.table.scenario.content_hash == table.scenario.content_hash and not r.table.state.is_over()]
        if busy:
            return (f"The report shows every seat's secrets, and {_tables(busy)} still playing this scenario: it "
                    "opens when every table has finished, or when the facilitator ends the class. Reload this "
                    "page then.")
        return ""

    # -- drawing ------------------------------------------------------------------------------

    async def _draw(self, key: tuple[Any, ...], make: Callable[..., str], *args: Any) -> str:
        if key in self.pages:
            self.pages.move_to_end(key)
            page: str = self.pages[key]
            return page
        if key not in self.drawing:
            loop = asyncio.get_running_loop()
            self.drawing[key] = loop.run_in_executor(self.executor, make, *args)
        future = self.drawing[key]
        try:
            html: str = await asyncio.shield(future)
        finally:
            if future.done():
                self.drawing.pop(key, None)
        self.pages[key] = html
        while len(self.pages) > KEEP:
            self.pages.popitem(last=False)
        return html

    def snapshot(self, table: Table) -> Any:
        """The table as it stands, copied here on the event loop so the worker never reads a changing game."""
        from game.report.inputs import TableGame
        match = table.match
        return TableGame(table.scenario, match.seed, match.state.clone(), list(match.journal),
                         table.controllers(), f"{table.scenario.title}, table {table.id}", table=table.id,
                         people=self.room.holders(table.id, bots=False), bots=self.room.holders(table.id, bots=True),
                         notes=[dict(n) for n in table.notes], class_ended=self.room.record.ended or table.ended,
                         started=table.started)

    async def table_page(self, table: Table, members: bool) -> str:
        from game.report.table import Audience
        audience = Audience.MEMBERS if members else Audience.TEACHER
        back = "" if members else self.class_link()
        return await self._draw(("table", table.id, table.version, str(audience)), _table_html,
                                self.snapshot(table), audience, back)

    async def class_page(self) -> str:
        tables = [r.table for r in self.room.rooms.values()]
        key = ("class", self.room.record.ended) + tuple((t.id, t.version) for t in tables)
        games = [self.snapshot(t) for t in tables]
        links = {t.id: self.table_link(t.id, members=False) for t in tables}
        return await self._draw(key, _class_html, self.room.record.code, self.room.record.ended, games, links)


def _table_html(game: Any, audience: Any, back: str) -> str:
    from game.report.documents import table_html
    from game.report.table import build
    return table_html(build(game, audience), back=back)


def _class_html(code: str, ended: bool, games: Any, links: Any) -> str:
    from game.report.classes import build_class, class_html
    from game.report.inputs import ClassGames
    from game.report.table import Audience, build
    classes = ClassGames(code, ended, games, [])
    reports = {g.table: build(g, Audience.TEACHER) for g in games}
    return class_html(build_class(classes, reports, links.get), files=False)


def _tables(ids: list[Any]) -> str:
    return f"table {ids[0]} is" if len(ids) == 1 else "tables " + ", ".join(ids[:-1]) + f" and {ids[-1]} are"


# -- the routes ----------------------------------------------------------------------------------

def _page(html: str, status: int = 200) -> web.Response:
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8", headers=HEADERS)


def _message(title: str, text: str, status: int) -> web.Response:
    body = (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><meta name='viewport' "
            f"content='width=device-width, initial-scale=1'><title>{escape(title)}</title><style>body{{font-family:"
            f"sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}}</style></head><body>"
            f"<h1>{escape(title)}</h1><p>{escape(text)}</p></body></html>")
    return _page(body, status)


def _checked(request: web.Request, expected: list[Any]) -> str | None:
    """Which of the expected tickets the request carries (None: none of them, and the try is counted)."""
    room = request.app["classroom"]
    who = request.remote or "unknown"
    if room.throttle.wait(who) > 0:
        raise web.HTTPTooManyRequests(text="too many wrong tries from this device; wait a minute")
    given = request.query.get("ticket", "")[:64]
    for name, ticket in expected:
        if same(given, ticket):
            found: str = name
            return found
    room.throttle.failed(who)
    return None


async def class_report(request: web.Request) -> web.Response:
    room = request.app["classroom"]
    reports: Reports = request.app["reports"]
    if _checked(request, [("class", report_ticket(room.record.key, "class"))]) is None:
        return _message("Not this link", "This report needs the link from the facilitator's console.", 403)
    try:
        return _page(await reports.class_page())
    except Exception:
        log.exception("the class report could not be drawn")
        return _message("The report could not be drawn", "Something went wrong drawing the class report; the "
                        "class itself is safe. Try again, or run the report command on the class's folder.", 500)


async def table_report(request: web.Request) -> web.Response:
    room = request.app["classroom"]
    reports: Reports = request.app["reports"]
    table_id = request.match_info["table"]
    found = room.rooms.get(table_id)
    key = room.record.key
    if found is None:
        # The same answer as a wrong ticket, so addresses cannot be used to find which tables exist.
        _checked(request, [])
        return _message("Not this link", "This report needs the link from your end screen or the console.", 403)
    table = found.table
    who = _checked(request, [("teacher", report_ticket(key, f"teacher/{table_id}")),
                             ("members", report_ticket(key, f"members/{table_id}"))])
    if who is None:
        return _message("Not this link", "This report needs the link from your end screen or the console.", 403)
    if who == "members":
        why = reports.why_not(table)
        if why:
            return _message("Not yet", why, 409)
    try:
        return _page(await reports.table_page(table, members=who == "members"))
    except Exception:   # a bug in drawing one report must not look like the server failing
        log.exception("table %s: the report could not be drawn", table_id)
        return _message("The report could not be drawn", "Something went wrong drawing this report; the game "
                        "itself is safe. Try again, or export the table and run the report command.", 500)


def install(app: web.Application) -> None:
    reports = Reports(app["classroom"])
    app["reports"] = reports
    app.router.add_get("/report/class", class_report)
    app.router.add_get("/report/table/{table}", table_report)

    async def close(app: web.Application) -> None:
        reports.close()
    app.on_cleanup.append(close)
