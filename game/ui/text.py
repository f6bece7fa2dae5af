"""Fonts and text: rendered at the window's real size, cached, and logged per frame.

Text is re-rendered whenever the scale changes (window resize or the text
size setting) rather than scaling surfaces, so it stays crisp. Every string
drawn in a frame is recorded in `drawn` (and where, in `places`), and every
one that had to be cut short with an ellipsis in `cut`, which lets tests
check what a player could read on screen.
"""

from __future__ import annotations

import io
import os
import unicodedata
from importlib import resources

import pygame

from . import theme

# Package data, read through importlib.resources so an ordinary install finds it.
FONT_DIR = resources.files("game") / "assets" / "fonts"
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
CACHE_LIMIT = 3000
REPLACEMENT = "\ufffd"


def drawable(text: str) -> str:
    """Text a font can draw: scenario and save text is checked where it is read, but a file name, say, is
    not, and one NUL or half surrogate pair would stop the frame. Such characters show as �."""
    if text.isprintable():
        return text
    return "".join(REPLACEMENT if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)


class Text:
    def __init__(self, scale: float = 1.0):
        self.scale = scale
        self.drawn: list[str] = []
        self.places: list[tuple] = []  # (text, rectangle) for each string in `drawn`
        self.cut: list[str] = []
        self._fonts: dict[str, pygame.font.Font] = {}
        self._surfaces: dict[tuple, pygame.Surface] = {}
        self._wraps: dict[tuple, list[str]] = {}
        self._fits: dict[tuple, str] = {}

    def set_scale(self, scale: float) -> None:
        scale = round(scale, 3)
        if scale != self.scale:
            self.scale = scale
            self._fonts.clear()
            self._surfaces.clear()
            self._wraps.clear()
            self._fits.clear()

    def px(self, style: str) -> int:
        return max(9, round(theme.STYLES[style][0] * self.scale))

    def font(self, style: str) -> pygame.font.Font:
        font = self._fonts.get(style)
        if font is None:
            bold = theme.STYLES[style][1]
            path = FONT_DIR / FONT_FILES[bold]
            if path.is_file():
                source = os.fspath(path) if isinstance(path, os.PathLike) else io.BytesIO(path.read_bytes())
                font = pygame.font.Font(source, self.px(style))
            else:
                # Without the shipped font the game still runs, in pygame's own face.
                font = pygame.font.Font(None, round(self.px(style) * 1.3))
                font.set_bold(bold)
            self._fonts[style] = font
        return font

    def line_height(self, style: str) -> int:
        return self.font(style).get_linesize()

    def width(self, text: str, style: str) -> int:
        return self.font(style).size(drawable(text))[0]

    def render(self, text: str, style: str, colour) -> pygame.Surface:
        key = (text, style, colour)
        surf = self._surfaces.get(key)
        if surf is None:
            if len(self._surfaces) > CACHE_LIMIT:
                self._surfaces.clear()
            surf = self.font(style).render(drawable(text), True, colour)
            self._surfaces[key] = surf
        return surf

    def fit(self, text: str, style: str, width: int) -> str:
        """The text, cut with an ellipsis if it is wider than `width`."""
        key = (text, style, width)
        out = self._fits.get(key)
        if out is None:
            out = text
            if self.width(text, style) > width:
                lo, hi = 0, len(text)
                while lo < hi:
                    mid = (lo + hi + 1) // 2
                    if self.width(text[:mid].rstrip() + "\u2026", style) <= width:
                        lo = mid
                    else:
                        hi = mid - 1
                kept = text[:lo]
                # Cut between words where the cut keeps most of the line: "Needs Turke\u2026" reads as a misprint.
                space = kept.rfind(" ")
                if lo < len(text) and text[lo] != " " and space > lo // 2:
                    kept = kept[:space]
                out = kept.rstrip(" ,;:\u00b7-") + "\u2026"
            self._fits[key] = out
        return out

    def first_fit(self, variants, style: str, width: int) -> str:
        """The first of several wordings, longest first, that fits in `width` (else the last, cut)."""
        for text in variants:
            if self.width(text, style) <= width:
                return text
        return variants[-1]

    def fitting_style(self, text: str, styles, width: int) -> str:
        """The first of several styles, largest first, in which the text fits in `width` (else the last)."""
        for style in styles:
            if self.width(text, style) <= width:
                return style
        return styles[-1]

    def draw(self, surf, text: str, pos, style: str = "body", colour=theme.TEXT, anchor: str = "topleft",
             max_width: int | None = None) -> pygame.Rect:
        if max_width is not None:
            fitted = self.fit(text, style, max_width)
            if fitted != text:
                self.cut.append(text)
            text = fitted
        if not text:
            return pygame.Rect(pos, (0, 0))
        self.drawn.append(text)
        image = self.render(text, style, colour)
        rect = image.get_rect(**{anchor: pos})
        surf.blit(image, rect)
        self.places.append((text, rect))
        return rect

    def wrap(self, text: str, style: str, width: int) -> list:
        key = (text, style, width)
        lines = self._wraps.get(key)
        if lines is None:
            lines = []
            font = self.font(style)
            for paragraph in text.split("\n"):
                words = paragraph.split()
                if not words:
                    lines.append("")
                    continue
                line = words[0]
                for word in words[1:]:
                    trial = f"{line} {word}"
                    if font.size(drawable(trial))[0] <= width:
                        line = trial
                    else:
                        lines.append(line)
                        line = word
                lines.append(line)
            self._wraps[key] = lines
        return lines

    def draw_wrapped(self, surf, text: str, rect, style: str = "body", colour=theme.TEXT,
                     skip: int = 0) -> int:
        """Draw wrapped lines inside `rect` from line `skip`; return the y below the last line drawn."""
        y = rect.top
        step = self.line_height(style)
        for line in self.wrap(text, style, rect.width)[skip:]:
            if y + step > rect.bottom:
                break
            if line:
                self.draw(surf, line, (rect.left, y), style, colour)
            y += step
        return y

    def wrapped_height(self, text: str, style: str, width: int) -> int:
        return len(self.wrap(text, style, width)) * self.line_height(style)
