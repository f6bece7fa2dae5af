"""The class server's web application: the protocol's endpoint and the pages it serves.

Pages are static files shipped in game/web; everything they show comes over the protocol.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from importlib import resources
from importlib.resources.abc import Traversable

from aiohttp import web

from . import reports
from .classroom import Classroom
from .connection import websocket

log = logging.getLogger("summit.server")
WEB = resources.files("game") / "web"
PAGES = {"/": "student.html", "/facilitator": "facilitator.html", "/projector": "projector.html"}
SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*\.[a-z0-9]+")
STATIC_TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
                ".woff2": "font/woff2", ".png": "image/png", ".ico": "image/x-icon"}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
                               "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def _file(folder: Traversable, name: str) -> web.Response:
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if not SAFE_NAME.fullmatch(name) or suffix not in STATIC_TYPES:
        raise web.HTTPNotFound(text="no such page")
    path = folder / name
    if not path.is_file():
        raise web.HTTPNotFound(text="no such page")
    return web.Response(body=path.read_bytes(), content_type=STATIC_TYPES[suffix], headers=SECURITY_HEADERS)


async def page(request: web.Request) -> web.Response:
    return _file(WEB, PAGES[request.path])


async def static(request: web.Request) -> web.Response:
    return _file(WEB / "static", request.match_info["name"])


async def qr(request: web.Request) -> web.Response:
    """The address students open, as a QR code for the projector."""
    import segno
    url = request.app["classroom"].student_url or f"http://{request.host}/"
    picture = io.BytesIO()
    segno.make(url, error="m").save(picture, kind="svg", scale=8, border=2, dark="#000", light="#fff", xmldecl=False)
    return web.Response(body=picture.getvalue(), content_type="image/svg+xml", headers=SECURITY_HEADERS)


async def health(request: web.Request) -> web.Response:
    room: Classroom = request.app["classroom"]
    return web.json_response({"ok": True, "tables": len(room.rooms), "clients": len(room.clients)})


async def _close_clients(app: web.Application) -> None:
    room: Classroom = app["classroom"]
    closing = [c.ws.close(code=1001, message=b"the class server is stopping") for c in list(room.clients)]
    if closing:
        await asyncio.gather(*closing, return_exceptions=True)


def make_app(classroom: Classroom) -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    app["classroom"] = classroom
    for path in PAGES:
        app.router.add_get(path, page)
    app.router.add_get("/static/{name}", static)
    app.router.add_get("/ws", websocket)
    app.router.add_get("/health", health)
    app.router.add_get("/qr.svg", qr)
    reports.install(app)
    app.on_shutdown.append(_close_clients)
    return app
