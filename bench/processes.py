"""Server processes of the benchmarks, each pinned to the server core.

On two cores a server and its load generator each get a core of their own: a server
that shares a core with its load measures the scheduler, not the server.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

SERVER_CPU = 0
LOAD_CPU = 1
HOST = "127.0.0.1"


class ServerError(Exception):
    """A server did not start; its log says why."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def pinned(command: Sequence[str], cpus: str) -> list[str]:
    """`command` run on the given cores only (taskset's list syntax, e.g. "0" or "0-1")."""
    return ["taskset", "--cpu-list", cpus, *command]


@contextmanager
def serving(
    command: Sequence[str], *, port: int, log: Path, ready_within: float = 90.0
) -> Iterator[int]:
    """Run `command` on the server core until the block ends; yields its process id."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as output:
        # A session of its own, so that stopping it stops the children it forks too.
        process = subprocess.Popen(
            pinned(command, str(SERVER_CPU)),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_listening(process, port, ready_within, log)
            if os.sched_getaffinity(process.pid) != {SERVER_CPU}:
                raise ServerError(f"{command[0]} is not pinned to core {SERVER_CPU}")
            yield process.pid
        finally:
            stop(process)


def _wait_until_listening(
    process: subprocess.Popen[bytes], port: int, ready_within: float, log: Path
) -> None:
    deadline = time.monotonic() + ready_within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"server exited with status {process.returncode}; see {log}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)  # polling a port that is not open yet
    raise ServerError(f"server not listening on port {port} after {ready_within:.0f} s; see {log}")


def stop(process: subprocess.Popen[bytes]) -> None:
    for stop_signal in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, stop_signal)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue
