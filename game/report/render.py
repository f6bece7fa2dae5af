"""Pages from report data: Jinja templates with autoescaping on, so every name and reason is text."""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

from markupsafe import Markup

POINTS: dict[str, list[tuple[float, float]]] = {
    "triangle": [(0, -1), (0.9, 0.75), (-0.9, 0.75)],
    "diamond": [(0, -1), (1, 0), (0, 1), (-1, 0)],
    "pentagon": [(math.sin(k * 2 * math.pi / 5), -math.cos(k * 2 * math.pi / 5)) for k in range(5)],
    "hexagon": [(math.sin(k * math.pi / 3), -math.cos(k * math.pi / 3)) for k in range(6)],
    "down": [(-0.9, -0.75), (0.9, -0.75), (0, 1)],
}


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, FunctionLoader, StrictUndefined

    folder = resources.files("game.report") / "templates"

    def load(name):
        path = folder / name
        return path.read_text(encoding="utf-8") if path.is_file() else None

    env = Environment(loader=FunctionLoader(load), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["marker"] = marker
    env.filters["signed"] = lambda n: f"+{n}" if n > 0 else ("\u2212" + str(-n) if n < 0 else "0")
    env.filters["pct"] = lambda x: f"{round(100 * x)}%"
    env.filters["num"] = lambda x, places=2: "\u2014" if x is None else f"{x:.{places}f}"
    return env


def page(template: str, **context) -> str:
    return environment().get_template(template).render(**context)


def marker(look: dict, size: int = 12) -> Markup:
    """A seat's shape filled with its colour, as the game draws it: colour is never the only cue."""
    r = size / 2 - 1
    c = size / 2
    shape = look.get("shape", "circle")
    colour = _colour(look.get("colour", "#888888"))
    if shape == "circle":
        body = f'<circle cx="{c}" cy="{c}" r="{r:.2f}"/>'
    elif shape == "square":
        body = f'<rect x="{c - r * .85:.2f}" y="{c - r * .85:.2f}" width="{r * 1.7:.2f}" height="{r * 1.7:.2f}"/>'
    elif shape == "cross":
        w = r * 0.45
        body = (f'<path d="M{c - w:.2f} {c - r:.2f}h{2 * w:.2f}v{r - w:.2f}h{r - w:.2f}v{2 * w:.2f}h{w - r:.2f}'
                f'v{r - w:.2f}h{-2 * w:.2f}v{w - r:.2f}h{w - r:.2f}v{-2 * w:.2f}h{r - w:.2f}z"/>')
    else:
        pts = " ".join(f"{c + x * r:.2f},{c + y * r:.2f}" for x, y in POINTS.get(shape, POINTS["diamond"]))
        body = f'<polygon points="{pts}"/>'
    return Markup(f'<svg class="mark" width="{size}" height="{size}" viewBox="0 0 {size} {size}" aria-hidden="true">'
                  f'<g fill="{colour}" stroke="#000" stroke-width="1">{body}</g></svg>')


def _colour(text: str) -> str:
    """Only a #rrggbb colour goes into the page as is."""
    text = str(text)
    ok = len(text) == 7 and text[0] == "#" and all(ch in "0123456789abcdefABCDEF" for ch in text[1:])
    return text if ok else "#888888"
