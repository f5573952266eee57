"""The mock's composition root: it opens every part a running mock holds (the spec, the
data set, the keys, the durable enrollments, the volatile state and what lives in it)
and wires them together, and it has the controls a test uses from Python.

`app.state.mock` is a MockService (formerly MockState, still importable under that name
with a DeprecationWarning): `set_faults(FaultPlan(...))`, `clear_faults()`,
`reset()`, `request_count(api_key)` and `requests(...)` do what the `/_mock` endpoints
do; `enrollment_status`, `set_enrollment_status` and `set_rate_limit` reach the state
no endpoint does.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from carecycle_mock.auth import KeyRing, key_digest
from carecycle_mock.config import MockConfig
from carecycle_mock.data import load_dataset
from carecycle_mock.database import OwnerLock
from carecycle_mock.enrollments import open_enrollments
from carecycle_mock.faults import FAULT_PLAN_SCHEMA, FAULT_PLAN_URI, FaultInjector, FaultPlan
from carecycle_mock.journal import Journal, JournalEntry
from carecycle_mock.ratelimit import RateLimiter
from carecycle_mock.spec import ApiSpec
from carecycle_mock.volatile import VolatileState, open_volatile_state


class MockService:
    """A running mock: its parts, and the controls a test uses from Python."""

    def __init__(
        self,
        config: MockConfig,
        *,
        clock: Callable[[], float] = time.time,
        fresh_volatile_state: bool = True,
        fresh_runtime: bool = True,
    ) -> None:
        """Load the spec and the data set, open (and seed) the databases.

        `fresh_volatile_state=False` joins the volatile state that another process of the
        same server set up (a worker of `--workers N`) instead of clearing it. Otherwise a
        file database is this process's alone: a second owner raises DatabaseInUse.
        `fresh_runtime` is its deprecated name (since 2.1.0).
        """
        if not fresh_runtime:  # its default is the new name's: only False changes anything
            warnings.warn(
                "MockService(fresh_runtime=...) is deprecated; use fresh_volatile_state=...",
                DeprecationWarning,
                stacklevel=2,
            )
            fresh_volatile_state = False
        self.config = config
        database_file = config.database_file
        # Should the rest fail, what was opened is closed again: the databases, and the
        # lock (a refused data set must not leave a connection behind, nor the lock held).
        with ExitStack() as opened:
            self._owner = (
                OwnerLock(database_file) if fresh_volatile_state and database_file else None
            )
            if self._owner is not None:
                opened.callback(self._owner.release)
            self.spec = ApiSpec.load(
                config.spec_path,
                extra={FAULT_PLAN_URI: FAULT_PLAN_SCHEMA},
            )
            self.dataset = load_dataset(config.data_path, spec=self.spec)
            self.keys = KeyRing(self.dataset.api_keys)
            self.enrollments = open_enrollments(config.database_file)
            opened.callback(self.enrollments.close)
            self.enrollments.seed(self.dataset)
            self.volatile = open_volatile_state(config.volatile_file)
            opened.callback(self.volatile.close)
            self.faults = FaultInjector(self.volatile)
            self.journal = Journal(self.volatile, config.journal_size)
            self._clock = clock
            if fresh_volatile_state:
                self.volatile.clear()
                if config.faults is not None:
                    self.faults.install(config.faults)
            self.limiter: RateLimiter | None = None
            self.set_rate_limit(config.rate_limit)
            opened.pop_all()

    @property
    def runtime(self) -> VolatileState:
        """Deprecated name of `volatile` (since 2.1.0)."""
        warnings.warn(
            "MockService.runtime is deprecated; use MockService.volatile",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.volatile

    def set_faults(self, plan: FaultPlan) -> None:
        """Install a plan, replacing the one of the same scope (its key, or global)."""
        self.faults.install(plan)

    def clear_faults(self) -> None:
        self.faults.clear()

    def reset(self) -> None:
        """Seed statuses back; rate-limit windows, fault plans, request counts and the
        journal cleared."""
        self.enrollments.reset(self.dataset)
        self.volatile.clear()

    def request_count(self, api_key: str | None = None) -> int:
        """Requests to the API seen with this key (any key, or none, when None)."""
        return self.volatile.request_count(
            None if api_key is None else key_digest(api_key.encode())
        )

    def requests(
        self, operation: str | None = None, *, api_key: str | None = None, **filters: Any
    ) -> list[JournalEntry]:
        """The journal's entries, oldest first, that pass the filters (journal.matches)."""
        return self.journal.requests(api_key=api_key, operation=operation, **filters)

    def assert_requested(
        self,
        operation: str | None = None,
        *,
        times: int | None = None,
        api_key: str | None = None,
        **filters: Any,
    ) -> list[JournalEntry]:
        """The matching entries; AssertionError, listing the requests seen, if none match
        (or not exactly `times`)."""
        __tracebackhide__ = True  # pytest shows the caller's line, not this one
        return self.journal.assert_requested(
            times=times, api_key=api_key, operation=operation, **filters
        )

    def assert_not_requested(
        self, operation: str | None = None, *, api_key: str | None = None, **filters: Any
    ) -> None:
        __tracebackhide__ = True
        self.journal.assert_not_requested(api_key=api_key, operation=operation, **filters)

    def set_rate_limit(self, limit: int | None) -> None:
        """Requests per window (the config's rate_window) per key from now on; None or 0
        disables the limit.

        This process only: the workers of `--workers N` keep the limit they started with.
        """
        if limit is not None and limit < 0:
            raise ValueError("the rate limit is a positive number of requests per minute, or 0")
        window = self.config.rate_window
        self.limiter = (
            RateLimiter(self.volatile, limit, window=window, clock=self._clock) if limit else None
        )

    def enrollment_status(self, customer_id: str, campaign_id: str) -> str:
        """An enrollment's status now, read past the API (no key, no rate limit, no journal)."""
        status = self.enrollments.status(customer_id.lower(), campaign_id.lower())
        if status is None:
            raise LookupError(f"customer {customer_id} is not enrolled in campaign {campaign_id}")
        return status

    def set_enrollment_status(self, customer_id: str, campaign_id: str, status: str) -> str:
        """Set an enrollment's status past the API, any status the spec or the data set
        knows (not only the terminal ones a PATCH may set); the status it had."""
        known = {*self.spec.component("CustomerCampaignStatus")["enum"]}
        known.update(e.status for e in self.dataset.enrollments)
        if status not in known:
            raise ValueError(f"unknown status {status!r}; known: {', '.join(sorted(known))}")
        changed = self.enrollments.set_status_now(customer_id.lower(), campaign_id.lower(), status)
        if changed is None:
            raise LookupError(f"customer {customer_id} is not enrolled in campaign {campaign_id}")
        return changed[1]

    def close(self) -> None:
        self.enrollments.close()
        self.volatile.close()
        if self._owner is not None:
            self._owner.release()
