"""The parse cost's peer: pydantic v2 models generated from openapi.yaml by
datamodel-code-generator, at bench time, into a temporary directory (never committed)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from bench.samples import SPEC

MODULE = "bench_pydantic_models"

# Python 3.11's types, field names in snake_case as ours, the formatters named so that the
# generator's default cannot change the output under us.
OPTIONS = [
    "--input-file-type",
    "openapi",
    "--output-model-type",
    "pydantic_v2.BaseModel",
    "--target-python-version",
    "3.11",
    "--snake-case-field",
    "--use-standard-collections",
    "--disable-timestamp",
    "--formatters",
    "builtin",
]


def generate_command(output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "datamodel_code_generator",
        "--input",
        str(SPEC),
        "--output",
        str(output),
        *OPTIONS,
    ]


@contextmanager
def pydantic_models() -> Iterator[ModuleType]:
    """The generated module, imported; it is removed (and forgotten) afterwards."""
    with tempfile.TemporaryDirectory(prefix="carecycle-bench-pydantic-") as directory:
        source = Path(directory) / f"{MODULE}.py"
        subprocess.run(generate_command(source), check=True, capture_output=True, timeout=300)
        spec = importlib.util.spec_from_file_location(MODULE, source)
        if spec is None or spec.loader is None:
            raise RuntimeError(f"cannot import the generated models at {source}")
        module = importlib.util.module_from_spec(spec)
        # pydantic resolves the models' references to each other through sys.modules.
        sys.modules[MODULE] = module
        try:
            spec.loader.exec_module(module)
            yield module
        finally:
            del sys.modules[MODULE]
