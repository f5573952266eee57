"""Where the contract suite sends its requests.

By default (`make test`) to the mock twice: in process through its ASGI app, and as a
real server on a free loopback port. `make contract BASE_URL=... API_KEY=...` sets
CARECYCLE_CONTRACT_TARGET=remote and sends them to that deployment only; the key is
read from the environment and never printed (schemathesis shows it as `[Filtered]`).
"""

from __future__ import annotations

import os

import pytest

from carecycle_mock.data import load_dataset

REMOTE = os.environ.get("CARECYCLE_CONTRACT_TARGET") == "remote"


def api_key() -> str:
    """The read+write key schemathesis authenticates with."""
    if REMOTE:
        return required_env("API_KEY")
    return load_dataset().key(permissions={"read", "write"}).key


def request_rate() -> str | None:
    """How fast schemathesis may send, or None for as fast as it can.

    careCycle allows 60 requests a minute per key, so against a deployment 50/m, unless
    `make contract ... RATE=300/m` (or RATE=off, for one without a limit) says otherwise.
    """
    if not REMOTE:
        return None
    rate = os.environ.get("RATE") or "50/m"
    return None if rate == "off" else rate


def required_env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise pytest.UsageError(f"make contract needs {name}=...")
    return value
