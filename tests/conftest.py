"""Shared by every test folder: `hosting` (class servers for tests) is importable, the `host` fixture
starts class servers that it always stops, and every test sees an empty scenarios folder of its own,
never the player's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from game.home import SCENARIOS_ENV

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hosting import Host  # noqa: E402


@pytest.fixture(autouse=True)
def private_scenarios(tmp_path_factory, monkeypatch):
    folder = tmp_path_factory.mktemp("scenarios")
    monkeypatch.setenv(SCENARIOS_ENV, str(folder))
    return folder


@pytest.fixture
def host(tmp_path):
    servers: list[Host] = []

    def start(*args: str, folder: Path | None = None) -> Host:
        server = Host(folder or tmp_path, *args)
        servers.append(server)
        server.start()
        return server

    yield start
    for server in servers:
        server.stop()
        server.kill()
