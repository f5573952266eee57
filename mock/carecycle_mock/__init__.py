"""A stateful careCycle API mock server, driven by openapi.yaml.

from carecycle_mock import create_app, MockConfig
app = create_app(MockConfig(rate_limit=None))   # a Starlette app
app.state.mock.set_faults(FaultPlan(script=(StatusFault(500),)))
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
from carecycle_mock.state import MockState

__all__ = [
    "ConnectionDropped",
    "DelayFault",
    "DropFault",
    "Fault",
    "FaultPlan",
    "MockConfig",
    "MockState",
    "PassFault",
    "StatusFault",
    "create_app",
]
