"""A stateful careCycle API mock server, driven by openapi.yaml.

from carecycle_mock import create_app, MockConfig, MockTransport
app = create_app(MockConfig(rate_limit=None))   # a Starlette app
app.state.mock.set_faults(FaultPlan(script=(StatusFault(500),)))
httpx.Client(transport=MockTransport(app), base_url="http://mock")   # in process, sync

The pytest plugin (carecycle_mock.pytest_plugin) gives a test a mock on a loopback port.
`app.state.mock` is a MockService; `MockState` is its deprecated name (since 2.1.0).
"""

import warnings
from typing import TYPE_CHECKING, Any

from carecycle_mock.app import create_app
from carecycle_mock.config import MockConfig
from carecycle_mock.faults import (
    ConnectionDropped,
    DelayFault,
    DropFault,
    Fault,
    FaultPlan,
    PassFault,
    StatusFault,
)
from carecycle_mock.journal import JournalEntry
from carecycle_mock.service import MockService

__all__ = [
    "AsyncMockTransport",
    "ConnectionDropped",
    "DelayFault",
    "DropFault",
    "Fault",
    "FaultPlan",
    "JournalEntry",
    "MockConfig",
    "MockService",
    "MockTransport",
    "PassFault",
    "StatusFault",
    "create_app",
]

if TYPE_CHECKING:  # for type checkers and the API diff, which do not run __getattr__
    from carecycle_mock.service import MockService as MockState
    from carecycle_mock.transport import AsyncMockTransport, MockTransport

    __all__ += ["MockState"]  # for them only: at run time the name is not exported, it warns


def __getattr__(name: str) -> Any:
    # The transports import httpx, which the server does not need: they are imported when
    # first asked for, so that `carecycle-mock` starts without it.
    if name in ("MockTransport", "AsyncMockTransport"):
        from carecycle_mock import transport  # noqa: PLC0415 - imported when first used

        return getattr(transport, name)
    # The names a release renamed, still importable for a while, with a warning.
    if name == "MockState":
        warnings.warn(
            "carecycle_mock.MockState is deprecated; use carecycle_mock.MockService",
            DeprecationWarning,
            stacklevel=2,
        )
        return MockService
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
