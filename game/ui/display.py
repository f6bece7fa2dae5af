"""Is there a screen to open a window on? Asked before pygame touches the display."""

from __future__ import annotations

import os
import sys

HEADLESS_DRIVERS = ("dummy", "offscreen")
NO_DISPLAY = ("Summit needs a display for its window and none was found; on this machine use the headless "
              "commands: python main.py validate | simulate | replay (python main.py --help lists them all).")


def display_problem(env=None, platform=None) -> str:
    """The one-line message to print when no window can be opened, or '' when one can be tried."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    driver = env.get("SDL_VIDEODRIVER", "").lower()
    if driver in HEADLESS_DRIVERS:
        return ""
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not driver:
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            return NO_DISPLAY
    return ""


def window_failure(err: Exception, display_up: bool) -> str:
    """What to print when pygame failed with `err`: the no-display line if the window could not be opened,
    else '' (another failure, to be raised)."""
    text = str(err).lower()
    if "video" in text or "display" in text or not display_up:
        return f"{NO_DISPLAY} ({err})"
    return ""
