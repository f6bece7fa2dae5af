"""AI-only games in bulk, and the statistics of their outcomes.

Game i of a run uses its own seed derived from the run's seed, so the result
is the same whether the games are played in one process or spread over many.
"""

from __future__ import annotations

import collections
import statistics

from game import batch, pacing
from game.analysis import Frontier
from game.engine import history_comparison
from game.match import Match
from game.scenario.model import Settled

TOP_PACKAGES = 5


def game_seed(run_seed: int, index: int) -> int:
    return (run_seed * 1_000_003 + index * 7_919) % (2 ** 32)


def play_one(scenario, seed: int, controllers: dict, paced: bool = True) -> dict:
    match = Match(scenario, seed, controllers)
    match.run()
    state = match.state
    scores = state.scores()
    history = history_comparison(state)
    days = pacing.days(scenario, seed, state.log) if paced else []
    return {"seed": seed, "outcome": state.outcome(), "actions": len(state.log),
            "lively": {s: [d.lively for d in days if d.seat == s] for s in scenario.seat_ids},
            "scores": {s: v["total"] for s, v in scores.items()},
            "breaches": len(state.breaches), "agreements": len(state.agreements),
            "signers": [list(a.parties) for a in state.agreements],
            "closeness": history["closeness"],
            "history_distance": {r["issue"]: r["distance"] for r in history["issues"] if r["distance"] is not None}}


def _play_chunk(args):
    scenario, seeds, controllers, paced = args
    return [play_one(scenario, seed, controllers, paced) for seed in seeds]


def run_games(scenario, games: int, seed: int, controllers: dict, workers: int = 1, progress=None,
              ray: str | None = None, paced: bool = True) -> list:
    """Records of `games` AI games, the same whether played here, on `workers` processes or on Ray; with
    `paced`, each record says which days were lively for which seat (game.pacing)."""
    seeds = [game_seed(seed, i) for i in range(games)]
    spread = max(workers, 2 if ray else 1)
    size = max(1, min(50, games // (spread * 4) or 1))
    chunks = [(scenario, seeds[i:i + size], controllers, paced) for i in range(0, games, size)]
    tick = (lambda records: progress(len(records))) if progress else None
    return [r for records in batch.run(_play_chunk, chunks, workers, ray, tick) for r in records]


def _rank(counts, outcome):
    """1 if `outcome` is (one of) the most frequent results, 2 if one result is more frequent, ...;
    None if it never came about."""
    if not counts[outcome]:
        return None
    return 1 + sum(1 for c in counts.values() if c > counts[outcome])


def _spread(values) -> dict:
    values = list(values)
    if not values:
        return {"mean": None, "sd": None, "min": None, "max": None}
    sd = statistics.pstdev(values) if len(values) > 1 else 0.0
    return {"mean": round(statistics.fmean(values), 4), "sd": round(sd, 4),
            "min": round(min(values), 4), "max": round(max(values), 4)}


def _liveliness(scenario, records: list) -> dict:
    """The share of days after the opening on which a seat had a decision worth points (game.pacing), over
    every seat and game, and seat by seat."""
    by_seat = {s: [x for r in records for x in r["lively"][s]] for s in scenario.seat_ids}
    every = [x for days in by_seat.values() for x in days]
    return {"lively_days": _share(every), "lively_by_seat": {s: _share(xs) for s, xs in by_seat.items()}}


def _share(flags: list):
    return round(sum(flags) / len(flags), 4) if flags else None


def summarise(scenario, records: list, seed: int, controllers: dict) -> dict:
    n = len(records)
    frontier = Frontier(scenario)
    options: dict[str, collections.Counter[str]] = {i.id: collections.Counter() for i in scenario.issues}
    packages: collections.Counter[tuple] = collections.Counter()
    quality = []
    history = [e for e in scenario.history.entries if e.settled.counted]
    counted = [e.issue for e in history]
    # The historical outcome as a whole, on the issues it counts: what was agreed, and what was left
    # unsigned. A table's result is read as closeness reads it: on an issue the summit agreed, the
    # option in force (its default when unsigned: for a sale, no sale); on one it left open, whether
    # and what the table signed.
    real = tuple(e.option if e.settled is Settled.AGREED else None for e in history)
    agreed = {e.issue: scenario.issue(e.issue).default for e in history if e.settled is Settled.AGREED}
    matches: collections.Counter[tuple] = collections.Counter()
    outcomes: collections.Counter[tuple] = collections.Counter()
    for r in records:
        outcomes[tuple(r["outcome"].get(i, agreed.get(i)) for i in counted)] += 1
        outcome = r["outcome"]
        for issue in scenario.issues:
            if issue.id in outcome:
                options[issue.id][outcome[issue.id]] += 1
        matches.update(i for i, d in r["history_distance"].items() if d == 0)
        packages[tuple(sorted(outcome.items()))] += 1
        quality.append(frontier.evaluate(outcome))
    summary = {
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
                    "match_rate": {i: round(matches[i] / n, 4) for i in counted},
                    "outcome": {e.issue: e.option if e.settled is Settled.AGREED else None for e in history},
                    "games": outcomes[real], "rank": _rank(outcomes, real)},
        **_liveliness(scenario, records),
        "breaches_per_game": round(sum(r["breaches"] for r in records) / n, 4),
        "actions_per_game": round(sum(r["actions"] for r in records) / n, 2),
    }
    if frontier.estimated:
        # Only a space too large to list has estimates; a listed one's summary is as it always was.
        summary["frontier_estimated"] = True
    return summary
