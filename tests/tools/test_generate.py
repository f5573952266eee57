"""Regeneration is deterministic, and the drift check catches changed, stray and missing files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from carecycle_client import errors
from carecycle_tools.generate import OUTPUT, compare, generate_into, main
from carecycle_tools.render import CONFIG, RUNTIME, SPEC, TEMPLATES, joined
from tests.repository import ROOT


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One generation from the repository's spec, templates and config."""
    destination = tmp_path_factory.mktemp("fresh") / "generated"
    generate_into(destination, root=ROOT)
    return destination


def copy_of_inputs(destination: Path) -> Path:
    """The generator's inputs, copied so that a test can change them."""
    for name in (SPEC, CONFIG):
        shutil.copyfile(ROOT / name, destination / name)
    for tree in (TEMPLATES, RUNTIME):
        shutil.copytree(ROOT / tree, destination / tree)
    return destination


def test_generated_package_is_current(fresh: Path) -> None:
    drift = compare(fresh, ROOT / OUTPUT)
    assert not drift, drift.report()


def test_regeneration_is_byte_identical(fresh: Path, tmp_path: Path) -> None:
    again = tmp_path / "generated"
    generate_into(again, root=ROOT)
    assert not compare(fresh, again), compare(fresh, again).report()


def test_generation_leaves_no_cache_or_stray_directories(fresh: Path) -> None:
    names = {path.name for path in fresh.rglob("*")}
    assert not names & {".ruff_cache", "__pycache__", ".mypy_cache"}
    assert (fresh / "carecycle_client" / "py.typed").is_file()


def test_one_changed_character_in_the_spec_is_drift(fresh: Path, tmp_path: Path) -> None:
    inputs = copy_of_inputs(tmp_path)
    spec = (inputs / SPEC).read_text()
    assert "Get a specific campaign by ID" in spec
    (inputs / SPEC).write_text(
        spec.replace("Get a specific campaign by ID", "Get a specific campaign by Id")
    )
    changed = tmp_path / "generated"
    generate_into(changed, root=inputs)
    drift = compare(changed, fresh)
    assert drift.changed == ["carecycle_client/api/campaigns/get_campaign.py"]
    assert not drift.added
    assert not drift.missing


@pytest.mark.parametrize("module", ["client.py", "_lazy_model.py", "errors.py"])
def test_one_changed_character_in_a_runtime_module_is_drift(
    fresh: Path, tmp_path: Path, module: str
) -> None:
    inputs = copy_of_inputs(tmp_path)
    source = inputs / RUNTIME / "carecycle_client" / module
    text = source.read_text()
    assert "the " in text
    source.write_text(text.replace("the ", "thE ", 1))
    changed = tmp_path / "generated"
    generate_into(changed, root=inputs)
    drift = compare(changed, fresh)
    assert drift.changed == [f"carecycle_client/{module}"]
    assert not drift.added
    assert not drift.missing


def test_every_generated_file_names_its_source(fresh: Path) -> None:
    """A one-line banner opens each file, py.typed (an empty marker) excepted."""
    unbannered = []
    for path in sorted(fresh.rglob("*")):
        if path.is_file() and path.name != "py.typed":
            first = path.read_text().splitlines()[0]
            if "Generated from " not in first or "edit that, not this file" not in first:
                unbannered.append(path.relative_to(fresh).as_posix())
    assert not unbannered


def test_a_runtime_module_is_copied_under_a_banner(fresh: Path) -> None:
    source = (ROOT / RUNTIME / "carecycle_client" / "_lazy_model.py").read_text()
    copy = (fresh / "carecycle_client" / "_lazy_model.py").read_text()
    banner, _, rest = copy.partition("\n")
    assert banner == (
        "# Generated from runtime/carecycle_client/_lazy_model.py by make generate:"
        " edit that, not this file."
    )
    assert rest == source


def test_a_new_schema_in_the_spec_is_a_missing_file(fresh: Path, tmp_path: Path) -> None:
    inputs = copy_of_inputs(tmp_path)
    spec = (inputs / SPEC).read_text()
    extra = "    Extra:\n      type: string\n      enum: [one, two]\n"
    (inputs / SPEC).write_text(spec.replace("  schemas:\n", "  schemas:\n" + extra, 1))
    changed = tmp_path / "generated"
    generate_into(changed, root=inputs)
    drift = compare(changed, fresh)
    assert "carecycle_client/models/extra.py" in drift.missing


