"""Hostile clients on real sockets: the server process's connections, time and memory stay bounded.

Two servers: one with short deadlines (idle 1 s, head 1.5 s, body 2 s), and one with a
long idle deadline and few connections, for the connection limit and the memory of
clients that do not read. Every wait is for a condition, with a deadline.
"""

from __future__ import annotations

import http.client
import json
import os
import resource
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from carecycle_mock.data import ApiKey, Dataset
from carecycle_mock.process import MockProcess

PATCH = "/v2/customers/campaign-status"
MIB = 1024 * 1024
IDLE, HEAD, BODY = 1.0, 1.5, 2.0
# Far above every deadline here: a connection still open then was never closed.
GIVE_UP = 20.0
MAX_CONNECTIONS = 48


@pytest.fixture(scope="module")
def quick() -> Iterator[MockProcess]:
    """A server whose deadlines pass in seconds."""
    arguments = ("--idle-timeout", str(IDLE), "--head-timeout", str(HEAD))
    with MockProcess(*arguments, "--body-timeout", str(BODY), "--rate-limit", "0") as server:
        yield server
        assert_no_error_logged(server)


@pytest.fixture(scope="module")
def patient() -> Iterator[MockProcess]:
    """A server that keeps idle connections for a minute, and takes few."""
    with MockProcess(
        "--idle-timeout",
        "60",
        "--max-connections",
        str(MAX_CONNECTIONS),
        "--rate-limit",
        "0",
        "--no-access-log",
    ) as server:
        yield server
        assert_no_error_logged(server)


def assert_no_error_logged(server: MockProcess) -> None:
    """Whatever the clients did, the server logged no error and no traceback."""
    log = server.log_text()
    assert " ERROR " not in log, log
    assert "Traceback" not in log, log


def address(server: MockProcess) -> tuple[str, int]:
    location = urlsplit(server.base_url)
    assert location.hostname == "127.0.0.1"
    return "127.0.0.1", location.port or 80


def connect(server: MockProcess) -> socket.socket:
    return socket.create_connection(address(server), timeout=GIVE_UP)


def seconds_until_closed(connection: socket.socket) -> float:
    """How long until the server closes the connection; what it sends meanwhile is read."""
    started = time.monotonic()
    try:
        while connection.recv(65536):
            pass
    except ConnectionResetError:
        pass
    except TimeoutError:
        pytest.fail(f"the server kept the connection open for {GIVE_UP} s")
    return time.monotonic() - started


def answer(connection: socket.socket, method: str = "GET") -> tuple[int, dict[str, str], Any]:
    response = http.client.HTTPResponse(connection, method=method)
    response.begin()
    body = response.read()
    return response.status, dict(response.getheaders()), json.loads(body) if body else None


def request_head(method: str, target: str, *headers: str) -> bytes:
    lines = [f"{method} {target} HTTP/1.1", "Host: mock", *headers, "", ""]
    return "\r\n".join(lines).encode("latin-1")


def campaign_path(dataset: Dataset, key: ApiKey) -> str:
    return f"/v2/campaigns/{dataset.campaigns_of(key.organisation_id)[0].id}"


def test_a_connection_that_sends_nothing_is_closed_after_the_idle_timeout(
    quick: MockProcess,
) -> None:
    with connect(quick) as connection:
        assert seconds_until_closed(connection) >= IDLE * 0.9


def test_a_kept_alive_connection_is_closed_after_the_idle_timeout(
    quick: MockProcess, dataset: Dataset, read_write_key: ApiKey
) -> None:
    with connect(quick) as connection:
        connection.sendall(
            request_head(
                "GET", campaign_path(dataset, read_write_key), f"x-api-key: {read_write_key.key}"
            )
        )
        assert answer(connection)[0] == 200
        assert seconds_until_closed(connection) >= IDLE * 0.9


def test_half_a_head_is_closed_after_the_head_timeout_however_slowly_it_trickles(
    quick: MockProcess,
) -> None:
    """A byte every 0.3 s never lets the head deadline restart: it runs from the first byte."""
    with connect(quick) as connection:
        started = time.monotonic()
        connection.sendall(b"GET /v2/campaigns/x HTTP/1.1\r\nHost: mock\r\n")
        connection.settimeout(0.3)
        closed = False
        for _ in range(int(GIVE_UP / 0.3)):
            try:
                closed = connection.recv(65536) == b""
            except TimeoutError:
                connection.sendall(b"x")
                continue
            except ConnectionResetError:
                closed = True
            break
        assert closed, "the server kept a trickling head"
        assert time.monotonic() - started >= HEAD * 0.9


