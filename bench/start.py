"""Start: from launching a server to its first answer, our mock and Prism.

Each start launches the server's command of measurement 1 on the server core; this
harness, on the load core, tries to connect every POLL_INTERVAL_S and, once a connection
is accepted, sends the GET of the mix's seeded campaign on it. A start lasts from the
launch to the whole answer, which must be a 200; the server is then stopped.

Our mock starts from its wheels, installed in an environment of their own as a consuming
team installs them: the workspace's editable install reads openapi.yaml, where the wheel
carries the spec as JSON too. Python reads its modules from their bytecode, as from any
installed wheel (pip compiles it): the child processes may write it (this environment may
say PYTHONDONTWRITEBYTECODE), and one untimed start of each server writes it before the
timed ones.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench import probes, processes
from bench.report import Ratio, Section, command_block, table
from bench.rounds import alternating, median, spread
from bench.servers import MOCK, PRISM_SERVER, ROOT, Server, our_mock

UV = ROOT / ".tools" / "bin" / "uv"
FLOOR = ROOT / "bench" / "start_floor.py"
POLL_INTERVAL_S = 0.002
GIVE_UP_S = 30.0
# Issue 17: the mock answers its first request within 0.3 s of being started.
TARGET_S = 0.3


class StartError(Exception):
    """A server did not answer its first request as it should."""


def _first_answer(port: int, request: bytes, deadline: float) -> int:
    """The status of the first answer to `request`; connection attempts until one is taken."""
    while time.monotonic() < deadline:
        try:
            connection = socket.create_connection((processes.HOST, port), timeout=GIVE_UP_S)
        except ConnectionRefusedError:
            time.sleep(POLL_INTERVAL_S)  # polling a port that is not open yet
            continue
        with connection:
            connection.sendall(request)
            answer = b""
            while chunk := connection.recv(65536):
                answer += chunk
        if answer:
            return int(answer.split(b" ", 2)[1])
    raise StartError(f"no answer on port {port} within {GIVE_UP_S:.0f} s")


def _start(server: Server, log: Path, commands: dict[str, str]) -> Callable[[], float]:
    probe = probes.seeded_probes()[0].request

    def run() -> float:
        port = processes.free_port()
        command = processes.pinned(server.command(port), str(processes.SERVER_CPU))
        commands[server.name] = " ".join(command)
        request = (
            f"GET {probe.path} HTTP/1.1\r\nHost: {processes.HOST}:{port}\r\n"
            f"x-api-key: {probe.key}\r\nConnection: close\r\n\r\n"
        ).encode()
        with log.open("ab") as output:
            started = time.monotonic()
            process = subprocess.Popen(
                command,
                env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                status = _first_answer(port, request, started + GIVE_UP_S)
                elapsed = time.monotonic() - started
            finally:
                processes.stop(process)
        if status != 200:
            raise StartError(f"{server.name} answered its first request {status}, not 200")
        return elapsed

    return run


def installed_mock(directory: Path) -> Server:
    """Our mock, started from its wheels (`make build`) installed in a fresh environment
    in `directory`, with the versions of uv.lock: the serving stack of measurement 1."""
    wheels, venv = directory / "wheels", directory / "venv"
    locked = directory / "locked.txt"
    commands = [
        ["make", "--no-print-directory", "build", f"DIST={wheels}"],
        [
            str(UV),
            "export",
            "--quiet",
            "--frozen",
            "--all-packages",
            "--no-emit-workspace",
            "--no-dev",
            "--no-hashes",
            "--output-file",
            str(locked),
        ],
        [str(UV), "venv", "--quiet", "--clear", "--python", sys.executable, str(venv)],
        [
            str(UV),
            "pip",
            "install",
            "--quiet",
            "--python",
            str(venv / "bin" / "python"),
            "--find-links",
            str(wheels),
            "--constraint",
            str(locked),
            "carecycle-mock",
        ],
    ]
    for command in commands:
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return Server(MOCK.name, partial(our_mock, python=str(venv / "bin" / "python")))


def stack_floor(mock: Server) -> Server:
    """bench/start_floor.py, with the interpreter and packages of `mock`'s environment."""
    python = mock.command(0)[0]
    return Server(
        "fixed-response app on uvicorn alone",
        lambda port: [python, str(FLOOR), "--port", str(port)],
    )


def measure(*, rounds: int, log_dir: Path) -> Section:
    log_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="carecycle-bench-start-") as scratch:
        mock = installed_mock(Path(scratch))
        servers = [mock, PRISM_SERVER, stack_floor(mock)]
        commands: dict[str, str] = {}
        contenders = {
            server.name: _start(server, log_dir / "start.log", commands) for server in servers
        }
        for warm_up in contenders.values():
            warm_up()
        starts = alternating(contenders, rounds)
    ours, prism, floor = (median(starts[server.name]) for server in servers)
    rows = [
        [server.name, f"{median(starts[server.name]):.3f} ({spread(starts[server.name])})"]
        for server in servers
    ]
    body = f"""
Seconds from launching the server to the whole answer to its first request (the GET of
the seeded campaign of measurement 1, with the mix's key), median of {rounds}
alternating starts (± is half the range of the starts). Each start launches the
command of measurement 1 on the server core; the harness, on the load core, tries to
connect every {POLL_INTERVAL_S * 1000:g} ms and sends the request on the first
connection the server accepts. The answer must be a 200. Before the timed starts, one
untimed start of each server, after which Python reads the mock's modules from bytecode,
as it does from an installed wheel. Our mock runs from its wheels, built by `make build`
and installed in an environment of their own, as a consuming team runs it. The third
row is the floor: a fixed-response app on uvicorn alone, as the mock runs it
(`bench/start_floor.py`, in the mock's environment), which no application on that
stack can beat.

{table(["server", "seconds to the first answer"], rows)}
{command_block(list(commands.values()))}"""
    ratios = [
        Ratio(f"start: {MOCK.name}, seconds to its first answer", ours, ceiling=TARGET_S),
        Ratio(f"start: Prism's seconds / {MOCK.name}'s", prism / ours),
        Ratio(f"start: seconds {MOCK.name} adds to its serving stack's", ours - floor),
    ]
    return Section("5. Start", body, ratios)
