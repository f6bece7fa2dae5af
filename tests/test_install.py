"""An ordinary install works: a wheel built from the source, installed in a fresh virtual environment,
runs `summit validate` and `summit shots` with the scenarios and fonts it ships.

Offline: the wheel is built with the setuptools of the test environment, and installed without
its dependencies, which the fresh environment reads from the test environment's site-packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run(*args, cwd, env=None, timeout=600):
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{args[:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the summit command, its python, an environment for it) in a fresh virtual environment."""
    root = tmp_path_factory.mktemp("install")
    source = root / "source"  # a copy, so the build leaves nothing in the working tree
    shutil.copytree(REPO / "game", source / "game", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--quiet",
        "-w", root / "dist", source, cwd=root)
    [wheel] = (root / "dist").glob("summit-*.whl")
    target = root / "env"
    venv.EnvBuilder(with_pip=True).create(target)
    python = target / "bin" / "python"
    run(python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", wheel, cwd=root)
    # the dependencies (numpy, pygame-ce, PyYAML) come from this environment, after the new one's own packages
    new_site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=root).stdout.strip()
    Path(new_site, "test-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(SUMMIT_SAVE_DIR=str(root / "saves"), SUMMIT_SCENARIO_DIR=str(root / "mine"),
               SUMMIT_SETTINGS=str(root / "settings.json"), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    return target / "bin" / "summit", python, env, wheel, root


def test_the_wheel_carries_the_scenarios_and_fonts(installed):
    names = zipfile.ZipFile(installed[3]).namelist()
    assert {"game/scenarios/moscow-2020.yaml", "game/scenarios/sochi-2008.yaml",
            "game/assets/fonts/DejaVuSans.ttf", "game/assets/fonts/LICENSE-DejaVu.txt"} <= set(names)
    assert any(n.endswith("entry_points.txt") for n in names)


def test_the_installed_package_is_the_one_that_runs_with_its_fonts(installed):
    summit, python, env, _, root = installed
    where = run(python, "-c", "import game; print(game.__file__)", cwd=root, env=env).stdout.strip()
    assert where.startswith(str(root / "env")), where
    font = run(python, "-c", "from game.ui.text import FONT_DIR, FONT_FILES; p = FONT_DIR / FONT_FILES[False]; "
                             "print(p.is_file(), p)", cwd=root, env=env).stdout.split()
    assert font[0] == "True" and font[1].startswith(str(root / "env")), font


def test_summit_validate_from_the_install(installed):
    summit, python, env, _, root = installed
    shipped = run(python, "-c", "from game.catalog import scenario_paths; print(*scenario_paths(), sep='\\n')",
                  cwd=root, env=env).stdout.split("\n")
    shipped = [p for p in shipped if p]
    assert len(shipped) == 2 and all(p.startswith(str(root / "env")) for p in shipped)
    result = run(summit, "validate", *shipped, cwd=root, env=env)
    assert [ln.split(": ok: ")[0] for ln in result.stdout.splitlines()] == shipped
    usage = run(summit, "--help", cwd=root, env=env).stdout
    assert usage.startswith("usage: summit")


def test_summit_shots_from_the_install(installed):
    summit, python, env, _, root = installed
    out = root / "shots"
    result = run(summit, "shots", "--out", out, cwd=root, env=env)
    assert len(list(out.glob("*.png"))) == 16, result.stdout
    assert "16 images in" in result.stdout
