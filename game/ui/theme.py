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


def mix(a, b, t: float) -> tuple:
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))
