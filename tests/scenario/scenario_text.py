"""The documented minimal scenario and exact edits to it, shared by the scenario tests."""

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "scenario-format.md"


def minimal_text() -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(r"^## A minimal scenario\n.*?^```yaml\n(.*?)^```", text, re.S | re.M)
    assert found, "docs/scenario-format.md has no ```yaml block under '## A minimal scenario'"
    return found.group(1)


def edit(text: str, *edits) -> str:
    """Apply (old, new) replacements; each `old` must occur exactly once."""
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the scenario"
        text = text.replace(old, new)
    return text
