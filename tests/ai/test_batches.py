"""Batches of games give the same results in one process, on a process pool and on Ray."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from game import batch
from game.catalog import load_scenario
from game.exploit import margins, play

ROOT = Path(__file__).resolve().parents[2]


def _square(n):
    return n * n


def test_jobs_come_back_in_order_however_they_are_spread():
    jobs = list(range(9))
    assert batch.run(_square, jobs) == batch.run(_square, jobs, workers=2) == [n * n for n in jobs]


def test_exploitability_games_are_paired_and_the_same_on_a_pool():
    scenario = load_scenario("moscow-2020")
    kinds = ("hard", "daily_demand")
    here = play(scenario, 3, seed=4, seats=["russia"], kinds=kinds, opponents=("normal",))
    pool = play(scenario, 3, seed=4, seats=["russia"], kinds=kinds, opponents=("normal",), workers=2)
    assert here == pool and set(here) == {("russia", "normal", k) for k in kinds}
    assert all(len(v) == 3 for v in here.values())
    assert set(margins(here)) == {("russia", "normal", "daily_demand")}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def ray_head():
    """A one-machine Ray cluster on the loopback address, started and stopped by this test."""
    pytest.importorskip("ray", reason="the ray extra is not installed: pip install -e '.[ray]'")
    port = _free_port()
    temp = tempfile.mkdtemp(prefix="ray")   # short: Ray's socket paths must fit in 107 bytes
    env = dict(os.environ, RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER="0", RAY_AUTH_MODE="token",
               RAY_AUTH_TOKEN=secrets.token_hex(32), RAY_USAGE_STATS_ENABLED="0")
    ray = Path(sys.executable).parent / "ray"
    head = subprocess.Popen([str(ray), "start", "--head", "--block", f"--port={port}", "--num-cpus=2",
                             "--include-dashboard=false", f"--temp-dir={temp}", "--disable-usage-stats"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if head.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the local Ray head did not start")
            time.sleep(0.5)
        yield f"127.0.0.1:{port}", env
    finally:
        head.terminate()
        try:
            head.wait(timeout=60)
        except subprocess.TimeoutExpired:
            head.kill()
            head.wait()
        shutil.rmtree(temp, ignore_errors=True)


def _simulate(env, *args):
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "simulate", "--scenario", "sochi-2008",
                          "--games", "8", "--seed", "3", "--json", *args],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_simulate_on_ray_gives_exactly_the_local_results(ray_head):
    address, env = ray_head
    local = _simulate(env, "--workers", "2")
    assert _simulate(env, "--ray", address) == local == _simulate(env)


def test_exploitability_benchmark_runs_on_ray_with_the_local_results(ray_head):
    address, env = ray_head
    args = [sys.executable, str(ROOT / "benchmarks" / "exploitability.py"), "--games", "2",
            "--scenario", "moscow-2020"]
    on_ray = subprocess.run(args + ["--ray", address], capture_output=True, text=True, cwd=ROOT, env=env,
                            timeout=600)
    local = subprocess.run(args + ["--workers", "1"], capture_output=True, text=True, cwd=ROOT, env=env,
                           timeout=600)
    assert on_ray.returncode == 0 and local.returncode == 0, on_ray.stderr + local.stderr
    table = [line for line in on_ray.stdout.splitlines() if not line.endswith(" s")]
    assert table == [line for line in local.stdout.splitlines() if not line.endswith(" s")]
    assert "turkey" in on_ray.stdout and "never_concede" in on_ray.stdout


def test_a_missing_cluster_is_one_clear_line():
    pytest.importorskip("ray", reason="the ray extra is not installed: pip install -e '.[ray]'")
    port = _free_port()
    env = dict(os.environ, RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER="0")
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "simulate", "--scenario", "sochi-2008",
                          "--games", "2", "--ray", f"127.0.0.1:{port}"],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert run.returncode == 2 and "no Ray cluster at" in run.stderr and "Traceback" not in run.stderr
