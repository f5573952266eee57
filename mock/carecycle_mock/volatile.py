"""State of a running mock that is not data: rate-limit windows, fault plans, request
counts and the journal (journal.py).

Several server processes (`--workers N`) share it through SQLite (`SharedVolatileState`, in a
file next to the `--db` file, `<db>-runtime`, or a temporary one). A single process keeps
it in its own memory (`LocalVolatileState`): the same behaviour, without a database statement
on every request. Neither is durable: a restart clears it. Keys appear here only as
sha256 digests.
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeAlias

from carecycle_mock.database import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS rate_hits (key TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS rate_hits_by_key ON rate_hits (key, at);
CREATE TABLE IF NOT EXISTS rate_windows (key TEXT PRIMARY KEY, hits INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS fault_plans (
    scope TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    plan TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS request_counts (key TEXT PRIMARY KEY, count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS journal (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    entry TEXT NOT NULL
);
"""


# A journal entry's JSON text, or a function and the record it makes the text from
# (see journal_append): one function for every entry, and a flat tuple, so that an
# entry kept costs two tuples, not a closure per request.
LazyText: TypeAlias = tuple[Callable[[Any], str], Any]
JournalText: TypeAlias = str | LazyText


def journal_text(entry: JournalText) -> str:
    if isinstance(entry, str):
        return entry
    make, record = entry
    return make(record)


@dataclass(frozen=True)
class StoredPlan:
    scope: str
    version: str
    plan: str
    position: int


class VolatileState(Protocol):
    def clear(self) -> None: ...

    def count_request(self, key: str) -> None: ...

    def request_count(self, key: str | None) -> int:
        """Requests seen with this key digest, or with any key (and none) when None."""

    def admit(self, key: str, limit: int, window: float, now: float) -> float | None:
        """Record a hit if fewer than `limit` fell in the last `window` seconds.

        Returns None when admitted, else the time of the oldest hit in the window: a
        slot frees when it leaves.
        """

    def put_plan(self, scope: str, version: str, plan: str) -> None: ...

    def delete_plans(self) -> None: ...

    def plans_for(self, scope: str) -> list[StoredPlan]:
        """The plan of this scope, then the global plan (scope ''), those that exist."""

    def take_step(self, scope: str, version: str, length: int) -> int | None:
        """Claim the next step of a plan's script; its index, or None when all are taken."""

    def journal_append(self, key: str, entry: JournalText, limit: int) -> None:
        """Append an entry (JSON text) for a request with this key digest, keeping the last `limit`.

        An entry may come as a function and the record it makes its text from: the state in a process's own
        memory makes it when the journal is read (a request then pays for no entry nobody
        reads), the shared one at once, for the other processes.
        """

    def journal_entries(self, key: str | None) -> list[tuple[int, str]]:
        """The entries (sequence, JSON text) of requests with this key digest (all when None),
        oldest first."""

    def close(self) -> None: ...


def open_volatile_state(path: str | None) -> VolatileState:
    """The volatile state in the SQLite file at `path`, shared; in memory when None."""
    return LocalVolatileState() if path is None else SharedVolatileState(path)


