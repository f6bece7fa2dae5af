"""Colours, seat identities and text styles: the look in one place.

Seat colours come from the Okabe-Ito palette, which stays distinguishable
for the common kinds of colour blindness; every seat also gets a shape, a
hatch pattern and a short label, so colour is never the only cue.
"""

from __future__ import annotations

BG = (13, 18, 24)
PANEL = (21, 28, 37)
PANEL_HI = (29, 38, 50)
RAISED = (36, 47, 61)
LINE = (48, 61, 77)
TEXT = (228, 234, 240)
MUTED = (150, 163, 177)
FAINT = (96, 110, 126)
ACCENT = (242, 180, 80)        # amber: focus, the current day, calls to action
ACCENT_DIM = (120, 92, 48)
GOOD = (86, 180, 233)          # sky blue, never green-vs-red
BAD = (230, 159, 0)            # orange
DANGER = (213, 94, 0)          # vermilion, with a text label wherever used
SEA = (16, 30, 44)
LAND = (34, 40, 44)
FRONT = (240, 90, 60)
CURTAIN = (8, 11, 15)

OKABE_ITO = [
    (230, 159, 0), (86, 180, 233), (0, 158, 115), (240, 228, 66),
    (0, 114, 178), (213, 94, 0), (204, 121, 167), (187, 187, 187),
]
SHAPES = ("circle", "square", "triangle", "diamond", "pentagon", "hexagon", "cross", "down")
PATTERNS = ("slash", "horizontal", "dots", "backslash", "vertical", "grid", "cross", "none")
CONTESTED = (120, 120, 120)

# Base pixel sizes at 1280x720 and text size "Normal"; see Fonts.
STYLES = {
    "small": (13, False),
    "body": (15, False),
    "bold": (15, True),
    "label": (13, True),
    "h2": (18, True),
    "h1": (24, True),
    "title": (46, True),
}

TEXT_SIZES = (("Small", 0.85), ("Normal", 1.0), ("Large", 1.2), ("Largest", 1.4))


def hex_rgb(text: str) -> tuple:
    text = text.lstrip("#")
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t: float) -> tuple:
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def _hue_distance(a, b) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b))


class SeatLook:
    """Colour, shape, pattern and label of one seat."""

    def __init__(self, seat_id, name, colour, shape, pattern, code):
        self.id, self.name, self.colour = seat_id, name, colour
        self.shape, self.pattern, self.code = shape, pattern, code


def seat_looks(seats) -> dict:
    """Give each seat (public_info seat dicts) the safe colour nearest its own, a shape and a code."""
    free = list(OKABE_ITO)
    looks = {}
    codes = set()
    for k, seat in enumerate(seats):
        wanted = hex_rgb(seat["colour"])
        colour = min(free, key=lambda c: _hue_distance(c, wanted)) if free else OKABE_ITO[k % 8]
        if colour in free:
            free.remove(colour)
        code = seat["id"].split("_")[0][:3].upper()
        n = 2
        while code in codes:
            code = f"{code[:2]}{n}"
            n += 1
        codes.add(code)
        looks[seat["id"]] = SeatLook(seat["id"], seat["name"], colour, SHAPES[k % len(SHAPES)],
                                     PATTERNS[k % len(PATTERNS)], code)
    return looks


def contested_look() -> SeatLook:
    """Land no single seat holds: contested, or outside every seat's hands."""
    return SeatLook("", "no single holder", CONTESTED, "cross", "cross", "\u2014")
