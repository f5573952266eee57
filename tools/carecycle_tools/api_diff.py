"""Breaking changes of the generated package's public Python API, found by griffe.

The spec rules see the wire; this sees what users import. Templates and generator
configuration change the package too, so both sides are generated afresh from their
own spec, templates and configuration, then compared statically (nothing is imported).
"""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import griffe

from carecycle_tools.changes import Change, Level
from carecycle_tools.generate import generate_into


def python_api_changes(old_root: Path, new_root: Path) -> list[Change]:
    """Generate the package from both source trees and compare their public APIs."""
    with (
        tempfile.TemporaryDirectory(prefix="carecycle-api-diff-") as scratch,
        ThreadPoolExecutor(max_workers=2) as pool,
    ):
        old, new = Path(scratch) / "old", Path(scratch) / "new"
        # Each generation is a subprocess: the two run side by side.
        for generation in [
            pool.submit(generate_into, old, old_root),
            pool.submit(generate_into, new, new_root),
        ]:
            generation.result()
        return compare_packages(old, new)


def compare_packages(old: Path, new: Path) -> list[Change]:
    """Breaking changes from the package in directory `old` to the one in `new`."""
    old_name, new_name = _package_in(old), _package_in(new)
    if old_name != new_name:
        return [Change(Level.MAJOR, old_name, f"import name changed to {new_name}")]
    breakages = griffe.find_breaking_changes(
        load_package(old_name, old), load_package(new_name, new)
    )
    return [
        Change(Level.MAJOR, _subject(breakage), _explanation(breakage)) for breakage in breakages
    ]


def _package_in(directory: Path) -> str:
    names = sorted(init.parent.name for init in directory.glob("*/__init__.py"))
    if len(names) != 1:
        raise ValueError(f"expected one package in {directory}, found {names or 'none'}")
    return names[0]


def load_package(name: str, directory: Path) -> griffe.Object | griffe.Alias:
    """The package `name` found in `directory`, read statically (nothing is imported)."""
    return griffe.load(
        name,
        search_paths=[directory],
        modules_collection=griffe.ModulesCollection(),
        lines_collection=griffe.LinesCollection(),
        allow_inspection=False,
        resolve_aliases=True,
    )


def _subject(breakage: griffe.Breakage) -> str:
    parameter = next(
        (
            value
            for value in (breakage.new_value, breakage.old_value)
            if isinstance(value, griffe.Parameter)
        ),
        None,
    )
    return f"{breakage.obj.path}({parameter.name})" if parameter else breakage.obj.path


def _explanation(breakage: griffe.Breakage) -> str:
    kind = breakage.kind.value
    what = kind[0].lower() + kind[1:]
    values = (breakage.old_value, breakage.new_value)
    if any(isinstance(value, griffe.Parameter) for value in values) or None in values:
        return what
    return f"{what}: {_shown(values[0])} -> {_shown(values[1])}"


def _shown(value: object) -> str:
    if isinstance(value, list | tuple):
        return f"[{', '.join(str(item) for item in value)}]"
    return str(value)
