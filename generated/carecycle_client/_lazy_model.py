# Generated from runtime/carecycle_client/_lazy_model.py by make generate: edit that, not this file.
"""`JsonModel`, the base of the generated models: the checked reading of JSON into models.

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

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Self, TypeVar

import jsonschema_rs

from ._model_registry import MODELS, register_model
from ._unset import UNSET
from .errors import APIResponseValidationError

T = TypeVar("T")


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

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        register_model(cls)

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
        # Every model class is registered by then: importing any model imports the package,
        # whose models/__init__ imports them all.
        definitions = {name: member.json_schema for name, member in MODELS.items() if issubclass(member, JsonModel)}
        schema = {"$defs": definitions, "$ref": f"#/$defs/{model.__name__}"}
        validator = _VALIDATORS[model] = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    try:
        return bool(validator.is_valid(data))
    except (ValueError, TypeError, OverflowError, RecursionError):
        return False  # what jsonschema-rs cannot take in, from_dict reads or explains
