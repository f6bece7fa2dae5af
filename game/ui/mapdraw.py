"""The crisis map as a picture: projection, the static layer, hit testing.

Regions are filled with their controller's colour and covered with that
seat's hatch pattern and code, so control reads without colour. The static
layer is cached and redrawn only when control or the size changes; flows,
which move with their tracks, are drawn on top each frame.
"""

from __future__ import annotations

import math

import pygame

from game.present.looks import contested_look

from . import shapes, theme

LABEL_ORDER = {"port": 0, "airbase": 0, "city": 1, "crossing": 2, "base": 3, "post": 3}


class Projection:
    """Longitude/latitude to pixels, keeping shapes true at the map's latitude."""

    def __init__(self, public_map, rect):
        xs, ys = [], []
        for r in public_map["regions"]:
            xs += [p[0] for p in r["polygon"]]
            ys += [p[1] for p in r["polygon"]]
        for s in public_map["sites"]:
            pts = s["path"] or [s["at"]]
            xs += [p[0] for p in pts]
            ys += [p[1] for p in pts]
        if not xs:
            lo_x, lo_y, hi_x, hi_y = public_map["bounds"]
        else:
            lo_x, hi_x, lo_y, hi_y = min(xs), max(xs), min(ys), max(ys)
        pad_x, pad_y = (hi_x - lo_x) * 0.06 + 1e-6, (hi_y - lo_y) * 0.06 + 1e-6
        self.lo_x, self.hi_x, self.lo_y, self.hi_y = lo_x - pad_x, hi_x + pad_x, lo_y - pad_y, hi_y + pad_y
        self.k = math.cos(math.radians((self.lo_y + self.hi_y) / 2))
        span_x, span_y = (self.hi_x - self.lo_x) * self.k, self.hi_y - self.lo_y
        self.scale = min(rect.width / span_x, rect.height / span_y)
        self.ox = rect.left + (rect.width - span_x * self.scale) / 2
        self.oy = rect.top + (rect.height - span_y * self.scale) / 2
        self.height = span_y * self.scale

    def __call__(self, point):
        lon, lat = point
        return (round(self.ox + (lon - self.lo_x) * self.k * self.scale),
                round(self.oy + self.height - (lat - self.lo_y) * self.scale))


def centroid(points):
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:
        return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    return (cx / (3 * area), cy / (3 * area))


def inside(point, polygon) -> bool:
    x, y = point
    result = False
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result


# A flow arrow runs from this share of the way between the two regions' centres to that one.
FLOW_SPAN = (0.05, 0.68)


