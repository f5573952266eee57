"""The sample consumer project (tests/consumer_project) passes its own suite with the
plugin, in a fresh environment that has only the two built wheels, pytest and xdist."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from tests.built_packages import Venv, Wheels, create_venv

PROJECT = Path(__file__).parent / "consumer_project"
# What the consumer installs beside the wheels, pinned like the workspace's own tools.
PYTEST = "pytest==9.2.0"
PYTEST_XDIST = "pytest-xdist==3.8.0"


def expected_passes() -> int:
    """The consumer's test functions, times their parametrizations: what must pass."""
    count = 0
    for path in (PROJECT / "tests").glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
                "test_"
            ):
                count += _cases(node)
    return count


def _cases(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    cases = 1
    for decorator in function.decorator_list:
        if (
            isinstance(decorator, ast.Call)
            and ast.unparse(decorator.func) == "pytest.mark.parametrize"
            and isinstance(decorator.args[1], ast.List)
        ):
            cases *= len(decorator.args[1].elts)
    return cases


@pytest.fixture(scope="module")
def consumer(wheels: Wheels, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    venv = create_venv(tmp_path_factory.mktemp("consumer") / "venv")
    venv.install(wheels.client, wheels.mock, PYTEST, PYTEST_XDIST)
    return venv


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy, so that the run leaves no cache or bytecode in the repository."""
    copy = tmp_path / "campaign-closer"
    shutil.copytree(PROJECT, copy, ignore=shutil.ignore_patterns("__pycache__", ".*_cache"))
    return copy


@pytest.mark.parametrize("parallel", [(), ("-n", "2")], ids=["serial", "xdist"])
def test_the_consumer_suite_passes_with_only_the_plugin(
    consumer: Venv, project: Path, parallel: tuple[str, ...]
) -> None:
    result = consumer.run(
        consumer.python, "-m", "pytest", "-p", "no:cacheprovider", "-rA", *parallel, cwd=project
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    summary = re.search(r"=+ (.*) in [\d.]+s", output)
    assert summary is not None, output
    assert summary.group(1) == f"{expected_passes()} passed", output
    if parallel:
        assert "created: 2/2 workers" in output, output
