"""The mock's mutable state: each enrollment's status, in SQLite.

Everything else in the data set (organisations, keys, campaigns, customers) never
changes and is served from memory. A status change is one `UPDATE ... RETURNING`
statement that keeps the old value in `previous_status`: SQLite runs it under its
write lock, so concurrent changes to one enrollment, from any number of server
processes sharing the file, are serialised and each sees the status the one before set.

In memory (no path) every call runs inline: it takes microseconds. With a file, a
status change waits for its fsync, so it runs in a worker thread on a connection of
its own and the event loop keeps serving reads.

`generation()` changes whenever a status may have changed (not when one is set to
what it was), so that what is computed
from the statuses (a campaign's counts) can be kept until then: in memory only this
object writes, and counts its writes; a file may be written by the writer connection
or by other processes (`--workers N`), which SQLite's `data_version` tells the reader.
"""

from __future__ import annotations

import sqlite3
from collections import Counter

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


class EnrollmentStore:
    def __init__(self, path: str | None) -> None:
        self._reader = Database(path, durable=True, schema=SCHEMA)
        self._writer = self._reader if path is None else Database(path, durable=True, schema=SCHEMA)
        # In memory only this object writes, so it knows when the statuses are still the
        # seed's and a reset has nothing to do (the plugin resets before every test).
        self._changed = path is not None
        self._writes = 0
        self._file = path is not None

    def seed(self, dataset: Dataset) -> None:
        """Fill a new database from the data set; accept an existing one only if it came from it."""
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
        """Every enrollment back to its seed status."""
        if not self._changed:
            return
        self._writes += 1
        with self._writer.transaction() as connection:
            connection.execute("DELETE FROM enrollments")
            self._insert(connection, dataset)
        self._changed = self._writer is not self._reader

    def generation(self) -> tuple[int, int]:
        """A value that differs from the last one returned once a status may have changed."""
        if not self._file:
            return (self._writes, 0)
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
        """The enrollment's id and its status before this change, or None if not enrolled."""
        if self._writer is self._reader:
            return self._set_status(customer_id, campaign_id, status)
        return await anyio.to_thread.run_sync(self._set_status, customer_id, campaign_id, status)

    def _set_status(
        self, customer_id: str, campaign_id: str, status: str
    ) -> tuple[str, str] | None:
        self._changed = True
        rows = self._writer.query(
            "UPDATE enrollments SET previous_status = status, status = ?"
            " WHERE customer_id = ? AND campaign_id = ? RETURNING id, previous_status",
            (status, customer_id, campaign_id),
        )
        if rows and rows[0][1] != status:
            self._writes += 1  # a status that stays the same changes no count
        return (rows[0][0], rows[0][1]) if rows else None

    def status(self, customer_id: str, campaign_id: str) -> str | None:
        """The enrollment's status now, or None if the customer is not enrolled."""
        rows = self._reader.query(
            "SELECT status FROM enrollments WHERE customer_id = ? AND campaign_id = ?",
            (customer_id, campaign_id),
        )
        return str(rows[0][0]) if rows else None

    def set_status_now(
        self, customer_id: str, campaign_id: str, status: str
    ) -> tuple[str, str] | None:
        """`set_status`, from synchronous code (a test arranging state)."""
        return self._set_status(customer_id, campaign_id, status)

    def close(self) -> None:
        self._reader.close()
        if self._writer is not self._reader:
            self._writer.close()

    @staticmethod
    def _insert(connection: sqlite3.Connection, dataset: Dataset) -> None:
        connection.executemany(
            "INSERT INTO enrollments (id, customer_id, campaign_id, status) VALUES (?, ?, ?, ?)",
            [(e.id, e.customer_id, e.campaign_id, e.status) for e in dataset.enrollments],
        )