class LocalVolatileState:
    """The volatile state of one server process, in its memory."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: dict[str, deque[float]] = {}
        self._plans: dict[str, StoredPlan] = {}
        self._counts: Counter[str] = Counter()
        self._journal: deque[tuple[int, str, JournalText]] = deque()
        self._sequence = 0

    def clear(self) -> None:
        with self._lock:
            self._hits.clear()
            self._plans.clear()
            self._counts.clear()
            self._journal.clear()

    # `count_request`, `admit` and `journal_append` come with every request: they take the
    # lock by `acquire` and `release`, which cost half of what a `with` statement costs.

    def count_request(self, key: str) -> None:
        lock = self._lock
        lock.acquire()
        try:
            self._counts[key] = self._counts.get(key, 0) + 1
        finally:
            lock.release()

    def request_count(self, key: str | None) -> int:
        with self._lock:
            return self._counts.total() if key is None else self._counts[key]

    def admit(self, key: str, limit: int, window: float, now: float) -> float | None:
        lock = self._lock
        lock.acquire()
        try:
            hits = self._hits.get(key)
            if hits is None:
                hits = self._hits[key] = deque()
            expired = now - window
            while hits and hits[0] <= expired:
                hits.popleft()
            if len(hits) >= limit:
                return hits[0]
            hits.append(now)
            return None
        finally:
            lock.release()

    def put_plan(self, scope: str, version: str, plan: str) -> None:
        with self._lock:
            self._plans[scope] = StoredPlan(scope, version, plan, 0)

    def delete_plans(self) -> None:
        with self._lock:
            self._plans.clear()

    def plans_for(self, scope: str) -> list[StoredPlan]:
        if not self._plans:  # the common case, and no plan is lost by not locking for it
            return []
        with self._lock:
            return [self._plans[name] for name in dict.fromkeys((scope, "")) if name in self._plans]

    def take_step(self, scope: str, version: str, length: int) -> int | None:
        with self._lock:
            stored = self._plans.get(scope)
            if stored is None or stored.version != version or stored.position >= length:
                return None
            self._plans[scope] = replace(stored, position=stored.position + 1)
            return stored.position

    def journal_append(self, key: str, entry: JournalText, limit: int) -> None:
        lock = self._lock
        lock.acquire()
        try:
            if self._journal.maxlen != limit:  # the deque drops the oldest itself
                self._journal = deque(self._journal, maxlen=limit)
            self._sequence += 1
            self._journal.append((self._sequence, key, entry))
        finally:
            lock.release()

    def journal_entries(self, key: str | None) -> list[tuple[int, str]]:
        with self._lock:
            entries = [(seq, text) for seq, k, text in self._journal if key in (None, k)]
        return [(seq, journal_text(text)) for seq, text in entries]

    def close(self) -> None:
        self.clear()


class SharedVolatileState:
    """The volatile state in an SQLite file that every server process opens."""

    def __init__(self, path: str) -> None:
        self._db = Database(path, durable=False, schema=SCHEMA)

    def clear(self) -> None:
        with self._db.transaction() as connection:
            connection.execute("DELETE FROM rate_hits")
            connection.execute("DELETE FROM rate_windows")
            connection.execute("DELETE FROM fault_plans")
            connection.execute("DELETE FROM request_counts")
            connection.execute("DELETE FROM journal")

    def count_request(self, key: str) -> None:
        self._db.query(
            "INSERT INTO request_counts (key, count) VALUES (?, 1)"
            " ON CONFLICT (key) DO UPDATE SET count = count + 1",
            (key,),
        )

    def request_count(self, key: str | None) -> int:
        if key is None:
            rows = self._db.query("SELECT coalesce(sum(count), 0) FROM request_counts")
        else:
            rows = self._db.query(
                "SELECT coalesce(sum(count), 0) FROM request_counts WHERE key = ?", (key,)
            )
        return int(rows[0][0])

    def admit(self, key: str, limit: int, window: float, now: float) -> float | None:
        # `rate_windows` keeps each key's count of hits in the window, so that no request
        # counts the window's rows: with a high limit there are many.
        with self._db.transaction() as connection:
            expired = connection.execute(
                "DELETE FROM rate_hits WHERE key = ? AND at <= ?", (key, now - window)
            ).rowcount
            row = connection.execute(
                "UPDATE rate_windows SET hits = hits - ? WHERE key = ? RETURNING hits",
                (expired, key),
            ).fetchone()
            if row is not None and row[0] >= limit:
                (oldest,) = connection.execute(
                    "SELECT min(at) FROM rate_hits WHERE key = ?", (key,)
                ).fetchone()
                return float(oldest)
            connection.execute("INSERT INTO rate_hits (key, at) VALUES (?, ?)", (key, now))
            connection.execute(
                "INSERT INTO rate_windows (key, hits) VALUES (?, 1)"
                " ON CONFLICT (key) DO UPDATE SET hits = hits + 1",
                (key,),
            )
            return None

    def put_plan(self, scope: str, version: str, plan: str) -> None:
        self._db.query(
            "INSERT OR REPLACE INTO fault_plans (scope, version, plan, position) VALUES (?, ?, ?, 0)",
            (scope, version, plan),
        )

    def delete_plans(self) -> None:
        self._db.query("DELETE FROM fault_plans")

    def plans_for(self, scope: str) -> list[StoredPlan]:
        rows = self._db.query(
            "SELECT scope, version, plan, position FROM fault_plans WHERE scope IN (?, '')"
            " ORDER BY scope = ''",
            (scope,),
        )
        return [StoredPlan(*row) for row in rows]

    def take_step(self, scope: str, version: str, length: int) -> int | None:
        rows = self._db.query(
            "UPDATE fault_plans SET position = position + 1"
            " WHERE scope = ? AND version = ? AND position < ? RETURNING position - 1",
            (scope, version, length),
        )
        return int(rows[0][0]) if rows else None

    def journal_append(self, key: str, entry: JournalText, limit: int) -> None:
        text = journal_text(entry)
        # One sequence for every worker: SQLite assigns it under its write lock. Trimming
        # by sequence is a range of the primary key, usually one row or none.
        with self._db.transaction() as connection:
            (sequence,) = connection.execute(
                "INSERT INTO journal (key, entry) VALUES (?, ?) RETURNING sequence", (key, text)
            ).fetchone()
            connection.execute("DELETE FROM journal WHERE sequence <= ?", (sequence - limit,))

    def journal_entries(self, key: str | None) -> list[tuple[int, str]]:
        if key is None:
            rows = self._db.query("SELECT sequence, entry FROM journal ORDER BY sequence")
        else:
            rows = self._db.query(
                "SELECT sequence, entry FROM journal WHERE key = ? ORDER BY sequence", (key,)
            )
        return [(int(sequence), str(text)) for sequence, text in rows]

    def close(self) -> None:
        self._db.close()
