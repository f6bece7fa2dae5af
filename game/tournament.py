"""The AI levels against each other and against two baselines.

One seat at a time plays at the level under test while every other seat
plays `normal`; the same seeds are used for every level, so differences
between levels are paired game by game.
"""

from __future__ import annotations

import math
import statistics

from game.sim import game_seed, play_one

KINDS = ("hard", "normal", "easy", "pushover", "stonewall")
T95 = 1.96


def bargaining_seats(scenario):
    return [s for s in scenario.seat_ids if any(s in i.signatories for i in scenario.issues)]


def play(scenario, games: int, seed: int = 0, kinds=KINDS, seats=None) -> dict:
    """scores[kind][seat] = list of that seat's scores, game by game."""
    seats = seats or bargaining_seats(scenario)
    scores = {k: {s: [] for s in seats} for k in kinds}
    for seat in seats:
        for kind in kinds:
            controllers = {s: "normal" for s in scenario.seat_ids}
            controllers[seat] = kind
            for i in range(games):
                record = play_one(scenario, game_seed(seed, i), controllers)
                scores[kind][seat].append(record["scores"][seat])
    return scores


def interval(values) -> tuple:
    mean = statistics.fmean(values)
    if len(values) < 2:
        return mean, mean, mean
    half = T95 * statistics.stdev(values) / math.sqrt(len(values))
    return mean, mean - half, mean + half


def compare(scores, better: str, worse: str) -> tuple:
    """Mean paired difference better - worse over every seat and game, with a 95% interval."""
    diffs = [b - w for seat in scores[better]
             for b, w in zip(scores[better][seat], scores[worse][seat])]
    return interval(diffs)


ORDER = (("hard", "normal"), ("normal", "easy"), ("easy", "pushover"), ("easy", "stonewall"),
         ("normal", "pushover"), ("normal", "stonewall"), ("hard", "pushover"), ("hard", "stonewall"))
