"""Release gate and changelog of carecycle-client and carecycle-mock: the working copy against a git ref.

    python -m carecycle_tools.release check [--base REF]      # fail on a wrong version step
    python -m carecycle_tools.release changelog [--base REF]  # write CHANGELOG.md's entry
    python -m carecycle_tools.release bump [--base REF]       # initial|none|patch|minor|major

The default base is the previous revision: HEAD when the generator's inputs have
uncommitted changes, HEAD~1 otherwise (as in CI). When the default base does not exist
(first commit, shallow clone, no git) `check` passes and says why; an explicit --base
must exist.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from carecycle_tools import changelog, gate
from carecycle_tools.api_diff import python_api_changes
from carecycle_tools.baseline import Base, BaseUnavailable
from carecycle_tools.changes import Change, Level
from carecycle_tools.generate import GenerationError
from carecycle_tools.mock_api import MOCK, mock_changes
from carecycle_tools.render import CONFIG, RUNTIME, SPEC, TEMPLATES
from carecycle_tools.spec_diff import compare_specs, operations
from carecycle_tools.versions import Version

CHANGELOG = Path("CHANGELOG.md")
# Everything generation reads: the base's package is generated from its own copies.
SOURCES = [str(SPEC), str(TEMPLATES), str(RUNTIME), str(CONFIG)]
# What the release holds besides: the mock, compared by its own surfaces.
RELEASED = [*SOURCES, str(MOCK)]


class ReleaseError(Exception):
    """The comparison cannot be made; the message says why."""


def load_spec(text: str, origin: str) -> dict[str, Any]:
    """The parsed spec, checked to be valid OpenAPI so that the comparison can rely on its shape."""
    try:
        spec = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ReleaseError(f"{origin} is not YAML: {error}") from None
    if not isinstance(spec, dict):
        raise ReleaseError(f"{origin} is not an OpenAPI document")
    try:
        validate(spec)
    except OpenAPIValidationError as error:
        raise ReleaseError(f"{origin} is not valid OpenAPI: {error.message}") from None
    return spec


def spec_version(spec: dict[str, Any]) -> Version:
    return Version.parse(spec["info"]["version"])


def read_specs(base: Base) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """The spec at the base (None when it has none) and the working copy's."""
    spec = load_spec(SPEC.read_text(), str(SPEC))
    base_text = base.read(str(SPEC))
    base_spec = None if base_text is None else load_spec(base_text, f"{SPEC} at {base.ref}")
    return base_spec, spec


def read_changelog() -> str:
    return CHANGELOG.read_text() if CHANGELOG.exists() else ""


def compare(base: Base) -> gate.Comparison:
    """Classify every change from the base to the working copy: spec and Python API."""
    base_spec, spec = read_specs(base)
    if base_spec is None:
        added = [Change(Level.MINOR, name, "operation added") for name in operations(spec)]
        return gate.Comparison(None, spec_version(spec), added, [])
    with tempfile.TemporaryDirectory(prefix="carecycle-base-") as scratch:
        base.export(RELEASED, Path(scratch))
        api_changes = python_api_changes(Path(scratch), Path())
        mock = mock_changes(Path(scratch), Path())
    return gate.Comparison(
        spec_version(base_spec),
        spec_version(spec),
        compare_specs(base_spec, spec),
        api_changes,
        mock,
    )


def check(base: Base) -> int:
    comparison = compare(base)
    print(gate.report(comparison, base.ref))
    reminder = gate.changelog_reminder(comparison, read_changelog())
    if reminder:
        print(f"release gate: note: {reminder}")
    found = gate.problems(comparison)
    for problem in found:
        print(f"release gate: FAIL: {problem}", file=sys.stderr)
    if not found:
        print("release gate: OK")
    return 1 if found else 0


def write_changelog(base: Base) -> int:
    comparison = compare(base)
    if comparison.bump == "none":
        print(
            f"info.version is still {comparison.version}, as at {base.ref}: bump it first",
            file=sys.stderr,
        )
        return 1
    text = changelog.entry(
        comparison.version, date.today(), comparison.base_version, comparison.changes
    )
    CHANGELOG.write_text(changelog.with_entry(read_changelog(), comparison.version, text))
    print(f"{CHANGELOG}: entry for {comparison.version} written")
    return 0


def print_bump(base: Base) -> int:
    base_spec, spec = read_specs(base)
    if base_spec is None:
        print("initial")
    else:
        print(spec_version(base_spec).bump_to(spec_version(spec)).label)
    return 0


COMMANDS: dict[str, Callable[[Base], int]] = {
    "check": check,
    "changelog": write_changelog,
    "bump": print_bump,
}


def previous_revision() -> str:
    """HEAD when the generator's inputs or the mock have uncommitted changes, else HEAD~1."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--", *RELEASED], capture_output=True, check=False
    )
    return "HEAD" if status.returncode == 0 and status.stdout.strip() else "HEAD~1"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=COMMANDS)
    parser.add_argument("--base", help="git ref to compare with (default: the previous revision)")
    args = parser.parse_args(argv)
    ref = args.base or previous_revision()
    try:
        base = Base.open(ref)
    except BaseUnavailable as why:
        if args.base is None and args.command == "check":
            print(f"release gate: nothing to compare with ({why}): passes")
            return 0
        print(f"cannot compare with {ref}: {why}", file=sys.stderr)
        return 1
    try:
        return COMMANDS[args.command](base)
    # SpecError and VersionError are ValueErrors; OSError: a file that cannot be read.
    except (ReleaseError, ValueError, GenerationError, BaseUnavailable, OSError) as error:
        print(f"{args.command} failed: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
