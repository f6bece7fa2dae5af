"""Regenerate the golden replays: python tests/golden/make_golden.py

For each shipped scenario, plays random legal games from a fixed starting
seed and keeps the first that signs at least two agreements and breaks at
least one, so the replay walks through proposals, signings, obligations and
breaches. Regenerate (and review the diff) whenever a rules change or a
scenario edit is meant to change how games play.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.ai.randomplay import play_random  # noqa: E402
from game.catalog import load_scenario, scenario_paths  # noqa: E402
from game.persistence import build, write_atomic  # noqa: E402
from game.persistence.saves import dumps  # noqa: E402

HERE = Path(__file__).resolve().parent
FIRST_SEED = {"moscow-2020": 2020, "sochi-2008": 2008}
TRIES = 200


def golden_game(scenario_id: str):
    scenario = load_scenario(scenario_id)
    start = FIRST_SEED.get(scenario_id, 1)
    for seed in range(start, start + TRIES):
        state = play_random(scenario, seed)
        if len(state.agreements) >= 2 and state.breaches:
            return state
    raise SystemExit(f"{scenario_id}: no game from seed {start} to {start + TRIES - 1} "
                     "signed two agreements and broke one")


def main() -> int:
    for path in scenario_paths():
        state = golden_game(path.stem)
        body = build(state, name=f"golden replay of {path.stem}", saved_at="")
        out = HERE / f"{path.stem}.json"
        write_atomic(out, dumps(body) + "\n")
        print(f"{out.relative_to(ROOT)}: seed {state.game.seed}, {len(state.log)} actions, "
              f"{len(state.agreements)} agreements, {len(state.breaches)} breaches, "
              f"digest {state.digest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
