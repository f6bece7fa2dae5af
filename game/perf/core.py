"""Scenario loading, AI decisions and whole AI games, timed on this machine."""

from __future__ import annotations

import statistics
import time

from game.ai import LEVELS
from game.analysis import Frontier
from game.catalog import load_scenario, read_scenario_file, scenario_paths
from game.engine.kinds import Controller
from game.match import Match

from . import figure
from .wide import wide_scenario


def _median_ms(samples):
    return statistics.median(samples) * 1000


def _p(samples, q):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def load_times(repeat):
    rows = []
    for path in scenario_paths():
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            read_scenario_file(path)
            samples.append(time.perf_counter() - start)
        ms = _median_ms(samples)
        rows.append(figure(f"load + validate {path.name.removesuffix('.yaml')} (median)", ms, "ms", "< 50 ms",
                           ms < 50))
    return rows


def ai_times(games, scenario_id="moscow-2020", level=Controller.NORMAL, scenario=None):
    """Every seat at `level`: each decision timed, and each whole game from its first to its last."""
    scenario = scenario or load_scenario(scenario_id)
    decisions, whole = [], []
    for seed in range(games):
        match = Match(scenario, seed, {s: level for s in scenario.seat_ids})
        start = time.perf_counter()
        while (seat := match.ai_to_move()) is not None:
            t0 = time.perf_counter()
            action = match.decide(seat)
            decisions.append(time.perf_counter() - t0)
            match.state.apply(seat, action)
        whole.append(time.perf_counter() - start)
    med, p99 = _median_ms(decisions), _p(decisions, 0.99)
    rows = [
        figure(f"AI decision, {scenario.id}, {level} (median)", med, "ms", "< 20 ms", med < 20),
        figure(f"AI decision, {scenario.id}, {level} (p99)", p99, "ms", "< 100 ms", p99 < 100),
    ]
    if scenario.id == "moscow-2020" and level == Controller.NORMAL:
        game_ms = _median_ms(whole)
        rows += [figure(f"whole AI-only game, {scenario_id} (median)", game_ms, "ms", "< 20 ms", game_ms < 20),
                 figure(f"AI-only games per second, {scenario_id}", 1000 / game_ms, "games/s", ">= 50",
                        1000 / game_ms >= 50)]
    return rows


def random_play(games, scenario_id="moscow-2020"):
    from game.ai.randomplay import play_random
    scenario = load_scenario(scenario_id)
    rates = []
    for seed in range(games):
        start = time.perf_counter()
        state = play_random(scenario, seed)
        rates.append(len(state.log) / (time.perf_counter() - start))
    rate = statistics.median(rates)
    return [figure(f"random play, {scenario_id} (median)", rate, "actions/s", ">= 2000", rate >= 2000)]


def analysis_times(games, scenario):
    """The end-of-game analysis of each of `games` AI games, from nothing: the frontier built, every
    day's terms evaluated and the package better for everyone found."""
    samples = []
    for seed in range(games):
        match = Match(scenario, seed, {s: Controller.NORMAL for s in scenario.seat_ids})
        days, turn = [], match.state.turn
        while (seat := match.ai_to_move()) is not None:
            match.state.apply(seat, match.decide(seat))
            if match.state.turn != turn:
                days.append(match.state.outcome())
                turn = match.state.turn
        days.append(match.state.outcome())
        start = time.perf_counter()
        frontier = Frontier(scenario)
        frontier.over_days(days)
        frontier.better_for_all(days[-1])
        samples.append(time.perf_counter() - start)
    ms = _median_ms(samples)
    return [figure(f"end-of-game analysis, {scenario.id} (median)", ms, "ms", "< 1000 ms", ms < 1000)]


def largest(quick):
    """The format's largest size, 12 issues of 41 points, all signed by two seats or by three: AI
    decisions, and the end-of-game analysis (its frontier listed exactly with two, estimated with three)."""
    rows = []
    for signers in (2, 3):
        scenario = wide_scenario(signers=signers)
        for level in (Controller.NORMAL, Controller.HARD):
            rows += ai_times(2 if quick else 8, level=level, scenario=scenario)
        rows += analysis_times(2 if quick else 5, scenario)
    return rows


def measure(quick=False):
    rows = load_times(5 if quick else 30)
    for scenario_id in ("moscow-2020", "sochi-2008"):
        for level in LEVELS:
            rows += ai_times(5 if quick else 40, scenario_id, level)
    return rows + random_play(5 if quick else 40) + largest(quick)
