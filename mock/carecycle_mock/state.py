"""Everything a running mock holds, and the controls a test uses from Python.

`app.state.mock` is a MockState: `set_faults(FaultPlan(...))`, `clear_faults()`,
`reset()` and `request_count(api_key)` do what the `/_mock` endpoints do.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from carecycle_mock.auth import KeyRing, key_digest
from carecycle_mock.config import MockConfig
from carecycle_mock.data import DATASET_URI, dataset_schema, load_dataset
from carecycle_mock.database import OwnerLock
from carecycle_mock.enrollments import EnrollmentStore
from carecycle_mock.faults import FAULT_PLAN_SCHEMA, FAULT_PLAN_URI, FaultInjector, FaultPlan
from carecycle_mock.ratelimit import RateLimiter
from carecycle_mock.runtime import open_runtime
from carecycle_mock.spec import ApiSpec


class MockState:
    def __init__(
        self,
        config: MockConfig,
        *,
        clock: Callable[[], float] = time.time,
        fresh_runtime: bool = True,
    ) -> None:
        """Load the spec and the data set, open (and seed) the databases.

        `fresh_runtime=False` joins the runtime state that another process of the same
        server set up (a worker of `--workers N`) instead of clearing it. Otherwise a
        file database is this process's alone: a second owner raises DatabaseInUse.
        """
        self.config = config
        database_file = config.database_file
        # Should the rest fail, the lock goes with this object (its file closes).
        self._owner = OwnerLock(database_file) if fresh_runtime and database_file else None
        self.spec = ApiSpec.load(
            config.spec_path,
            extra={DATASET_URI: dataset_schema(), FAULT_PLAN_URI: FAULT_PLAN_SCHEMA},
        )
        self.dataset = load_dataset(config.data_path, spec=self.spec)
        self.keys = KeyRing(self.dataset.api_keys)
        self.enrollments = EnrollmentStore(config.database_file)
        self.enrollments.seed(self.dataset)
        self.runtime = open_runtime(config.runtime_file)
        self.faults = FaultInjector(self.runtime)
        if fresh_runtime:
            self.runtime.clear()
            if config.faults is not None:
                self.faults.install(config.faults)
        self.limiter = (
            RateLimiter(self.runtime, config.rate_limit, clock=clock) if config.rate_limit else None
        )

    def set_faults(self, plan: FaultPlan) -> None:
        """Install a plan, replacing the one of the same scope (its key, or global)."""
        self.faults.install(plan)

    def clear_faults(self) -> None:
        self.faults.clear()

    def reset(self) -> None:
        """Seed statuses back; rate-limit windows, fault plans and request counts cleared."""
        self.enrollments.reset(self.dataset)
        self.runtime.clear()

    def request_count(self, api_key: str | None = None) -> int:
        """Requests to the API seen with this key (any key, or none, when None)."""
        return self.runtime.request_count(None if api_key is None else key_digest(api_key.encode()))

    def close(self) -> None:
        self.enrollments.close()
        self.runtime.close()
        if self._owner is not None:
            self._owner.release()