def test_half_a_body_is_closed_after_the_body_timeout_without_an_error_in_the_log(
    quick: MockProcess, read_write_key: ApiKey
) -> None:
    with connect(quick) as connection:
        connection.sendall(
            request_head(
                "PATCH",
                PATCH,
                f"x-api-key: {read_write_key.key}",
                "content-type: application/json",
                "content-length: 100",
            )
            + b'{"status": '
        )
        assert seconds_until_closed(connection) >= BODY * 0.9
    assert_log_has(quick, "PATCH /v2/customers/campaign-status disconnected")
    assert "ERROR" not in quick.log_text()
    assert "Traceback" not in quick.log_text()


def test_a_client_gone_mid_body_leaves_one_info_line_and_no_error(
    quick: MockProcess, read_write_key: ApiKey
) -> None:
    before = quick.log_text().count("PATCH /v2/customers/campaign-status")
    with connect(quick) as connection:
        connection.sendall(
            request_head(
                "PATCH",
                PATCH,
                f"x-api-key: {read_write_key.key}",
                "content-type: application/json",
                "content-length: 5000",
            )
            + b'{"status": "completed", "padding": "'
        )
    assert_log_has(quick, "PATCH /v2/customers/campaign-status disconnected", times=before + 1)
    log = quick.log_text()
    assert log.count("PATCH /v2/customers/campaign-status") == before + 1
    assert "ERROR" not in log
    assert "Traceback" not in log


def assert_log_has(server: MockProcess, text: str, times: int = 1) -> None:
    deadline = time.monotonic() + GIVE_UP
    while server.log_text().count(text) < times:
        assert time.monotonic() < deadline, f"{text!r} never reached the log:\n{server.log_text()}"
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (
            b"GET /v2/campaigns/x HTTP/1.1\r\nx-api-key: cc_x\r\n\r\n",
            "An HTTP/1.1 request needs a Host header",
        ),
        (
            request_head("PATCH", PATCH, "Transfer-Encoding: gzip, chunked"),
            "Transfer-Encoding other than chunked is not supported",
        ),
        (
            request_head("PATCH", PATCH, "Content-Length: 3", "Content-Length: 4"),
            "Malformed HTTP request",
        ),
        (b"GET /\x01 HTTP/1.1\r\nHost: mock\r\n\r\n", "Malformed HTTP request"),
        (
            b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + bytes(200) + b"\r\n\r\n",
            "Malformed HTTP request",
        ),
    ],
    ids=["no Host", "gzip, chunked", "two lengths", "control character", "TLS"],
)
def test_what_is_not_http_is_a_400_in_the_error_shape(
    quick: MockProcess, head: bytes, message: str
) -> None:
    with connect(quick) as connection:
        connection.sendall(head)
        status, headers, body = answer(connection)
    assert (status, headers["content-type"]) == (400, "application/json")
    assert body == {"message": message, "code": "BAD_REQUEST"}


def test_http_1_0_needs_no_host(
    quick: MockProcess, dataset: Dataset, read_write_key: ApiKey
) -> None:
    with connect(quick) as connection:
        target = campaign_path(dataset, read_write_key)
        connection.sendall(
            f"GET {target} HTTP/1.0\r\nx-api-key: {read_write_key.key}\r\n\r\n".encode()
        )
        assert answer(connection)[0] == 200


@pytest.mark.parametrize("padding", [" ", "\t", " \t ", ""])
def test_whitespace_around_the_key_is_not_part_of_it(
    quick: MockProcess, dataset: Dataset, read_write_key: ApiKey, padding: str
) -> None:
    with connect(quick) as connection:
        key = f"x-api-key:{padding}{read_write_key.key}{padding}"
        connection.sendall(request_head("GET", campaign_path(dataset, read_write_key), key))
        assert answer(connection)[0] == 200


def wire_request(
    server: MockProcess, method: str, target: str, headers: dict[str, str]
) -> tuple[int, Any]:
    """http.client writes the whole head before it reads, as most clients do."""
    connection = http.client.HTTPConnection(*address(server), timeout=GIVE_UP)
    try:
        connection.putrequest(method, target, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        assert response.getheader("content-type") == "application/json"
        return response.status, json.loads(response.read())
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"x-huge": "h" * (8 * MIB)}, "Request head is larger than 65536 bytes"),
        ({"x-big": "b" * 70_000}, "Request head is larger than 65536 bytes"),
        ({f"x-many-{n}": "v" for n in range(100_000)}, "Request head is larger than 65536 bytes"),
        ({f"x-many-{n}": "v" for n in range(100)}, "Request has more than 100 header fields"),
    ],
    ids=["8 MiB header", "70 kB header", "100,000 headers", "101 headers"],
)
def test_a_head_over_the_limits_is_a_400_every_client_reads(
    quick: MockProcess, read_write_key: ApiKey, headers: dict[str, str], message: str
) -> None:
    target = "/v2/campaigns/6616add0-e495-4cff-afd1-e7475179b4bc"
    status, body = wire_request(quick, "GET", target, {"x-api-key": read_write_key.key, **headers})
    assert (status, body) == (400, {"message": message, "code": "BAD_REQUEST"})


