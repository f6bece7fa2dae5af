"""AI-only games in bulk, and the statistics of their outcomes.

Game i of a run uses its own seed derived from the run's seed, so the result
is the same whether the games are played in one process or spread over many.
"""

from __future__ import annotations

import collections
import statistics
from concurrent.futures import ProcessPoolExecutor

from game.analysis import Frontier
from game.engine import history_comparison
from game.match import Match

TOP_PACKAGES = 5


def game_seed(run_seed: int, index: int) -> int:
    return (run_seed * 1_000_003 + index * 7_919) % (2 ** 32)


def play_one(scenario, seed: int, controllers: dict) -> dict:
    match = Match(scenario, seed, controllers)
    match.run()
    state = match.state
    scores = state.scores()
    history = history_comparison(state)
    return {"seed": seed, "outcome": state.outcome(), "actions": len(state.log),
            "scores": {s: v["total"] for s, v in scores.items()},
            "breaches": len(state.breaches), "agreements": len(state.agreements),
            "closeness": history["closeness"],
            "history_distance": {r["issue"]: r["distance"] for r in history["issues"] if r["distance"] is not None}}


def _play_chunk(args):
    scenario, seeds, controllers = args
    return [play_one(scenario, seed, controllers) for seed in seeds]


def run_games(scenario, games: int, seed: int, controllers: dict, workers: int = 1, progress=None) -> list:
    seeds = [game_seed(seed, i) for i in range(games)]
    if workers <= 1:
        out = []
        for s in seeds:
            out.append(play_one(scenario, s, controllers))
            if progress:
                progress(1)
        return out
    size = max(1, min(50, games // (workers * 4) or 1))
    chunks = [seeds[i:i + size] for i in range(0, games, size)]
    out = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for records in pool.map(_play_chunk, [(scenario, c, controllers) for c in chunks]):
            out.extend(records)
            if progress:
                progress(len(records))
    return out


def _spread(values) -> dict:
    values = list(values)
    if not values:
        return {"mean": None, "sd": None, "min": None, "max": None}
    sd = statistics.pstdev(values) if len(values) > 1 else 0.0
    return {"mean": round(statistics.fmean(values), 4), "sd": round(sd, 4),
            "min": round(min(values), 4), "max": round(max(values), 4)}


def summarise(scenario, records: list, seed: int, controllers: dict) -> dict:
    n = len(records)
    frontier = Frontier(scenario)
    options = {i.id: collections.Counter() for i in scenario.issues}
    packages = collections.Counter()
    quality = []
    counted = [e.issue for e in scenario.history.entries if e.settled.counted]
    matches = collections.Counter()
    for r in records:
        outcome = r["outcome"]
        for issue in scenario.issues:
            if issue.id in outcome:
                options[issue.id][outcome[issue.id]] += 1
        matches.update(i for i, d in r["history_distance"].items() if d == 0)
        packages[tuple(sorted(outcome.items()))] += 1
        quality.append(frontier.evaluate(outcome))
    return {
        "scenario": scenario.id, "games": n, "seed": seed, "controllers": controllers,
        "agreement_rate": {i: round(sum(c.values()) / n, 4) for i, c in options.items()},
        "options": {i.id: {o: options[i.id][o] for o in i.options if options[i.id][o]} for i in scenario.issues},
        "top_packages": [{"terms": dict(p), "games": c} for p, c in packages.most_common(TOP_PACKAGES)],
        "scores": {s: _spread(r["scores"][s] for r in records) for s in scenario.seat_ids},
        "pareto_distance": _spread(q["pareto_distance"] for q in quality),
        "nash_distance": _spread(q["nash_distance"] for q in quality if q["nash_distance"] is not None),
        "unclaimed_welfare": _spread(q["unclaimed_welfare"] for q in quality),
        "nash_point": frontier.nash_terms,
        "history": {"closeness": _spread(r["closeness"] for r in records),
                    "match_rate": {i: round(matches[i] / n, 4) for i in counted}},
        "breaches_per_game": round(sum(r["breaches"] for r in records) / n, 4),
        "actions_per_game": round(sum(r["actions"] for r in records) / n, 2),
    }
