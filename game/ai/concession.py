"""Time-dependent concession: how much a seat still demands as the summit nears.

target(t) = floor + (ceiling - floor) * (1 - t ** (1 / e)). With e < 1 the
curve stays high and drops late (Boulware, a hard-liner); with e > 1 it
drops early (Conceder, a side in a hurry). Patience in the scenario sets e.
"""

from __future__ import annotations


def exponent(patience: float, level_factor: float = 1.0) -> float:
    return max(0.05, (0.2 + (1.0 - patience) * 2.3) * level_factor)


def progress(obs) -> float:
    rounds = obs["talk_rounds"]
    total = obs["turns"] * rounds - 1
    if total <= 0:
        return 1.0
    done = (obs["turn"] - 1) * rounds + (min(obs["round"], rounds) - 1)
    return min(1.0, max(0.0, done / total))


def share(t: float, e: float) -> float:
    """The share of the way from floor to ceiling still demanded at time t."""
    return 1.0 - t ** (1.0 / e)


def target(floor: float, ceiling: float, t: float, e: float) -> float:
    if ceiling <= floor:
        return floor
    return floor + (ceiling - floor) * share(t, e)
