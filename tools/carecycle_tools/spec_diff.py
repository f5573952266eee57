"""Classify every difference between two versions of an OpenAPI document by semver level.

A change is judged from the side of code that uses the generated client: it keeps
working unchanged (minor), it may have to change (major), or only the documentation
changed (patch). Request and response sides differ: a request may accept more than
before, a response may not carry more than before. A narrowed constraint (pattern,
format, bounds, type) counts as breaking on both sides, as the issue asks; a widened
one is compatible, except for a widened response type, which the client cannot parse.

Component schemas are compared once, under their name, in the directions the
operations use them in. A difference no rule covers counts as breaking: the gate errs
on the side of a major bump.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from typing import Any

from jsonpointer import JsonPointer, JsonPointerException

from carecycle_tools.changes import Change, Level

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Keys whose change alters what people read, never what the API accepts or returns.
DOCUMENTATION_KEYS = frozenset(
    {"description", "summary", "title", "example", "examples", "externalDocs", "$comment"}
)
LOWER_BOUNDS = frozenset({"minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"})
UPPER_BOUNDS = frozenset({"maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"})
COMBINATORS = frozenset({"allOf", "anyOf", "oneOf"})
# How a component is named when it is added or removed: "schema Campaign".
SINGULAR = {
    "schemas": "schema",
    "responses": "response",
    "parameters": "parameter",
    "requestBodies": "request body",
}


class SpecError(ValueError):
    """The document cannot be compared: a $ref that does not resolve, for one."""


class Direction(Enum):
    REQUEST = "request"
    RESPONSE = "response"


Schema = Mapping[str, Any]
Directions = frozenset[Direction]
BOTH: Directions = frozenset(Direction)


def compare_specs(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Every change from `old` to `new`, in document order; `info.version` is left out."""
    return _Comparison(old, new).document()


