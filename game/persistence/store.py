"""Save files on disk: atomic writes, named saves and one autosave per turn."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from game.scenario import ScenarioError

from . import saves
from .saves import SaveError

NAME_MAX = 60
# Beside letters and digits, marks that every file system takes in a file name.
NAME_MARKS = " -_',.!()&"


def default_dir() -> Path:
    return Path(os.environ.get("SUMMIT_SAVE_DIR") or Path.home() / ".summit" / "saves")


def write_atomic(path: Path, text: str, mode: int = 0o644) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename over."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes files only their owner can read; a save is an ordinary document (a secret is not).
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        _sync_dir(path.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _sync_dir(folder: Path) -> None:
    """Flush the rename itself, so a crash just after it cannot bring the old file back."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def check_name(name: str) -> None:
    """Refuse a save name that is not a plain file name, saying what is wrong with it."""
    allowed = f"letters, digits, spaces and {' '.join(NAME_MARKS.strip())}"
    if not name or not name.strip():
        raise SaveError("give the save a name")
    if len(name) > NAME_MAX:
        raise SaveError(f"a save name is at most {NAME_MAX} characters; this one has {len(name)}")
    bad = next((c for c in name if not (c.isalnum() or c in NAME_MARKS)), None)
    if bad is not None:
        shown = repr(bad) if bad.isprintable() else f"U+{ord(bad):04X}"
        raise SaveError(f"{shown} cannot be in a save name: use {allowed}")
    if not name[0].isalnum():
        raise SaveError("a save name starts with a letter or a digit")
    if name[-1] in " .":
        raise SaveError("a save name cannot end with a space or a full stop")


class SaveStore:
    def __init__(self, root=None):
        self.root = Path(root) if root else default_dir()

    @property
    def autosave_dir(self) -> Path:
        return self.root / "autosave"

    def save(self, state, name: str, seats=None, journal=None) -> Path:
        check_name(name)
        body = saves.build(state, seats, name=name, saved_at=time.strftime("%Y-%m-%d %H:%M"), journal=journal)
        path = self.root / f"{name}.json"
        write_atomic(path, saves.dumps(body))
        return path

    def autosave(self, state, seats=None, journal=None) -> Path:
        """Keep one autosave per turn of the current game (turn 1, 2, ...)."""
        scen = state.game.scenario
        body = saves.build(state, seats, name=f"{scen.title}, day {state.turn}",
                           saved_at=time.strftime("%Y-%m-%d %H:%M"), journal=journal)
        path = self.autosave_dir / f"{scen.id}-turn-{state.turn:02d}.json"
        write_atomic(path, saves.dumps(body))
        return path

    def clear_autosaves(self, scenario_id: str) -> None:
        for path in self.autosave_dir.glob(f"{scenario_id}-turn-*.json"):
            path.unlink()

    def named(self) -> list:
        return sorted(self.root.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)

    def autosaves(self) -> list:
        return sorted(self.autosave_dir.glob("*.json"), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)

    def locate(self, ref) -> Path:
        """The file a save reference names: a path, or the name it was saved under."""
        path = Path(ref)
        if path.is_file():
            return path
        if path.is_dir():
            raise SaveError(f"{path} is a folder, not a save file")
        name = path.stem if path.suffix == ".json" else str(ref)
        try:
            check_name(name)
        except SaveError:
            raise SaveError(f"{path} does not exist") from None
        if path.parent != Path("."):
            raise SaveError(f"{path} does not exist")
        for folder in (self.root, self.autosave_dir):
            candidate = folder / f"{name}.json"
            if candidate.is_file():
                return candidate
        known = [p.stem for p in self.named()]
        hint = f"saves in {self.root}: {', '.join(known[:8])}" if known else f"there are no saves in {self.root}"
        raise SaveError(f"there is no save '{ref}' (give a file path or a save's name; {hint})")

    def read(self, ref) -> dict:
        """A save's parsed contents, by file path or by the name it was saved under."""
        path = self.locate(ref)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise SaveError(f"{path} does not exist")
        except (OSError, UnicodeDecodeError) as err:
            raise SaveError(f"{path} cannot be read: {err}")
        return saves.parse(text, str(path))

    def latest_good_autosave(self, load_scenario):
        """(path, match, body, skipped) for the newest autosave that replays; skipped lists refused ones."""
        skipped = []
        for path in self.autosaves():
            try:
                body = self.read(path)
                scenario = load_scenario(body["scenario"]["id"])
                return path, saves.restore_match(body, scenario, str(path)), body, skipped
            except (SaveError, ScenarioError, OSError) as err:
                skipped.append((path, str(err)))
        return None, None, None, skipped
