"""A stateful careCycle API mock server, driven by openapi.yaml.

from carecycle_mock import create_app, MockConfig, MockTransport
app = create_app(MockConfig(rate_limit=None))   # a Starlette app
app.state.mock.set_faults(FaultPlan(script=(StatusFault(500),)))
httpx.Client(transport=MockTransport(app), base_url="http://mock")   # in process, sync

The pytest plugin (carecycle_mock.pytest_plugin) gives a test a mock on a loopback port.
"""

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
from carecycle_mock.state import MockState
from carecycle_mock.transport import AsyncMockTransport, MockTransport

__all__ = [
    "AsyncMockTransport",
    "ConnectionDropped",
    "DelayFault",
    "DropFault",
    "Fault",
    "FaultPlan",
    "JournalEntry",
    "MockConfig",
    "MockState",
    "MockTransport",
    "PassFault",
    "StatusFault",
    "create_app",
]
