"""Loading a save is replaying it, on the very scenario it was played on.

Every action goes through the rules again and the digest after each one is checked against the
one recorded when it was played, so a save can neither smuggle in an illegal state nor drift
silently.
"""

from __future__ import annotations

import json

from game.catalog import read_scenario_file, scenario_paths, user_paths
from game.engine import Game, IllegalAction
from game.engine.kinds import Controller
from game.match import JournalError, Match
from game.scenario import Place, ScenarioError

from .saves import TRAIL_CHARS, Save, SaveError

SHOWN_ACTION = 200


class Divergence(SaveError):
    def __init__(self, index, seat, action, why):
        self.index, self.seat, self.action = index, seat, action
        shown = json.dumps(action, sort_keys=True)
        shown = shown if len(shown) <= SHOWN_ACTION else shown[:SHOWN_ACTION - 3] + "..."
        super().__init__(f"action {index + 1} ({json.dumps(seat)[1:-1][:40]}: {shown}) {why}")


def check_scenario(save: Save, scenario, where: str = "save") -> None:
    rec = save.scenario
    if rec.id != scenario.id:
        raise SaveError(f"{where} is a game of '{rec.id}', not '{scenario.id}'")
    if rec.content_hash != scenario.content_hash:
        raise SaveError(f"{where} was made with a different version of scenario '{scenario.id}' "
                        f"(saved v{rec.version}, installed v{scenario.version})")
    unknown = sorted(set(save.seats) - set(scenario.seat_ids))
    if unknown:
        raise SaveError(f"{where} names seats '{scenario.id}' does not have: {', '.join(unknown)}")


def restore(save: Save, scenario, where: str = "save"):
    """Replay a parsed save into a state; raise Divergence at the first action that differs."""
    check_scenario(save, scenario, where)
    state = Game(scenario, save.seed).new_state()
    state.trail = []
    for i, (seat, action) in enumerate(save.actions):
        try:
            state.replay(seat, action)
        except IllegalAction as err:
            raise Divergence(i, seat, action, f"is illegal on replay: {err}") from None
        state.trail.append(state.digest()[:TRAIL_CHARS])
        if state.trail[-1] != save.trail[i]:
            raise Divergence(i, seat, action, "leads to a different state than when it was played")
    if state.digest() != save.digest:
        if save.actions:
            seat, action = save.actions[-1]
            raise Divergence(len(save.actions) - 1, seat, action, "ends in a different final digest")
        raise SaveError(f"{where}: the starting state differs from when it was saved")
    if (state.turn, state.phase) != (save.turn, save.phase):
        raise SaveError(f"{where} says day {save.turn} ({save.phase}), but its actions replay to day "
                        f"{state.turn} ({state.phase})")
    return state


def scenario_of(save: Save, where: str = "save"):
    """The scenario a save was played on: where it was found then, or wherever the same content is now.

    Candidates are the file it was read from, then the player's folder and the shipped scenarios; the
    first with the recorded id and content hash is it. Otherwise the refusal says whether the file is
    gone or has changed since.
    """
    rec = save.scenario
    candidates = [(rec.path, Place.FILE)] if rec.path else []
    candidates += [(p, Place.USER) for p in user_paths()] + [(p, Place.SHIPPED) for p in scenario_paths()]
    changed = broken = None
    for path, place in candidates:
        try:
            scenario = read_scenario_file(path, None if place is Place.FILE else place)
        except ScenarioError as err:
            if path == rec.path and err.problems[0].message != "no such file":
                broken = err.problems[0]
            continue
        if scenario.id != rec.id:
            continue
        if scenario.content_hash == rec.content_hash:
            return scenario
        changed = changed or scenario
    if changed is not None:
        found = changed.origin.path or f"the shipped '{rec.id}'"
        raise SaveError(f"{where} was played on another version of scenario '{rec.id}' (saved v{rec.version}; "
                        f"{found} is v{changed.version} and its content differs): a game replays only on the "
                        "scenario it was played on")
    if broken is not None:
        raise SaveError(f"{where} was played on the scenario file {rec.path}, which no longer reads as a "
                        f"scenario ({broken}): a game replays only on the scenario it was played on")
    if rec.path:
        raise SaveError(f"{where} was played on the scenario file {rec.path}, which is gone (or no longer "
                        f"readable, or no longer holds '{rec.id}'): put it back there, or in your scenarios folder")
    raise SaveError(f"{where} was played on scenario '{rec.id}', which this installation does not have")


def resume(save: Save, where: str = "save"):
    """The state a save reaches, replayed on its own scenario."""
    return restore(save, scenario_of(save, where), where)


def resume_match(save: Save, where: str = "save") -> Match:
    """The match a save holds, replayed on its own scenario, AI leaders included."""
    return restore_match(save, scenario_of(save, where), where)


def restore_match(save: Save, scenario, where: str = "save") -> Match:
    """A parsed save as a match: from its journal where it has one, so its AI leaders are as they were;
    an older save's leaders start afresh from the point it reached."""
    if save.journal is None:
        state = restore(save, scenario, where)
        seats = {s: save.seats.get(s, Controller.NORMAL) for s in scenario.seat_ids}
        return Match(scenario, save.seed, seats, state=state)
    check_scenario(save, scenario, where)
    done: list = []

    def check(match):
        state = match.state
        if len(done) >= len(save.trail):
            raise SaveError(f"{where}: its journal holds more actions than its {len(save.trail)} recorded digests")
        done.append(state.digest()[:TRAIL_CHARS])
        if done[-1] != save.trail[len(done) - 1]:
            seat, action = state.log[-1]
            raise Divergence(len(done) - 1, seat, action, "leads to a different state than when it was played")

    try:
        match = Match.replay(scenario, save.seed, list(save.journal), on_action=check)
    except JournalError as err:
        raise SaveError(f"{where}: {err}") from None
    state = match.state
    if tuple((s, a) for s, a in state.log) != save.actions or state.digest() != save.digest:
        raise SaveError(f"{where}: its journal and its actions tell different games")
    if (state.turn, state.phase) != (save.turn, save.phase):
        raise SaveError(f"{where} says day {save.turn} ({save.phase}), but its journal replays to day "
                        f"{state.turn} ({state.phase})")
    state.trail = done
    return match
