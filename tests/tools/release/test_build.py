"""`make build` makes the client's wheel and sdist, which install and import in a bare environment.

The mock's, and both together as a consumer installs them: tests/test_installed_packages.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

from tests.built_packages import Wheels
from tests.repository import ROOT, SPEC

UV = ROOT / ".tools" / "bin" / "uv"
PROJECT: dict[str, Any] = tomllib.loads((ROOT / "generated" / "pyproject.toml").read_text())[
    "project"
]
DISTRIBUTION = f"carecycle_client-{SPEC['info']['version']}"

# Runs inside the fresh environment: what an installed carecycle-client says about itself.
INSPECT = """
import importlib.metadata, importlib.resources, json
import carecycle_client
metadata = importlib.metadata.metadata("carecycle-client")
print(json.dumps({
    "name": metadata["Name"],
    "version": metadata["Version"],
    "requires_python": metadata["Requires-Python"],
    "requires": metadata.get_all("Requires-Dist") or [],
    "readme_type": metadata["Description-Content-Type"],
    "readme": metadata.get_payload(),
    "typed": importlib.resources.files("carecycle_client").joinpath("py.typed").is_file(),
    "client": carecycle_client.AuthenticatedClient.__name__,
    "location": carecycle_client.__file__,
}))
"""


def run(*command: str | Path, cwd: Path = ROOT) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def dist(wheels: Wheels) -> Path:
    return wheels.directory


def test_build_makes_a_wheel_and_an_sdist_of_each_package_named_by_the_spec_version(
    dist: Path,
) -> None:
    version = SPEC["info"]["version"]
    assert sorted(path.name for path in dist.iterdir()) == [
        ".gitignore",  # uv's, so that the output directory is never committed
        f"{DISTRIBUTION}-py3-none-any.whl",
        f"{DISTRIBUTION}.tar.gz",
        f"carecycle_mock-{version}-py3-none-any.whl",
        f"carecycle_mock-{version}.tar.gz",
    ]


def test_the_sdist_carries_what_a_rebuild_needs(dist: Path) -> None:
    with tarfile.open(dist / f"{DISTRIBUTION}.tar.gz") as sdist:
        names = set(sdist.getnames())
    for needed in ("pyproject.toml", "README.md", "carecycle_client/py.typed"):
        assert f"{DISTRIBUTION}/{needed}" in names


def test_the_wheel_installs_and_imports_in_a_bare_environment(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run(UV, "venv", "--quiet", "--python", sys.executable, venv)
    python = venv / "bin" / "python"
    wheel = dist / f"{DISTRIBUTION}-py3-none-any.whl"
    run(UV, "pip", "install", "--quiet", "--python", python, wheel)

    installed = json.loads(run(python, "-I", "-c", INSPECT, cwd=tmp_path))

    assert Path(installed["location"]).is_relative_to(venv)
    assert installed["name"] == PROJECT["name"] == "carecycle-client"
    assert installed["version"] == SPEC["info"]["version"] == PROJECT["version"]
    assert installed["requires_python"] == PROJECT["requires-python"]
    extras = [
        f"{dependency}; extra == '{extra}'"
        for extra, dependencies in PROJECT.get("optional-dependencies", {}).items()
        for dependency in dependencies
    ]
    assert sorted(map(str, map(Requirement, installed["requires"]))) == sorted(
        map(str, map(Requirement, [*PROJECT["dependencies"], *extras]))
    )
    assert installed["readme_type"] == "text/markdown"
    assert installed["readme"] == (ROOT / "generated" / "README.md").read_text()
    assert installed["typed"]
    assert installed["client"] == "AuthenticatedClient"


def test_the_readme_names_every_runtime_dependency() -> None:
    readme = (ROOT / "generated" / "README.md").read_text()
    install = readme.split("## Install", 1)[1].split("\n## ", 1)[0]
    for dependency in PROJECT["dependencies"]:
        assert Requirement(dependency).name in install, dependency
