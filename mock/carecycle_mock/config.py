"""How a mock server is set up."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from carecycle_mock.faults import FaultPlan
from carecycle_mock.journal import DEFAULT_JOURNAL_SIZE

DEFAULT_RATE_LIMIT = 60
DEFAULT_RATE_WINDOW = 60.0


@dataclass(frozen=True)
class MockConfig:
    """Every field is optional; the defaults are an in-memory mock of the packaged data set.

    - `db_path`: SQLite file of the enrollment state (None: in memory). The volatile
      state (rate-limit windows, fault plans) goes to `<db_path>-runtime`.
    - `data_path`: data set file (None: the packaged default).
    - `rate_limit`: requests per window per key; None or 0 disables the limit.
    - `faults`: a fault plan in force from the start.
    - `admin`: mount the `/_mock` control endpoints.
    - `admin_token`: when set, every `/_mock` request needs `Authorization: Bearer TOKEN`.
    - `spec_path`: openapi.yaml (None: the one packaged, or the repository's).
    - `journal_size`: how many requests the journal keeps, the latest (0: none).
    - `rate_window`: the rate limit's window in seconds, a minute as careCycle's; a shorter
      one lets a test of a client's pacing overrun the limit in seconds rather than minutes.
    """

    db_path: str | Path | None = None
    data_path: Path | None = None
    rate_limit: int | None = DEFAULT_RATE_LIMIT
    faults: FaultPlan | None = None
    admin: bool = True
    spec_path: Path | None = None
    admin_token: str | None = field(default=None, repr=False)
    journal_size: int = DEFAULT_JOURNAL_SIZE
    rate_window: float = DEFAULT_RATE_WINDOW  # last: the fields before it keep their positions

    def __post_init__(self) -> None:
        if self.journal_size < 0:
            raise ValueError("journal_size must be a number of requests, or 0 to keep none")
        if self.rate_limit is not None and self.rate_limit < 0:
            raise ValueError(
                "rate_limit must be a positive number of requests per minute, or 0 to disable"
            )
        if not (math.isfinite(self.rate_window) and self.rate_window > 0):
            raise ValueError("rate_window must be a positive, finite number of seconds")
        if self.admin_token is not None and not self.admin_token:
            raise ValueError("admin_token must not be empty")

    @property
    def database_file(self) -> str | None:
        return None if self.db_path in (None, "", ":memory:") else str(self.db_path)

    @property
    def volatile_file(self) -> str | None:
        """The SQLite file of the volatile state, shared by workers (None: in memory)."""
        return None if self.database_file is None else f"{self.database_file}-runtime"

    @property
    def runtime_file(self) -> str | None:
        """Deprecated name of `volatile_file` (since 2.1.0)."""
        warnings.warn(
            "MockConfig.runtime_file is deprecated; use MockConfig.volatile_file",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.volatile_file