def test_stray_and_deleted_files_are_drift(fresh: Path, tmp_path: Path) -> None:
    committed = tmp_path / "committed"
    shutil.copytree(fresh, committed)
    (committed / "carecycle_client" / "stray.py").write_text("")
    (committed / "carecycle_client" / "models" / "user.py").unlink()
    drift = compare(fresh, committed)
    assert drift.added == ["carecycle_client/stray.py"]
    assert drift.missing == ["carecycle_client/models/user.py"]
    assert not drift.changed
    assert "stray" in drift.report()


def test_caches_left_by_running_the_package_are_not_drift(fresh: Path, tmp_path: Path) -> None:
    committed = tmp_path / "committed"
    shutil.copytree(fresh, committed)
    (committed / "carecycle_client" / "__pycache__").mkdir()
    (committed / "carecycle_client" / "__pycache__" / "client.cpython-311.pyc").write_bytes(b"\0")
    assert not compare(fresh, committed)


def test_check_command_fails_on_drift_and_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = copy_of_inputs(tmp_path)
    shutil.copytree(ROOT / OUTPUT, inputs / OUTPUT, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(inputs)
    assert main(["--check"]) == 0
    (inputs / OUTPUT / "carecycle_client" / "stray.py").write_text("")
    assert main(["--check"]) == 1
    assert "generated/carecycle_client/stray.py" in capsys.readouterr().err


def test_generate_command_rewrites_exactly_the_fresh_tree(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = copy_of_inputs(tmp_path)
    (inputs / OUTPUT / "carecycle_client" / "old_module").mkdir(parents=True)
    (inputs / OUTPUT / "carecycle_client" / "old_module" / "gone.py").write_text("")
    monkeypatch.chdir(inputs)
    assert main([]) == 0
    assert not compare(fresh, inputs / OUTPUT)
    assert not (inputs / OUTPUT / "carecycle_client" / "old_module").exists()


def _subclasses(cls: type[Exception]) -> set[type[Exception]]:
    found = {cls}
    for sub in cls.__subclasses__():
        found |= _subclasses(sub)
    return found


def test_the_readme_draws_every_error_class_under_its_base(fresh: Path) -> None:
    readme = (fresh / "README.md").read_text()
    tree = readme.split("\nCareCycleError ", 1)[1].split("```", 1)[0]
    drawn = ["CareCycleError", *re.findall(r"[└├]── (\w+)", tree)]
    classes = _subclasses(errors.CareCycleError)
    assert sorted(drawn) == sorted(cls.__name__ for cls in classes)
    for cls in classes - {errors.CareCycleError}:
        (base,) = cls.__bases__
        # The base is drawn before the class.
        assert drawn.index(base.__name__) < drawn.index(cls.__name__)


def test_the_package_exports_every_error_class(fresh: Path) -> None:
    init = (fresh / "carecycle_client" / "__init__.py").read_text()
    exported = set(re.findall(r'^    "(\w+)",$', init, flags=re.MULTILINE))
    assert {cls.__name__ for cls in _subclasses(errors.CareCycleError)} <= exported


def test_a_new_error_class_in_the_runtime_is_exported(tmp_path: Path) -> None:
    inputs = copy_of_inputs(tmp_path)
    source = inputs / RUNTIME / "carecycle_client" / "errors.py"
    source.write_text(
        source.read_text() + '\n\nclass QuotaSpentError(RateLimitError):\n    """A new error."""\n'
    )
    generate_into(tmp_path / "generated", root=inputs)
    init = (tmp_path / "generated" / "carecycle_client" / "__init__.py").read_text()
    assert "    QuotaSpentError,\n" in init  # imported from errors
    assert '    "QuotaSpentError",\n' in init  # and in __all__


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eight of the nine\ncustomer statuses", "eight of the nine customer statuses"),
        ("one.\n\ntwo", "one.\n\ntwo"),
        ("items:\n- one\n- two", "items:\n- one\n- two"),
        ("code:\n    indented", "code:\n    indented"),
    ],
)
def test_joined_makes_a_paragraph_one_line(text: str, expected: str) -> None:
    assert joined(text) == expected
