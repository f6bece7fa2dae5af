"""Writing a report's folder whole or not at all.

Every file is first written under a temporary name beside its place and flushed; only when all of
them are written are they renamed into place. A failure on the way (a full disk, a folder that
cannot be written) removes what was written and leaves any earlier report as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ReportError


def write_folder(out: Path, files: dict) -> list:
    """Write `files` (relative path -> text) under `out`; return the paths written."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out} is a file, not a folder: give --out a folder to write the report into")
    made: list = []
    temps: list = []
    try:
        for folder in sorted({(out / name).parent for name in files}, key=lambda p: len(p.parts)):
            _mkdirs(folder, made)
        for name, text in files.items():
            target = out / name
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temps.append((tmp, target))
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)
        for tmp, target in temps:
            os.replace(tmp, target)
    except OSError as err:
        for tmp, _ in temps:
            Path(tmp).unlink(missing_ok=True)
        for folder in reversed(made):
            try:
                folder.rmdir()
            except OSError:
                pass
        where = err.filename or out
        raise ReportError(f"cannot write the report to {out}: {where}: {err.strerror or err}") from None
    return [target for _, target in temps]


def _mkdirs(folder: Path, made: list) -> None:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        made.append(path)
