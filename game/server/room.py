"""A table's worker: the one place its changes are made, committed, then announced.

Requests for a table wait in its queue and are taken one at a time: the change is made, its
log rows are committed to the class store, and only then is the request answered and the
table's new state sent out. Between requests the worker lets AI seats act, one decision at a
time, giving the event loop back after each so other tables are never held up by this one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from .protocol import ErrorCode
from .store import ClassStore, StoreError
from .table import Table, TableError
from .tablelog import Row

log = logging.getLogger("summit.server")

Job = Callable[[Table], tuple[list[Any], Any]]   # makes a change; returns (log rows, the answer)


class TableRoom:
    def __init__(self, table: Table, store: ClassStore, load: Callable[[], Table],
                 on_change: Callable[["TableRoom"], None]):
        self.table = table
        self.store = store
        self._load = load              # rebuilds the table from the store after a failed commit
        self._on_change = on_change
        self.queue: asyncio.Queue[Any] = asyncio.Queue()
        self._worker: asyncio.Task[Any] | None = None
        self._timer: asyncio.Task[Any] | None = None
        self._timer_for: tuple[Any, ...] | None = None

    @property
    def id(self) -> str:
        return self.table.id

    def start(self) -> None:
        self._worker = asyncio.create_task(self._work(), name=f"table {self.id}")
        self._reschedule()

    async def stop(self) -> None:
        for task in (self._timer, self._worker):
            if task is not None:
                task.cancel()
        for task in (self._timer, self._worker):
            if task is not None:
                try:
                    await task
                except (asyncio.CancelledError, Exception):
                    pass

    async def run(self, job: Job) -> Any:
        """Make a change on this table's worker; return its answer once its rows are committed."""
        future = asyncio.get_running_loop().create_future()
        await self.queue.put((job, future))
        return await future

    async def _work(self) -> None:
        await self._run_ai()
        while True:
            job, future = await self.queue.get()
            try:
                rows, answer = job(self.table)
                self._commit(rows)
            except TableError as err:
                if not future.done():
                    future.set_exception(err)
                continue
            except StoreError as err:
                self._reload()
                if not future.done():
                    future.set_exception(TableError(ErrorCode.STORE, str(err)))
                continue
            except Exception as err:   # a bug must not stop the table for everyone else
                log.exception("table %s: a request failed", self.id)
                self._reload()
                if not future.done():
                    future.set_exception(TableError(ErrorCode.SERVER, f"the server failed doing that "
                                                                   f"({type(err).__name__}); the error is in the "
                                                                   "server's log"))
                continue
            if not future.done():
                future.set_result(answer)
            self._changed()
            await self._run_ai()

    async def _run_ai(self) -> None:
        steps = 0
        while self.table.ai_to_move() and self.queue.empty():
            try:
                self._commit(self.table.step_ai())
            except StoreError:
                log.exception("table %s: an AI step could not be recorded", self.id)
                self._reload()
                return
            steps += 1
            if steps % 25 == 0:
                self._changed()
            await asyncio.sleep(0)
        if steps:
            self._changed()

    def _commit(self, rows: list[Any]) -> None:
        rows += self.table.after_change(time.time())
        if rows:
            self.store.append(self.id, rows)
            self.table.version += len(rows)

    def _reload(self) -> None:
        """After a failed commit, the table goes back to what the store holds."""
        try:
            self.table = self._load()
        except Exception:
            log.exception("table %s: could not be rebuilt from the store", self.id)
        self._changed()

    def _changed(self) -> None:
        self._reschedule()
        self._on_change(self)

    # -- the deadline's timer -----------------------------------------------------------

    def _reschedule(self) -> None:
        table = self.table
        wanted = None
        if table.deadline is not None and not table.paused and not table.ended:
            wanted = (table.deadline.at, table.deadline.key)
        if wanted == self._timer_for:
            return
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._timer_for = wanted
        if wanted is not None:
            self._timer = asyncio.create_task(self._expire(*wanted), name=f"deadline {self.id}")

    async def _expire(self, at: float, key: tuple[Any, ...]) -> None:
        await asyncio.sleep(max(0.0, at - time.time()))

        def passed(table: Table) -> tuple[list[Any], None]:
            if table.deadline is None or table.deadline.key != key or table.key() != key or table.paused:
                return [], None
            return table.end_slot(Row.TIMEOUT), None

        self._timer_for = None
        self._timer = None
        try:
            await self.run(passed)
        except TableError:
            pass