def operations(spec: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The operations by "METHOD /path", with the path's parameters merged into each."""
    found = {}
    for path, item in (spec.get("paths") or {}).items():
        for method in METHODS:
            if method in item:
                operation = dict(item[method])
                shared = {_parameter_key(spec, p): p for p in item.get("parameters") or []}
                own = {_parameter_key(spec, p): p for p in operation.get("parameters") or []}
                if shared:
                    operation["parameters"] = list((shared | own).values())
                found[f"{method.upper()} {path}"] = operation
    return found


def resolve(spec: Mapping[str, Any], node: Any) -> Any:
    """`node` with its $ref followed, and the ref's siblings laid over the target."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            raise SpecError(f"$ref cycle at {ref!r}")
        seen.add(ref)
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        node = {**_target(spec, ref), **siblings}
    return node


def _target(spec: Mapping[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        raise SpecError(f"$ref {ref!r} points outside the document")
    try:
        return JsonPointer(ref[1:]).resolve(spec)
    except JsonPointerException:
        raise SpecError(f"$ref {ref!r} does not resolve") from None


def _parameter_key(spec: Mapping[str, Any], parameter: Any) -> str:
    resolved = resolve(spec, parameter)
    return f"{resolved.get('in')} parameter {resolved.get('name')}"


def schema_directions(spec: Mapping[str, Any]) -> dict[str, set[Direction]]:
    """For each component schema an operation uses: in requests, responses or both."""
    found: dict[str, set[Direction]] = {}
    for operation in operations(spec).values():
        sides = {
            Direction.REQUEST: [operation.get("parameters"), operation.get("requestBody")],
            Direction.RESPONSE: [operation.get("responses")],
        }
        for direction, roots in sides.items():
            for name in _schemas_reached(spec, roots):
                found.setdefault(name, set()).add(direction)
    return found


def _schemas_reached(spec: Mapping[str, Any], roots: Iterable[Any]) -> set[str]:
    prefix = "#/components/schemas/"
    followed: set[str] = set()
    pending = list(roots)
    while pending:
        node = pending.pop()
        if isinstance(node, Mapping):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref not in followed:
                followed.add(ref)
                pending.append(_target(spec, ref))
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return {ref.removeprefix(prefix) for ref in followed if ref.startswith(prefix)}


def _pairs(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[tuple[str, Any, Any]]:
    """(key, old value, new value) for each key whose value differs; None where absent."""
    for key in [*old, *(key for key in new if key not in old)]:
        if old.get(key) != new.get(key):
            yield key, old.get(key), new.get(key)


def _verb(old: Any, new: Any) -> str:
    return "added" if old is None else "removed" if new is None else "changed"


def _shown(value: Any) -> str:
    return "none" if value is None else str(value)


def _by_direction(directions: Directions, *, request: Level, response: Level) -> Level:
    return max(request if side is Direction.REQUEST else response for side in directions)


def _type_names(schema: Mapping[str, Any]) -> list[str]:
    declared = schema.get("type")
    names = [] if declared is None else [declared] if isinstance(declared, str) else list(declared)
    if schema.get("nullable") is True:
        names.append("null")
    return names


def _accepted_types(schema: Mapping[str, Any]) -> frozenset[str] | None:
    """The JSON types a schema admits, None for any; a number admits integers too."""
    names = set(_type_names(schema))
    if not names:
        return None
    return frozenset(names | {"integer"} if "number" in names else names)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Comparison:
    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        self.old = old
        self.new = new
        self.changes: list[Change] = []
        self._inlined: set[tuple[str | None, str | None]] = set()

    def add(self, level: Level, where: str, what: str) -> None:
        self.changes.append(Change(level, where, what))

    def documentation(self, where: str, key: str, old: Any, new: Any) -> None:
        self.add(Level.PATCH, where, f"{key} {_verb(old, new)}")

    def unclassified(self, where: str, key: str, old: Any, new: Any) -> None:
        self.add(
            Level.MAJOR, where, f"{key} {_verb(old, new)} (no rule for it: counted as breaking)"
        )

    def annotation_or_unclassified(self, where: str, key: str, old: Any, new: Any) -> None:
        if key in DOCUMENTATION_KEYS or key.startswith("x-"):
            self.documentation(where, key, old, new)
        elif key == "deprecated":
            self.add(Level.MINOR, where, "deprecated" if new else "no longer deprecated")
        else:
            self.unclassified(where, key, old, new)

    def document(self) -> list[Change]:
        for key, old, new in _pairs(self.old, self.new):
            if key == "paths":
                self.paths()
            elif key == "components":
                self.components(old or {}, new or {})
            elif key == "info":
                for field, before, after in _pairs(old or {}, new or {}):
                    if field != "version":
                        self.documentation("info", field, before, after)
            elif key in {"openapi", "tags"}:
                self.documentation("document", key, old, new)
            elif key == "servers":
                self.servers(old or [], new or [])
            else:
                self.annotation_or_unclassified("document", key, old, new)
        return self.changes

    def servers(self, old: list[Any], new: list[Any]) -> None:
        """The URLs are what the client calls (the first is its default base URL): any
        change to them is major, but a server added after the others. Whatever else a
        server carries (a description, extensions) is documentation."""
        old_urls, new_urls = [s.get("url") for s in old], [s.get("url") for s in new]
        if new_urls[: len(old_urls)] != old_urls:
            self.add(Level.MAJOR, "servers", f"URLs changed from {old_urls} to {new_urls}")
            return
        for url in new_urls[len(old_urls) :]:
            self.add(Level.MINOR, "servers", f"server {url} added")
        for before, after in zip(old, new, strict=False):
            for field, was, now in _pairs(before, after):
                if field == "variables":
                    self.unclassified(f"server {after.get('url')}", field, was, now)
                else:
                    self.documentation(f"server {after.get('url')}", field, was, now)

    def paths(self) -> None:
        old_items, new_items = self.old.get("paths") or {}, self.new.get("paths") or {}
        for path in old_items.keys() & new_items.keys():
            for key, old, new in _pairs(old_items[path], new_items[path]):
                if key not in METHODS and key != "parameters":
                    self.annotation_or_unclassified(path, key, old, new)
        old_operations, new_operations = operations(self.old), operations(self.new)
        for name in old_operations:
            if name not in new_operations:
                self.add(Level.MAJOR, name, "operation removed")
        for name, new in new_operations.items():
            if name not in old_operations:
                self.add(Level.MINOR, name, "operation added")
            else:
                self.operation(name, old_operations[name], new)

    def operation(self, where: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        for key, before, after in _pairs(old, new):
            if key == "parameters":
                self.parameters(where, before or [], after or [])
            elif key == "requestBody":
                self.request_body(f"{where} request body", before, after)
            elif key == "responses":
                self.responses(where, before or {}, after or {})
            else:
                self.annotation_or_unclassified(where, key, before, after)

    def parameters(self, where: str, old: list[Any], new: list[Any]) -> None:
        olds = {_parameter_key(self.old, p): p for p in old}
        news = {_parameter_key(self.new, p): p for p in new}
        for key in olds.keys() - news.keys():
            self.add(Level.MAJOR, f"{where} {key}", "parameter removed")
        for key, parameter in news.items():
            if key not in olds:
                required = resolve(self.new, parameter).get("required") is True
                level, kind = (Level.MAJOR, "required") if required else (Level.MINOR, "optional")
                self.add(level, f"{where} {key}", f"{kind} parameter added")
            elif olds[key] != parameter:
                self.parameter(f"{where} {key}", olds[key], parameter)

    def parameter(self, where: str, old: Any, new: Any) -> None:
        for key, before, after in _pairs(resolve(self.old, old), resolve(self.new, new)):
            if key == "required":
                self.required_flag(where, "parameter", bool(before), bool(after))
            elif key == "schema":
                self.schema(where, before or {}, after or {}, frozenset({Direction.REQUEST}))
            else:
                self.annotation_or_unclassified(where, key, before, after)

    def required_flag(self, where: str, what: str, before: bool, after: bool) -> None:
        if after and not before:
            self.add(Level.MAJOR, where, f"optional {what} made required")
        elif before and not after:
            self.add(Level.MINOR, where, f"required {what} made optional")

    def request_body(self, where: str, old: Any, new: Any) -> None:
        if old is None:
            required = resolve(self.new, new).get("required") is True
            self.add(Level.MAJOR if required else Level.MINOR, where, "request body added")
            return
        if new is None:
            self.add(Level.MAJOR, where, "request body removed")
            return
        for key, before, after in _pairs(resolve(self.old, old), resolve(self.new, new)):
            if key == "required":
                self.required_flag(where, "request body", bool(before), bool(after))
            elif key == "content":
                self.content(where, before or {}, after or {}, Direction.REQUEST)
            else:
                self.annotation_or_unclassified(where, key, before, after)

    def responses(self, where: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        for status in old:
            if status not in new:
                self.add(Level.MAJOR, where, f"response {status} removed")
        for status, response in new.items():
            if status not in old:
                self.add(Level.MINOR, where, f"response {status} added")
            elif old[status] != response:
                self.response(f"{where} response {status}", old[status], response)

    def response(self, where: str, old: Any, new: Any) -> None:
        for key, before, after in _pairs(resolve(self.old, old), resolve(self.new, new)):
            if key == "content":
                self.content(where, before or {}, after or {}, Direction.RESPONSE)
            else:
                self.annotation_or_unclassified(where, key, before, after)

    def content(
        self, where: str, old: Mapping[str, Any], new: Mapping[str, Any], direction: Direction
    ) -> None:
        for media in old:
            if media not in new:
                self.add(Level.MAJOR, where, f"media type {media} removed")
        for media, body in new.items():
            if media not in old:
                self.add(Level.MINOR, where, f"media type {media} added")
                continue
            for key, before, after in _pairs(old[media], body):
                if key == "schema":
                    self.schema(where, before or {}, after or {}, frozenset({direction}))
                else:
                    self.annotation_or_unclassified(f"{where} ({media})", key, before, after)

    def components(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        directions = schema_directions(self.old)
        for name, sides in schema_directions(self.new).items():
            directions.setdefault(name, set()).update(sides)
        for section, before, after in _pairs(old, new):
            entries_before, entries_after = before or {}, after or {}
            kind = SINGULAR.get(section, f"{section} entry")
            for name in entries_before:
                if name not in entries_after:
                    self.add(Level.MAJOR, f"{kind} {name}", "removed")
            for name, entry in entries_after.items():
                if name not in entries_before:
                    self.add(Level.MINOR, f"{kind} {name}", "added")
                elif entries_before[name] != entry:
                    self.component(section, name, entries_before[name], entry, directions)

    def component(
        self,
        section: str,
        name: str,
        old: Any,
        new: Any,
        directions: Mapping[str, set[Direction]],
    ) -> None:
        if section == "schemas":
            self.schema(name, old, new, frozenset(directions.get(name) or BOTH))
        elif section == "responses":
            self.response(f"response {name}", old, new)
        elif section == "parameters":
            self.parameter(f"parameter {name}", old, new)
        elif section == "requestBodies":
            self.request_body(f"request body {name}", old, new)
        else:
            for key, before, after in _pairs(old, new):
                self.annotation_or_unclassified(f"{section} {name}", key, before, after)

    def schema(self, where: str, old: Schema, new: Schema, directions: Directions) -> None:
        refs = (old.get("$ref"), new.get("$ref"))
        if refs[0] != refs[1]:
            # Another target: compare what the two refer to, here, once per pair.
            if refs in self._inlined:
                return
            self._inlined.add(refs)
            old, new = resolve(self.old, old), resolve(self.new, new)
        self.types(where, old, new, directions)
        self.properties(where, old, new, directions)
        for key, before, after in _pairs(old, new):
            if key in {"$ref", "type", "nullable", "properties", "required"}:
                continue
            if key == "items":
                self.schema(f"{where}[]", before or {}, after or {}, directions)
            elif key == "additionalProperties":
                self.additional_properties(where, before, after, directions)
            elif key in COMBINATORS and len(before or []) == len(after or []):
                for index, (one, other) in enumerate(zip(before, after, strict=True)):
                    self.schema(f"{where} ({key} {index})", one, other, directions)
            else:
                self.constraint(where, key, before, after, directions)

    def constraint(
        self, where: str, key: str, before: Any, after: Any, directions: Directions
    ) -> None:
        if key == "enum":
            self.enum(where, before, after, directions)
        elif key == "format":
            shown = f"{_shown(before)} -> {_shown(after)}"
            self.add(Level.MAJOR, where, f"format {shown}: the generated type follows it")
        elif key == "pattern":
            self.pattern(where, before, after)
        elif key in LOWER_BOUNDS | UPPER_BOUNDS and all(
            value is None or _is_number(value) for value in (before, after)
        ):
            self.bound(where, key, before, after)
        else:
            self.annotation_or_unclassified(where, key, before, after)

    def types(self, where: str, old: Schema, new: Schema, directions: Directions) -> None:
        before, after = _accepted_types(old), _accepted_types(new)
        if before == after:
            return
        shown = (
            f"{' | '.join(_type_names(old)) or 'any'} -> {' | '.join(_type_names(new)) or 'any'}"
        )
        if after is None or (before is not None and before < after):
            # A request may accept more; a response carrying more breaks parsing.
            level = _by_direction(directions, request=Level.MINOR, response=Level.MAJOR)
            self.add(level, where, f"type widened ({shown})")
        elif before is None or after < before:
            self.add(Level.MAJOR, where, f"type narrowed ({shown})")
        else:
            self.add(Level.MAJOR, where, f"type changed ({shown})")

    def properties(self, where: str, old: Schema, new: Schema, directions: Directions) -> None:
        olds, news = old.get("properties") or {}, new.get("properties") or {}
        was_required, is_required = set(old.get("required") or []), set(new.get("required") or [])
        for name in olds:
            if name not in news:
                self.add(Level.MAJOR, f"{where}.{name}", "field removed")
        for name, schema in news.items():
            field = f"{where}.{name}"
            if name not in olds:
                if name in is_required:
                    level = _by_direction(directions, request=Level.MAJOR, response=Level.MINOR)
                    self.add(level, field, "required field added")
                else:
                    self.add(Level.MINOR, field, "optional field added")
                continue
            if name in is_required - was_required:
                self.add(Level.MAJOR, field, "optional field made required")
            elif name in was_required - is_required:
                # Requests need not send it any more; responses may now leave it out.
                level = _by_direction(directions, request=Level.MINOR, response=Level.MAJOR)
                self.add(level, field, "required field made optional")
            if olds[name] != schema:
                self.schema(field, olds[name], schema, directions)

    def enum(self, where: str, old: Any, new: Any, directions: Directions) -> None:
        if old is None:
            self.add(Level.MAJOR, where, "enum added: only its values remain valid")
            return
        if new is None:
            level = _by_direction(directions, request=Level.MINOR, response=Level.MAJOR)
            self.add(level, where, "enum removed: any value is valid")
            return
        for value in old:
            if value not in new:
                self.add(Level.MAJOR, where, f"enum value {value!r} removed")
        tolerated = " (responses: the client tolerates unknown values)"
        note = tolerated if Direction.RESPONSE in directions else ""
        for value in new:
            if value not in old:
                self.add(Level.MINOR, where, f"enum value {value!r} added{note}")

    def pattern(self, where: str, old: Any, new: Any) -> None:
        if new is None:
            self.add(Level.MINOR, where, "pattern removed")
        else:
            # Whether one regex accepts all another does is undecidable here: narrowed.
            self.add(Level.MAJOR, where, f"pattern {_verb(old, new)}: {new}")

    def bound(self, where: str, key: str, old: Any, new: Any) -> None:
        lower = key in LOWER_BOUNDS
        narrowed = new is not None and (old is None or (new > old if lower else new < old))
        level, effect = (Level.MAJOR, "narrowed") if narrowed else (Level.MINOR, "widened")
        self.add(level, where, f"{key} {_shown(old)} -> {_shown(new)} ({effect})")

    def additional_properties(self, where: str, old: Any, new: Any, directions: Directions) -> None:
        before = True if old is None else old
        after = True if new is None else new
        if isinstance(before, Mapping) and isinstance(after, Mapping):
            self.schema(f"{where}.*", before, after, directions)
            return

        def breadth(value: Any) -> int:
            return 2 if value is True else 0 if value is False else 1

        narrowed = breadth(after) < breadth(before)
        level, effect = (Level.MAJOR, "narrowed") if narrowed else (Level.MINOR, "widened")
        self.add(level, where, f"additionalProperties {effect}")
