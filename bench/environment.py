"""The machine and the versions a run measured, so that anyone can rerun it."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from bench.report import table

ROOT = Path(__file__).resolve().parent.parent
PYTHON_PACKAGES = (
    "uvicorn",
    "httptools",
    "uvloop",
    "starlette",
    "jsonschema-rs",
    "httpx",
    "attrs",
    "openapi-python-client",
)


def _first_line(command: list[str]) -> str:
    try:
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError:
        return "not found"
    lines = (completed.stdout + completed.stderr).strip().splitlines()
    return lines[0] if lines else "unknown"


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _os_name() -> str:
    for line in Path("/etc/os-release").read_text().splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip('"')
    return platform.system()


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _git_revision() -> str:
    revision = _first_line(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    changes = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return f"{revision} with uncommitted changes" if changes.strip() else revision


def load_average() -> str:
    return " / ".join(f"{load:.2f}" for load in os.getloadavg())


def describe(node: Path, prism: Path, load_at_start: str) -> str:
    """The environment table of results.md."""
    rows = [
        ["date (UTC)", datetime.now(UTC).strftime("%Y-%m-%d %H:%M")],
        ["cores (nproc)", str(os.cpu_count())],
        ["CPU", _cpu_model()],
        ["OS, kernel", f"{_os_name()}, Linux {platform.release()}"],
        ["load average (1/5/15 min) at start", load_at_start],
        ["load average at end", load_average()],
        ["Python", platform.python_version()],
        ["Node", _first_line([str(node), "--version"])],
        ["Prism (@stoplight/prism-cli)", _first_line([str(node), str(prism), "--version"])],
        ["wrk", _first_line(["wrk", "--version"])],
        ["git commit", _git_revision()],
        *([name, _package_version(name)] for name in PYTHON_PACKAGES),
    ]
    return table(["", ""], rows)
