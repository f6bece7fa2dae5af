"""The reports' charts: matplotlib figures saved as SVG text, to be put inline in a page.

Every line and point is told apart by its marker and dash as well as its colour, so a chart reads
in black and white and to colour-blind eyes. Only matplotlib's object API is used (no pyplot and
its global figure list), so a server can draw reports on a worker thread.
"""

from __future__ import annotations

import io
import re
from typing import Any

import matplotlib

matplotlib.use("svg")
from markupsafe import Markup, escape  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from game.present.looks import rgb_hex  # noqa: E402

# Text stays text (smaller, crisp in print, selectable); ids come from content, so the same report is
# the same file each time, and two charts on one page can only share an id for the same drawing.
STYLE: Any = {"svg.fonttype": "none", "svg.hashsalt": "summit-report", "font.size": 9, "axes.titlesize": 10,
         "axes.spines.top": False, "axes.spines.right": False, "axes.edgecolor": "#555555",
         "axes.labelcolor": "#222222", "xtick.color": "#333333", "ytick.color": "#333333",
         "font.family": ["DejaVu Sans", "sans-serif"]}
MARKERS = {"circle": "o", "square": "s", "triangle": "^", "diamond": "D", "pentagon": "p", "hexagon": "h",
           "cross": "P", "down": "v"}
# Dark enough to print: the Okabe-Ito colours without yellow, then greys.
INKS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#777777"]
DASHES = ["-", "--", ":", "-."]
LINE_MARKERS = ["o", "s", "^", "D", "v", "P", "h", "X"]
_SIZE = re.compile(r'<svg([^>]*?) width="[^"]*" height="[^"]*"')


def svg(fig: Figure, label: str) -> Markup:
    """The figure as an SVG element that scales with its container, described for screen readers."""
    out = io.StringIO()
    with matplotlib.rc_context(STYLE):
        # Margins are set per chart (subplots_adjust), not measured: measuring draws every text twice more.
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    text = out.getvalue()
    text = text[text.index("<svg"):]
    text = _SIZE.sub(r'<svg\1', text, count=1)
    safe = str(escape(label))
    # Safe to put in a page as it is: matplotlib escapes every text it writes, and the label is escaped above.
    return Markup(text.replace("<svg", f'<svg role="img" aria-label="{safe}"', 1))


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(STYLE):
        return Figure(figsize=(width, height))


