"""Regenerate the client package from openapi.yaml, or check that generated/ is current.

    python -m carecycle_tools.generate            # rewrite generated/
    python -m carecycle_tools.generate --check    # fail on any changed, new or missing file

The package is a pure function of openapi.yaml, generator-config.yaml, templates/ and
runtime/ (see carecycle_tools.render); the check compares all of it.

Generation always starts from an empty directory: openapi-python-client's --overwrite
keeps files it no longer writes, so writing over generated/ would hide deleted ones.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from carecycle_tools.render import SPEC

OUTPUT = Path("generated")

# Left in a package by running it, never by generating it; git ignores them too.
_RUNTIME_LEFTOVERS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


class GenerationError(Exception):
    """The generator failed or warned; its output says why."""


@dataclass(frozen=True)
class Drift:
    """How a generated tree differs from a fresh generation."""

    changed: list[str]
    added: list[str]
    missing: list[str]

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.missing)

    def report(self) -> str:
        lines = []
        for label, paths in (
            ("changed", self.changed),
            ("not generated (stray)", self.added),
            ("missing", self.missing),
        ):
            lines += [f"  {label}: {OUTPUT / path}" for path in paths]
        return "\n".join(lines)


def generate_into(destination: Path, root: Path = Path()) -> None:
    """Generate the client package into `destination`, which must not exist yet."""
    command = [sys.executable, "-m", "carecycle_tools.render", str(root), str(destination)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise GenerationError(f"{' '.join(command)}\n{result.stdout}{result.stderr}")


def _files_in(tree: Path) -> set[str]:
    return {
        path.relative_to(tree).as_posix()
        for path in tree.rglob("*")
        if path.is_file() and not _RUNTIME_LEFTOVERS.intersection(path.parts)
    }


def _files_in_checkout(tree: Path) -> set[str]:
    """Files git would commit under `tree`: tracked ones and untracked, unignored ones."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "."],
            cwd=tree,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return _files_in(tree)
    return {name for name in listed.decode().split("\0") if name and (tree / name).is_file()}


def compare(expected: Path, actual: Path) -> Drift:
    """Compare a fresh generation with the committed tree, byte for byte."""
    fresh = _files_in(expected)
    present = _files_in_checkout(actual) if actual.exists() else set()
    return Drift(
        changed=sorted(
            name
            for name in fresh & present
            if not filecmp.cmp(expected / name, actual / name, shallow=False)
        ),
        added=sorted(present - fresh),
        missing=sorted(fresh - present),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of rewriting")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="carecycle-generate-") as scratch:
        fresh = Path(scratch) / "generated"
        try:
            generate_into(fresh)
        except GenerationError as error:
            print(f"generation failed:\n{error}", file=sys.stderr)
            return 1
        if args.check:
            drift = compare(fresh, OUTPUT)
            if drift:
                print(
                    f"{OUTPUT}/ is not what {SPEC} generates; run `make generate`:\n"
                    f"{drift.report()}",
                    file=sys.stderr,
                )
                return 1
            print(f"{OUTPUT}/ matches a fresh generation from {SPEC}")
            return 0
        replace_tree(fresh, OUTPUT)
        print(f"regenerated {OUTPUT}/ from {SPEC}")
        return 0


def replace_tree(source: Path, destination: Path) -> None:
    """Make `destination` hold exactly the files of `source`, touching only those that differ.

    Unchanged files keep their modification times, so make does not reinstall the
    package when its pyproject.toml did not change.
    """
    drift = compare(source, destination)
    for name in drift.added:
        (destination / name).unlink()
    for name in drift.changed + drift.missing:
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target)
    for directory in sorted(destination.rglob("*"), reverse=True):
        if directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()


if __name__ == "__main__":
    sys.exit(main())