def test_a_head_just_within_the_limits_is_served(
    quick: MockProcess, dataset: Dataset, read_write_key: ApiKey
) -> None:
    headers = {"x-api-key": read_write_key.key} | {f"x-many-{n}": "v" * 500 for n in range(90)}
    status, body = wire_request(quick, "GET", campaign_path(dataset, read_write_key), headers)
    assert (status, body["campaign"]["id"]) == (
        200,
        campaign_path(dataset, read_write_key).split("/")[-1],
    )


def urllib_request(
    server: MockProcess, method: str, path: str, headers: dict[str, str], body: bytes
) -> tuple[int, Any]:
    """urllib writes the whole body before it reads the answer."""
    request = urllib.request.Request(
        f"http://{':'.join(map(str, address(server)))}{path}", data=body, method=method
    )
    for name, value in headers.items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=GIVE_UP) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


@pytest.mark.parametrize("size", [4 * MIB, 10 * MIB], ids=["4 MiB", "10 MiB"])
def test_urllib_gets_the_400_for_a_body_too_large(
    quick: MockProcess, read_write_key: ApiKey, size: int
) -> None:
    headers = {"x-api-key": read_write_key.key, "content-type": "application/json"}
    for _ in range(3):
        assert urllib_request(quick, "PATCH", PATCH, headers, b"[" * size) == (
            400,
            {"message": "Request body is larger than 1048576 bytes", "code": "BODY_TOO_LARGE"},
        )


@pytest.mark.parametrize("size", [4 * MIB, 10 * MIB], ids=["4 MiB", "10 MiB"])
def test_urllib_gets_the_answer_to_a_get_with_a_large_body(
    quick: MockProcess, dataset: Dataset, read_write_key: ApiKey, size: int
) -> None:
    path = campaign_path(dataset, read_write_key)
    status, body = urllib_request(
        quick, "GET", path, {"x-api-key": read_write_key.key}, b"x" * size
    )
    assert (status, body["campaign"]["id"]) == (200, path.split("/")[-1])


def test_an_early_answer_keeps_the_connection_once_the_body_is_through(
    quick: MockProcess, dataset: Dataset, read_write_key: ApiKey
) -> None:
    """A 401 before the body is read: the rest of the body is skipped, and the next request
    on the same connection is answered."""
    with connect(quick) as connection:
        connection.sendall(
            request_head("PATCH", PATCH, "content-length: 2000000") + b"[" * 2_000_000
        )
        assert answer(connection)[0] == 401
        connection.sendall(
            request_head(
                "GET", campaign_path(dataset, read_write_key), f"x-api-key: {read_write_key.key}"
            )
        )
        assert answer(connection)[0] == 200


def open_sockets(server: MockProcess) -> int:
    """The server process's open sockets, from /proc."""
    fds = Path(f"/proc/{server.pid}/fd")
    return sum(1 for fd in fds.iterdir() if _readlink(fd).startswith("socket:"))


def _readlink(path: Path) -> str:
    try:
        return os.readlink(path)
    except FileNotFoundError:
        return ""


def resident_bytes(server: MockProcess) -> int:
    for line in Path(f"/proc/{server.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def wait_for(condition: Any, what: str) -> None:
    deadline = time.monotonic() + GIVE_UP
    while not condition():
        assert time.monotonic() < deadline, f"never: {what}"
        time.sleep(0.05)


def pipeline_until_blocked(connection: socket.socket, request: bytes, limit: int) -> int:
    """Send `request` again and again, never reading, until the server stops taking them
    (a send blocks for a second) or `limit` are sent; how many were sent."""
    batch = request * 1000
    connection.settimeout(1.0)
    sent = 0
    while sent < limit:
        try:
            connection.sendall(batch)
        except TimeoutError:
            return sent
        sent += 1000
    return sent


def test_pipelined_requests_are_answered_in_order_each_once(
    quick: MockProcess, dataset: Dataset, read_write_key: ApiKey
) -> None:
    """Sixty requests in one send, GETs and PATCHes with bodies: parsed a slice at a time,
    each is answered once, in the order sent (the request ids say which is which)."""
    enrollment = dataset.enrollments_of(read_write_key.organisation_id)[0]
    body = json.dumps(
        {
            "customerId": enrollment.customer_id,
            "campaignId": enrollment.campaign_id,
            "status": "completed",
        }
    ).encode()
    key = f"x-api-key: {read_write_key.key}"
    pipelined = b"".join(
        request_head(
            "PATCH",
            PATCH,
            key,
            "content-type: application/json",
            f"content-length: {len(body)}",
            f"x-request-id: r{n}",
        )
        + body
        if n % 3 == 0
        else request_head("GET", campaign_path(dataset, read_write_key), key, f"x-request-id: r{n}")
        for n in range(60)
    )
    with connect(quick) as connection, connection.makefile("rb") as stream:
        connection.sendall(pipelined)
        for n in range(60):
            status, headers = read_answer(stream)
            assert (status, headers["x-request-id"]) == (200, f"r{n}")


def read_answer(stream: Any) -> tuple[int, dict[str, str]]:
    """One answer of several on a connection (http.client would read past it)."""
    status = int(stream.readline().split()[1])
    headers = {}
    while (line := stream.readline()) != b"\r\n":
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.lower()] = value.strip()
    stream.read(int(headers["content-length"]))
    return status, headers


