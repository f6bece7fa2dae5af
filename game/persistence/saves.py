"""A save is where its scenario was found and the scenario's content hash, the seed and the action log.

A save file is a document anyone can edit (its checksum is a plain hash anyone can recompute),
so `parse` treats it as untrusted input: it reads every field once, here, into a typed `Save`,
and code behind it never checks a save's shape again. Loading a save is replaying it (see
replay.py).

Format versions: 1 named only the scenario's id; 2 adds where the scenario was found, so a game
of a player's own scenario file replays too, and the match's journal (who played each seat, which
actions AI leaders chose, what they were asked), so a resumed game's AI seats play on exactly as
they would have. Both are read; 2 is written.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from game.engine.kinds import Controller, Phase
from game.match import CONTROLLERS
from game.scenario import Place
from game.scenario.fields import ID_RE, character_name, control_character

SAVE_FORMAT = "summit-save"
SAVE_VERSION = 2
READS = (1, 2)
TRAIL_CHARS = 16
MAX_SAVE_BYTES = 64 * 1024 * 1024
MAX_NAME = 200      # a name saved by hand is at most 60 characters; an autosave's is the title and the day
MAX_STAMP = 40
MAX_PATH = 4096
MAX_TURN = 30
HASH_RE = re.compile(r"^[0-9a-f]{64}$")
TRAIL_RE = re.compile(rf"^[0-9a-f]{{{TRAIL_CHARS}}}$")


class SaveError(Exception):
    """A save that cannot be used, with what is wrong with it."""


@dataclass(frozen=True)
class ScenarioRef:
    """The scenario a game was played on, and where it was found."""
    id: str
    version: int
    content_hash: str
    place: Place = Place.SHIPPED
    path: str = ""


@dataclass(frozen=True)
class Save:
    version: int
    name: str
    saved_at: str
    scenario: ScenarioRef
    seed: int
    seats: dict      # seat id -> Controller, as the game was set up
    turn: int
    phase: Phase
    actions: tuple   # ((seat, action as plain data), ...) in the order they were played
    trail: tuple     # the first TRAIL_CHARS of the digest after each action
    digest: str
    journal: tuple | None = None   # the match's journal (game.match.Entry lists), where it was kept


# -- writing -----------------------------------------------------------------------------------

def build(state, seats=None, name="", saved_at="", journal=None) -> dict:
    """The save document for a state whose log was recorded from a fresh game (and its match's journal)."""
    scen = state.game.scenario
    body = {
        "format": SAVE_FORMAT, "version": SAVE_VERSION, "name": name, "saved_at": saved_at,
        "scenario": {"id": scen.id, "version": scen.version, "content_hash": scen.content_hash,
                     "place": str(scen.origin.place), "path": scen.origin.path},
        "seed": state.game.seed, "seats": dict(seats or {}), "turn": state.turn, "phase": state.phase,
        "actions": [[seat, action] for seat, action in state.log],
        "trail": _trail(state), "digest": state.digest(),
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


# -- reading -----------------------------------------------------------------------------------

def parse(text: str, where: str = "save") -> Save:
    """Check a save's every field and its checksum; raise SaveError naming what is wrong."""
    if len(text) > MAX_SAVE_BYTES:
        raise SaveError(f"{where} is {len(text):,} characters, more than any Summit save")
    try:
        body = json.loads(text)
    except json.JSONDecodeError as err:
        raise SaveError(f"{where} is not a complete Summit save (JSON breaks at line {err.lineno}, "
                        f"column {err.colno}: {err.msg}); it may have been truncated") from None
    except (ValueError, RecursionError):
        raise SaveError(f"{where} is not a Summit save (it holds values no save has)") from None
    if not isinstance(body, dict) or body.get("format") != SAVE_FORMAT:
        raise SaveError(f"{where} is not a Summit save")
    version = body.get("version")
    if type(version) is not int or version not in READS:
        shown = version if type(version) is int else "unknown"
        newer = " (a newer version of Summit wrote it)" if type(version) is int and version > SAVE_VERSION else ""
        raise SaveError(f"{where} is save format version {shown}{newer}; this version of Summit reads "
                        f"versions {READS[0]} to {READS[-1]}")
    fields = _Fields(body, where)
    if fields.text("checksum", 64) != checksum(body):
        raise SaveError(f"{where} was changed after it was written (its checksum does not match)")
    save = Save(version, fields.text("name", MAX_NAME), fields.text("saved_at", MAX_STAMP),
                _scenario(fields.mapping("scenario"), version), fields.number("seed", 0, 2 ** 63 - 1),
                _seats(fields.mapping("seats"), where), fields.number("turn", 1, MAX_TURN),
                Phase(fields.choice("phase", tuple(Phase))), _actions(fields.sequence("actions"), where),
                tuple(fields.sequence("trail")), fields.text("digest", 64),
                _journal(body["journal"], where) if "journal" in body else None)
    if len(save.trail) != len(save.actions):
        raise SaveError(f"{where} records {len(save.actions)} actions but {len(save.trail)} digests")
    if not all(type(t) is str and TRAIL_RE.match(t) for t in save.trail) or not HASH_RE.match(save.digest):
        raise SaveError(f"{where} has no valid 'trail' or 'digest'")
    return save


class _Fields:
    """Typed reads of one JSON object's fields, each refusal naming the field."""

    def __init__(self, body: dict, where: str, prefix: str = ""):
        self.body, self.where, self.prefix = body, where, prefix

    def _bad(self, key, why=""):
        return SaveError(f"{self.where} has no valid '{self.prefix}{key}'{why}")

    def get(self, key, kind):
        value = self.body.get(key)
        # type() rather than isinstance: JSON true would otherwise pass as the integer 1.
        if type(value) is not kind:
            raise self._bad(key)
        return value

    def text(self, key, limit, paragraphs=False) -> str:
        value = self.get(key, str)
        if len(value) > limit:
            raise self._bad(key, f" (it is {len(value):,} characters; the limit is {limit:,})")
        bad = control_character(value, paragraphs)
        if bad is not None:
            raise self._bad(key, f" (it holds a {character_name(bad)})")
        return value

    def number(self, key, lo, hi) -> int:
        value = self.get(key, int)
        if not lo <= value <= hi:
            raise self._bad(key, f" ({value} is outside {lo}..{hi})")
        return value

    def choice(self, key, allowed) -> str:
        value = self.get(key, str)
        if value not in allowed:
            raise self._bad(key)
        return value

    def mapping(self, key) -> "_Fields":
        return _Fields(self.get(key, dict), self.where, f"{self.prefix}{key}.")

    def sequence(self, key) -> list:
        return self.get(key, list)


def _scenario(fields: _Fields, version: int) -> ScenarioRef:
    ident = fields.text("id", 48)
    if not ID_RE.match(ident):
        raise fields._bad("id", " (a scenario id is lower-case letters, digits, '_' and '-')")
    ref = ScenarioRef(ident, fields.number("version", 1, 1_000_000), fields.text("content_hash", 64))
    if not HASH_RE.match(ref.content_hash):
        raise fields._bad("content_hash")
    if version == 1:
        return ref  # version 1 saved only games of shipped scenarios
    place = Place(fields.choice("place", tuple(Place)))
    path = fields.text("path", MAX_PATH)
    if (place is Place.SHIPPED) != (path == ""):
        raise fields._bad("path", " (a shipped scenario has none; any other has one)")
    return ScenarioRef(ref.id, ref.version, ref.content_hash, place, path)


def _seats(fields: _Fields, where: str) -> dict:
    seats = {}
    for seat in fields.body:
        if not ID_RE.match(seat):
            raise SaveError(f"{where} has no valid 'seats' (a seat id is lower-case letters, digits, '_' and '-')")
        kind = fields.get(seat, str)
        if kind not in CONTROLLERS:
            raise SaveError(f"{where} has no valid 'seats' (who plays a seat is one of {', '.join(CONTROLLERS)})")
        seats[seat] = Controller(kind)
    return seats


def _journal(entries, where: str) -> tuple:
    """The journal's shape only: its entries are checked as they replay (game.match.Match.replay)."""
    if type(entries) is not list or not all(type(e) is list and e and type(e[0]) is str for e in entries):
        raise SaveError(f"{where} has no valid 'journal'")
    return tuple(entries)


def _actions(entries: list, where: str) -> tuple:
    out = []
    for i, entry in enumerate(entries):
        if not (type(entry) is list and len(entry) == 2 and type(entry[0]) is str and type(entry[1]) is dict):
            raise SaveError(f"{where}: action {i + 1} is not a [seat, action] pair")
        out.append((entry[0], entry[1]))
    return tuple(out)
