"""Seat markers, hatch patterns and site icons: the non-colour cues."""

from __future__ import annotations

import math

import pygame

from . import theme


def _polygon(cx, cy, r, sides, turn=-math.pi / 2):
    return [(cx + r * math.cos(turn + 2 * math.pi * k / sides), cy + r * math.sin(turn + 2 * math.pi * k / sides))
            for k in range(sides)]


def marker(surf, shape: str, centre, r: int, colour, outline=theme.BG) -> None:
    """A filled seat marker with a dark outline so it reads on any background."""
    cx, cy = centre
    r = max(3, r)
    if shape == "circle":
        pygame.draw.circle(surf, colour, centre, r)
        pygame.draw.circle(surf, outline, centre, r, 1)
        return
    if shape == "square":
        rect = pygame.Rect(0, 0, int(r * 1.7), int(r * 1.7))
        rect.center = centre
        pygame.draw.rect(surf, colour, rect)
        pygame.draw.rect(surf, outline, rect, 1)
        return
    if shape == "cross":
        w = max(2, r // 2)
        pygame.draw.rect(surf, colour, (cx - r, cy - w // 2 - 1, 2 * r, w + 2))
        pygame.draw.rect(surf, colour, (cx - w // 2 - 1, cy - r, w + 2, 2 * r))
        return
    points = {
        "triangle": lambda: _polygon(cx, cy + r * 0.15, r * 1.15, 3),
        "down": lambda: _polygon(cx, cy - r * 0.15, r * 1.15, 3, math.pi / 2),
        "diamond": lambda: _polygon(cx, cy, r * 1.1, 4),
        "pentagon": lambda: _polygon(cx, cy, r * 1.05, 5),
        "hexagon": lambda: _polygon(cx, cy, r * 1.05, 6),
    }[shape]()
    pygame.draw.polygon(surf, colour, points)
    pygame.draw.polygon(surf, outline, points, 1)


def hatch(size, pattern: str, colour, spacing: int) -> pygame.Surface:
    """A transparent tile-sized surface covered in a pattern, to blit over a region's fill."""
    w, h = size
    surf = pygame.Surface(size, pygame.SRCALPHA)
    s = max(4, spacing)
    if pattern in ("slash", "cross"):
        for x in range(-h, w + h, s):
            pygame.draw.line(surf, colour, (x, h), (x + h, 0), 1)
    if pattern in ("backslash", "cross"):
        for x in range(-h, w + h, s):
            pygame.draw.line(surf, colour, (x, 0), (x + h, h), 1)
    if pattern in ("horizontal", "grid"):
        for y in range(0, h, s):
            pygame.draw.line(surf, colour, (0, y), (w, y), 1)
    if pattern in ("vertical", "grid"):
        for x in range(0, w, s):
            pygame.draw.line(surf, colour, (x, 0), (x, h), 1)
    if pattern == "dots":
        for y in range(s // 2, h, s):
            for x in range(s // 2 + (y // s % 2) * s // 2, w, s):
                pygame.draw.circle(surf, colour, (x, y), 1)
    return surf


def site_icon(surf, kind: str, centre, r: int, colour) -> None:
    """Icons by site kind; the shape, not the colour, says what the place is."""
    cx, cy = centre
    dark = theme.BG
    if kind == "port":
        # an anchor: ring, shank and a curved crown
        pygame.draw.circle(surf, dark, centre, r + 2)
        pygame.draw.circle(surf, colour, (cx, cy - r + 2), max(2, r // 3), 1)
        pygame.draw.line(surf, colour, (cx, cy - r + 4), (cx, cy + r - 1), 2)
        pygame.draw.arc(surf, colour, (cx - r + 1, cy - r + 1, 2 * r - 2, 2 * r - 2), math.pi * 1.1, math.pi * 1.9, 2)
        pygame.draw.line(surf, colour, (cx - r // 2, cy - r // 3), (cx + r // 2, cy - r // 3), 1)
    elif kind == "airbase":
        pygame.draw.circle(surf, dark, centre, r + 2)
        pygame.draw.line(surf, colour, (cx, cy - r), (cx, cy + r), 2)
        pygame.draw.polygon(surf, colour, [(cx - r, cy + 1), (cx, cy - r // 3), (cx + r, cy + 1)])
        pygame.draw.line(surf, colour, (cx - r // 2, cy + r), (cx + r // 2, cy + r), 2)
    elif kind == "crossing":
        pygame.draw.rect(surf, dark, (cx - r - 2, cy - r - 2, 2 * r + 4, 2 * r + 4))
        pygame.draw.line(surf, colour, (cx - r, cy - r // 2), (cx + r, cy - r // 2), 2)
        pygame.draw.line(surf, colour, (cx - r, cy + r // 2), (cx + r, cy + r // 2), 2)
        pygame.draw.line(surf, colour, (cx, cy - r), (cx, cy + r), 2)
    elif kind == "base":
        rect = pygame.Rect(cx - r, cy - r, 2 * r, 2 * r)
        pygame.draw.rect(surf, dark, rect.inflate(4, 4))
        pygame.draw.rect(surf, colour, rect, 2)
        pygame.draw.line(surf, colour, rect.topleft, rect.bottomright, 1)
        pygame.draw.line(surf, colour, rect.topright, rect.bottomleft, 1)
    elif kind == "post":
        pts = _polygon(cx, cy, r + 1, 4)
        pygame.draw.polygon(surf, dark, _polygon(cx, cy, r + 3, 4))
        pygame.draw.polygon(surf, colour, pts, 2)
        pygame.draw.circle(surf, colour, centre, max(1, r // 3))
    else:  # city and anything else
        pygame.draw.circle(surf, dark, centre, r + 2)
        pygame.draw.circle(surf, colour, centre, r)
        pygame.draw.circle(surf, dark, centre, max(1, r // 2))


def dashed(surf, points, colour, width: int, dash: int = 8) -> None:
    """A dashed polyline (the front line)."""
    on = True
    left: float = dash
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        length = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < length:
            step = min(left, length - pos)
            a = (x0 + (x1 - x0) * pos / length, y0 + (y1 - y0) * pos / length)
            b = (x0 + (x1 - x0) * (pos + step) / length, y0 + (y1 - y0) * (pos + step) / length)
            if on:
                pygame.draw.line(surf, colour, a, b, width)
            pos += step
            left -= step
            if left <= 0:
                on = not on
                left = dash


def flow(surf, start, end, size: int, colour) -> None:
    """A stream of chevrons from start to end: movement, and never mistaken for the pointer."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    if length < 1:
        return
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    px, py = -uy, ux
    step = size * 1.6
    width = max(2, size // 3)
    d: float = size
    while d <= length:
        cx, cy = x0 + ux * d, y0 + uy * d
        tip = (cx, cy)
        left = (cx - ux * size + px * size * 0.8, cy - uy * size + py * size * 0.8)
        right = (cx - ux * size - px * size * 0.8, cy - uy * size - py * size * 0.8)
        pygame.draw.lines(surf, theme.BG, False, [left, tip, right], width + 2)
        pygame.draw.lines(surf, colour, False, [left, tip, right], width)
        d += step
