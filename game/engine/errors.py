"""The error an illegal action raises; the state is left exactly as it was."""


class IllegalAction(ValueError):
    """An action the rules do not allow now, with a message a player can act on."""
