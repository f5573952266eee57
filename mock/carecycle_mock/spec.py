"""openapi.yaml, loaded once at start: its operations, with validators from its own schemas.

A parameter's schema is compiled by its JSON pointer into the document and a request
body by its media type's schema, so the mock checks exactly what the spec says (the
`Uuid` regex byte for byte, not Python's lenient `uuid.UUID`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonpointer import JsonPointer

from carecycle_mock.schemas import CompiledSchema, Issue, SchemaDocuments, pointer_uri

SPEC_URI = "urn:carecycle:openapi"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
Tokens = tuple[str | int, ...]
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")


def default_spec_path() -> Path:
    """The spec inside the installed wheel, or at the repository root in the workspace."""
    packaged = resources.files("carecycle_mock") / "openapi.yaml"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "openapi.yaml"


@dataclass(frozen=True)
class ParameterSet:
    """The parameters of one location (path or query) of an operation."""

    location: str
    types: Mapping[str, str | None]
    schema: CompiledSchema

    def issues(self, raw: Mapping[str, list[str]]) -> tuple[dict[str, Any], list[Issue]]:
        """Values decoded from the request's strings, and what is wrong with them.

        Parameters the spec does not declare are ignored, as zod objects strip unknown
        keys. A declared parameter given twice stays a list, which no schema here
        accepts: `?includeClient=true&includeClient=false` is a 422, not a guess.
        """
        values: dict[str, Any] = {}
        for name, json_type in self.types.items():
            given = raw.get(name)
            if given is not None:
                values[name] = _decode(given[0], json_type) if len(given) == 1 else given
        return values, self.schema.issues(values)


@dataclass(frozen=True)
class RequestBody:
    required: bool
    media_type: str
    schema: CompiledSchema


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    parameters: tuple[ParameterSet, ...]
    body: RequestBody | None


class ApiSpec:
    """The document and what the mock derives from it."""

    def __init__(self, document: dict[str, Any], extra: Mapping[str, Any] | None = None) -> None:
        self.document = document
        self.schemas = SchemaDocuments({SPEC_URI: document, **(extra or {})})
        self.operations = tuple(self._operations())

    @classmethod
    def load(cls, path: Path | None = None, extra: Mapping[str, Any] | None = None) -> ApiSpec:
        text = (path or default_spec_path()).read_text(encoding="utf-8")
        # libyaml's parser when PyYAML has it: the pure-Python one is most of the mock's start.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return cls(yaml.load(text, Loader=loader), extra)  # noqa: S506 - a safe loader

    def component(self, name: str) -> Any:
        """A schema of `components/schemas`, `$ref` followed."""
        return self.schemas.resolve(pointer_uri(SPEC_URI, "components", "schemas", name))

    def _operations(self) -> list[Operation]:
        found = []
        for path, item in self.document["paths"].items():
            for method in HTTP_METHODS:
                if method in item:
                    found.append(self._operation(path, method, item))
        return found

    def _operation(self, path: str, method: str, item: Mapping[str, Any]) -> Operation:
        operation = item[method]
        base = ("paths", path, method)
        declared = [
            self._located(("paths", path, "parameters", index), parameter)
            for index, parameter in enumerate(item.get("parameters", []))
        ] + [
            self._located((*base, "parameters", index), parameter)
            for index, parameter in enumerate(operation.get("parameters", []))
        ]
        by_location: dict[str, dict[str, tuple[Tokens, dict[str, Any]]]] = {}
        for tokens, parameter in declared:
            by_location.setdefault(parameter["in"], {})[parameter["name"]] = (tokens, parameter)
        return Operation(
            operation_id=operation["operationId"],
            method=method.upper(),
            path=path,
            parameters=tuple(
                self._parameter_set(location, members)
                for location, members in by_location.items()
                if location in ("path", "query")
            ),
            body=self._request_body((*base, "requestBody"), operation.get("requestBody")),
        )

    def _located(self, tokens: Tokens, node: dict[str, Any]) -> tuple[Tokens, dict[str, Any]]:
        """Where an object of the document really is, and the object, past any `$ref`."""
        if "$ref" in node:
            tokens = _tokens_of(node["$ref"])
        resolved: dict[str, Any] = self.schemas.follow(node, SPEC_URI)
        return tokens, resolved

    def _parameter_set(
        self, location: str, members: Mapping[str, tuple[Tokens, dict[str, Any]]]
    ) -> ParameterSet:
        schema = {
            "type": "object",
            "properties": {
                name: {"$ref": pointer_uri(SPEC_URI, *tokens, "schema")}
                for name, (tokens, _) in members.items()
            },
            "required": [
                name for name, (_, parameter) in members.items() if parameter.get("required")
            ],
        }
        types = {
            name: self.schemas.follow(parameter["schema"], SPEC_URI).get("type")
            for name, (_, parameter) in members.items()
        }
        return ParameterSet(location, types, self.schemas.compile(schema))

    def _request_body(self, tokens: Tokens, node: dict[str, Any] | None) -> RequestBody | None:
        if node is None:
            return None
        tokens, body = self._located(tokens, node)
        media_type = next(iter(body["content"]))
        schema = self.schemas.compile_ref(
            pointer_uri(SPEC_URI, *tokens, "content", media_type, "schema")
        )
        return RequestBody(bool(body.get("required")), media_type, schema)


def _tokens_of(local_ref: str) -> Tokens:
    """The pointer tokens of a `#/...` reference."""
    return tuple(JsonPointer(local_ref.partition("#")[2]).parts)


def _decode(raw: str, json_type: str | None) -> Any:
    """A parameter string as the value its schema's type means, or unchanged when it is not one.

    Booleans are exactly `true` and `false` ("boolean (preprocessed)" on the page).
    """
    if json_type == "boolean":
        return {"true": True, "false": False}.get(raw, raw)
    if json_type == "integer" and _INTEGER.fullmatch(raw):
        return int(raw)
    if json_type == "number" and _NUMBER.fullmatch(raw):
        return json.loads(raw)
    return raw
