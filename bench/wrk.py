"""Load runs with wrk: one thread on the load core, fixed duration and connections."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from bench.processes import LOAD_CPU, pinned

MIX_SCRIPT = Path(__file__).with_name("mix.lua")
_RESULT_PREFIX = "BENCH_RESULT "


class LoadError(Exception):
    """wrk failed or printed no result."""


@dataclass(frozen=True)
class Load:
    """The fixed shape of every load run."""

    duration_s: int
    connections: int

    def command(self, url: str) -> list[str]:
        # One thread: the load core is a single core.
        options = f"--threads 1 --connections {self.connections} --duration {self.duration_s}s"
        return pinned(["wrk", *options.split(), "--script", str(MIX_SCRIPT), url], str(LOAD_CPU))


@dataclass(frozen=True)
class LoadResult:
    requests: int
    bytes_per_response: float
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    socket_errors: int
    statuses: dict[int, int]


@dataclass(frozen=True)
class Request:
    """One request of a load mix; `key` is sent as x-api-key when there is one."""

    method: str
    path: str
    key: str | None = field(default=None, repr=False)
    body: str | None = None

    def line(self, weight: int) -> str:
        fields = [str(weight), self.method, self.path, self.key or "", self.body or ""]
        if any(separator in item for item in fields for separator in "\t\n"):
            raise ValueError(f"{self.method} {self.path}: no tab or newline allowed in a mix")
        return "\t".join(fields)


@dataclass(frozen=True)
class Mix:
    """What mix.lua sends: each request `weight` times out of every sum-of-weights requests."""

    weighted: tuple[tuple[int, Request], ...]

    def environment(self) -> dict[str, str]:
        return {"BENCH_MIX": "\n".join(request.line(weight) for weight, request in self.weighted)}

    def share(self, weight: int) -> float:
        return weight / sum(weight for weight, _ in self.weighted)


def require_wrk() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise LoadError("wrk is not installed: `apt-get install wrk` (Debian/Ubuntu), then rerun")
    return found


def run(load: Load, url: str, mix: Mix) -> LoadResult:
    """Load `url` with wrk sending `mix`, which reaches the script through its environment."""
    completed = subprocess.run(
        load.command(url),
        env={**os.environ, **mix.environment()},
        capture_output=True,
        text=True,
        timeout=load.duration_s + 60,
        check=False,
    )
    if completed.returncode != 0:
        raise LoadError(f"wrk exited with {completed.returncode}: {completed.stderr.strip()}")
    return parse_result(completed.stdout)


def parse_result(output: str) -> LoadResult:
    """The numbers mix.lua's done() prints on its BENCH_RESULT line."""
    lines = [line for line in output.splitlines() if line.startswith(_RESULT_PREFIX)]
    if len(lines) != 1:
        raise LoadError(f"expected one {_RESULT_PREFIX.strip()} line from wrk, got:\n{output}")
    result = json.loads(lines[0].removeprefix(_RESULT_PREFIX))
    return LoadResult(
        requests=result["requests"],
        bytes_per_response=result["bytes"] / max(result["requests"], 1),
        requests_per_second=result["requests"] / (result["duration_us"] / 1e6),
        p50_ms=result["p50_us"] / 1000,
        p99_ms=result["p99_us"] / 1000,
        socket_errors=result["socket_errors"],
        statuses={int(status): count for status, count in result["statuses"].items()},
    )
