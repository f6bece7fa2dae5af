"""Debriefs, class reports and printable briefings: HTML pages with their charts inline, and the data.

Everything a report says about offers, moves, deals, reasons and seats is worded in game.present;
this package gathers what happened (story.py), works out what to show (table.py, classes.py,
briefings.py), draws the charts (charts.py), lays the pages out (render.py, templates/) and writes
them whole or not at all (output.py).
"""

from .errors import ReportError

__all__ = ["ReportError"]
