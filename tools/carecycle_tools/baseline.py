"""The release to compare with: files of the repository at a git ref, read without a checkout.

Nothing here changes the repository: files are read with `git show` and copied out
with `git archive`.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path


class BaseUnavailable(Exception):
    """The ref cannot be read here; the message says why."""


def _git(*arguments: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *arguments], capture_output=True, check=False)


@dataclass(frozen=True)
class Base:
    """The repository as it was at `ref`, for paths relative to the current directory."""

    ref: str

    @classmethod
    def open(cls, ref: str) -> Base:
        if _git("rev-parse", "--verify", "--quiet", f"{ref}^{{tree}}").returncode == 0:
            return cls(ref)
        raise BaseUnavailable(_why_missing(ref))

    def has(self, path: str) -> bool:
        return _git("cat-file", "-e", f"{self.ref}:./{path}").returncode == 0

    def read(self, path: str) -> str | None:
        """The text of `path` at the ref, or None when the ref has no such file."""
        if not self.has(path):
            return None
        shown = _git("show", f"{self.ref}:./{path}")
        if shown.returncode != 0:
            raise BaseUnavailable(shown.stderr.decode(errors="replace").strip())
        return shown.stdout.decode()

    def export(self, paths: list[str], destination: Path) -> None:
        """Copy those of `paths` (files or directories) that exist at the ref into `destination`."""
        present = [path for path in paths if self.has(path)]
        if not present:
            return
        archive = _git("archive", "--format=tar", self.ref, "--", *present)
        if archive.returncode != 0:
            raise BaseUnavailable(archive.stderr.decode(errors="replace").strip())
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            _extract(tar, destination)


def _extract(tar: tarfile.TarFile, destination: Path) -> None:
    """Extract plain files and directories only, inside `destination`.

    The `data` filter does that from Python 3.11.4 (and 3.12); Debian 12's 3.11.2 lacks it,
    so the same checks are made here first.
    """
    if hasattr(tarfile, "data_filter"):
        tar.extractall(destination, filter="data")
        return
    members = tar.getmembers()
    for member in members:
        parts = Path(member.name).parts
        if not (member.isfile() or member.isdir()) or member.name.startswith("/") or ".." in parts:
            raise BaseUnavailable(f"git archive holds an unexpected entry: {member.name!r}")
    tar.extractall(destination, members=members)  # noqa: S202 - every member checked above


def _why_missing(ref: str) -> str:
    if _git("rev-parse", "--git-dir").returncode != 0:
        return "not inside a git repository"
    if _git("rev-parse", "--is-shallow-repository").stdout.strip() == b"true":
        return f"{ref} is not in this shallow clone (fetch more history to compare)"
    if _git("rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
        return "the repository has no commit yet"
    return f"this repository has no commit {ref}"
