"""The minimal scenario from docs/scenario-format.md as a fixture."""

import pytest
from scenario_text import minimal_text


@pytest.fixture(scope="module")
def minimal() -> str:
    return minimal_text()
