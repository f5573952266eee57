"""Types shared by the models and endpoints, and the checked reading of JSON into models.

Reading never trusts a response. There are two ways to read one, with the same result:

- `Model.from_dict(data)` reads every field at once through `JsonObject` and the
  `parse_*` functions here, which raise one `errors.APIResponseValidationError` naming the
  field that does not match the spec (`campaign.transferConfig.routingConfig.agents[0].id`)
  instead of a KeyError or TypeError from deep inside.
- `Model.from_body(data)`, which the client uses for response bodies, first checks the
  whole body against the model's JSON Schema with jsonschema-rs (compiled, in Rust), then
  reads each field from the JSON the first time it is used, and keeps it. A body the schema
  refuses goes through `from_dict`, which names the field and says why; so a bad body fails
  the call, not a later attribute access. The schemas are never laxer than the `parse_*`
  functions (tests/client/test_lazy_reading.py checks it), only sometimes stricter, and
  then `from_dict` decides.

What the spec does not know is kept, not rejected: fields it does not list land in the
model's `additional_properties`, and enum values it does not list become members of their
`OpenStrEnum`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping, MutableMapping
from enum import Enum, StrEnum
from http import HTTPStatus
from typing import IO, TYPE_CHECKING, Any, BinaryIO, ClassVar, Generic, Literal, NamedTuple, Self, TypeVar
from uuid import UUID

import httpx
import jsonschema_rs
import orjson
from attrs import define

from .errors import APIResponseValidationError


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")
E = TypeVar("E", bound=Enum)


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


class ApiKey:
    """An API key that never shows itself: its repr and str are the masked form `cc_...1a2b`.

    Only `reveal()` gives the key, for the one header that carries it.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value.strip()

    def reveal(self) -> str:
        return self._value

    @property
    def masked(self) -> str:
        """The first three and last four characters, or nothing of a key too short to hide in."""
        if len(self._value) < 12:
            return "..."
        return f"{self._value[:3]}...{self._value[-4:]}"

    def __repr__(self) -> str:
        return f"ApiKey('{self.masked}')"

    def __str__(self) -> str:
        return self.masked


class OpenStrEnum(StrEnum):
    """A string enum that keeps values the spec does not list instead of raising.

    `CampaignStatus("archived_v2")` is a pseudo-member whose value is that string: it compares
    equal to it, serialises back to it, and has `is_known` False. The live API adds values
    before the documentation does.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    @property
    def is_known(self) -> bool:
        """Whether the spec lists this value."""
        return self._value_ in type(self)._value2member_map_

    def __str__(self) -> str:
        return str(self.value)


def as_uuid(value: UUID | str, name: str) -> UUID:
    """`value` as a UUID, for arguments that accept a UUID or its string."""
    if isinstance(value, UUID):
        return value
    try:
        return UUID(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a UUID, got {value!r}") from None


def format_datetime(value: datetime.datetime) -> str:
    """ISO 8601 as the API writes it: `Z` for UTC, milliseconds only when there are some."""
    whole_milliseconds = value.microsecond and value.microsecond % 1000 == 0
    text = value.isoformat(timespec="milliseconds" if whole_milliseconds else "auto")
    if text.endswith("+00:00"):
        return text[: -len("+00:00")] + "Z"
    return text


# Reading JSON into models


class JsonObject:
    """The fields of one JSON object, taken one by one by a model's `from_dict`."""

    def __init__(self, data: object) -> None:
        if not isinstance(data, Mapping):
            raise _mismatch("an object", data)
        self._unread: dict[str, Any] = dict(data)

    def required(self, key: str, parse: Callable[[Any], T]) -> T:
        if key not in self._unread:
            raise APIResponseValidationError("the field is required but missing", path=[key])
        return self._take(key, parse)

    def optional(self, key: str, parse: Callable[[Any], T]) -> T | Unset:
        return self._take(key, parse) if key in self._unread else UNSET

    def remaining(self, parse: Callable[[Any], T]) -> dict[str, T]:
        """The fields no property took: additionalProperties, and fields newer than the spec."""
        return {key: self._take(key, parse) for key in list(self._unread)}

    def _take(self, key: str, parse: Callable[[Any], T]) -> T:
        # A plain try, not a context manager: this runs once for every field of a response.
        try:
            return parse(self._unread.pop(key))
        except APIResponseValidationError as error:
            error.prepend(key)
            raise


def _describe(value: object) -> str:
    if value is None:
        return "null"
    kind = {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}
    shown = json.dumps(value, default=repr)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{kind.get(type(value), type(value).__name__)} {shown}"


