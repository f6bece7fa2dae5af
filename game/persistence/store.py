"""Save files on disk: atomic writes, named saves and one autosave per turn."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from game.home import saves_dir
from game.scenario import ScenarioError

from . import saves
from .replay import resume_match
from .saves import SaveError

NAME_MAX = 60
# Beside letters and digits, marks that every file system takes in a file name.
NAME_MARKS = " -_',.!()&"
SUFFIX = ".json"
TEMP_PREFIX = ".summit-"
TEMP_SUFFIX = ".tmp"
# A temporary file this old was left by a process that died mid-write; none takes a second.
STALE_SECONDS = 600


def default_dir() -> Path:
    return saves_dir()


def write_atomic(path: Path, text: str, mode: int = 0o644) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename over."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_temporary(path.parent, [f"{TEMP_PREFIX}*{TEMP_SUFFIX}"])
    # A short fixed name, so the temporary file fits wherever the file it becomes fits.
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
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


def sweep_temporary(folder: Path, patterns) -> None:
    """Remove temporary files matching `patterns` that a process killed mid-write left behind."""
    now = time.time()
    try:
        for path in [p for pattern in patterns for p in folder.glob(pattern)]:
            if now - path.stat().st_mtime > STALE_SECONDS:
                path.unlink(missing_ok=True)
    except OSError:
        pass  # a leftover that cannot be removed now is tried again on the next write


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


def name_bytes_limit(folder: Path) -> int:
    """The longest save name, in bytes, that the saves folder's file system takes (with '.json')."""
    try:
        longest = os.pathconf(folder if folder.exists() else folder.parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        longest = 255
    return longest - len(SUFFIX)


def check_name(name: str, folder: Path | None = None) -> None:
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
    limit = name_bytes_limit(folder) if folder is not None else 255 - len(SUFFIX)
    size = len(name.encode("utf-8"))
    if size > limit:
        raise SaveError(f"this name is too long for a file name here ({size} bytes; at most {limit}): "
                        "shorten it, or use plainer letters")


PLAYERS = "players"
PLAYER_MAX = 40


def check_player(name: str) -> str:
    """A player's name as it keeps their games apart: plain letters and marks, compared without case.
    Return the name tidied, or raise SaveError saying what is wrong with it."""
    name = " ".join(name.split())
    if len(name) > PLAYER_MAX:
        raise SaveError(f"a player's name is at most {PLAYER_MAX} characters; this one has {len(name)}")
    try:
        check_name(name)
    except SaveError as err:
        raise SaveError(str(err).replace("a save name", "a player's name").replace("the save", "yourself")) from None
    return name


class SaveStore:
    """The saves of one player at this computer: `base` holds the games of a player who gave no name (and all
    games from before names), base/players/<name> each named player's, so Continue and Load offer a player only
    their own."""

    def __init__(self, root=None, player: str = ""):
        self.base = Path(root) if root else default_dir()
        self.player = check_player(player) if player else ""
        self.root = self.base / PLAYERS / self.player.casefold() if self.player else self.base

    def for_player(self, player: str) -> "SaveStore":
        """The same saves folder, seen as `player` (SaveError if the name cannot be used)."""
        return SaveStore(self.base, player)

    @property
    def autosave_dir(self) -> Path:
        return self.root / "autosave"

    def save(self, state, name: str, seats=None, journal=None) -> Path:
        check_name(name, self.root)
        body = saves.build(state, seats, name=name, saved_at=time.strftime("%Y-%m-%d %H:%M"), journal=journal)
        path = self.root / f"{name}{SUFFIX}"
        self._write(path, saves.dumps(body))
        return path

    def _write(self, path: Path, text: str) -> None:
        # Saves were once written through temporary files named after them: sweep those too, here only.
        sweep_temporary(path.parent, [f".*{SUFFIX}.*{TEMP_SUFFIX}"])
        write_atomic(path, text)

    def autosave(self, state, seats=None, journal=None) -> Path:
        """Keep one autosave per turn of the current game (turn 1, 2, ...)."""
        scen = state.game.scenario
        body = saves.build(state, seats, name=f"{scen.title}, day {state.turn}",
                           saved_at=time.strftime("%Y-%m-%d %H:%M"), journal=journal)
        path = self.autosave_dir / f"{scen.id}-turn-{state.turn:02d}{SUFFIX}"
        self._write(path, saves.dumps(body))
        return path

    def clear_autosaves(self, scenario_id: str) -> None:
        for path in self.autosave_dir.glob(f"{scenario_id}-turn-*{SUFFIX}"):
            path.unlink()

    def named(self) -> list:
        """Named saves, newest first. OSError if the saves folder cannot be read."""
        return _newest_first(self.root)

    def autosaves(self) -> list:
        return _newest_first(self.autosave_dir)

    def locate(self, ref) -> Path:
        """The file a save reference names: a path, or the name it was saved under."""
        path = Path(ref)
        try:
            if path.is_file():
                return path
            if path.is_dir():
                raise SaveError(f"{path} is a folder, not a save file")
            # "Report.json" is the name of a save in "Report.json.json"; "Report.json" also names "Report".
            names = [n for n in [str(ref)] + ([path.stem] if path.suffix == SUFFIX else []) if _plain_name(n)]
            if path.parent != Path(".") or not names:
                raise SaveError(f"{path} does not exist")
            for folder in (self.root, self.autosave_dir):
                for name in names:
                    candidate = folder / f"{name}{SUFFIX}"
                    if candidate.is_file():
                        return candidate
            known = [p.stem for p in self.named()]
        except OSError as err:
            raise SaveError(f"{ref} cannot be read: {err.strerror or err}") from None
        hint = f"saves in {self.root}: {', '.join(known[:8])}" if known else f"there are no saves in {self.root}"
        raise SaveError(f"there is no save '{ref}' (give a file path or a save's name; {hint})")

    def read(self, ref) -> saves.Save:
        """A save's checked contents, by file path or by the name it was saved under."""
        path = self.locate(ref)
        try:
            with path.open("rb") as handle:
                data = handle.read(saves.MAX_SAVE_BYTES + 1)
        except FileNotFoundError:
            raise SaveError(f"{path} does not exist") from None
        except OSError as err:
            raise SaveError(f"{path} cannot be read: {err.strerror or err}") from None
        if len(data) > saves.MAX_SAVE_BYTES:
            raise SaveError(f"{path} is over {saves.MAX_SAVE_BYTES // 2 ** 20} MiB, more than any Summit save")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise SaveError(f"{path} cannot be read: it is not UTF-8 text ({err.reason} at byte {err.start})") from None
        return saves.parse(text, str(path))

    def latest_good_autosave(self):
        """(path, match, save, skipped) for the newest autosave that replays; skipped lists refused ones."""
        skipped: list[tuple[Path, str]] = []
        try:
            paths = self.autosaves()
        except OSError as err:
            return None, None, None, [(self.autosave_dir, f"the autosave folder cannot be read: {err}")]
        for path in paths:
            try:
                save = self.read(path)
                return path, resume_match(save, str(path)), save, skipped
            except (SaveError, ScenarioError, OSError) as err:
                skipped.append((path, str(err)))
        return None, None, None, skipped


def _plain_name(name: str) -> bool:
    try:
        check_name(name)
    except SaveError:
        return False
    return True


def _newest_first(folder: Path) -> list:
    """The .json files in a folder, newest first; a file that vanishes meanwhile is left out."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    dated = []
    for entry in entries:
        if not entry.name.endswith(SUFFIX) or entry.name.startswith("."):
            continue
        try:
            if entry.is_file():
                dated.append((entry.stat().st_mtime, entry.name, Path(folder, entry.name)))
        except FileNotFoundError:
            continue
    return [p for _, _, p in sorted(dated, reverse=True)]
