"""The client and mock suites on every other Python 3.11+ this machine has.

    python -m carecycle_tools.pythons [PYTEST_ARGS...]

`make pytest` runs the whole suite on the workspace's interpreter; this runs
tests/client and tests/mock again on each other interpreter found, each in its own
environment synced from uv.lock (`.venvs/<version>`). Interpreters are looked for as
`python3.N` in every directory on PATH and in pyenv's versions, and told apart by
their real executable, so a pyenv shim and the interpreter behind it count once.
Every supported minor version that is missing is reported, never skipped silently;
a missing one does not fail the run (a bare machine has one Python), a failing one does.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SUPPORTED = ("3.11", "3.12", "3.13", "3.14")
SUITES = ("tests/client", "tests/mock")
ENVIRONMENTS = Path(".venvs")
UV = Path(".tools") / "bin" / "uv"
PROBE = "import json, sys; print(json.dumps([sys.executable, list(sys.version_info[:3])]))"


@dataclass(frozen=True, order=True)
class Interpreter:
    version: tuple[int, int, int]
    executable: str

    @property
    def label(self) -> str:
        return ".".join(map(str, self.version))

    @property
    def minor(self) -> str:
        return ".".join(map(str, self.version[:2]))


def candidates() -> list[Path]:
    """Every `python3.N` on PATH and every pyenv-installed python3."""
    found: list[Path] = []
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        if directory:
            found += sorted(Path(directory).glob("python3.[0-9]*"))
    pyenv_root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    found += sorted(pyenv_root.glob("versions/*/bin/python3"))
    return [path for path in found if re.fullmatch(r"python3(\.\d+)?", path.name)]


def probe(path: Path) -> Interpreter | None:
    """What `path` runs, or None when it runs nothing (a shim with no version behind it)."""
    try:
        result = subprocess.run(
            [str(path), "-I", "-c", PROBE], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    executable, version = json.loads(result.stdout)
    return Interpreter((version[0], version[1], version[2]), os.path.realpath(executable))


def interpreters() -> list[Interpreter]:
    """Each distinct interpreter of a supported version, by version."""
    seen: dict[str, Interpreter] = {}
    for path in candidates():
        found = probe(path)
        if found and found.minor in SUPPORTED:
            seen.setdefault(found.executable, found)
    return sorted(seen.values())


def run_suites(interpreter: Interpreter, pytest_args: list[str]) -> bool:
    environment = dict(os.environ, UV_PROJECT_ENVIRONMENT=str(ENVIRONMENTS / interpreter.label))
    environment.pop("VIRTUAL_ENV", None)
    synced = subprocess.run(
        [
            str(UV),
            "sync",
            "--locked",
            "--all-packages",
            "--quiet",
            "--python",
            interpreter.executable,
        ],
        env=environment,
        check=False,
    )
    if synced.returncode != 0:
        print(f"python {interpreter.label}: cannot install the environment", flush=True)
        return False
    print(f"python {interpreter.label} ({interpreter.executable}): {' '.join(SUITES)}", flush=True)
    tested = subprocess.run(
        [
            str(UV),
            "run",
            "--no-sync",
            "--python",
            interpreter.executable,
            "pytest",
            *SUITES,
            "-q",
            "-p",
            "no:cacheprovider",
            *pytest_args,
        ],
        env=environment,
        check=False,
    )
    # pytest's 5 (no test ran) fails the run like any other non-zero exit.
    return tested.returncode == 0


def main(argv: list[str] | None = None) -> int:
    pytest_args = list(sys.argv[1:] if argv is None else argv)
    current = probe(Path(sys.executable))
    found = interpreters()
    others = [each for each in found if current is None or each.executable != current.executable]
    print(
        "python matrix: found "
        + (", ".join(f"{each.label} ({each.executable})" for each in found) or "none"),
        flush=True,
    )
    if current:
        print(f"python {current.label}: the whole suite ran on it (make pytest)", flush=True)
    missing = [minor for minor in SUPPORTED if not any(each.minor == minor for each in found)]
    results = {each.label: run_suites(each, pytest_args) for each in others}
    print("python matrix summary:")
    if current:
        print(f"  {current.label}: whole suite (make pytest)")
    for label, passed in results.items():
        print(f"  {label}: {'passed' if passed else 'FAILED'} ({', '.join(SUITES)})")
    for minor in missing:
        print(f"  {minor}: not on this machine, not tested")
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
