"""The Python matrix finds each interpreter once and reports every supported version it lacks."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from carecycle_tools import pythons


@pytest.fixture
def path_with_two_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """PATH of two directories whose python3.N both lead to this interpreter; no pyenv."""
    minor = f"python3.{sys.version_info.minor}"
    for directory in ("first", "second"):
        (tmp_path / directory).mkdir()
        (tmp_path / directory / minor).symlink_to(os.path.realpath(sys.executable))
    (tmp_path / "first" / "python3.99-config").write_text("not an interpreter")
    monkeypatch.setenv("PATH", f"{tmp_path / 'first'}{os.pathsep}{tmp_path / 'second'}")
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "no-pyenv"))
    return minor


def test_an_interpreter_reached_twice_counts_once(path_with_two_links: str) -> None:
    found = pythons.interpreters()

    assert [each.executable for each in found] == [os.path.realpath(sys.executable)]
    assert found[0].version == tuple(sys.version_info[:3])


def test_missing_versions_are_reported_and_only_this_one_runs(
    path_with_two_links: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert pythons.main([]) == 0

    out = capsys.readouterr().out
    current = ".".join(map(str, sys.version_info[:3]))
    assert f"  {current}: whole suite (make pytest)" in out
    for minor in pythons.SUPPORTED:
        if minor != f"3.{sys.version_info.minor}":
            assert f"  {minor}: not on this machine, not tested" in out
    assert "passed (" not in out


def test_a_path_entry_that_runs_nothing_is_passed_over(tmp_path: Path) -> None:
    broken = tmp_path / "python3.12"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)

    assert pythons.probe(broken) is None


def interpreter(version: tuple[int, int, int]) -> pythons.Interpreter:
    return pythons.Interpreter(version, f"/opt/python{'.'.join(map(str, version))}/bin/python3")


def test_each_other_minor_runs_once_on_its_newest_interpreter() -> None:
    current = interpreter((3, 11, 2))
    found = [
        current,
        interpreter((3, 11, 7)),
        interpreter((3, 12, 1)),
        interpreter((3, 12, 8)),
        interpreter((3, 13, 0)),
    ]

    chosen = pythons.one_per_minor(sorted(found), current)

    assert [each.label for each in chosen] == ["3.12.8", "3.13.0"]


def test_the_interpreters_run_side_by_side(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each run waits for the other: run one after the other, the barrier would time out.
    both_running = threading.Barrier(2, timeout=60)

    def run_suites(found: pythons.Interpreter, pytest_args: list[str]) -> bool:
        both_running.wait()
        return found.minor == "3.12"

    monkeypatch.setattr(pythons, "sync", lambda found: True)
    monkeypatch.setattr(pythons, "run_suites", run_suites)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)

    results = pythons.run_all([interpreter((3, 12, 1)), interpreter((3, 13, 0))], [])

    assert results == {"3.12.1": True, "3.13.0": False}


def test_an_environment_that_cannot_be_installed_fails_its_interpreter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pythons, "sync", lambda found: found.minor != "3.13")
    monkeypatch.setattr(pythons, "run_suites", lambda found, pytest_args: True)

    results = pythons.run_all([interpreter((3, 12, 1)), interpreter((3, 13, 0))], [])

    assert results == {"3.12.1": True, "3.13.0": False}