def _mismatch(expected: str, value: object) -> APIResponseValidationError:
    return APIResponseValidationError(f"expected {expected}, got {_describe(value)}")


def parse_any(value: Any) -> Any:
    return value


def parse_none(value: object) -> None:
    if value is not None:
        raise _mismatch("null", value)


def parse_str(value: object) -> str:
    if isinstance(value, str):
        return value
    raise _mismatch("a string", value)


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise _mismatch("a boolean", value)


def parse_int(value: object) -> int:
    """A JSON integer; `3.0` is one too (JSON Schema says so), read as 3."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise _mismatch("an integer", value)


def parse_float(value: object) -> float:
    """A JSON number; an integer stays an int, so that it is written back as it came."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    raise _mismatch("a number", value)


def parse_uuid(value: object) -> UUID:
    try:
        return UUID(parse_str(value))
    except ValueError:
        raise _mismatch("a UUID", value) from None


def parse_datetime(value: object) -> datetime.datetime:
    try:
        return datetime.datetime.fromisoformat(parse_str(value))
    except ValueError:
        raise _mismatch("an ISO 8601 date-time", value) from None


def parse_date(value: object) -> datetime.date:
    try:
        return datetime.date.fromisoformat(parse_str(value))
    except ValueError:
        raise _mismatch("an ISO 8601 date", value) from None


def enum_parser(enum: type[E]) -> Callable[[object], E]:
    """Read a value of `enum`; an `OpenStrEnum` takes any string."""

    def parse_enum(value: object) -> E:
        try:
            return enum(value)
        except ValueError:
            raise _mismatch(f"a {enum.__name__}", value) from None

    return parse_enum


def list_of(parse: Callable[[Any], T]) -> Callable[[object], list[T]]:
    def parse_list(value: object) -> list[T]:
        if not isinstance(value, list):
            raise _mismatch("an array", value)
        items: list[T] = []
        for index, item in enumerate(value):
            try:
                items.append(parse(item))
            except APIResponseValidationError as error:
                error.prepend(index)
                raise
        return items

    return parse_list


def one_of(*parsers: Callable[[Any], Any]) -> Callable[[object], Any]:
    """Read a value of a union: the first parser that accepts it wins."""

    accepts_null = parse_none in parsers

    def parse_union(value: object) -> Any:
        if value is None and accepts_null:
            return None
        reasons = []
        for parse in parsers:
            try:
                return parse(value)
            except APIResponseValidationError as error:
                reasons.append(error.reason)
        raise APIResponseValidationError(" or ".join(reasons))

    return parse_union


# Reading a response body lazily, once its schema has checked it

# The JSON Schemas of the values the parse_* functions read, never laxer than they are:
# what the formats and patterns accept, UUID() and fromisoformat() accept.
# jsonschema-rs' uuid format takes the hyphenated form only, twice as fast as a pattern.
UUID_SCHEMA: dict[str, Any] = {"type": "string", "format": "uuid"}
DATETIME_SCHEMA: dict[str, Any] = {
    "type": "string",
    "format": "date-time",
    # RFC 3339 allows a lower-case t and z and a leap second, which fromisoformat refuses.
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-5][0-9](\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$",
}
DATE_SCHEMA: dict[str, Any] = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


class LazyField(NamedTuple):
    """How a model reads one attribute from a checked body: `key` in the JSON, read by `parse`
    (nested models by their `from_checked`). The key "" reads the fields no property takes."""

    key: str
    parse: Callable[[Any], Any]
    required: bool = False


