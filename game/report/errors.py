"""The one error a report command shows its user."""


class ReportError(Exception):
    """A report that cannot be made, with why, in words for the person who asked for it."""
