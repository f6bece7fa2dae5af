"""Run many independent jobs: in this process, on a local process pool, or on a Ray cluster.

A job is a picklable top-level function and its argument; each job's result depends only on
that argument (games carry their own seeds), so every way of running gives the same results,
returned in the order the jobs were given.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import socket
from concurrent.futures import ProcessPoolExecutor

RAY_MISSING = "Ray is not installed here: pip install -e '.[ray]'"


class BatchError(Exception):
    """A batch could not be run where it was asked to (no Ray, no cluster at that address)."""


def run(fn, jobs: list, workers: int = 1, ray: str | None = None, progress=None) -> list:
    """[fn(job) for job in jobs], spread over `workers` processes or the Ray cluster at `ray`.

    `ray` is an address ("auto" for the cluster this machine belongs to, "local" to start one
    here for the run, or host:port); `progress(result)` is called as each job finishes.
    """
    if ray:
        return _on_ray(fn, jobs, ray, progress)
    if workers <= 1 or len(jobs) <= 1:
        out = []
        for job in jobs:
            out.append(fn(job))
            if progress:
                progress(out[-1])
        return out
    out = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(fn, jobs):
            out.append(result)
            if progress:
                progress(result)
    return out


def _reachable(address: str) -> None:
    """Fail at once, rather than after Ray's own minutes of retries, when nothing listens there."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        return      # "auto", "local" or a ray:// address: Ray resolves those itself
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError as err:
        raise BatchError(f"no Ray cluster at {address}: {err.strerror or err}") from None


def _on_ray(fn, jobs, address, progress):
    if importlib.util.find_spec("ray") is None:
        raise BatchError(RAY_MISSING)
    _reachable(address)
    if address == "local":
        # A cluster started for one run serves this machine only: keep it on the loopback address.
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    import ray as ray_lib

    started = not ray_lib.is_initialized()
    if started:
        try:
            ray_lib.init(address=address, logging_level=logging.ERROR,
                         log_to_driver=False, include_dashboard=False)
        except (ConnectionError, RuntimeError, ValueError) as err:
            raise BatchError(f"no Ray cluster at {address}: {err}") from None
    try:
        remote = ray_lib.remote(fn)
        pending = {remote.remote(job): k for k, job in enumerate(jobs)}
        results = [None] * len(jobs)
        waiting = list(pending)
        while waiting:
            done, waiting = ray_lib.wait(waiting, num_returns=1)
            k = pending[done[0]]
            results[k] = ray_lib.get(done[0])
            if progress:
                progress(results[k])
        return results
    finally:
        if started:
            ray_lib.shutdown()
