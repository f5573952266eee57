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
from urllib.parse import parse_qsl

import orjson
from jsonpointer import JsonPointer

from carecycle_mock.schemas import CompiledSchema, Issue, SchemaDocuments, pointer_uri

SPEC_URI = "urn:carecycle:openapi"
# The packaged spec as JSON, beside openapi.yaml in a wheel (hatch_build.py writes it).
PACKAGED_JSON = "openapi.json"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
Tokens = tuple[str | int, ...]
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_BOOLEANS = {"true": True, "false": False}


def read_yaml(path: Path) -> Any:
    import yaml  # noqa: PLC0415 - only for a spec not packaged as JSON

    # libyaml's parser when PyYAML has it: the pure-Python one is most of the mock's start.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader


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


# A request's path and query values, decoded, and the issues found with them.
Checked = tuple[dict[str, Any], dict[str, Any], tuple[Issue, ...]]


class Parameters:
    """An operation's path and query parameters, decoded and checked in one step.

    A request's parameters are checked by one validator, of every location at once; only
    a request that fails it is checked again location by location, for its issues.
    Parameters the spec does not declare are ignored, as zod objects strip unknown keys.
    A declared parameter given twice stays a list, which no schema here accepts:
    `?includeClient=true&includeClient=false` is a 422, not a guess.

    What a check finds depends on the request's path values and query string alone, so
    the last CHECKED of them are kept with what was found: a client asking for the same
    campaign again is not checked again. What is kept is never changed, and only
    strings of at most KEPT_CHARS together are kept: about a megabyte at most.
    """

    CHECKED = 1024
    KEPT_CHARS = 256

    def __init__(self, sets: tuple[ParameterSet, ...], schema: CompiledSchema | None) -> None:
        self.sets = sets
        by_location = {parameters.location: parameters for parameters in sets}
        path, query = by_location.get("path"), by_location.get("query")
        # A path's values come from its route, every one of them; a string is kept as it is.
        self._path_types = [
            (name, json_type)
            for name, json_type in (path.types.items() if path else ())
            if json_type != "string"
        ]
        self._query_types = dict(query.types) if query else {}
        self._schema = schema
        self._checked: dict[tuple[tuple[str, ...], str], Checked] = {}

    def read(self, path: Mapping[str, str], query: str) -> Checked:
        """The path and query values of a request, and what is wrong with them (kept, as
        found for the same path values and query string before, if they were).

        `path` is the values its route matched, `query` its (undecoded) query string.
        """
        values = tuple(path.values())
        key = (values, query)
        found = self._checked.get(key)
        if found is None:
            found = self._check(path, query)
            if len(query) + sum(map(len, values)) <= self.KEPT_CHARS:
                if len(self._checked) >= self.CHECKED:
                    del self._checked[next(iter(self._checked))]  # the oldest
                self._checked[key] = found
        return found

    def _check(self, path: Mapping[str, str], query: str) -> Checked:
        path_values = dict(path)
        for name, json_type in self._path_types:
            path_values[name] = _decode(path_values[name], json_type)
        query_values: dict[str, Any] = {}
        if query and self._query_types:
            types = self._query_types
            given: dict[str, list[str]] = {}
            for name, value in query_pairs(query):
                if name in types:
                    given.setdefault(name, []).append(value)
            for name, strings in given.items():
                query_values[name] = (
                    _decode(strings[0], types[name]) if len(strings) == 1 else strings
                )
        if self._schema is None or self._schema.is_valid(
            {"path": path_values, "query": query_values}
        ):
            return path_values, query_values, ()
        by_location = {"path": path_values, "query": query_values}
        issues = tuple(
            issue
            for parameters in self.sets
            for issue in parameters.schema.issues(by_location[parameters.location])
        )
        return path_values, query_values, issues


def query_pairs(query: str) -> list[tuple[str, str]]:
    """`parse_qsl(query, keep_blank_values=True)`, split here when nothing is encoded."""
    if "%" in query or "+" in query:
        return parse_qsl(query, keep_blank_values=True)
    # A pair's name and value: its partition at the first `=`, less the `=`.
    return [part.partition("=")[::2] for part in query.split("&") if part]


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
    parameters: Parameters
    body: RequestBody | None


class ApiSpec:
    """The document and what the mock derives from it."""

    def __init__(self, document: dict[str, Any], extra: Mapping[str, Any] | None = None) -> None:
        self.document = document
        self.schemas = SchemaDocuments({SPEC_URI: document, **(extra or {})})
        self.operations = tuple(self._operations())

    @classmethod
    def load(cls, path: Path | None = None, extra: Mapping[str, Any] | None = None) -> ApiSpec:
        """The spec at `path`, YAML or JSON; by default the packaged one.

        An installed wheel also carries the packaged spec as JSON, written from it when
        the wheel was built: reading that is a fiftieth of parsing the YAML, and the mock
        then never imports PyYAML, which is a tenth of its start.
        """
        if path is None:
            packaged = resources.files("carecycle_mock") / PACKAGED_JSON
            if packaged.is_file():
                return cls(orjson.loads(packaged.read_bytes()), extra)
        return cls(read_yaml(path or default_spec_path()), extra)

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
            parameters=self._parameters(
                {
                    location: members
                    for location, members in by_location.items()
                    if location in ("path", "query")
                }
            ),
            body=self._request_body((*base, "requestBody"), operation.get("requestBody")),
        )

    def _located(self, tokens: Tokens, node: dict[str, Any]) -> tuple[Tokens, dict[str, Any]]:
        """Where an object of the document really is, and the object, past any `$ref`."""
        if "$ref" in node:
            tokens = _tokens_of(node["$ref"])
        resolved: dict[str, Any] = self.schemas.follow(node, SPEC_URI)
        return tokens, resolved

    def _parameters(
        self, locations: Mapping[str, Mapping[str, tuple[Tokens, dict[str, Any]]]]
    ) -> Parameters:
        schemas = {
            location: self._parameters_schema(members) for location, members in locations.items()
        }
        sets = tuple(
            ParameterSet(
                location,
                {
                    name: self.schemas.follow(parameter["schema"], SPEC_URI).get("type")
                    for name, (_, parameter) in members.items()
                },
                self.schemas.compile(schemas[location]),
            )
            for location, members in locations.items()
        )
        every_location = {"type": "object", "properties": schemas}
        return Parameters(sets, self.schemas.compile(every_location) if sets else None)

    def _parameters_schema(
        self, members: Mapping[str, tuple[Tokens, dict[str, Any]]]
    ) -> dict[str, Any]:
        """The schema of one location's parameters: an object, a property a parameter."""
        return {
            "type": "object",
            "properties": {
                name: {"$ref": pointer_uri(SPEC_URI, *tokens, "schema")}
                for name, (tokens, _) in members.items()
            },
            "required": [
                name for name, (_, parameter) in members.items() if parameter.get("required")
            ],
        }

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
        return _BOOLEANS.get(raw, raw)
    if json_type == "integer" and _INTEGER.fullmatch(raw):
        return int(raw)
    if json_type == "number" and _NUMBER.fullmatch(raw):
        return json.loads(raw)
    return raw
