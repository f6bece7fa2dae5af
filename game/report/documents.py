"""Report data laid out as pages: the charts drawn, the templates filled."""

from __future__ import annotations

from . import charts
from .render import page


def table_html(report: dict, data: dict | None = None, back: str = "") -> str:
    """A table's report as one self-contained page; `data` lists its data files, `back` links the class report."""
    looks = report["looks"]
    names = {s: look["name"] for s, look in looks.items()}
    codes = {s: look["code"] for s, look in looks.items()}
    drawn = {
        "concessions": charts.concessions(report["seats"], report["concessions"], looks, report["final_worth"],
                                              report["turns"]),
        "efficiency": charts.efficiency(report["efficiency"]["days"]),
        "trust": charts.trust(report["trust"]["pairs"], names, codes),
    }
    return page("table.html.j2", r=report, charts=drawn, data=data, back=back)


DATA_DIR = "data"
REPORT_NAME = "report.html"


def table_folder(report: dict, back: str = "") -> dict:
    """Everything a table's report folder holds: its page and its data files (relative path -> text)."""
    from . import data

    files = data.files(report)
    listed = {"files": [{"name": name, "href": f"{DATA_DIR}/{name}", "what": _what(name)} for name in files
                        if name != "columns.md"],
              "columns": f"{DATA_DIR}/columns.md"}
    out = {REPORT_NAME: table_html(report, listed, back)}
    out.update({f"{DATA_DIR}/{name}": text for name, text in files.items()})
    return out


def _what(name: str) -> str:
    from .data import COLUMNS, JSON_NAME
    return "everything, in one file" if name == JSON_NAME else COLUMNS[name][0][0].lower() + COLUMNS[name][0][1:]
