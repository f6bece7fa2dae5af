"""How each seat is told apart on every screen: a colour-blind-safe colour, a shape and a short code.

Colour is never the only cue: every seat also has a shape and a three-letter code.
"""

from __future__ import annotations

OKABE_ITO = [
    (230, 159, 0), (86, 180, 233), (0, 158, 115), (240, 228, 66),
    (0, 114, 178), (213, 94, 0), (204, 121, 167), (187, 187, 187),
]
SHAPES = ("circle", "square", "triangle", "diamond", "pentagon", "hexagon", "cross", "down")
PATTERNS = ("slash", "horizontal", "dots", "backslash", "vertical", "grid", "cross", "none")
CONTESTED = (120, 120, 120)


def hex_rgb(text: str) -> tuple:
    text = text.lstrip("#")
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


def rgb_hex(colour: tuple) -> str:
    return "#%02x%02x%02x" % tuple(colour)


def _hue_distance(a, b) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b))


class SeatLook:
    """Colour, shape, pattern and label of one seat."""

    def __init__(self, seat_id, name, colour, shape, pattern, code):
        self.id, self.name, self.colour = seat_id, name, colour
        self.shape, self.pattern, self.code = shape, pattern, code

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "colour": rgb_hex(self.colour), "shape": self.shape,
                "code": self.code}


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
