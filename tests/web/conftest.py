"""A real browser for the web client's tests: Debian's chromium driven by Playwright.

Where chromium is missing the tests are skipped with what to install, except under CI
(CI=true), where a missing browser fails the run.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]


def _missing(why: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{why}; CI must run the browser tests")
    pytest.skip(why)


# One browser per test file: Playwright keeps an event loop running on this thread while it is
# open, and tests elsewhere run their own asyncio loops.
@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        _missing("the browser tests need Debian's chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the browser tests need Playwright (pip install -e '.[test]')")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def contexts(browser):
    """New browser contexts (each like a separate device), closed after the test."""
    made = []

    def new(width=1280, height=800):
        context = browser.new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(15_000)
        made.append(context)
        return context

    yield new
    for context in made:
        context.close()
