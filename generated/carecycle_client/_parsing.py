# Generated from runtime/carecycle_client/_parsing.py by make generate: edit that, not this file.
"""Reading JSON values: the `parse_*` functions, which a model's `from_dict` reads through
(by its fields' kinds, `_fields`), each raising one `errors.APIResponseValidationError`;
the JSON Schemas of the same values, for the lazy reading (`_lazy_model`); and
`format_datetime`, which writes a datetime back as the API does."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from enum import Enum
from typing import Any, NamedTuple, TypeVar
from uuid import UUID, SafeUUID

from .errors import APIResponseValidationError

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


def format_datetime(value: datetime.datetime) -> str:
    """ISO 8601 as the API writes it: `Z` for UTC, milliseconds only when there are some."""
    whole_milliseconds = value.microsecond and value.microsecond % 1000 == 0
    text = value.isoformat(timespec="milliseconds" if whole_milliseconds else "auto")
    if text.endswith("+00:00"):
        return text[: -len("+00:00")] + "Z"
    return text


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


def expected_object(value: object) -> APIResponseValidationError:
    """The error for a value that should be a JSON object."""
    return _mismatch("an object", value)


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
    parts = UUID_PARTS  # the hyphenated form, which `UuidParts` makes a UUID of
    if parts is None:
        return UUID(text)
    made = parts.new(UUID)
    parts.set_int(made, int(text.replace("-", ""), 16))
    parts.set_is_safe(made, parts.unknown)
    return made


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


# Reading values their JSON Schema (below) has accepted, which `JsonModel.from_body` does for
# every field it reads: the schema has done the checking, so these only convert. Should
# one meet a value it cannot convert all the same, it reads the value by its `parse_*`
# function, which explains the refusal.


def read_checked_int(value: Any) -> int:
    return value if value.__class__ is int else parse_int(value)


class UuidParts(NamedTuple):
    """What `read_checked_uuid` makes a UUID of, for code that inlines it (`_lazy_model`):
    `new(UUID)`, then `set_int(made, int(text.replace("-", ""), 16))` and
    `set_is_safe(made, unknown)`."""

    new: Callable[[type[UUID]], UUID]
    set_int: Callable[[UUID, int], None]
    set_is_safe: Callable[[UUID, SafeUUID], None]
    unknown: SafeUUID


def _uuid_parts() -> UuidParts | None:
    """How to make a UUID from a checked string at a third of what `UUID(text)` costs. Its
    `__init__`, pure Python, goes through every form a UUID may be written in, which a
    checked value never is; this sets the two slots `__init__` sets (pydantic-core builds
    its UUIDs the same way), and only if that makes the same UUID as `UUID(text)`: None
    where it does not (another Python's UUID)."""
    slots = UUID.__dict__
    try:
        parts = UuidParts(UUID.__new__, slots["int"].__set__, slots["is_safe"].__set__, SafeUUID.unknown)
        sample = "497f6eca-6276-4993-bfeb-53cbbbba6f08"
        made, expected = parts.new(UUID), UUID(sample)
        parts.set_int(made, int(sample.replace("-", ""), 16))
        parts.set_is_safe(made, parts.unknown)
        same = (made, made.is_safe, hash(made), str(made)) == (
            expected,
            expected.is_safe,
            hash(expected),
            str(expected),
        )
    except (KeyError, AttributeError, TypeError):
        return None
    return parts if same else None


UUID_PARTS = _uuid_parts()


def _checked_uuid_reader(parts: UuidParts | None) -> Callable[[Any], UUID]:
    """`read_checked_uuid`: a UUID made from its `UuidParts`, for a checked value (the
    hyphenated form); any other value read by `parse_uuid`, which explains it."""
    if parts is None:
        return parse_uuid
    new, set_int, set_is_safe, unknown = parts

    def read_uuid(value: Any) -> UUID:
        if value.__class__ is str and len(value) == 36:  # the hyphenated form, which the schema checked
            try:
                made = new(UUID)
                set_int(made, int(value.replace("-", ""), 16))
                set_is_safe(made, unknown)
                return made
            except (ValueError, TypeError):
                pass
        return parse_uuid(value)

    return read_uuid


read_checked_uuid = _checked_uuid_reader(UUID_PARTS)


def read_checked_datetime(value: Any) -> datetime.datetime:
    try:
        return datetime.datetime.fromisoformat(value.upper())
    except (TypeError, ValueError, AttributeError):
        return parse_datetime(value)


def read_checked_date(value: Any) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return parse_date(value)


def checked_enum_reader(enum: type[E]) -> Callable[[Any], E]:
    """Read a value of `enum` by a look-up of its members; any other value as `enum_parser` does."""
    members: dict[Any, E] = {member.value: member for member in enum}
    parse = enum_parser(enum)

    def read_enum(value: Any) -> E:
        member = members.get(value) if value.__class__ is str else None
        return member if member is not None else parse(value)

    return read_enum


def checked_list_of(read: Callable[[Any], T]) -> Callable[[Any], list[T]]:
    """Read a checked array by `read`; an item `read` refuses is named by `list_of`."""
    parse_list = list_of(read)

    def read_list(values: Any) -> list[T]:
        try:
            return [read(value) for value in values]
        except (APIResponseValidationError, TypeError):
            return parse_list(values)

    return read_list


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
