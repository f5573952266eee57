"""One SQLite connection (stdlib sqlite3), shared by threads one at a time.

A file database runs in WAL mode, so readers never wait for the writer and several
server processes can share it; the writer waits up to `BUSY_TIMEOUT` seconds for
another process's write. `durable` databases commit with `synchronous=FULL` (a
committed write survives a crash of the process or the machine); the others skip the
fsync, for state that may be lost (rate-limit windows, fault plans).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

BUSY_TIMEOUT = 10.0


class Database:
    def __init__(self, path: str | None, *, durable: bool, schema: str) -> None:
        self.path = path
        self._connection = sqlite3.connect(
            path or ":memory:", timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
        )
        self._lock = threading.Lock()
        if path is not None:
            self._connection.execute("PRAGMA journal_mode = WAL")
        self._connection.execute(f"PRAGMA synchronous = {'FULL' if durable else 'OFF'}")
        self._connection.executescript(schema)

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        """One statement in its own implicit transaction; its rows."""
        with self._lock:
            return self._connection.execute(sql, parameters).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """`BEGIN IMMEDIATE`: the write lock first, so two writers never interleave."""
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._connection.close()
