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
import re
from collections.abc import Callable, Mapping, MutableMapping
from enum import Enum, StrEnum
from http import HTTPStatus
from typing import IO, TYPE_CHECKING, Any, BinaryIO, ClassVar, Generic, Literal, NamedTuple, Self, TypeVar
from uuid import UUID

import httpx
import jsonschema_rs
from attrs import define

from .errors import APIResponseValidationError, decode_json


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
    """A response from an endpoint. `status_code` is an HTTPStatus even for a code the
    standard does not list (599): then a pseudo-member (see `status_of`)."""

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

    def __reduce__(self) -> Any:
        raise TypeError("an ApiKey is not pickled: the pickle would hold the key")


def status_of(code: int) -> HTTPStatus:
    """`code` as an HTTPStatus. A code the standard does not list, such as 599, becomes a
    pseudo-member named UNKNOWN_599 that equals 599, rather than a ValueError."""
    try:
        return HTTPStatus(code)
    except ValueError:
        member = int.__new__(HTTPStatus, code)
        member._name_ = f"UNKNOWN_{code}"
        member._value_ = code
        vars(member).update(phrase="", description="")
        return member


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


# Checks of the facade's arguments, at the call: a wrong type is the caller's mistake, a
# TypeError or ValueError naming the argument, never an error from deep inside httpx.


def _shown(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 60 else text[:57] + '...'}"


def as_uuid(value: UUID | str, name: str) -> UUID:
    """`value` as a UUID, for arguments that accept a UUID or its string."""
    if isinstance(value, UUID):
        return value
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a UUID or its string, got {_shown(value)}")
    try:
        return UUID(value)
    except ValueError:
        raise ValueError(f"{name} must be a UUID, got {value!r}") from None


def as_enum(enum: type[E], value: object, name: str) -> E:
    """`value` as a member of `enum`, for arguments that accept a member or its string."""
    if isinstance(value, enum):
        return value
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a {enum.__name__} or its string, got {_shown(value)}")
    try:
        return enum(value)
    except ValueError:
        raise ValueError(f"{name} must be one of {', '.join(repr(m.value) for m in enum)}, got {value!r}") from None


def expect_type(value: T, name: str, kind: type | tuple[type, ...]) -> T:
    """`value`, if it is of `kind` (a bool is not an int here); else a TypeError naming `name`."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds):
        return value
    expected = " or ".join(k.__name__ for k in kinds)
    raise TypeError(f"{name} must be a {expected}, got {_shown(value)}")


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
    try:
        shown = json.dumps(value, default=repr)
    except (RecursionError, ValueError):
        shown = "(too deeply nested to show)"
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


# What a response's ids and times must be: the forms JSON Schema's formats (and openapi-core)
# accept, no wider. UUID() alone also takes braces, `urn:uuid:` and misplaced hyphens, and
# fromisoformat() week dates, basic formats and times without an offset.
_UUID_TEXT = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME_TEXT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})"
)
_NAIVE_DATETIME_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9:.]*)?")


def parse_uuid(value: object) -> UUID:
    """A UUID in its hyphenated form, in either case (the version and variant are not checked)."""
    text = parse_str(value)
    if _UUID_TEXT.fullmatch(text) is None:
        raise _mismatch("a UUID (8-4-4-4-12 hexadecimal digits)", value)
    return UUID(text)


def parse_datetime(value: object) -> datetime.datetime:
    """An RFC 3339 date-time (`T` or `t`, `Z` or `z` or an offset), read as an aware datetime.
    One without an offset is refused: it would give a naive datetime, which no aware one
    can be compared with. A leap second (:60) is refused too: datetime cannot hold it."""
    text = parse_str(value)
    if _DATETIME_TEXT.fullmatch(text) is None:
        if _NAIVE_DATETIME_TEXT.fullmatch(text) is not None:
            raise _mismatch("an RFC 3339 date-time with its offset (Z or +hh:mm); one without is ambiguous", value)
        raise _mismatch("an RFC 3339 date-time", value)
    try:
        return datetime.datetime.fromisoformat(text.upper())
    except ValueError:
        raise _mismatch("an RFC 3339 date-time", value) from None


def parse_date(value: object) -> datetime.date:
    """An RFC 3339 full-date, YYYY-MM-DD."""
    text = parse_str(value)
    try:
        if _DATE_TEXT.fullmatch(text) is None:
            raise ValueError(text)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise _mismatch("an RFC 3339 date (YYYY-MM-DD)", value) from None


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

# The JSON Schemas of the values the parse_* functions read, accepting exactly what they
# accept: jsonschema-rs' uuid format takes the hyphenated form only (in either case), twice
# as fast as a pattern; its date-time format takes RFC 3339, and the pattern refuses the
# leap second that datetime cannot hold.
UUID_SCHEMA: dict[str, Any] = {"type": "string", "format": "uuid"}
DATETIME_SCHEMA: dict[str, Any] = {
    "type": "string",
    "format": "date-time",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-5][0-9](\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
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


def parse_body(response: httpx.Response, parse: Callable[[Any], T]) -> T:
    """The response's JSON body read by `parse`.

    Raises:
        errors.APIResponseValidationError: the body is not JSON, is nested too deeply to read,
            or does not match the spec.
    """
    try:
        data = decode_json(response.content)
    except ValueError as error:
        failure = APIResponseValidationError(str(error))
    else:
        try:
            return parse(data)
        except APIResponseValidationError as error:
            failure = error
        except RecursionError:
            failure = APIResponseValidationError("the body is nested too deeply to read")
        del data  # a traceback's locals must not show the body, which may quote the key
    failure.attach(response)
    # Raised afresh, without the frames below: their locals hold parts of the body.
    raise failure.with_traceback(None)


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
    "as_enum",
    "as_uuid",
    "expect_type",
    "status_of",
]