class JsonModel:
    """The base of the generated models: reading a response body lazily (see the module docstring)."""

    __slots__ = ("_unread",)

    _unread: Mapping[str, Any]
    """The JSON object a model from `from_body` reads its attributes from; unset otherwise."""
    json_schema: ClassVar[dict[str, Any]] = {}
    """The JSON Schema of this model's JSON object, as the client checks a response body."""
    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = ()
    """(attribute, key) of the fields whose checked JSON value is their value as it is
    (strings, booleans, any JSON): `from_checked` sets them at once, for nothing to read."""

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        raise NotImplementedError

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        """How each attribute is read from a checked body, by attribute name."""
        raise NotImplementedError

    @classmethod
    def from_body(cls, data: object) -> Self:
        """Read a response body: checked against `json_schema` now, each field read on first use.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        if isinstance(data, Mapping) and _matches_schema(cls, data):
            return cls.from_checked(data)
        return cls.from_dict(data)  # type: ignore[arg-type]  # it refuses a non-object, explained

    @classmethod
    def from_checked(cls, data: Mapping[str, Any]) -> Self:
        """A model reading its fields from `data`, which its schema has accepted."""
        model = object.__new__(cls)
        set_attribute = object.__setattr__
        set_attribute(model, "_unread", data)
        for name, key in cls.plain_fields:
            set_attribute(model, name, data.get(key, UNSET))
        return model

    if not TYPE_CHECKING:  # type checkers see the attributes the models declare, and no others

        def __getattr__(self, name: str) -> Any:
            # Called only for an attribute not set yet: one read once from the checked body.
            # Kept short: a fully read body of the seed's campaign calls it some 180 times.
            try:
                data = _UNREAD(self)
                key, parse, required = _LAZY_FIELDS[type(self)][name]
            except (AttributeError, KeyError):
                return _first_read(self, name)
            if not key:
                value = _read_remaining(type(self), data, parse)
            elif key in data:
                try:
                    value = parse(data[key])
                except APIResponseValidationError as error:
                    error.prepend(key)
                    raise
            elif required:
                raise APIResponseValidationError("the field is required but missing", path=[key])
            else:
                value = UNSET
            object.__setattr__(self, name, value)
            return value


_UNREAD: Callable[[JsonModel], Mapping[str, Any]] = JsonModel.__dict__["_unread"].__get__  # the slot's getter
_LAZY_FIELDS: dict[type[JsonModel], dict[str, LazyField]] = {}
_NAMED_KEYS: dict[type[JsonModel], frozenset[str]] = {}  # the JSON keys a model's properties take
_VALIDATORS: dict[type[JsonModel], Any] = {}


def _first_read(model: JsonModel, name: str) -> Any:
    """`__getattr__` for a model class's first lazy read, or an attribute it does not have."""
    model_class = type(model)
    if model_class not in _LAZY_FIELDS and name != "_unread":
        fields = model_class.lazy_fields()
        _NAMED_KEYS[model_class] = frozenset(field.key for field in fields.values() if field.key)
        _LAZY_FIELDS[model_class] = fields
        return getattr(model, name)
    raise AttributeError(f"{model_class.__name__!r} object has no attribute {name!r}", name=name, obj=model)


def _read_remaining(model_class: type[JsonModel], data: Mapping[str, Any], parse: Callable[[Any], T]) -> dict[str, T]:
    named = _NAMED_KEYS[model_class]
    remaining: dict[str, T] = {}
    for key, value in data.items():
        if key not in named:
            try:
                remaining[key] = parse(value)
            except APIResponseValidationError as error:
                error.prepend(key)
                raise
    return remaining


def _matches_schema(model: type[JsonModel], data: object) -> bool:
    validator = _VALIDATORS.get(model)
    if validator is None:
        from . import models  # noqa: PLC0415 (the models import this module)

        definitions = {
            name: member.json_schema
            for name in models.__all__
            if isinstance(member := getattr(models, name), type) and issubclass(member, JsonModel)
        }
        schema = {"$defs": definitions, "$ref": f"#/$defs/{model.__name__}"}
        validator = _VALIDATORS[model] = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    try:
        return bool(validator.is_valid(data))
    except (ValueError, TypeError, OverflowError, RecursionError):
        return False  # what jsonschema-rs cannot take in, from_dict reads or explains


def _decode_json(content: bytes) -> Any:
    """`json.loads`, twice as fast through orjson for every body that is strict JSON."""
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        # What orjson refuses and json takes (NaN, Infinity, UTF-16, a byte order mark) is
        # read as httpx's Response.json() would, or refused by json with its reason.
        return json.loads(content)


def parse_body(response: httpx.Response, parse: Callable[[Any], T]) -> T:
    """The response's JSON body read by `parse`.

    Raises:
        errors.APIResponseValidationError: the body is not JSON or does not match the spec.
    """
    try:
        data = _decode_json(response.content)
    except ValueError:
        raise APIResponseValidationError("the body is not JSON", response=response) from None
    try:
        return parse(data)
    except APIResponseValidationError as error:
        error.attach(response)
        raise


def parse_error_body(response: httpx.Response, parse: Callable[[Any], T]) -> T | None:
    """The error body read by `parse`, or None when it does not match: the status says enough."""
    try:
        return parse_body(response, parse)
    except APIResponseValidationError:
        return None


__all__ = [
    "UNSET",
    "ApiKey",
    "File",
    "FileTypes",
    "JsonModel",
    "JsonObject",
    "LazyField",
    "OpenStrEnum",
    "RequestFiles",
    "Response",
    "Unset",
]
