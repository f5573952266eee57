"""The mock's mutable state: each enrollment's status.

Everything else in the data set (organisations, keys, campaigns, customers) never
changes and is served from memory. Where the statuses live depends on `--db`:

- without it (`MemoryEnrollments`), in the process's memory: a dict of statuses and
  each campaign's counts, kept up to date by every change, under one lock. A status
  change takes a microsecond and a campaign's counts are never counted again.
- with a file (`FileEnrollments`), in SQLite, shared by every server process on the
  file and durable. A status change is one `UPDATE ... RETURNING` statement that keeps
  the old value in `previous_status`: SQLite runs it under its write lock, so
  concurrent changes to one enrollment, from any number of server processes, are
  serialised and each sees the status the one before set. It waits for its fsync, so
  it runs in a worker thread on a connection of its own and the event loop keeps
  serving reads.

`generation()` changes whenever a status may have changed, so that what is computed
from the statuses (a campaign's answer) can be kept until then: in memory the store
counts its changes (a status set to what it was is none); a file may be written by
the writer connection or by other processes (`--workers N`), which SQLite's
`data_version` tells the reader, for every write.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from typing import Protocol

import anyio.to_thread

from carecycle_mock.data import Dataset, DatasetError
from carecycle_mock.database import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS enrollments (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    status TEXT NOT NULL,
    previous_status TEXT,
    UNIQUE (customer_id, campaign_id)
);
CREATE INDEX IF NOT EXISTS enrollments_by_campaign ON enrollments (campaign_id, status);
CREATE TABLE IF NOT EXISTS seed (fingerprint TEXT NOT NULL);
"""


class EnrollmentStore(Protocol):
    """What the API and the controls do with the statuses, wherever they are kept."""

    def seed(self, dataset: Dataset) -> None:
        """Fill the store from the data set (a file: accept it only if it came from it)."""

    def reset(self, dataset: Dataset) -> None:
        """Every enrollment back to its seed status."""

    def generation(self) -> tuple[int, int]:
        """A value that differs from the last one returned once a status may have changed."""

    def status_counts(self, campaign_id: str) -> Counter[str]:
        """How many of the campaign's enrollments have each status (none of those at 0)."""

    async def set_status(
        self, customer_id: str, campaign_id: str, status: str
    ) -> tuple[str, str] | None:
        """The enrollment's id and its status before this change, or None if not enrolled."""

    def set_status_now(
        self, customer_id: str, campaign_id: str, status: str
    ) -> tuple[str, str] | None:
        """`set_status`, from synchronous code (a test arranging state)."""

    def status(self, customer_id: str, campaign_id: str) -> str | None:
        """The enrollment's status now, or None if the customer is not enrolled."""

    def close(self) -> None: ...


def open_enrollments(path: str | None) -> EnrollmentStore:
    """The statuses in this SQLite file, or in the process's memory when there is none."""
    return MemoryEnrollments() if path is None else FileEnrollments(path)


