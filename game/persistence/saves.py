"""A save is the scenario's id and content hash, the seed and the action log.

Loading a save is replaying it: every action goes through the rules again and
the digest after each one is checked against the one recorded when it was
played, so a save can neither smuggle in an illegal state nor drift silently.

Version 2 adds the match's journal (who played each seat, which actions AI leaders chose, what
they were asked), so a resumed game's AI seats play on exactly as they would have. Version 1
saves still load; their AI leaders start afresh from the loaded day.
"""

from __future__ import annotations

import hashlib
import json

from game.engine import Game, IllegalAction
from game.match import CONTROLLERS, JournalError, Match

SAVE_FORMAT = "summit-save"
SAVE_VERSION = 2
READS_VERSIONS = (1, 2)
TRAIL_CHARS = 16
MAX_SAVE_CHARS = 64 * 1024 * 1024


class SaveError(Exception):
    """A save that cannot be used, with what is wrong with it."""


def build(state, seats=None, name="", saved_at="", journal=None) -> dict:
    """The save document for a state whose log was recorded from a fresh game (and its match's journal)."""
    scen = state.game.scenario
    trail = _trail(state)
    body = {
        "format": SAVE_FORMAT, "version": SAVE_VERSION, "name": name, "saved_at": saved_at,
        "scenario": {"id": scen.id, "version": scen.version, "content_hash": scen.content_hash},
        "seed": state.game.seed, "seats": dict(seats or {}), "turn": state.turn, "phase": state.phase,
        "actions": [[seat, action] for seat, action in state.log],
        "trail": trail, "digest": state.digest(),
    }
    if journal is not None:
        body["journal"] = journal
    body["checksum"] = checksum(body)
    return body


def _trail(state):
    trail = getattr(state, "trail", None)
    if trail is not None and len(trail) == len(state.log):
        return list(trail)
    return replay_trail(state.game, [a for _, a in state.log], [s for s, _ in state.log])


def replay_trail(game, actions, seats):
    state = game.new_state()
    out = []
    for seat, action in zip(seats, actions):
        state.replay(seat, action)
        out.append(state.digest()[:TRAIL_CHARS])
    return out


def checksum(body: dict) -> str:
    rest = {k: v for k, v in body.items() if k != "checksum"}
    return hashlib.sha256(json.dumps(rest, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def dumps(body: dict) -> str:
    return json.dumps(body, indent=1, sort_keys=True)


def parse(text: str, where: str = "save") -> dict:
    """Check a save's shape and checksum; raise SaveError naming what is wrong."""
    if len(text) > MAX_SAVE_CHARS:
        raise SaveError(f"{where} is {len(text):,} characters, more than any Summit save")
    try:
        body = json.loads(text)
    except json.JSONDecodeError as err:
        raise SaveError(f"{where} is not a complete Summit save (JSON breaks at line {err.lineno}, "
                        f"column {err.colno}: {err.msg}); it may have been truncated")
    except (ValueError, RecursionError):
        raise SaveError(f"{where} is not a Summit save (it holds values no save has)")
    if not isinstance(body, dict) or body.get("format") != SAVE_FORMAT:
        raise SaveError(f"{where} is not a Summit save")
    if type(body.get("version")) is not int or body["version"] not in READS_VERSIONS:
        raise SaveError(f"{where} is save format version {body.get('version')!r}; "
                        f"this version of Summit reads versions {READS_VERSIONS[0]} to {READS_VERSIONS[-1]}")
    if "journal" in body and type(body["journal"]) is not list:
        raise SaveError(f"{where} has no valid 'journal'")
    for key, kind in (("scenario", dict), ("seed", int), ("actions", list), ("trail", list),
                      ("digest", str), ("checksum", str), ("seats", dict)):
        # type() rather than isinstance: JSON true would otherwise pass as the integer 1.
        if type(body.get(key)) is not kind:
            raise SaveError(f"{where} has no valid '{key}'")
    if body["seed"] < 0 or not isinstance(body["scenario"].get("id"), str):
        raise SaveError(f"{where} has no valid 'seed' or 'scenario'")
    if checksum(body) != body["checksum"]:
        raise SaveError(f"{where} was changed after it was written (its checksum does not match)")
    if len(body["trail"]) != len(body["actions"]):
        raise SaveError(f"{where} records {len(body['actions'])} actions but {len(body['trail'])} digests")
    return body


def check_scenario(body: dict, scenario, where: str = "save") -> None:
    rec = body["scenario"]
    if rec.get("id") != scenario.id:
        raise SaveError(f"{where} is a game of '{rec.get('id')}', not '{scenario.id}'")
    if rec.get("content_hash") != scenario.content_hash:
        raise SaveError(f"{where} was made with a different version of scenario '{scenario.id}' "
                        f"(saved v{rec.get('version')}, installed v{scenario.version})")


class Divergence(SaveError):
    def __init__(self, index, seat, action, why):
        self.index, self.seat, self.action = index, seat, action
        super().__init__(f"action {index + 1} ({seat}: {json.dumps(action, sort_keys=True)}) {why}")


def restore(body: dict, scenario, where: str = "save"):
    """Replay a parsed save into a state; raise Divergence at the first action that differs."""
    check_scenario(body, scenario, where)
    state = Game(scenario, body["seed"]).new_state()
    state.trail = []
    for i, entry in enumerate(body["actions"]):
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)):
            raise SaveError(f"{where}: action {i + 1} is not a [seat, action] pair")
        seat, action = entry
        try:
            state.replay(seat, action)
        except IllegalAction as err:
            raise Divergence(i, seat, action, f"is illegal on replay: {err}")
        state.trail.append(state.digest()[:TRAIL_CHARS])
        if state.trail[-1] != body["trail"][i]:
            raise Divergence(i, seat, action, "leads to a different state than when it was played")
    if state.digest() != body["digest"]:
        raise Divergence(len(body["actions"]) - 1, *body["actions"][-1], "ends in a different final digest") \
            if body["actions"] else SaveError(f"{where}: the starting state differs from when it was saved")
    return state


def restore_match(body: dict, scenario, where: str = "save") -> Match:
    """A parsed save as a match: from its journal where it has one, AI leaders included."""
    journal = body.get("journal")
    if journal is None:
        state = restore(body, scenario, where)
        return Match(scenario, state.game.seed, _controllers(body, scenario, where), state=state)
    check_scenario(body, scenario, where)
    trail = body["trail"]
    done = []

    def check(match):
        state = match.state
        if len(done) >= len(trail):
            raise SaveError(f"{where}: its journal holds more actions than its {len(trail)} recorded digests")
        done.append(state.digest()[:TRAIL_CHARS])
        if done[-1] != trail[len(done) - 1]:
            seat, action = state.log[-1]
            raise Divergence(len(done) - 1, seat, action, "leads to a different state than when it was played")

    try:
        match = Match.replay(scenario, body["seed"], journal, on_action=check)
    except JournalError as err:
        raise SaveError(f"{where}: {err}") from None
    state = match.state
    if [[s, a] for s, a in state.log] != body["actions"] or state.digest() != body["digest"]:
        raise SaveError(f"{where}: its journal and its actions tell different games")
    state.trail = done
    return match


def _controllers(body: dict, scenario, where: str) -> dict:
    seats = body.get("seats", {})
    out = {}
    for seat in scenario.seat_ids:
        kind = seats.get(seat, "normal")
        if not isinstance(kind, str) or kind not in CONTROLLERS:
            raise SaveError(f"{where}: seat {seat} is played by {str(kind)[:40]!r}, which is not a kind of player")
        out[seat] = kind
    return out
