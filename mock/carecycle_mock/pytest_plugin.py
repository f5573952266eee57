"""The pytest plugin of carecycle-mock: a careCycle mock for every test of a consumer.

Installing carecycle-mock registers it (the `pytest11` entry point); with plugin
autoload off, `-p carecycle_mock.pytest_plugin` loads it. Fixtures:

- `carecycle_mock` (CareCycleMock): a mock on a real loopback port (`url`), so sync and
  async clients and the service's own HTTP code all reach it. One server per pytest
  process (per xdist worker) and data set, started on first use; every test starts
  from the seed: enrollment statuses, rate-limit windows, fault plans and the journal
  are reset before it.
- `carecycle` / `async_carecycle`: a carecycle_client CareCycle / AsyncCareCycle bound to
  it with the read+write key of `dataset.tenant()`, whose retry waits go to
  `carecycle_mock.retry_waits` instead of sleeping. carecycle-client is imported only by
  these two, so the mock does not depend on it; without it they fail saying so.

Configuration: ini options `carecycle_mock_data` (a data set file, relative to the ini
file), `carecycle_mock_rate_limit` (requests per minute per key, 60 as careCycle; 0 is
none) and `carecycle_mock_journal_size`; per test (or class, or module), the marker
`@pytest.mark.carecycle_mock(data=PATH, rate_limit=N, faults=PLAN)`, PATH relative to
the test's file, PLAN as `set_faults` takes it.

The server runs in a thread of the test process, so a reset and every control are
plain calls, not HTTP: a reset costs less than one request to the mock.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn

from carecycle_mock.app import build_app
from carecycle_mock.config import DEFAULT_RATE_LIMIT, MockConfig
from carecycle_mock.data import Dataset
from carecycle_mock.faults import FAULT_PLAN_URI, FaultPlan, not_a_plan
from carecycle_mock.journal import DEFAULT_JOURNAL_SIZE, JournalEntry
from carecycle_mock.protocol import ConnectionLimits, MockServerConfig
from carecycle_mock.server import IgnoreInjectedDrops
from carecycle_mock.service import MockService

if TYPE_CHECKING:
    from carecycle_client import AsyncCareCycle, CareCycle

MARKER = "carecycle_mock"
MARKER_OPTIONS = ("data", "rate_limit", "faults")
STARTUP_TIMEOUT_SECONDS = 30.0
SHUTDOWN_TIMEOUT_SECONDS = 10.0
# One filter object, so that adding it again (another session in the same process,
# as with pytester) does not stack copies.
_DROPS = IgnoreInjectedDrops()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "carecycle_mock_data",
        "data set JSON file of the carecycle_mock fixture, relative to the ini file "
        "(default: the one packaged with carecycle-mock)",
        default="",
    )
    parser.addini(
        "carecycle_mock_rate_limit",
        f"requests per minute per key of the carecycle_mock fixture; 0 disables "
        f"(default {DEFAULT_RATE_LIMIT}, as careCycle)",
        default=str(DEFAULT_RATE_LIMIT),
    )
    parser.addini(
        "carecycle_mock_journal_size",
        f"requests the carecycle_mock fixture's journal keeps (default {DEFAULT_JOURNAL_SIZE})",
        default=str(DEFAULT_JOURNAL_SIZE),
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(data=None, rate_limit=None, faults=None): the carecycle_mock fixture of "
        "this test: another data set file (relative to the test's file), another rate "
        "limit (0: none), a fault plan from the start (as CareCycleMock.set_faults takes it)",
    )


@dataclass
class CareCycleMock:
    """The mock of one test: its address, its seed, and the controls of its state.

    `state` is the MockService underneath (create_app's `app.state.mock`).
    """

    url: str
    state: MockService
    retry_waits: list[float] = field(default_factory=list)
    """The waits of the `carecycle` and `async_carecycle` clients' retries, in seconds."""

    @property
    def dataset(self) -> Dataset:
        """The seed: `dataset.tenant()` (an organisation with a read+write and a read-only
        key), `dataset.tenant("Northside Physical Therapy")`, `.read_write_key`..."""
        return self.state.dataset

    def requests(self, operation: str | None = None, **filters: Any) -> list[JournalEntry]:
        """The journal since the test began, oldest first: the requests with this
        operationId and filters (method, path, status, code, key_label,
        organisation_id, request_id, api_key; query and body match by subset)."""
        return self.state.requests(operation, **filters)

    def assert_requested(
        self, operation: str | None = None, *, times: int | None = None, **filters: Any
    ) -> list[JournalEntry]:
        """The matching requests; AssertionError, with what was expected and the requests
        seen, if none match (or not exactly `times`)."""
        __tracebackhide__ = True
        return self.state.assert_requested(operation, times=times, **filters)

    def assert_not_requested(self, operation: str | None = None, **filters: Any) -> None:
        __tracebackhide__ = True
        self.state.assert_not_requested(operation, **filters)

    def set_faults(self, plan: FaultPlan | Mapping[str, Any] | None = None, **fields: Any) -> None:
        """Install a fault plan: a FaultPlan, or what `PUT /_mock/faults` takes, as a
        mapping or keywords: `set_faults(script=[{"status": 500}, {"drop": True}])`,
        `set_faults({"rates": {"429": 0.5}, "seed": 1, "apiKey": key})`."""
        self.state.set_faults(_fault_plan(self.state, plan, fields))

    def clear_faults(self) -> None:
        self.state.clear_faults()

    def set_rate_limit(self, limit: int | None) -> None:
        """Requests per minute per key for the rest of this test; 0 or None: no limit."""
        self.state.set_rate_limit(limit)

    def enrollment_status(self, customer_id: str, campaign_id: str) -> str:
        """An enrollment's status now, read past the API: no key, rate limit or journal."""
        return self.state.enrollment_status(customer_id, campaign_id)

    def set_enrollment_status(self, customer_id: str, campaign_id: str, status: str) -> str:
        """Set an enrollment's status past the API (any known status); the one it had."""
        return self.state.set_enrollment_status(customer_id, campaign_id, status)

    def reset(self) -> None:
        """Back to the seed, as at the start of the test (the fault plan of a marker too)."""
        self.state.reset()


def _fault_plan(
    state: MockService, plan: FaultPlan | Mapping[str, Any] | Sequence[Any] | None, fields: Any
) -> FaultPlan:
    if isinstance(plan, FaultPlan):
        if fields:
            raise TypeError("give a FaultPlan or the fields of one, not both")
        return plan
    if isinstance(plan, Mapping):
        data: dict[str, Any] = {**plan, **fields}
    elif plan is None:
        data = dict(fields)
    elif isinstance(plan, Sequence) and not isinstance(plan, str):
        data = {"script": list(plan), **fields}
    else:
        raise TypeError(f"a fault plan is a FaultPlan, a mapping or a script, not {plan!r}")
    issues = state.spec.schemas.compile_ref(FAULT_PLAN_URI).issues(data)
    if issues:
        raise ValueError(not_a_plan(issues))
    return FaultPlan.from_json(data)


class LoopbackServer:
    """A mock served by uvicorn on 127.0.0.1, on a free port, in a daemon thread."""

    def __init__(self, config: MockConfig) -> None:
        self.state = MockService(config)
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.bind(("127.0.0.1", 0))
            listener.listen(128)
        except OSError:
            listener.close()
            self.state.close()
            raise
        self.url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        logging.getLogger("uvicorn.error").addFilter(_DROPS)
        settled = threading.Event()
        self._server = _SignallingServer(
            # The protocol and limits of `carecycle-mock` itself, so the test's mock
            # treats a connection as the server process would.
            MockServerConfig(
                build_app(self.state),
                limits=ConnectionLimits(),
                log_config=None,
                access_log=False,
                lifespan="off",
                ws="none",
                server_header=False,
                timeout_graceful_shutdown=1,
            ),
            settled,
        )

        def run() -> None:
            try:
                self._server.run(sockets=[listener])
            finally:
                listener.close()
                settled.set()

        self._thread = threading.Thread(target=run, name=f"carecycle-mock {self.url}", daemon=True)
        self._thread.start()
        if not settled.wait(STARTUP_TIMEOUT_SECONDS) or not self._server.started:
            self.close()
            raise RuntimeError(f"the carecycle mock on {self.url} did not start")

    def close(self) -> None:
        self._server.should_exit = True
        self._thread.join(SHUTDOWN_TIMEOUT_SECONDS)
        self.state.close()


class _SignallingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, started: threading.Event) -> None:
        super().__init__(config)
        self._started_event = started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self._started_event.set()


