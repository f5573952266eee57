"""What consumers of carecycle-mock rely on, compared between two source trees.

Three surfaces, each of a tree's `mock/` directory:

- the public Python API, with griffe, statically (as api_diff does for the client): what
  `carecycle_mock` exports (`__all__`), with their members, and the modules the READMEs
  send users to (PUBLIC_MODULES). The other modules are the mock's internals: they change
  in any release (mock/README.md says so), and a change there is no change of the API;
- the command-line options of `carecycle-mock`: each option, whether it takes a value,
  and its choices;
- the admin API: each method and path under `/_mock`.

The last two are read by running that tree's code in a subprocess (its `main()` up to
argument parsing, and its `create_app()`), so that what is compared is what users get.
Removing or narrowing anything is major; adding an option or an endpoint is minor.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import griffe

from carecycle_tools.api_diff import load_package
from carecycle_tools.changes import Change, Level

MOCK = Path("mock")
PACKAGE = "carecycle_mock"
PUBLIC_MODULES = ("data", "process", "pytest_plugin")

# Runs with a tree's mock/ first on sys.path; prints that tree's CLI and admin surfaces.
SURFACES = """
import argparse, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])

class Parsed(Exception):
    pass

parsers = []
def capture(self, args=None, namespace=None):
    parsers.append(self)
    raise Parsed

argparse.ArgumentParser.parse_args = capture
argparse.ArgumentParser.parse_known_args = capture
import carecycle_mock
if Path(carecycle_mock.__file__).resolve().parent != Path(sys.argv[1], "carecycle_mock").resolve():
    raise SystemExit(f"imported {carecycle_mock.__file__}, not the tree's own mock")
from carecycle_mock import __main__ as cli
try:
    cli.main([])
except Parsed:
    pass
options = {
    option: {
        "takes_value": action.nargs != 0,
        "choices": sorted(map(str, action.choices)) if action.choices else None,
    }
    for action in parsers[0]._actions
    for option in action.option_strings
}

from carecycle_mock import MockConfig, create_app

def endpoints(routes, prefix=""):
    for route in routes:
        path = prefix + getattr(route, "path", "")
        if hasattr(route, "routes"):
            yield from endpoints(route.routes, path)
        elif path.startswith("/_mock"):
            for method in sorted(getattr(route, "methods", None) or ()):
                if method != "HEAD":
                    yield f"{method} {path}"

admin = sorted(set(endpoints(create_app(MockConfig(rate_limit=None)).routes)))
print(json.dumps({"options": options, "admin": admin}))
"""


def mock_changes(old_root: Path, new_root: Path) -> list[Change]:
    """Breaking and added parts of the mock's surfaces; none when either tree has no mock."""
    old, new = old_root / MOCK, new_root / MOCK
    if not (old / PACKAGE).is_dir() or not (new / PACKAGE).is_dir():
        return []
    return python_api_changes(old, new) + surface_changes(surfaces(old), surfaces(new))


def python_api_changes(old: Path, new: Path) -> list[Change]:
    old_package, new_package = load_package(PACKAGE, old), load_package(PACKAGE, new)
    roots = public_roots(old_package) | public_roots(new_package)
    return [
        Change(
            Level.MAJOR, breakage.obj.path, breakage.kind.value[0].lower() + breakage.kind.value[1:]
        )
        for breakage in griffe.find_breaking_changes(old_package, new_package)
        if any(
            breakage.obj.path == root or breakage.obj.path.startswith(f"{root}.") for root in roots
        )
    ]


def public_roots(package: griffe.Object | griffe.Alias) -> set[str]:
    """The paths under which a change is one of the public API: each export, under its
    name in the package and where it is defined, and each public module."""
    roots = {f"{PACKAGE}.{module}" for module in PUBLIC_MODULES}
    for name in package.exports or ():
        member = package.members.get(str(name))
        if member is not None:
            roots.add(member.path)
            if isinstance(member, griffe.Alias):
                roots.add(member.target_path)
    return roots


def surfaces(mock_directory: Path) -> dict[str, Any]:
    """The CLI options and admin endpoints of the mock in `mock_directory`."""
    result = subprocess.run(
        [sys.executable, "-I", "-c", SURFACES, str(mock_directory.resolve())],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if result.returncode != 0:
        raise ValueError(f"cannot read the mock's surfaces in {mock_directory}: {result.stderr}")
    found: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return found


def surface_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes: list[Change] = []
    old_options, new_options = old["options"], new["options"]
    for option, before in old_options.items():
        where = f"carecycle-mock {option}"
        after = new_options.get(option)
        if after is None:
            changes.append(Change(Level.MAJOR, where, "command-line option removed"))
        elif before["takes_value"] != after["takes_value"]:
            changes.append(
                Change(
                    Level.MAJOR,
                    where,
                    "now takes a value" if after["takes_value"] else "no longer takes a value",
                )
            )
        elif before["choices"] and not set(before["choices"]) <= set(
            after["choices"] or before["choices"]
        ):
            changes.append(Change(Level.MAJOR, where, "choices narrowed"))
    changes += [
        Change(Level.MINOR, f"carecycle-mock {option}", "command-line option added")
        for option in new_options
        if option not in old_options
    ]
    changes += [
        Change(Level.MAJOR, endpoint, "admin endpoint removed")
        for endpoint in old["admin"]
        if endpoint not in new["admin"]
    ]
    changes += [
        Change(Level.MINOR, endpoint, "admin endpoint added")
        for endpoint in new["admin"]
        if endpoint not in old["admin"]
    ]
    return changes
