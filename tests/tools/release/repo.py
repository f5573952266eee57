"""Throwaway git repositories holding a copy of the generator's inputs, for the release tool."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from tests.repository import ROOT

# What a repository needs for the release tool: the generator's inputs, and the mock.
SOURCES = ("openapi.yaml", "templates", "runtime", "generator-config.yaml", "mock")


class Repo:
    """A git repository in a temporary directory, holding a copy of the generator's inputs."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def create(cls, path: Path) -> Repo:
        """A new repository with the generator's inputs copied in, nothing committed."""
        path.mkdir()
        created = cls(path)
        created.git("init", "-q", "-b", "main")
        for name in SOURCES:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, path / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copyfile(source, path / name)
        return created

    def shallow_clone(self, path: Path) -> Repo:
        self.git("clone", "-q", "--depth=1", self.path.as_uri(), str(path))
        return Repo(path)

    def git(self, *arguments: str) -> str:
        identity = ["-c", "user.name=Release Test", "-c", "user.email=release@example.invalid"]
        return subprocess.run(
            ["git", *identity, *arguments],
            cwd=self.path,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    @property
    def spec(self) -> dict[str, Any]:
        loaded: dict[str, Any] = yaml.safe_load((self.path / "openapi.yaml").read_text())
        return loaded

    def edit_spec(self, change: Callable[[dict[str, Any]], None]) -> None:
        spec = self.spec
        change(spec)
        (self.path / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))

    def set_version(self, version: str) -> None:
        def bump(spec: dict[str, Any]) -> None:
            spec["info"]["version"] = version

        self.edit_spec(bump)

    def release(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        """Run the release tool here, as `make` would (the generator on PATH)."""
        environment = dict(os.environ)
        environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment['PATH']}"
        return subprocess.run(
            [sys.executable, "-m", "carecycle_tools.release", *arguments],
            cwd=self.path,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
