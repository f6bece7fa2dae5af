"""Par: what AI leaders score in each seat, so that a person's score reads against its seat's, not the others'.

Seats are not comparable by their raw totals: a seat with rich objectives and a good walk-away
scores high whoever plays it. Par is measured, not guessed: AI-only games at the normal level
(game.sim), each seat's final scores kept in game order. A shipped scenario's par is stored
in `game/scenarios/par/<id>.json`, written by `python main.py par --write`, and used only while
the scenario is the very version it was measured on; any other scenario (a player's own, or a
shipped one changed since) has its par measured on first need, with fewer games, and kept in the
saves folder (par/).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from game.engine.kinds import Controller
from game.home import saves_dir
from game.sim import run_games

GAMES = 200          # games behind a shipped par
QUICK_GAMES = 40     # games behind a par measured on first need
SEED = 0
LEVEL = Controller.NORMAL
SHIPPED = resources.files("game") / "scenarios" / "par"

# (lowest percentile, word): how a score stands among the AI leaders' scores in the same seat.
RATINGS = ((90, "outstanding"), (65, "above par"), (35, "on par"), (10, "below par"), (0, "well below par"))


@dataclass(frozen=True)
class Par:
    scenario: str
    content_hash: str
    games: int
    scores: dict          # seat -> [final score of each game, in game order]

    def par(self, seat: str) -> int:
        values = self.scores[seat]
        return round(sum(values) / len(values))

    def percentile(self, seat: str, score: int) -> int:
        """The share of AI leaders' games in this seat that scored less (ties count half), 0..100."""
        values = self.scores[seat]
        below = sum(1 for v in values if v < score) + 0.5 * sum(1 for v in values if v == score)
        return round(100 * below / len(values))

    def rating(self, seat: str, score: int) -> dict:
        """How `score` in `seat` stands against par: the par, the difference, the percentile and a word."""
        pct = self.percentile(seat, score)
        word = next(w for least, w in RATINGS if pct >= least)
        return {"par": self.par(seat), "diff": score - self.par(seat), "percentile": pct, "rating": word,
                "games": self.games}

    def to_dict(self) -> dict:
        return {"scenario": self.scenario, "content_hash": self.content_hash, "games": self.games, "seed": SEED,
                "level": LEVEL, "scores": self.scores}

    @staticmethod
    def from_dict(data: dict) -> "Par":
        return Par(data["scenario"], data["content_hash"], data["games"], data["scores"])


def measure(scenario, games: int = GAMES, workers: int = 1) -> Par:
    records = run_games(scenario, games, SEED, {s: LEVEL for s in scenario.seat_ids}, workers, paced=False)
    return Par(scenario.id, scenario.content_hash, games,
               {s: [r["scores"][s] for r in records] for s in scenario.seat_ids})


def shipped_path(scenario_id: str):
    return SHIPPED / f"{scenario_id}.json"


def _cache_path(scenario) -> Path:
    return saves_dir() / "par" / f"{scenario.id}-{scenario.content_hash[:16]}.json"


def _read(path):
    try:
        par = Par.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return par


_KNOWN: dict = {}


def par_for(scenario) -> Par:
    """The par of this very version of the scenario: shipped, kept from an earlier measure, or measured now."""
    key = (scenario.id, scenario.content_hash)
    if key not in _KNOWN:
        _KNOWN[key] = _find(scenario)
    return _KNOWN[key]


def _find(scenario) -> Par:
    for path in (shipped_path(scenario.id), _cache_path(scenario)):
        par = _read(path) if path.is_file() else None
        if par is not None and par.content_hash == scenario.content_hash and set(par.scores) == set(scenario.seat_ids):
            return par
    par = measure(scenario, QUICK_GAMES)
    path = _cache_path(scenario)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(par.to_dict()), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass    # measured again next time; nothing is lost
    return par


def ratings(scenario, scores: dict) -> dict:
    """Each seat's final score against its par: {seat: Par.rating}."""
    par = par_for(scenario)
    return {seat: par.rating(seat, v["total"] if isinstance(v, dict) else v) for seat, v in scores.items()}