def _axes(fig, rows, cols, k, share=None):
    with matplotlib.rc_context(STYLE):
        ax = fig.add_subplot(rows, cols, k, sharex=share, sharey=share)
    ax.grid(True, color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax


def concessions(seats: list, data: dict, looks: dict, final: dict, turns: int) -> str:
    """One small chart per seat: what each package it offered (filled) or accepted (hollow) was worth to
    it, against its walk-away value (dashed) and what it finally got (dotted)."""
    shown = [s for s in seats if data[s["id"]]["points"]]
    codes = {s: look["code"] for s, look in looks.items()}
    if not shown:
        return ""
    cols = 2 if len(shown) > 1 else 1
    rows = (len(shown) + cols - 1) // cols
    fig = _figure(7.2, 2.1 * rows + 0.3)
    first = None
    for k, seat in enumerate(shown):
        sid = seat["id"]
        ax = _axes(fig, rows, cols, k + 1, first)
        first = first or ax
        look = looks[sid]
        marker = MARKERS.get(look["shape"], "o")
        ink = _ink(look["colour"])
        offered = [p for p in data[sid]["points"] if p["kind"] == "offered"]
        threads: dict = {}
        for p in offered:
            threads.setdefault(tuple(p["with"]), []).append(p)
        for t, (partners, pts) in enumerate(threads.items()):
            ax.plot([p["x"] for p in pts], [p["worth"] for p in pts], linestyle=DASHES[t % len(DASHES)],
                    linewidth=0.9, color=ink, marker=marker, markersize=5, markerfacecolor=ink,
                    markeredgecolor="#000000", markeredgewidth=0.6,
                    label="offered to " + ", ".join(codes.get(s, s) for s in partners))
        accepted = [p for p in data[sid]["points"] if p["kind"] == "accepted"]
        if accepted:
            ax.plot([p["x"] for p in accepted], [p["worth"] for p in accepted], linestyle="", color=ink,
                    marker=marker, markersize=6, markerfacecolor="white", markeredgecolor="#000000",
                    markeredgewidth=0.9, label="accepted")
        ax.axhline(data[sid]["walk"], color="#000000", linestyle="--", linewidth=1.0, label="walk-away")
        ax.axhline(final[sid], color="#444444", linestyle=":", linewidth=1.2, label="final deal")
        ax.set_title(f"{seat['name']} [{look['code']}]", loc="left")
        ax.set_xlim(0.9, turns + 1)
        ax.set_xticks(range(1, turns + 1))
        ax.set_xticklabels([f"day {d}" for d in range(1, turns + 1)])
        ax.set_ylim(0, 1)
        ax.set_yticks([0, 0.25, 0.5, 0.75, 1])
        if k % cols == 0:
            ax.set_ylabel("worth to itself")
        ax.legend(fontsize=6.5, loc="lower left", frameon=True, ncol=2)
    fig.subplots_adjust(left=0.09, right=0.98, top=1 - 0.35 / fig.get_figheight(), bottom=0.5 / fig.get_figheight(),
                        hspace=0.45, wspace=0.18)
    return svg(fig, "What each seat's offers and acceptances were worth to itself over the days, against its "
                    "walk-away value and its final deal.")


def efficiency(days: list) -> str:
    """Distance to the Pareto frontier and to the Nash point, and the value left unclaimed, day by day."""
    fig = _figure(7.2, 2.6)
    ax = _axes(fig, 1, 1, 1)
    xs = [d["day"] for d in days]
    series = (("pareto_distance", "distance to the Pareto frontier"), ("nash_distance", "distance to the Nash point"),
              ("unclaimed_welfare", "value left on the table"))
    for k, (key, label) in enumerate(series):
        ys = [d[key] for d in days]
        if any(y is None for y in ys):
            continue
        ax.plot(xs, ys, color=INKS[k], linestyle=DASHES[k], marker=LINE_MARKERS[k], markersize=5,
                markeredgecolor="#000000", markeredgewidth=0.5, label=label)
    ax.set_xticks(xs)
    ax.set_xticklabels(["start" if x == 0 else f"end of day {x}" for x in xs], fontsize=8)
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8, loc="upper right")
    fig.subplots_adjust(left=0.08, right=0.95, top=0.95, bottom=0.14)
    return svg(fig, "How far the terms in force were from the Pareto frontier and from the Nash point, and the "
                    "value left on the table, at the start and at the end of each day.")


def trust(pairs: list, names: dict, codes: dict, limit: int = 8) -> str:
    """The trust of one seat in another at the end of each day, for the seats that dealt with each other."""
    if not pairs:
        return ""
    fig = _figure(7.2, 2.8)
    ax = _axes(fig, 1, 1, 1)
    for k, p in enumerate(pairs[:limit]):
        xs = [d for d, _ in p["values"]]
        ax.plot(xs, [v for _, v in p["values"]], color=INKS[k % len(INKS)], linestyle=DASHES[k % len(DASHES)],
                marker=LINE_MARKERS[k % len(LINE_MARKERS)], markersize=4, markeredgecolor="#000000",
                markeredgewidth=0.4, label=f"{codes[p['from']]} \u2192 {codes[p['to']]}")
        xs_all = xs
    ax.set_xticks(xs_all)
    ax.set_xticklabels(["start" if x == 0 else f"day {x}" for x in xs_all], fontsize=8)
    ax.set_ylim(0, 100)
    ax.set_ylabel("trust (0-100)")
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    fig.subplots_adjust(left=0.09, right=0.84, top=0.95, bottom=0.12)
    return svg(fig, "Trust between the seats that signed with each other, at the end of each day: "
               + "; ".join(f"{names[p['from']]} in {names[p['to']]}" for p in pairs[:limit]) + ".")


