"""One declaration per model field: its JSON key and its kind.

A generated model declares each field once, as an attrs field whose metadata is its
`json_key`:

    created_at: datetime.datetime | Unset = _attrs_field(default=UNSET, metadata=json_key("createdAt", DATETIME, 1))

and `JsonModel` (`_lazy_model`) derives from these the eager reading (`from_dict`), the
lazy reading (`from_body`), the writing (`to_dict`) and the JSON Schema. A `Kind` holds
what each of those needs of one JSON type, so the schema and the parser of a field come
from the same place and cannot drift apart.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, NamedTuple
from uuid import UUID

from ._model_registry import MODELS
from ._parsing import (
    DATE_SCHEMA,
    DATETIME_SCHEMA,
    UUID_SCHEMA,
    checked_enum_reader,
    checked_list_of,
    enum_parser,
    format_datetime,
    list_of,
    one_of,
    parse_any,
    parse_bool,
    parse_date,
    parse_datetime,
    parse_float,
    parse_int,
    parse_none,
    parse_str,
    parse_uuid,
    read_checked_date,
    read_checked_datetime,
    read_checked_int,
    read_checked_uuid,
)

METADATA_KEY = "carecycle_client.json"
"""The attrs metadata key of a field's `JsonKey`."""


class Kind(NamedTuple):
    """How a JSON value of one type is read, written and described."""

    parse: Callable[[Any], Any]
    """Reads any JSON value, raising `errors.APIResponseValidationError` on a mismatch."""
    read_checked: Callable[[Any], Any]
    """Reads a value `schema` has accepted, converting without checking again: nested models
    lazily, by their `from_checked`."""
    write: Callable[[Any], Any] | None
    """The attribute's value as JSON; None when it is JSON already."""
    schema: Mapping[str, Any]
    """The JSON Schema of the values `parse` accepts, never laxer than it."""
    python_type: type | None = None
    """The type of the attribute's values, by which a union picks the kind that writes one."""
    plain: bool = False
    """Whether a checked JSON value is the attribute's value as it is: read at once."""
    model: str | None = None
    """The model a nested object is read as, by name."""
    items: Kind | None = None
    """The kind of an array's items."""
    options: tuple[Kind, ...] = ()
    """The kinds of a union's values."""


STRING = Kind(parse_str, parse_str, None, {"type": "string"}, str, plain=True)
BOOLEAN = Kind(parse_bool, parse_bool, None, {"type": "boolean"}, bool, plain=True)
# An integer is not plain: 3.0 is one too, read as 3. A number is: an int stays an int.
INTEGER = Kind(parse_int, read_checked_int, None, {"type": "integer"}, int)
NUMBER = Kind(parse_float, parse_float, None, {"type": "number"}, float, plain=True)
NULL = Kind(parse_none, parse_none, None, {"type": "null"}, type(None), plain=True)
ANY = Kind(parse_any, parse_any, None, {}, object, plain=True)
UUID_STRING = Kind(parse_uuid, read_checked_uuid, str, UUID_SCHEMA, UUID)
DATETIME = Kind(parse_datetime, read_checked_datetime, format_datetime, DATETIME_SCHEMA, datetime.datetime)
DATE = Kind(parse_date, read_checked_date, datetime.date.isoformat, DATE_SCHEMA, datetime.date)


def _value_of(member: Enum) -> Any:
    return member.value


def enum_kind(enum: type[Enum]) -> Kind:
    """A string enum; an `OpenStrEnum` takes any string, so its schema is any string."""
    return Kind(enum_parser(enum), checked_enum_reader(enum), _value_of, {"type": "string"}, enum)


def model_kind(name: str) -> Kind:
    """A nested model, found by name when first read: the models refer to each other."""

    def parse(value: Any) -> Any:
        return MODELS[name].from_dict(value)

    def read_checked(value: Any) -> Any:
        return MODELS[name].from_checked(value)

    def write(value: Any) -> Any:
        return value.to_dict()

    return Kind(parse, read_checked, write, {"$ref": f"#/$defs/{name}"}, model=name)


def list_kind(item: Kind) -> Kind:
    item_write = item.write

    def write(values: list[Any]) -> list[Any]:
        return [item_write(value) for value in values] if item_write is not None else values

    return Kind(
        list_of(item.parse),
        checked_list_of(item.read_checked),
        None if item_write is None else write,
        {"type": "array", "items": item.schema},
        list,
        items=item,
    )


def union_kind(*kinds: Kind) -> Kind:
    """A value of any of `kinds`: read by the first that accepts it (checked reading too)."""

    def write(value: Any) -> Any:
        for kind in kinds:
            if kind.python_type is not None and isinstance(value, kind.python_type):
                return value if kind.write is None else kind.write(value)
        return value

    parse = one_of(*(kind.parse for kind in kinds))
    writes = any(kind.write is not None for kind in kinds)
    return Kind(parse, parse, write if writes else None, {"anyOf": [kind.schema for kind in kinds]}, options=kinds)


def models_in(kind: Kind) -> set[str]:
    """The models a value of `kind` can hold, by name, not the models in those."""
    inner = (*kind.options, kind.items) if kind.items is not None else kind.options
    return ({kind.model} if kind.model is not None else set()).union(*(models_in(each) for each in inner))


def reader(
    kind: Kind, *, checked: bool, checked_model: Callable[[type], Callable[[Any], Any]] | None = None
) -> Callable[[Any], Any]:
    """The function that reads a value of `kind`, with the models it names resolved: what a
    model's table reads by, as fast as a call of the model's own method. `checked` reads a
    value its schema has accepted (nested models lazily, by `checked_model` of their class
    when given, else their `from_checked`); a union is read as unchecked, but for one of a
    kind and null, whose checked value is null or that kind's."""
    if kind.model is not None:
        model = MODELS[kind.model]
        if not checked:
            return model.from_dict  # type: ignore[no-any-return]
        return checked_model(model) if checked_model is not None else model.from_checked
    if kind.items is not None:
        return _list_reader(kind.items, checked=checked, checked_model=checked_model)
    if kind.options:
        others = [option for option in kind.options if option.python_type is not type(None)]
        if checked and len(others) == 1 and len(kind.options) == 2:
            return _or_null(reader(others[0], checked=True, checked_model=checked_model))
        return one_of(*(reader(option, checked=False) for option in kind.options))
    return kind.read_checked if checked else kind.parse


def _list_reader(
    items: Kind, *, checked: bool, checked_model: Callable[[type], Callable[[Any], Any]] | None
) -> Callable[[Any], Any]:
    if not checked:
        return list_of(reader(items, checked=False))
    if items.plain:
        return list  # a checked array of plain values is itself: a copy of it
    return checked_list_of(reader(items, checked=True, checked_model=checked_model))


def _or_null(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def read_or_null(value: Any) -> Any:
        return None if value is None else read(value)

    return read_or_null


class JsonKey(NamedTuple):
    """A model field's JSON side: its key ("" for the fields no property takes), its kind,
    and its position in the spec's object, which `to_dict` writes in."""

    key: str
    kind: Kind
    position: int


def json_key(key: str, kind: Kind, position: int) -> dict[str, JsonKey]:
    """The attrs metadata that makes an attribute the field `key` of the JSON object."""
    return {METADATA_KEY: JsonKey(key, kind, position)}


def json_rest(kind: Kind) -> dict[str, JsonKey]:
    """The attrs metadata of `additional_properties`: the fields no property takes, of `kind`."""
    return {METADATA_KEY: JsonKey("", kind, -1)}
