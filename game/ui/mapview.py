"""The map as a widget: flows over the cached picture, selection by arrows or pointer."""

from __future__ import annotations

import pygame

from game.present.words import amount, source_text

from . import shapes, theme
from .mapdraw import FLOW_SPAN, MapPicture
from .widgets import Widget, focus_ring

FLOW_COLOUR = (236, 226, 255)


class MapCache:
    """Keeps the last picture and rebuilds it only when something it shows has changed."""

    def __init__(self):
        self.key = None
        self.picture = None

    def get(self, app, public_map, looks, rect, regions, sites, labels=True):
        key = (tuple(rect), app.text.scale, tuple(sorted(regions.items())), tuple(sorted(sites.items())), labels)
        if key != self.key:
            self.key = key
            self.picture = MapPicture(app, public_map, looks, rect, regions, sites, labels)
        return self.picture


class MapSelection:
    def __init__(self):
        self.kind, self.id = "", ""


def site_kind(kind: str) -> str:
    return {"airbase": "air base", "post": "observation post", "base": "military position"}.get(kind, kind)


class MapWidget(Widget):
    def __init__(self, key, rect, app, cache, public, view, looks, selection, info_height):
        super().__init__(key, rect, "The map: \u2190\u2192 pick a site, \u2191\u2193 pick a region.")
        self.app, self.public, self.view, self.looks, self.sel = app, public, view, looks, selection
        self.map_rect = pygame.Rect(rect.left, rect.top, rect.width, rect.height - info_height)
        self.info_rect = pygame.Rect(rect.left, self.map_rect.bottom, rect.width, info_height)
        self.picture = cache.get(app, public["map"], looks, self.map_rect, view["regions"], view["sites"])
        self.site_ids = [s["id"] for s in public["map"]["sites"]]
        self.region_ids = [r["id"] for r in public["map"]["regions"]]
        self.sites = {s["id"]: s for s in public["map"]["sites"]}
        self.regions = {r["id"]: r for r in public["map"]["regions"]}
        self.tracks = {t["id"]: t for t in public["tracks"]}

    # -- describing -------------------------------------------------------------------

    def holder(self, seat) -> str:
        look = self.looks.get(seat)
        return f"held by {look.name} [{look.code}]" if look else "not held by any one seat"

    def describe(self, kind, ident) -> str:
        if kind == "site":
            s = self.sites[ident]
            text = f"{s['name']} \u2014 {site_kind(s['kind'])}, {self.holder(self.view['sites'].get(ident))}."
            return f"{text} {s['description']}".strip()
        if kind == "region":
            r = self.regions[ident]
            return f"{r['name']} \u2014 {self.holder(self.view['regions'].get(ident))}."
        if kind == "flow":
            f = next(f for f in self.public["map"]["flows"] if f["id"] == ident)
            t = self.tracks[f["track"]]
            return f"{f['name']}: {amount(self.view['tracks'][t['id']], t['unit'])} ({t['name'].lower()})."
        return ""

    def cited(self, kind, ident) -> str:
        """The description with the place's source, for the tooltip (the info box below the map has no room)."""
        text = self.describe(kind, ident)
        places = {"site": self.public["map"]["sites"], "region": self.public["map"]["regions"]}.get(kind, ())
        place = next((p for p in places if p["id"] == ident), None)
        if place is None:
            return text
        source = source_text(self.public, place["source"], self.public["calendar"]["start_date"],
                             place["reported_later"])
        return f"{text} Source: {source}."

    def legend(self, fits=lambda text: True) -> str:
        """The map's key: the front, and the flows that are running, as many as the space below the map takes."""
        front = ["dashed red line: the front"] if self.public["map"]["front"] else []
        flows = [f"{f['name']} ({amount(self.view['tracks'][f['track']], self.tracks[f['track']]['unit'])})"
                 for f in self.public["map"]["flows"]
                 if self.view["tracks"][f["track"]] > self.tracks[f["track"]]["min"]]
        for n in range(len(flows), 0, -1):
            more = "" if n == len(flows) else f", +{len(flows) - n} more"
            text = " \u00b7 ".join(front + ["\u00bb\u00bb " + "; ".join(flows[:n]) + more])
            if fits(text):
                return text
        return " \u00b7 ".join(front)

    # -- input ------------------------------------------------------------------------

    def _cycle(self, kind, ids, step):
        if not ids:
            return
        k = ids.index(self.sel.id) if self.sel.kind == kind and self.sel.id in ids else (-1 if step > 0 else 0)
        self.sel.kind, self.sel.id = kind, ids[(k + step) % len(ids)]

    def key_down(self, event):
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            self._cycle("site", self.site_ids, 1 if event.key == pygame.K_RIGHT else -1)
            return True
        if event.key in (pygame.K_UP, pygame.K_DOWN):
            self._cycle("region", self.region_ids, 1 if event.key == pygame.K_DOWN else -1)
            return True
        return False

    def _hit(self, pos):
        site = self.picture.site_at(pos, self.app.u(10))
        if site:
            return "site", site
        region = self.picture.region_at(pos)
        if region:
            return "region", region
        return "", ""

    def click(self, pos, button):
        if button == 1 and self.map_rect.collidepoint(pos):
            self.sel.kind, self.sel.id = self._hit(pos)
        return True

    def tip_at(self, pos):
        if self.map_rect.collidepoint(pos):
            kind, ident = self._hit(pos)
            if kind:
                return self.cited(kind, ident)
        return self.legend()

    def focus_tip(self):
        return self.cited(self.sel.kind, self.sel.id) if self.sel.kind else self.tooltip

    # -- drawing ------------------------------------------------------------------------

    def draw(self, surf, app, focused, hovered):
        pic = self.picture
        surf.blit(pic.surface, self.map_rect)
        ox, oy = self.map_rect.topleft
        for f in self.public["map"]["flows"]:
            t = self.tracks[f["track"]]
            span = max(1, t["max"] - t["min"])
            share = (self.view["tracks"][t["id"]] - t["min"]) / span
            a, b = pic.centres.get(f["from"]), pic.centres.get(f["to"])
            if a and b and share > 0:
                size = app.u(5 + 9 * share)
                # Stop short of the destination's centre, where its holder's tag sits.
                lo, hi = FLOW_SPAN
                start = (ox + a[0] + (b[0] - a[0]) * lo, oy + a[1] + (b[1] - a[1]) * lo)
                end = (ox + a[0] + (b[0] - a[0]) * hi, oy + a[1] + (b[1] - a[1]) * hi)
                shapes.flow(surf, start, end, size, FLOW_COLOUR)
        self._draw_selection(surf, app)
        pygame.draw.rect(surf, theme.LINE, self.map_rect, 1)
        self._draw_info(surf, app)
        if focused:
            focus_ring(surf, self.rect, app.u(4))

    def _draw_selection(self, surf, app):
        ox, oy = self.map_rect.topleft
        if self.sel.kind == "site":
            if self.sel.id in self.picture.points:
                x, y = self.picture.points[self.sel.id]
                pygame.draw.circle(surf, theme.ACCENT, (ox + x, oy + y), app.u(12), 2)
            elif self.sel.id in self.picture.paths:
                pts = [(ox + x, oy + y) for x, y in self.picture.paths[self.sel.id]]
                pygame.draw.lines(surf, theme.ACCENT, False, pts, app.u(3))
        elif self.sel.kind == "region" and self.sel.id in self.picture.polys:
            pts = [(ox + x, oy + y) for x, y in self.picture.polys[self.sel.id]]
            pygame.draw.polygon(surf, theme.ACCENT, pts, app.u(2))

    def _draw_info(self, surf, app):
        box = self.info_rect.inflate(-app.u(8), -app.u(6))
        lines = max(1, box.height // app.text.line_height("small"))
        text = self.describe(self.sel.kind, self.sel.id) if self.sel.kind else \
            self.legend(lambda t: len(app.text.wrap(t, "small", box.width)) <= lines)
        colour = theme.TEXT if self.sel.kind else theme.MUTED
        app.text.draw_wrapped(surf, text, box, "small", colour)
