"""JSON Schema documents by URI, compiled with jsonschema-rs, problems reported zod-style.

The mock never re-types a schema: it compiles `{"$ref": "<document URI>#<pointer>"}`
against a registry that holds openapi.yaml (and the mock's own small documents), so
every check is the document's own. Failures come back as zod issues, the format the
spec's `ValidationIssue` describes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NotRequired, TypedDict
from urllib.parse import quote, unquote

import jsonschema_rs
from jsonpointer import JsonPointer

Kind = jsonschema_rs.ValidationErrorKind


class Issue(TypedDict):
    """One zod issue: `path`, `message` and `code` always; the rest when zod has them."""

    path: list[str]
    message: str
    code: str
    expected: NotRequired[str]
    received: NotRequired[str]
    format: NotRequired[str]


def pointer_uri(document_uri: str, *tokens: str | int) -> str:
    """The URI of a node of a document: its JSON pointer (RFC 6901), percent-encoded as a
    URI fragment."""
    return f"{document_uri}#{quote(JsonPointer.from_parts(tokens).path, safe='/')}"


_UNRESOLVED = object()


class SchemaDocuments:
    """A set of JSON documents addressable by URI, and the validators compiled from them."""

    def __init__(self, documents: Mapping[str, Any]) -> None:
        self._documents = dict(documents)
        self._resolved: dict[str, Any] = {}
        self._registry = jsonschema_rs.Registry(
            list(self._documents.items()), draft=jsonschema_rs.Draft202012
        )

    def resolve(self, uri: str) -> Any:
        """The node a URI points at, following `$ref`s so the result is never a reference.

        Kept once found: the documents do not change, and the URIs asked for are places in
        the schemas (a failed keyword's), as many as the schemas have, never a request's.
        """
        found = self._resolved.get(uri, _UNRESOLVED)
        if found is _UNRESOLVED:
            document_uri, _, fragment = uri.partition("#")
            node = JsonPointer(unquote(fragment)).resolve(self._documents[document_uri])
            found = self._resolved[uri] = self.follow(node, document_uri)
        return found

    def follow(self, node: Any, document_uri: str) -> Any:
        """`node` of the document `document_uri`, or what its `$ref` points at."""
        if not (isinstance(node, dict) and "$ref" in node):
            return node
        reference: str = node["$ref"]
        return self.resolve(
            f"{document_uri}{reference}" if reference.startswith("#") else reference
        )

    def compile(self, schema: Mapping[str, Any], *, formats: bool = False) -> CompiledSchema:
        """A validator for a schema whose `$ref`s are absolute URIs of these documents."""
        validator = jsonschema_rs.Draft202012Validator(
            dict(schema), registry=self._registry, validate_formats=formats
        )
        return CompiledSchema(validator, self)

    def compile_ref(self, uri: str, *, formats: bool = False) -> CompiledSchema:
        return self.compile({"$ref": uri}, formats=formats)


class CompiledSchema:
    """A compiled validator that answers with zod issues."""

    def __init__(self, validator: jsonschema_rs.Validator, documents: SchemaDocuments) -> None:
        self._validator = validator
        self._documents = documents
        # The validator's own method: the check every request makes, without a call around it.
        self.is_valid: Callable[[Any], bool] = validator.is_valid

    def issues(self, instance: Any, prefix: Sequence[str | int] = ()) -> list[Issue]:
        """The problems with `instance`, each path prefixed by `prefix`; empty when valid.

        Like zod, one issue per value: where a value breaks both `type` and `enum`, the
        enum's invalid_value is the one reported.
        """
        if self.is_valid(instance):
            return []
        chosen: dict[tuple[str, ...], Issue] = {}
        for error in self._validator.iter_errors(instance):
            issue = self._issue(error, prefix)
            path = tuple(issue["path"])
            if path not in chosen or issue["code"] == "invalid_value":
                chosen[path] = issue
        return list(chosen.values())

    def _keyword_parent(self, error: jsonschema_rs.ValidationError) -> Mapping[str, Any]:
        """The schema object holding the keyword that failed, for what zod would report."""
        location = error.absolute_keyword_location
        if location is None:
            return {}
        node = self._documents.resolve(location.rpartition("/")[0])
        return node if isinstance(node, dict) else {}

    def _member(self, error: jsonschema_rs.ValidationError, name: str) -> Mapping[str, Any]:
        """The schema of property `name` of the object schema that failed."""
        member = self._keyword_parent(error).get("properties", {}).get(name, {})
        document_uri = (error.absolute_keyword_location or "").partition("#")[0]
        node = self._documents.follow(member, document_uri)
        return node if isinstance(node, dict) else {}

    def _issue(self, error: jsonschema_rs.ValidationError, prefix: Sequence[str | int]) -> Issue:
        path = [str(part) for part in (*prefix, *error.instance_path)]
        kind = error.kind
        if isinstance(kind, Kind.Required):
            path.append(kind.property)
            return _missing(path, self._member(error, kind.property))
        return _issue_for(kind, error, path, self._keyword_parent)


def _missing(path: list[str], schema: Mapping[str, Any]) -> Issue:
    """A required property that is absent: what zod says about `undefined` there."""
    if "enum" in schema:
        return _invalid_option(path, schema["enum"], "undefined")
    expected = _type_name(schema.get("type", "value"))
    return _invalid_type(path, expected, "undefined")


def _issue_for(  # noqa: PLR0911 - one answer per kind of problem, as zod has them
    kind: jsonschema_rs.ValidationErrorKind,
    error: jsonschema_rs.ValidationError,
    path: list[str],
    keyword_parent: Any,
) -> Issue:
    match kind:
        case Kind.Type(types):
            return _invalid_type(path, _type_name(types), _json_type(error.instance))
        case Kind.Enum(options):
            return _invalid_option(path, options, _render(error.instance))
        case Kind.Constant(expected_value):
            return _invalid_option(path, [expected_value], _render(error.instance))
        case Kind.Pattern(pattern):
            return _invalid_format(path, keyword_parent(error).get("format"), pattern)
        case Kind.Format(format_name):
            return _invalid_format(path, format_name, None)
        case Kind.Minimum(limit) | Kind.MinLength(limit) | Kind.MinItems(limit):
            return _bound(path, "too_small", ">=", limit, error.instance)
        case Kind.ExclusiveMinimum(limit):
            return _bound(path, "too_small", ">", limit, error.instance)
        case Kind.Maximum(limit) | Kind.MaxLength(limit) | Kind.MaxItems(limit):
            return _bound(path, "too_big", "<=", limit, error.instance)
        case Kind.ExclusiveMaximum(limit):
            return _bound(path, "too_big", "<", limit, error.instance)
        case Kind.AdditionalProperties(unexpected) | Kind.UnevaluatedProperties(unexpected):
            keys = ", ".join(f'"{key}"' for key in unexpected)
            return {
                "path": path,
                "code": "unrecognized_keys",
                "message": f"Unrecognized key(s): {keys}",
            }
        case Kind.AnyOf() | Kind.OneOfNotValid() | Kind.OneOfMultipleValid():
            return {"path": path, "code": "invalid_union", "message": "Invalid input"}
        case _:
            return {"path": path, "code": "custom", "message": error.message}


def _invalid_type(path: list[str], expected: str, received: str) -> Issue:
    return {
        "path": path,
        "code": "invalid_type",
        "expected": expected,
        "received": received,
        "message": f"Invalid input: expected {expected}, received {received}",
    }


def _invalid_option(path: list[str], options: Iterable[Any], received: str) -> Issue:
    expected = "|".join(_render(option) for option in options)
    return {
        "path": path,
        "code": "invalid_value",
        "expected": expected,
        "received": received,
        "message": f"Invalid option: expected one of {expected}",
    }


def _invalid_format(path: list[str], format_name: str | None, pattern: str | None) -> Issue:
    if format_name == "uuid":
        message = "Invalid UUID"
    elif pattern is not None:
        message = f"Invalid string: must match pattern /{pattern}/"
    else:
        message = f"Invalid {format_name}"
    name = format_name or "regex"
    return {
        "path": path,
        "code": "invalid_format",
        "format": name,
        "expected": name,
        "message": message,
    }


def _bound(path: list[str], code: str, relation: str, limit: Any, instance: Any) -> Issue:
    origin = _json_type(instance)
    measure = {"string": "length", "array": "size"}.get(origin, "value")
    return {
        "path": path,
        "code": code,
        "expected": f"{relation}{limit}",
        "message": f"Too {'small' if code == 'too_small' else 'big'}: expected {origin} {measure} to be {relation}{limit}",
    }


def _type_name(types: str | Sequence[str]) -> str:
    return types if isinstance(types, str) else " | ".join(types)


def _json_type(value: Any) -> str:
    """The JSON type of a decoded value, in the words zod uses for `received`."""
    match value:
        case None:
            return "null"
        case bool():
            return "boolean"
        case int() | float():
            return "number"
        case str():
            return "string"
        case list():
            return "array"
        case _:
            return "object"


def _render(value: Any, limit: int = 80) -> str:
    """A value as zod quotes it, cut short: an issue must not echo a megabyte back."""
    if isinstance(value, str):
        value = value[:limit]
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"
