"""The error an illegal action raises; the state is left exactly as it was."""


class IllegalAction(ValueError):
    """An action the rules do not allow now, with a message a player can act on."""


def quoted(text: str, limit: int = 40) -> str:
    """Untrusted text inside a message: quoted, control characters escaped, cut to `limit` characters."""
    cut = text if len(text) <= limit else text[:limit] + "..."
    return repr(cut) if not cut.isprintable() else f"'{cut}'"