class MockServers:
    """The servers of one pytest process, one per data set, started when first needed."""

    def __init__(self, base: MockConfig) -> None:
        self._base = base
        self._servers: dict[Path | None, LoopbackServer] = {}

    def server(self, data_path: Path | None = None) -> LoopbackServer:
        """The server of this data set (None: the ini option's, else the packaged one)."""
        chosen = data_path or self._base.data_path
        key = None if chosen is None else chosen.resolve()
        if key not in self._servers:
            self._servers[key] = LoopbackServer(replace(self._base, data_path=key))
        return self._servers[key]

    def close(self) -> None:
        for server in self._servers.values():
            server.close()
        self._servers.clear()


@pytest.fixture(scope="session")
def carecycle_mock_servers(pytestconfig: pytest.Config) -> Iterator[MockServers]:
    """The loopback servers of this pytest process (each xdist worker has its own)."""
    data = str(pytestconfig.getini("carecycle_mock_data"))
    base = MockConfig(
        data_path=_ini_path(pytestconfig, data) if data else None,
        rate_limit=_ini_int(pytestconfig, "carecycle_mock_rate_limit"),
        journal_size=_ini_int(pytestconfig, "carecycle_mock_journal_size"),
    )
    servers = MockServers(base)
    yield servers
    servers.close()