def test_a_pipeliner_that_never_reads_is_stopped_and_memory_stays_bounded(
    patient: MockProcess, dataset: Dataset, read_write_key: ApiKey
) -> None:
    """Forty connections each pipeline up to 200,000 GETs without reading an answer. The
    server stops reading each (a send blocks long before the end) and its resident memory
    grows by less than 64 MiB."""
    request = request_head(
        "GET", campaign_path(dataset, read_write_key), f"x-api-key: {read_write_key.key}"
    )
    with connect(patient) as warm_up:
        warm_up.sendall(request)
        assert answer(warm_up)[0] == 200
    idle = resident_bytes(patient)
    connections = [connect(patient) for _ in range(40)]
    try:
        with ThreadPoolExecutor(len(connections)) as pool:
            sent = list(
                pool.map(lambda c: pipeline_until_blocked(c, request, 200_000), connections)
            )
        assert max(sent) < 200_000, "the server read everything it was sent"
        grown = resident_bytes(patient) - idle
        assert grown < 64 * MIB, f"grew by {grown / MIB:.0f} MiB"
    finally:
        for connection in connections:
            connection.close()


def test_a_client_that_stops_reading_is_closed_after_the_idle_timeout(
    quick: MockProcess, dataset: Dataset, read_write_key: ApiKey
) -> None:
    request = request_head(
        "GET", campaign_path(dataset, read_write_key), f"x-api-key: {read_write_key.key}"
    )
    before = open_sockets(quick)
    with connect(quick) as connection:
        assert pipeline_until_blocked(connection, request, 200_000) < 200_000
        wait_for(lambda: open_sockets(quick) <= before, "the server closed the connection")


def test_connections_beyond_the_limit_are_closed_at_once_until_one_frees(
    patient: MockProcess, dataset: Dataset, read_write_key: ApiKey
) -> None:
    baseline = open_sockets(patient)
    held = []
    try:
        for _ in range(MAX_CONNECTIONS):
            held.append(connect(patient))
        wait_for(lambda: open_sockets(patient) >= baseline + MAX_CONNECTIONS, "all accepted")
        with connect(patient) as extra:
            seconds_until_closed(extra)
        held.pop().close()
        wait_for(lambda: open_sockets(patient) < baseline + MAX_CONNECTIONS, "one freed")
        with connect(patient) as next_one:
            next_one.sendall(
                request_head(
                    "GET",
                    campaign_path(dataset, read_write_key),
                    f"x-api-key: {read_write_key.key}",
                )
            )
            assert answer(next_one)[0] == 200
    finally:
        for connection in held:
            connection.close()
    assert "connections open, the limit: closing new ones at once" in patient.log_text()


def test_the_connection_limit_fits_the_limit_on_open_files() -> None:
    """A process that may open only 100 files (hard limit too) takes 36 connections, and
    says so, instead of running out of descriptors."""

    def at_most_100_files() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (100, 100))

    with subprocess.Popen(
        [sys.executable, "-m", "carecycle_mock", "--port", "0", "--no-access-log"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        preexec_fn=at_most_100_files,  # noqa: PLW1509 - no threads of ours fork here
    ) as server:
        try:
            assert server.stdout is not None
            line = server.stdout.readline().decode()
            assert "carecycle-mock listening on http://127.0.0.1:" in line
        finally:
            server.terminate()
        _, errors = server.communicate(timeout=GIVE_UP)
    assert (
        "carecycle-mock: --max-connections 512 lowered to 36: this process may open 100 files"
        in errors.decode()
    )