def class_scores(seats: list, tables: list, scores: dict) -> str:
    """Each seat's score at each table: one row per seat, one marker per table."""
    if not tables:
        return ""
    fig = _figure(7.2, 0.45 * len(seats) + 1.0)
    ax = _axes(fig, 1, 1, 1)
    offsets = [(k - (len(tables) - 1) / 2) * 0.6 / max(1, len(tables)) for k in range(len(tables))]
    for k, table in enumerate(tables):
        ys = [i + offsets[k] for i in range(len(seats))]
        xs = [scores[table][s["id"]] for s in seats]
        ax.plot(xs, ys, linestyle="", marker=LINE_MARKERS[k % len(LINE_MARKERS)], markersize=6,
                color=INKS[k % len(INKS)], markeredgecolor="#000000", markeredgewidth=0.5, label=f"table {table}")
    ax.set_yticks(range(len(seats)))
    ax.set_yticklabels([s["name"] for s in seats])
    ax.invert_yaxis()
    ax.axvline(0, color="#000000", linewidth=0.8)
    ax.set_xlabel("score")
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    fig.subplots_adjust(left=0.26, right=0.86, top=1 - 0.15 / fig.get_figheight(), bottom=0.55 / fig.get_figheight())
    return svg(fig, "Each seat's score at every table of the class.")


def class_closeness(tables: list) -> str:
    """Per table: how alike its result was to history (higher is better), and, in a panel of its own, how far it
    was from the Nash point (lower is better). Two directions in one chart read as one, so each gets its panel,
    its direction in its title, and its value written at the end of each bar."""
    if not tables:
        return ""
    rows = len(tables)
    # Inches: each panel's bars, the margins, and a gap below the upper panel for its note and the lower title.
    bars, top_margin, bottom_margin, gap = 0.28 * rows + 0.35, 0.3, 0.45, 0.85
    height = 2 * bars + top_margin + bottom_margin + gap
    fig = _figure(5.4, height)
    ys = list(range(rows))
    labels = [f"table {t['table']}" for t in tables]
    panels = (("closeness", "Alike to history: higher is better \u2192", "1 = what the real summit agreed",
               "#56B4E9", "//", lambda v: f"{v:.0%}"),
              ("nash_distance", "Distance to the Nash point: lower is better \u2190",
               "0 = on the Nash bargaining point", "#E69F00", "..", lambda v: f"{v:.3f}"))
    for k, (key, title, note, colour, hatch, shown) in enumerate(panels):
        ax = _axes(fig, 2, 1, k + 1)
        values = [t[key] for t in tables]
        ax.barh(ys, [v or 0 for v in values], 0.6, color=colour, edgecolor="#000000", linewidth=0.6, hatch=hatch)
        top = max([1.0] + [v for v in values if v is not None])
        for y, v in zip(ys, values):
            ax.text((v or 0) + top * 0.015, y, "no value" if v is None else shown(v), va="center", fontsize=9)
        ax.set_xlim(0, top * 1.18)
        ax.set_yticks(ys)
        ax.set_yticklabels(labels, fontsize=9)
        ax.invert_yaxis()
        ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
        ax.set_xlabel(note, fontsize=8.5)
    fig.subplots_adjust(left=0.17, right=0.97, top=1 - top_margin / height, bottom=bottom_margin / height,
                        hspace=gap / bars)
    return svg(fig, "For each table, in two separate charts: how alike its result was to the real summit (higher is "
                    "better), and its distance to the Nash bargaining point (lower is better).")


def _ink(colour: str) -> str:
    """A seat's colour, darkened if it is too light to see on white paper."""
    r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    if 0.299 * r + 0.587 * g + 0.114 * b > 170:
        r, g, b = (int(c * 0.7) for c in (r, g, b))
    return rgb_hex((r, g, b))
