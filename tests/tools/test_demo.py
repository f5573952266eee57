"""`make demo` runs to the end, shows what it promises, leaks no key and leaves no server."""

from __future__ import annotations

import re
import subprocess
import sys

import httpx
import pytest

from carecycle_mock.data import load_dataset


@pytest.fixture(scope="module")
def demo() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "carecycle_tools.demo"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_demo_exits_0(demo: subprocess.CompletedProcess[str]) -> None:
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.rstrip().endswith("Demo complete.")


def test_the_demo_shows_each_step(demo: subprocess.CompletedProcess[str]) -> None:
    for shown in (
        "client information         absent",
        "client information         id ",
        "pending -> completed",
        "BadRequestError (HTTP 400, code STATUS_NOT_TERMINAL)",
        "UnprocessableEntityError (HTTP 422, code VALIDATION_ERROR)",
        "AuthenticationError (HTTP 401, code UNAUTHORIZED)",
        "PermissionDeniedError (HTTP 403, code FORBIDDEN)",
    ):
        assert shown in demo.stdout


def test_the_counts_change_after_the_patch(demo: subprocess.CompletedProcess[str]) -> None:
    counts = re.findall(r"enrollments by status\s+(\{.*\})", demo.stdout)
    assert len(counts) == 2
    assert counts[0] != counts[1]


def test_the_demo_prints_no_key(demo: subprocess.CompletedProcess[str]) -> None:
    output = demo.stdout + demo.stderr
    for key in load_dataset().api_keys:
        assert key.key not in output
    assert "cc_this_key_does_not_exist_0000" not in output


def test_the_demo_leaves_no_server_behind(demo: subprocess.CompletedProcess[str]) -> None:
    match = re.search(r"at (http://127\.0\.0\.1:\d+)", demo.stdout)
    assert match
    with pytest.raises(httpx.ConnectError):
        httpx.get(match.group(1), timeout=5)
