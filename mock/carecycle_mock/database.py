"""One SQLite connection (stdlib sqlite3), shared by threads one at a time.

A file database runs in WAL mode, so readers never wait for the writer and several
server processes can share it; the writer waits up to `BUSY_TIMEOUT` seconds for
another process's write. `durable` databases commit with `synchronous=FULL` (a
committed write survives a crash of the process or the machine); the others skip the
fsync, for state that may be lost (rate-limit windows, fault plans).
"""

from __future__ import annotations

import fcntl
import os
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


class DatabaseInUse(OSError):
    """Another server process owns the database file."""


class OwnerLock:
    """An exclusive `flock` on `<path>-lock`, held by the one server process that owns `path`.

    The owner clears the volatile state at start; a second server on the same file would
    clear it under the first one's feet (counts, fault plans, rate-limit windows), so it
    is refused instead. The workers of `--workers N` join their parent without the lock.
    The kernel drops the lock when its process ends, `kill -9` included. The file keeps
    the owner's pid, for the message.
    """

    def __init__(self, path: str) -> None:
        self._file = open(f"{path}-lock", "a+", encoding="ascii")  # noqa: SIM115 - closed in release()
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.seek(0)
            owner = self._file.read().strip() or "unknown"
            self._file.close()
            raise DatabaseInUse(
                f"{path} is in use by another carecycle-mock process (pid {owner});"
                " stop that one, or give this one another --db"
            ) from None
        self._file.truncate(0)
        self._file.write(str(os.getpid()))
        self._file.flush()

    def release(self) -> None:
        if not self._file.closed:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
