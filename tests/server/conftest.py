"""The `host` fixture: class servers that each test starts and the fixture always stops."""

from __future__ import annotations

from pathlib import Path

import pytest
from hosting import Host


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