class MapPicture:
    """Everything drawn for one map at one size; rebuild when control changes."""

    def __init__(self, app, public_map, looks, rect, regions, sites, labels=True):
        self.app, self.map, self.looks, self.rect = app, public_map, looks, pygame.Rect(rect)
        self.project = Projection(public_map, pygame.Rect(0, 0, rect.width, rect.height))
        self.polys = {r["id"]: [self.project(p) for p in r["polygon"]] for r in public_map["regions"]}
        self.centres = {k: tuple(map(round, centroid(v))) for k, v in self.polys.items()}
        self.points = {s["id"]: self.project(s["at"]) for s in public_map["sites"] if not s["path"]}
        self.paths = {s["id"]: [self.project(p) for p in s["path"]] for s in public_map["sites"] if s["path"]}
        self.surface = pygame.Surface(rect.size)
        self._paint(regions, sites, labels)

    def look(self, seat):
        return self.looks.get(seat) or contested_look()

    def _paint(self, regions, sites, labels):
        app, surf = self.app, self.surface
        surf.fill(theme.SEA)
        self._graticule(surf)
        for region in self.map["regions"]:
            self._region(surf, self.polys[region["id"]], self.look(regions.get(region["id"])))
        for path in self.paths.values():
            if len(path) > 1:
                pygame.draw.lines(surf, theme.BG, False, path, app.u(5))
                pygame.draw.lines(surf, (200, 190, 160), False, path, max(2, app.u(2)))
        front = [self.project(p) for p in self.map["front"]]
        if len(front) > 1:
            shapes.dashed(surf, front, theme.BG, app.u(6), app.u(9))
            shapes.dashed(surf, front, theme.FRONT, max(2, app.u(3)), app.u(9))
        # Icons and flow arrows first, so that the holders' tags and the names keep clear of them.
        r = max(4, app.u(6))
        placed = [pygame.Rect(p[0] - r - 2, p[1] - r - 2, 2 * r + 4, 2 * r + 4) for p in self.points.values()]
        placed += self._flow_boxes()
        if labels:
            for rid, c in self.centres.items():
                look = self.look(regions.get(rid))
                if look.id:
                    self._tag(surf, c, look, self.polys[rid], placed)
        for site in self.map["sites"]:
            if not site["path"]:
                colour = self.look(sites.get(site["id"])).colour
                shapes.site_icon(surf, site["kind"], self.points[site["id"]], r, colour)
        if labels:
            self._labels(surf, placed)

    def _flow_boxes(self) -> list:
        """Where the refugee-flow arrows will be drawn over the map, so that no label sits under one."""
        half = self.app.u(10)
        boxes = []
        for f in self.map.get("flows", []):
            a, b = self.centres.get(f["from"]), self.centres.get(f["to"])
            if a and b:
                for k in range(12):
                    t = FLOW_SPAN[0] + (FLOW_SPAN[1] - FLOW_SPAN[0]) * k / 11
                    x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
                    boxes.append(pygame.Rect(x - half, y - half, 2 * half, 2 * half))
        return boxes

    def _graticule(self, surf):
        colour = theme.mix(theme.SEA, theme.LINE, 0.5)
        for lon in range(math.floor(self.project.lo_x), math.ceil(self.project.hi_x) + 1):
            x = self.project((lon, self.project.lo_y))[0]
            pygame.draw.line(surf, colour, (x, 0), (x, surf.get_height()))
        for lat in range(math.floor(self.project.lo_y), math.ceil(self.project.hi_y) + 1):
            y = self.project((self.project.lo_x, lat))[1]
            pygame.draw.line(surf, colour, (0, y), (surf.get_width(), y))

    def _region(self, surf, poly, look):
        app = self.app
        fill = theme.mix(theme.LAND, look.colour, 0.32)
        pygame.draw.polygon(surf, fill, poly)
        xs, ys = [p[0] for p in poly], [p[1] for p in poly]
        box = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
        if look.pattern != "none" and box.width > 2 and box.height > 2:
            tile = shapes.hatch(box.size, look.pattern, (*theme.mix(theme.LAND, look.colour, 0.7), 150), app.u(9))
            mask = pygame.Surface(box.size, pygame.SRCALPHA)
            pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - box.left, y - box.top) for x, y in poly])
            tile.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
            surf.blit(tile, box.topleft)
        pygame.draw.polygon(surf, theme.mix(fill, theme.TEXT, 0.35), poly, 1)

    def _tag(self, surf, centre, look, poly, placed):
        """The holder's code in the region, if it fits there without covering another tag."""
        app = self.app
        label = app.text.render(look.code, "label", theme.TEXT)
        box = label.get_rect()
        box.width += app.u(22)
        box.height += app.u(4)
        fits = None
        for spot in _spots(centre, poly, app.u(6)):
            box.center = spot
            # A tag may reach over the border of a narrow region, but it must stand on the region.
            if sum(inside(p, poly) for p in (box.topleft, box.topright, box.bottomleft, box.bottomright)) >= 2 \
                    and inside(box.center, poly) and box.collidelist(placed) < 0:
                fits = box
                break
        if fits is None:
            return
        placed.append(box)
        pygame.draw.rect(surf, theme.BG, box, border_radius=app.u(4))
        pygame.draw.rect(surf, look.colour, box, 1, border_radius=app.u(4))
        shapes.marker(surf, look.shape, (box.left + app.u(9), box.centery), app.u(5), look.colour)
        surf.blit(label, (box.left + app.u(17), box.top + app.u(2)))

    def _labels(self, surf, placed):
        app = self.app
        gap = app.u(9)
        order = sorted(self.map["sites"], key=lambda s: LABEL_ORDER.get(s["kind"], 4))
        for site in order:
            if site["path"]:
                continue
            image = app.text.render(site["name"], "small", theme.TEXT)
            x, y = self.points[site["id"]]
            w, h = image.get_size()
            for dx, dy in ((gap, -h // 2), (-gap - w, -h // 2), (-w // 2, -gap - h), (-w // 2, gap),
                           (gap, -h), (gap, 0), (-gap - w, -h), (-gap - w, 0)):
                box = pygame.Rect(x + dx, y + dy, w, h)
                if surf.get_rect().contains(box) and box.collidelist(placed) < 0:
                    shadow = app.text.render(site["name"], "small", theme.BG)
                    for ox, oy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
                        surf.blit(shadow, box.move(ox, oy))
                    surf.blit(image, box)
                    placed.append(box.inflate(4, 2))
                    break

    # -- hit testing (in window coordinates) -----------------------------------------

    def site_at(self, pos, radius):
        x, y = pos[0] - self.rect.left, pos[1] - self.rect.top
        best, dist = None, radius * radius
        for sid, (px, py) in self.points.items():
            d = (px - x) ** 2 + (py - y) ** 2
            if d <= dist:
                best, dist = sid, d
        if best is None:
            for sid, path in self.paths.items():
                for (x0, y0), (x1, y1) in zip(path, path[1:]):
                    if _segment_distance2((x, y), (x0, y0), (x1, y1)) <= (radius * 0.6) ** 2:
                        return sid
        return best

    def region_at(self, pos):
        point = (pos[0] - self.rect.left, pos[1] - self.rect.top)
        for rid, poly in self.polys.items():
            if inside(point, poly):
                return rid
        return None


def _spots(centre, poly, step):
    """Places for a tag inside a region: its centre first, then ever further from it."""
    xs, ys = [p[0] for p in poly], [p[1] for p in poly]
    cx, cy = centre
    grid = [(x, y) for x in range(int(min(xs)), int(max(xs)) + 1, step)
            for y in range(int(min(ys)), int(max(ys)) + 1, step)]
    return [centre] + sorted(grid, key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2)


def _segment_distance2(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2