@pytest.fixture
def carecycle_mock(
    request: pytest.FixtureRequest, carecycle_mock_servers: MockServers
) -> CareCycleMock:
    """A careCycle mock on a loopback port, in its seeded state (see CareCycleMock)."""
    options = _marker_options(request.node)
    data = options.get("data")
    data_path = None if data is None else request.path.parent / Path(data)
    server = carecycle_mock_servers.server(data_path)
    state = server.state
    state.reset()
    ini_limit = _ini_int(request.config, "carecycle_mock_rate_limit")
    state.set_rate_limit(options.get("rate_limit", ini_limit))
    mock = CareCycleMock(server.url, state)
    if options.get("faults") is not None:
        mock.set_faults(options["faults"])
    return mock


@pytest.fixture
def carecycle(carecycle_mock: CareCycleMock) -> Iterator[CareCycle]:
    """A CareCycle on `carecycle_mock` with the read+write key of `dataset.tenant()`;
    its retries record their waits in `carecycle_mock.retry_waits`. It is not paced
    (`rate_limit=None`), whatever `CARECYCLE_RATE_LIMIT` says."""
    _require_client()
    from carecycle_client import CareCycle  # noqa: PLC0415 - optional, see _require_client

    with CareCycle(
        carecycle_mock.dataset.read_write_key.key,
        base_url=carecycle_mock.url,
        sleep=carecycle_mock.retry_waits.append,
        rate_limit=None,  # unpaced whatever CARECYCLE_RATE_LIMIT says: sleep only records
    ) as client:
        yield client


@pytest.fixture
def async_carecycle(carecycle_mock: CareCycleMock) -> AsyncCareCycle:
    """An AsyncCareCycle on `carecycle_mock`, as `carecycle`, for any async test runner.

    It keeps no connection open between requests (each belongs to the event loop of the
    test that made it), so it needs no closing and fits any event loop.
    """
    _require_client()
    import httpx  # noqa: PLC0415 - a dependency of carecycle-client, needed only here

    from carecycle_client import AsyncCareCycle  # noqa: PLC0415 - see _require_client

    waits = carecycle_mock.retry_waits

    async def record(seconds: float) -> None:
        waits.append(seconds)

    return AsyncCareCycle(
        carecycle_mock.dataset.read_write_key.key,
        base_url=carecycle_mock.url,
        sleep=record,
        rate_limit=None,  # as `carecycle`
        transport=httpx.AsyncHTTPTransport(limits=httpx.Limits(max_keepalive_connections=0)),
    )


def _require_client() -> None:
    """The client fixtures import carecycle-client when used, not when pytest loads the
    plugin: a suite that uses only `carecycle_mock` does not pay for the import."""
    try:
        import carecycle_client  # noqa: F401, PLC0415
    except ImportError:
        pytest.fail(
            "the carecycle and async_carecycle fixtures need carecycle-client: install it "
            "beside carecycle-mock (pip install carecycle-client)",
            pytrace=False,
        )


def _marker_options(node: pytest.Item | pytest.Collector) -> dict[str, Any]:
    """The marker's options, those of the test over its class's over its module's."""
    options: dict[str, Any] = {}
    for marker in reversed(list(node.iter_markers(MARKER))):
        if marker.args:
            pytest.fail(f"@pytest.mark.{MARKER} takes keywords only: {', '.join(MARKER_OPTIONS)}")
        unknown = set(marker.kwargs) - set(MARKER_OPTIONS)
        if unknown:
            pytest.fail(
                f"@pytest.mark.{MARKER}: unknown options {sorted(unknown)}; "
                f"known: {', '.join(MARKER_OPTIONS)}",
                pytrace=False,
            )
        options.update(marker.kwargs)
    return options


def _ini_int(config: pytest.Config, name: str) -> int:
    text = str(config.getini(name)).strip()
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise pytest.UsageError(f"{name} = {text!r}: expected a whole number, 0 or more")
    return value


def _ini_path(config: pytest.Config, text: str) -> Path:
    base = config.inipath.parent if config.inipath is not None else config.rootpath
    path = base / text
    if not path.is_file():
        raise pytest.UsageError(f"carecycle_mock_data = {text!r}: no file {path}")
    return path
