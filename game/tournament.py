"""The AI levels against each other and against two baselines, seat by seat.

One seat at a time plays at the level under test while every other seat plays `normal`;
the same seeds are used for every level, so differences between levels are paired game
by game, in each seat and pooled over seats.
"""

from __future__ import annotations

import math
import statistics

from game import batch
from game.engine.kinds import Controller
from game.sim import game_seed, play_one

KINDS = (Controller.HARD, Controller.NORMAL, Controller.EASY, Controller.PUSHOVER, Controller.STONEWALL)
T95 = 1.96
CHUNK = 20
ORDER = ((Controller.HARD, Controller.NORMAL), (Controller.NORMAL, Controller.EASY),
         (Controller.EASY, Controller.PUSHOVER), (Controller.EASY, Controller.STONEWALL))


def bargaining_seats(scenario):
    return [s for s in scenario.seat_ids if any(s in i.signatories for i in scenario.issues)]


def _play(job):
    scenario, seat, kind, seeds = job
    controllers = {s: Controller.NORMAL for s in scenario.seat_ids}
    controllers[seat] = kind
    out = []
    for s in seeds:
        record = play_one(scenario, s, controllers, paced=False)
        signed = any(seat in a for a in record["signers"])
        out.append((record["scores"][seat], signed))
    return out


def play(scenario, games: int, seed: int = 0, kinds=KINDS, seats=None, workers: int = 1, ray=None) -> dict:
    """results[kind][seat] = [(score, signed anything), ...] game by game."""
    seats = seats or bargaining_seats(scenario)
    seeds = [game_seed(seed, i) for i in range(games)]
    keys, jobs = [], []
    for seat in seats:
        for kind in kinds:
            for i in range(0, games, CHUNK):
                keys.append((kind, seat))
                jobs.append((scenario, seat, kind, seeds[i:i + CHUNK]))
    results: dict[str, dict[str, list]] = {k: {s: [] for s in seats} for k in kinds}
    for (kind, seat), part in zip(keys, batch.run(_play, jobs, workers, ray)):
        results[kind][seat].extend(part)
    return results


def scores_of(results) -> dict:
    return {k: {s: [score for score, _ in games] for s, games in by_seat.items()} for k, by_seat in results.items()}


def agreement_rate(games) -> float:
    return sum(1 for _, signed in games if signed) / len(games)


def interval(values) -> tuple:
    mean = statistics.fmean(values)
    if len(values) < 2:
        return mean, mean, mean
    half = T95 * statistics.stdev(values) / math.sqrt(len(values))
    return mean, mean - half, mean + half


def compare(scores, better: str, worse: str, seat=None) -> tuple:
    """Mean paired difference better - worse, in one seat or over every seat, with a 95% interval."""
    seats = [seat] if seat else list(scores[better])
    diffs = [b - w for s in seats for b, w in zip(scores[better][s], scores[worse][s])]
    return interval(diffs)