class MemoryEnrollments:
    """The statuses of one process, in dicts; each campaign's counts kept up to date."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # (customer id, campaign id) -> (enrollment id, status)
        self._enrollments: dict[tuple[str, str], tuple[str, str]] = {}
        self._counts: dict[str, Counter[str]] = {}
        self._changes = 0
        # Whether a status differs from the seed's: the plugin resets before every test.
        self._changed = False

    def seed(self, dataset: Dataset) -> None:
        self._load(dataset)

    def reset(self, dataset: Dataset) -> None:
        if self._changed:
            self._load(dataset)

    def _load(self, dataset: Dataset) -> None:
        with self._lock:
            self._enrollments = {
                (e.customer_id, e.campaign_id): (e.id, e.status) for e in dataset.enrollments
            }
            self._counts = {}
            for enrollment in dataset.enrollments:
                self._counts.setdefault(enrollment.campaign_id, Counter())[enrollment.status] += 1
            self._changes += 1
            self._changed = False

    def generation(self) -> tuple[int, int]:
        return (self._changes, 0)

    def status_counts(self, campaign_id: str) -> Counter[str]:
        with self._lock:
            return Counter(self._counts.get(campaign_id, ()))

    async def set_status(
        self, customer_id: str, campaign_id: str, status: str
    ) -> tuple[str, str] | None:
        return self.set_status_now(customer_id, campaign_id, status)

    def set_status_now(
        self, customer_id: str, campaign_id: str, status: str
    ) -> tuple[str, str] | None:
        pair = (customer_id, campaign_id)
        lock = self._lock
        lock.acquire()  # not `with`, which costs twice as much on every PATCH
        try:
            found = self._enrollments.get(pair)
            if found is None:
                return None
            enrollment_id, previous = found
            if previous != status:
                self._enrollments[pair] = (enrollment_id, status)
                counts = self._counts[campaign_id]
                counts[previous] -= 1
                if not counts[previous]:
                    del counts[previous]
                counts[status] += 1
                self._changes += 1
                self._changed = True
            return enrollment_id, previous
        finally:
            lock.release()

    def status(self, customer_id: str, campaign_id: str) -> str | None:
        found = self._enrollments.get((customer_id, campaign_id))
        return None if found is None else found[1]

    def close(self) -> None:
        """Nothing to close: the statuses go with the process."""


class FileEnrollments:
    """The statuses in an SQLite file: a reader connection, and a writer for changes."""

    def __init__(self, path: str) -> None:
        self._reader = Database(path, durable=True, schema=SCHEMA)
        self._writer = Database(path, durable=True, schema=SCHEMA)
        self._writes = 0

    def seed(self, dataset: Dataset) -> None:
        with self._writer.transaction() as connection:
            row = connection.execute("SELECT fingerprint FROM seed").fetchone()
            if row is None:
                self._insert(connection, dataset)
                connection.execute(
                    "INSERT INTO seed (fingerprint) VALUES (?)", (dataset.fingerprint,)
                )
            elif row[0] != dataset.fingerprint:
                raise DatasetError(
                    f"database {self._writer.path} was seeded from another data set; "
                    "delete it or start with the data set that created it"
                )

    def reset(self, dataset: Dataset) -> None:
        self._writes += 1
        with self._writer.transaction() as connection:
            connection.execute("DELETE FROM enrollments")
            self._insert(connection, dataset)

    def generation(self) -> tuple[int, int]:
        (version,) = self._reader.query("PRAGMA data_version")[0]
        return (self._writes, int(version))

    def status_counts(self, campaign_id: str) -> Counter[str]:
        rows = self._reader.query(
            "SELECT status, count(*) FROM enrollments WHERE campaign_id = ? GROUP BY status",
            (campaign_id,),
        )
        return Counter(dict(rows))

    async def set_status(
        self, customer_id: str, campaign_id: str, status: str
    ) -> tuple[str, str] | None:
        return await anyio.to_thread.run_sync(self._set_status, customer_id, campaign_id, status)

    def _set_status(
        self, customer_id: str, campaign_id: str, status: str
    ) -> tuple[str, str] | None:
        rows = self._writer.query(
            "UPDATE enrollments SET previous_status = status, status = ?"
            " WHERE customer_id = ? AND campaign_id = ? RETURNING id, previous_status",
            (status, customer_id, campaign_id),
        )
        if rows and rows[0][1] != status:
            self._writes += 1  # a status that stays the same changes no count
        return (rows[0][0], rows[0][1]) if rows else None

    def status(self, customer_id: str, campaign_id: str) -> str | None:
        rows = self._reader.query(
            "SELECT status FROM enrollments WHERE customer_id = ? AND campaign_id = ?",
            (customer_id, campaign_id),
        )
        return str(rows[0][0]) if rows else None

    def set_status_now(
        self, customer_id: str, campaign_id: str, status: str
    ) -> tuple[str, str] | None:
        return self._set_status(customer_id, campaign_id, status)

    def close(self) -> None:
        self._reader.close()
        self._writer.close()

    @staticmethod
    def _insert(connection: sqlite3.Connection, dataset: Dataset) -> None:
        connection.executemany(
            "INSERT INTO enrollments (id, customer_id, campaign_id, status) VALUES (?, ?, ?, ?)",
            [(e.id, e.customer_id, e.campaign_id, e.status) for e in dataset.enrollments],
        )
