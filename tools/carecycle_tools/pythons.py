"""The client and mock suites on every other Python 3.11+ this machine has.

    python -m carecycle_tools.pythons [PYTEST_ARGS...]

`make pytest` runs the whole suite on the workspace's interpreter; this runs
tests/client and tests/mock again on each other interpreter found, each in its own
environment synced from uv.lock (`.venvs/<version>`), as many side by side as the
machine has cores. Interpreters are looked for as
`python3.N` in every directory on PATH and in pyenv's versions, and told apart by
their real executable, so a pyenv shim and the interpreter behind it count once; of
each minor version only the newest runs, and none of the current one's.
Every supported minor version that is missing is reported, never skipped silently;
a missing one does not fail the run (a bare machine has one Python), a failing one does.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
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


def environment_for(interpreter: Interpreter) -> dict[str, str]:
    environment = dict(os.environ, UV_PROJECT_ENVIRONMENT=str(ENVIRONMENTS / interpreter.label))
    environment.pop("VIRTUAL_ENV", None)
    return environment


def sync(interpreter: Interpreter) -> bool:
    """Install `interpreter`'s environment from uv.lock; False, said, when it cannot be."""
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
        env=environment_for(interpreter),
        check=False,
    )
    if synced.returncode != 0:
        print(f"python {interpreter.label}: cannot install the environment", flush=True)
    return synced.returncode == 0


def run_suites(interpreter: Interpreter, pytest_args: list[str]) -> bool:
    """The suites on `interpreter`; their output is printed whole once they end, so that
    the runs of several interpreters side by side do not interleave."""
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
        env=environment_for(interpreter),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    print(
        f"python {interpreter.label} ({interpreter.executable}): {' '.join(SUITES)}\n"
        + tested.stdout,
        end="" if tested.stdout.endswith("\n") else "\n",
        flush=True,
    )
    # pytest's 5 (no test ran) fails the run like any other non-zero exit.
    return tested.returncode == 0


def run_all(interpreters: list[Interpreter], pytest_args: list[str]) -> dict[str, bool]:
    """Each interpreter's suites, as many side by side as the machine has cores.

    A suite keeps about one core busy, its servers included, so on a 2-core machine two
    interpreters take the time of one. The environments are installed first, one by one,
    since uv would serialise them on its cache anyway.
    """
    ready = [each for each in interpreters if sync(each)]
    results = {each.label: False for each in interpreters}
    with ThreadPoolExecutor(max_workers=max(1, min(len(ready), os.cpu_count() or 1))) as pool:
        runs = {each.label: pool.submit(run_suites, each, pytest_args) for each in ready}
        results |= {label: run.result() for label, run in runs.items()}
    return results


def one_per_minor(found: list[Interpreter], current: Interpreter | None) -> list[Interpreter]:
    """The newest interpreter of each minor version other than the current one's.

    A second 3.11 beside the workspace's 3.11 would run the same suites on the same
    language and standard library again, for a quarter of the matrix's time.
    """
    newest = {each.minor: each for each in sorted(found)}
    return [each for minor, each in newest.items() if current is None or minor != current.minor]


def main(argv: list[str] | None = None) -> int:
    pytest_args = list(sys.argv[1:] if argv is None else argv)
    current = probe(Path(sys.executable))
    found = interpreters()
    others = one_per_minor(found, current)
    print(
        "python matrix: found "
        + (", ".join(f"{each.label} ({each.executable})" for each in found) or "none"),
        flush=True,
    )
    if current:
        print(f"python {current.label}: the whole suite ran on it (make pytest)", flush=True)
    missing = [minor for minor in SUPPORTED if not any(each.minor == minor for each in found)]
    results = run_all(others, pytest_args)
    print("python matrix summary:")
    if current:
        print(f"  {current.label}: whole suite (make pytest)")
    for label, passed in results.items():
        print(f"  {label}: {'passed' if passed else 'FAILED'} ({', '.join(SUITES)})")
    for each in found:
        if each not in others and each.executable != (current and current.executable):
            print(f"  {each.label}: not run, {each.minor} is tested on another interpreter")
    for minor in missing:
        print(f"  {minor}: not on this machine, not tested")
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
