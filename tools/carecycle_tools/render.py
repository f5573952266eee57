"""Render the client package: openapi-python-client with our templates, then the runtime.

    python -m carecycle_tools.render ROOT DESTINATION

`generate.py` runs this in a subprocess, once per generation. It does what
`openapi-python-client generate --fail-on-warning` does, with two more template globals
that the generator's configuration cannot give:

- `spec`: the values of the OpenAPI document the generator drops (its server URL, its
  API key header and its UUID pattern), read here with a YAML parser;
- `fail(message)`: a template that meets what it cannot render calls it, and the
  generation stops with that message;
- `error_tree`: the runtime's error classes drawn as a tree, each with the first sentence
  of its docstring, for the README;
- `error_names`: the same classes' names, sorted, which the package's `__init__` exports;

and the filter `joined`, which joins the lines of the spec's text within a paragraph, so
that a docstring is wrapped where its width says, not where the spec's source line ended.

Then it writes `_spec.py` (those values and the version, for the runtime), copies the
hand-written runtime (`runtime/<package>/`) into the package, and opens every file it
did not render from one of our templates with a banner naming its source.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import typer
from openapi_python_client import Project
from openapi_python_client.cli import handle_errors
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData
from ruamel.yaml import YAML

SPEC = Path("openapi.yaml")
CONFIG = Path("generator-config.yaml")
TEMPLATES = Path("templates")
RUNTIME = Path("runtime")

BANNER = "# Generated from {source} by make generate: edit that, not this file.\n"
# Files the generator writes from its own templates: (path in the output, its template).
_STOCK_OUTPUTS = {
    ".gitignore": ".gitignore.jinja",
    "{package}/models/__init__.py": "models_init.py.jinja",
}


class TemplateFailure(Exception):
    """A template met something it cannot render, and said what."""


@dataclass(frozen=True)
class SpecValues:
    """What the runtime needs of the OpenAPI document beyond what the generator keeps."""

    server_url: str
    api_key_header: str
    uuid_pattern: str

    @classmethod
    def of(cls, document: dict[str, Any]) -> SpecValues:
        servers = document.get("servers") or [{}]
        server_url = servers[0].get("url") if isinstance(servers[0], dict) else None
        if not isinstance(server_url, str) or not server_url:
            raise TemplateFailure(f"{SPEC} has no servers[0].url: the client's default base URL")
        schemes = (document.get("components") or {}).get("securitySchemes") or {}
        headers = [
            scheme["name"]
            for scheme in schemes.values()
            if scheme.get("type") == "apiKey" and scheme.get("in") == "header"
        ]
        if len(headers) != 1:
            raise TemplateFailure(
                f"{SPEC} must have one apiKey security scheme in a header, has {len(headers)}"
            )
        uuid = ((document.get("components") or {}).get("schemas") or {}).get("Uuid") or {}
        pattern = uuid.get("pattern") if isinstance(uuid, dict) else None
        if not isinstance(pattern, str) or not pattern:
            raise TemplateFailure(
                f"{SPEC} has no components.schemas.Uuid.pattern: the ids the CLI checks"
            )
        return cls(server_url=server_url, api_key_header=headers[0], uuid_pattern=pattern)


def fail(message: str) -> NoReturn:
    """The template global that stops the generation with `message`."""
    raise TemplateFailure(message)


def render(root: Path, destination: Path) -> None:
    """Render the package of `root` (its spec, config, templates, runtime) into `destination`."""
    document = YAML(typ="safe").load((root / SPEC).read_bytes())
    config = Config.from_sources(
        ConfigFile.load_from_path(root / CONFIG),
        MetaType.UV,
        document_source=root / SPEC,
        file_encoding="utf-8",
        overwrite=False,
        output_path=destination,
    )
    openapi = GeneratorData.from_dict(document, config=config)
    if not isinstance(openapi, GeneratorData):
        handle_errors([openapi], fail_on_warning=True)
        return
    values = SpecValues.of(document)
    project = Project(openapi=openapi, custom_template_path=root / TEMPLATES, config=config)
    runtime = root / RUNTIME / str(project.package_name)
    errors = runtime / "errors.py"
    tree = error_tree(errors.read_text()) if errors.is_file() else None
    names = error_names(errors.read_text()) if errors.is_file() else None
    project.env.globals.update(spec=values, fail=fail, error_tree=tree, error_names=names)
    project.env.filters["joined"] = joined
    handle_errors(project.build(), fail_on_warning=True)
    package = project.package_dir
    if not runtime.is_dir():
        if (root / TEMPLATES / "client.py.jinja").is_file():
            return  # a revision from before the runtime was Python: its templates hold it
        raise TemplateFailure(f"no runtime for the package {package.name}: {runtime} is missing")
    _write_spec_module(package, values, str(project.version.get_untrusted_value()))
    for module in sorted(runtime.glob("*.py")):
        source = module.relative_to(root).as_posix()
        (package / module.name).write_text(BANNER.format(source=source) + module.read_text())
    for output, template in _STOCK_OUTPUTS.items():
        target = destination / output.format(package=package.name)
        source = f"openapi-python-client's template {template}"
        target.write_text(BANNER.format(source=source) + target.read_text())


# A line break inside a paragraph: not before a blank line, a list item or an indented line.
_SOFT_BREAK = re.compile(r"(?<!\n)[ \t]*\n(?![ \t]*(?:\n|[-*] |[0-9]+\. |  ))[ \t]*")


def joined(text: object) -> str:
    """`text` with the line breaks inside its paragraphs made spaces."""
    return _SOFT_BREAK.sub(" ", str(text))


ERROR_BASE = "CareCycleError"
_TREE_WIDTH = 100


@dataclass(frozen=True)
class ErrorClasses:
    """The classes of the runtime's errors.py: each one's subclasses there, and the first
    sentence of its docstring."""

    children: dict[str, list[str]]
    summaries: dict[str, str]

    @classmethod
    def of(cls, source: str) -> ErrorClasses:
        children: dict[str, list[str]] = {}
        summaries: dict[str, str] = {}
        for node in ast.parse(source).body:
            if isinstance(node, ast.ClassDef):
                docstring = " ".join((ast.get_docstring(node) or "").split("\n\n")[0].split())
                summaries[node.name] = re.split(r"(?<=[^.])\.(?:\s|$)", docstring, maxsplit=1)[0]
                for base in node.bases:
                    if isinstance(base, ast.Name):
                        children.setdefault(base.id, []).append(node.name)
        if ERROR_BASE not in summaries:
            raise TemplateFailure(f"the runtime's errors.py defines no {ERROR_BASE}")
        return cls(children, summaries)

    def names(self) -> list[str]:
        """`ERROR_BASE` and every class under it, sorted: what the package exports."""
        found = [ERROR_BASE]
        for name in found:
            found += self.children.get(name, [])
        return sorted(found)


def error_names(source: str) -> list[str]:
    """The error classes defined in `source` under `ERROR_BASE`, sorted."""
    return ErrorClasses.of(source).names()


def error_tree(source: str) -> str:
    """The error classes defined in `source` under `ERROR_BASE`, as an indented tree: each
    class with the first sentence of its docstring, wrapped to 100 columns."""
    classes = ErrorClasses.of(source)
    children, summaries = classes.children, classes.summaries
    rows: list[tuple[str, str, str]] = []  # (branch before the name, continuation, name)

    def walk(name: str, branch: str, continuation: str) -> None:
        rows.append((branch, continuation, name))
        kids = children.get(name, [])
        for index, kid in enumerate(kids):
            last = index == len(kids) - 1
            walk(
                kid,
                continuation + ("└── " if last else "├── "),
                continuation + ("    " if last else "│   "),
            )

    walk(ERROR_BASE, "", "")
    column = max(len(branch) + len(name) for branch, _, name in rows) + 1
    lines = []
    for index, (branch, continuation, name) in enumerate(rows):
        below = rows[index + 1][1] if index + 1 < len(rows) else ""
        # A wrapped summary continues under its own column, behind the branch line below.
        gutter = (
            below.ljust(column) if len(below) > len(continuation) else continuation.ljust(column)
        )
        wrapped = textwrap.wrap(summaries[name], _TREE_WIDTH - column) or [""]
        lines.append(f"{branch}{name}".ljust(column) + wrapped[0])
        lines += [(gutter + more).rstrip() for more in wrapped[1:]]
    return "\n".join(line.rstrip() for line in lines)


def _write_spec_module(package: Path, values: SpecValues, version: str) -> None:
    source = BANNER.format(source=f"{SPEC} (its values read by tools/carecycle_tools/render.py)")
    text = f'''{source}"""The values of the OpenAPI document that the runtime needs."""

PACKAGE_NAME = {_string(package.name)}
VERSION = {_string(version)}
"""The package's version: info.version of the OpenAPI document."""
DEFAULT_BASE_URL = {_string(values.server_url)}
"""The server of the OpenAPI document."""
API_KEY_HEADER = {_string(values.api_key_header)}
"""The header of the OpenAPI document's API key scheme; the key goes in it without prefix."""
UUID_PATTERN = {_string(values.uuid_pattern)}
"""The pattern of the OpenAPI document's Uuid schema: the ids the API accepts."""
'''
    (package / "_spec.py").write_text(text)


def _string(value: str) -> str:
    """`value` as a Python string literal in the form ruff formats it: double quotes."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the tree holding the spec, config, templates")
    parser.add_argument("destination", type=Path, help="where to write; must not exist")
    args = parser.parse_args(argv)
    try:
        render(args.root, args.destination)
    except TemplateFailure as failure:
        print(f"generation failed: {failure}", file=sys.stderr)
        return 1
    except typer.Exit as failed:  # handle_errors has printed why
        return int(failed.exit_code)
    return 0


if __name__ == "__main__":
    sys.exit(main())
