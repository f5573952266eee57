"""The packages as a consuming team gets them: the built wheels in a fresh environment.

Nothing from the workspace leaks in: the environment is made by uv from a bare
interpreter, gets only what a test installs, and runs with the workspace's variables
(VIRTUAL_ENV, PYTHONPATH) removed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.repository import ROOT, SPEC

UV = ROOT / ".tools" / "bin" / "uv"
VERSION: str = SPEC["info"]["version"]
# The workspace's own environment, which a consumer's environment must not see.
WORKSPACE_VARIABLES = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "UV_PROJECT_ENVIRONMENT")
LIST_DISTRIBUTIONS = """
import importlib.metadata, json, re
print(json.dumps({
    re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower(): d.version
    for d in importlib.metadata.distributions()
}))
"""


def run(*command: str | Path, cwd: Path = ROOT, **options: Any) -> str:
    """Run a command that must succeed; its output is in the assertion when it does not."""
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, **options
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}{result.stderr}"
    output: str = result.stdout
    return output


@dataclass(frozen=True)
class Wheels:
    """The two wheels `make build` writes, beside their sdists, in `directory`."""

    directory: Path

    @property
    def client(self) -> Path:
        return self.directory / f"carecycle_client-{VERSION}-py3-none-any.whl"

    @property
    def mock(self) -> Path:
        return self.directory / f"carecycle_mock-{VERSION}-py3-none-any.whl"


def build_wheels(out_dir: Path) -> Wheels:
    """`make build` into `out_dir`: both packages, each wheel built from its sdist."""
    run("make", "--no-print-directory", "build", f"DIST={out_dir}")
    wheels = Wheels(out_dir)
    for wheel in (wheels.client, wheels.mock):
        assert wheel.is_file(), f"make build wrote no {wheel.name}"
    return wheels


@dataclass(frozen=True)
class Venv:
    """A virtual environment that has only what was installed into it."""

    root: Path

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    def script(self, name: str) -> Path:
        return self.root / "bin" / name

    def environment(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        """This process's environment, less the workspace's, with the venv first on PATH."""
        environment = {
            name: value for name, value in os.environ.items() if name not in WORKSPACE_VARIABLES
        }
        environment["PATH"] = f"{self.root / 'bin'}{os.pathsep}{environment.get('PATH', '')}"
        environment["VIRTUAL_ENV"] = str(self.root)
        return {**environment, **(extra or {})}

    def install(self, *requirements: str | Path, find_links: Path | None = None) -> None:
        """Install with uv from the package index (and `find_links`), as a consumer would."""
        links = ["--find-links", str(find_links)] if find_links else []
        run(UV, "pip", "install", "--quiet", "--python", self.python, *links, *requirements)

    def versions(self) -> dict[str, str]:
        """Every installed distribution (normalised name) and its version."""
        listed = run(self.python, "-I", "-c", LIST_DISTRIBUTIONS, cwd=self.root)
        versions: dict[str, str] = json.loads(listed)
        return versions

    def run(
        self,
        *args: str | Path,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        timeout: float = 600,
    ) -> subprocess.CompletedProcess[str]:
        """Run a command inside the environment; the caller checks the result."""
        return subprocess.run(
            args,
            cwd=cwd or self.root,
            env=self.environment(env),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def create_venv(path: Path, python: str | Path = sys.executable) -> Venv:
    """A new, empty virtual environment at `path` for the interpreter `python`."""
    run(UV, "venv", "--quiet", "--python", python, path)
    return Venv(path)
