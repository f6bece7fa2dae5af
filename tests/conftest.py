"""Every test sees an empty scenarios folder of its own, never the player's."""

import pytest

from game.home import SCENARIOS_ENV


@pytest.fixture(autouse=True)
def private_scenarios(tmp_path_factory, monkeypatch):
    folder = tmp_path_factory.mktemp("scenarios")
    monkeypatch.setenv(SCENARIOS_ENV, str(folder))
    return folder
