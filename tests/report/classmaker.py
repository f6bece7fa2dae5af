"""Class stores for report tests and benchmarks, made through the server's own store and tables.

A table is played by its AI leaders, one decision at a time, committing each step's rows exactly
as a running class server does, so the store is the one `host --data` would leave behind.
"""

from __future__ import annotations

import time
from pathlib import Path

from game.catalog import scenario_source
from game.server.classroom import Classroom
from game.server.store import SQLiteStore
from game.server.tablelog import Row


def make_class(folder: Path, tables: int = 2, scenario: str = "moscow-2020", seed: int = 0,
               days: dict | None = None, ended: bool = False, notes: dict | None = None) -> Classroom:
    """A class of `tables` AI-played tables; `days` stops some tables early ({"T2": 2}: T2 stops at the start of
    day 2; 0 leaves it unstarted); `notes` adds notes between seats ({"T1": [(from, to, name, text)]})."""
    parsed, text, name = scenario_source(scenario)
    store = SQLiteStore(folder)
    room, _ = Classroom.open(store, [(parsed, text, name)], tables, seed, "normal")
    for table_id, r in room.rooms.items():
        table = r.table
        stop = (days or {}).get(table_id)
        if stop == 0:
            continue
        store.append(table_id, table.resume(time.time()))
        for sender, to, who, said in (notes or {}).get(table_id, []):
            store.append(table_id, [table.note_row(sender, to, 1, who, said, time.time())])
        while not table.state.is_over() and (stop is None or table.state.turn < stop):
            store.append(table_id, table.step_ai())
    if ended:
        store.end_class()
        for table_id in room.rooms:
            store.append(table_id, [(Row.END, {})])
    store.close()
    return room
