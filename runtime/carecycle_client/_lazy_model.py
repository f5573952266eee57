"""`JsonModel`, the base of the generated models: the checked reading of JSON into models.

Reading never trusts a response. There are two ways to read one, with the same result:

Each model declares its fields once (`_fields.json_key`: JSON key, kind, position); the
table of a model class (`_FieldTable`) is built from those declarations on first use, and
everything below reads, writes and describes the model through it.

- `Model.from_dict(data)` reads every field at once through the kinds' `parse` (the
  `parse_*` functions of `_parsing`), by straight-line code compiled from its table
  (`_parsing_reader`). They raise one `errors.APIResponseValidationError` naming the
  field that does not match the spec (`campaign.transferConfig.routingConfig.agents[0].id`)
  instead of a KeyError or TypeError from deep inside.
- `Model.from_body(data)`, which the client uses for response bodies, first checks the
  whole body against the model's JSON Schema with jsonschema-rs (compiled, in Rust), then
  reads the model's own values (strings, ids, times, enums, lists of them) at once, by
  straight-line code compiled from its table (`_checked_reader`) that only converts (the
  commonest kinds inline, without a call), and each field that holds a model the first
  time it is used, and keeps it. A body the schema refuses goes through `from_dict`, which
  names the field and says why; so a bad body fails the call, not a later attribute
  access. The schemas are never laxer than the `parse_*` functions
  (tests/client/test_lazy_reading.py checks it), only sometimes stricter, and then
  `from_dict` decides; should a value the compiled code cannot convert reach it all the
  same, it hands the object to `from_dict` too.

What the spec does not know is kept, not rejected: fields it does not list land in the
model's `additional_properties`, and enum values it does not list become members of their
`OpenStrEnum`.
"""

from __future__ import annotations

import datetime
import keyword
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Self, TypeVar, cast
from uuid import UUID

import attrs
import jsonschema_rs

from ._fields import METADATA_KEY, JsonKey, Kind, models_in, reader
from ._model_registry import MODELS, register_model
from ._parsing import (
    UUID_PARTS,
    expected_object,
    parse_bool,
    parse_float,
    parse_int,
    parse_str,
    read_checked_date,
    read_checked_datetime,
    read_checked_int,
    read_checked_uuid,
)
from ._unset import UNSET
from .errors import APIResponseValidationError

T = TypeVar("T")


class LazyField(NamedTuple):
    """How a model reads one attribute from a checked body: `key` in the JSON, read by `parse`
    (nested models by their `from_checked`). The key "" reads the fields no property takes."""

    key: str
    parse: Callable[[Any], Any]
    required: bool = False


class _Field(NamedTuple):
    name: str
    key: str
    parse: Callable[[Any], Any]
    required: bool


class _Written(NamedTuple):
    name: str
    key: str
    write: Callable[[Any], Any] | None


class _FieldTable:
    """Everything a model class reads and writes by, derived from its field declarations."""

    __slots__ = (
        "from_checked",
        "from_dict",
        "lazy",
        "named_keys",
        "rest",
        "rest_write",
        "schema",
        "spec_keys",
        "written",
    )

    def __init__(self, model: type[JsonModel]) -> None:
        declared: list[tuple[attrs.Attribute[Any], JsonKey]] = [
            (attribute, attribute.metadata[METADATA_KEY])
            for attribute in attrs.fields(cast(Any, model))  # every model is an attrs class
            if METADATA_KEY in attribute.metadata
        ]
        named = [(attribute, field) for attribute, field in declared if field.key]
        rest = [field for _, field in declared if not field.key]
        in_spec_order = sorted(named, key=lambda pair: pair[1].position)

        def required(attribute: attrs.Attribute[Any]) -> bool:
            return attribute.default is attrs.NOTHING

        self.written = tuple(_Written(a.name, f.key, f.kind.write) for a, f in in_spec_order)
        self.named_keys = frozenset(f.key for _, f in named)
        self.spec_keys = {f.key: a.name for a, f in in_spec_order}
        # The fields that hold models with models in them are read on first use; the others
        # by from_checked, at once.
        deferred = [(a, f) for a, f in named if _read_later(f.kind)]
        self.lazy = {
            a.name: LazyField(f.key, reader(f.kind, checked=True, checked_model=_checked_reader_of), required(a))
            for a, f in deferred
        }
        self.from_checked = _checked_reader(
            model,
            [_Converted(a.name, f.key, f.kind, required(a)) for a, f in named if not _read_later(f.kind)],
            named_keys=self.named_keys,
            rest=rest[0].kind if rest else None,
        )
        self.rest: Callable[[Any], Any] | None = reader(rest[0].kind, checked=False) if rest else None
        self.rest_write: Callable[[Any], Any] | None = rest[0].kind.write if rest else None
        if rest:
            self.lazy["additional_properties"] = LazyField("", reader(rest[0].kind, checked=True))
        self.from_dict = _parsing_reader(
            model,
            [_Field(a.name, f.key, reader(f.kind, checked=False), required(a)) for a, f in named],
            table=self,
        )
        self.schema: dict[str, Any] = {
            "type": "object",
            "properties": {f.key: dict(f.kind.schema) for _, f in in_spec_order},
            "required": [f.key for a, f in in_spec_order if required(a)],
        }
        if rest:
            self.schema["additionalProperties"] = dict(rest[0].kind.schema)


class _Converted(NamedTuple):
    name: str
    key: str
    kind: Kind
    required: bool


def _conversion(kind: Kind, value: str, names: dict[str, Any]) -> str:
    """The expression that reads `value`, a name holding a checked value of `kind`, calling
    only what it adds to `names`: inline for the commonest kinds, so that a model's reader
    is straight-line code with few calls. On a value its schema should have refused, the
    expression may raise a ValueError or TypeError as well as the parsers' error: the
    reader then reads the model by `from_dict`, which explains."""
    if kind.plain:
        return value
    inline = _inline_conversion(kind, value, names)
    if inline is not None:
        return inline
    if kind.items is not None:
        if kind.items.plain:
            return f"list({value})"  # a copy: the model's list is not the body's
        item = f"{value}_item"  # a name of its own at each depth of lists in lists
        return f"[{_conversion(kind.items, item, names)} for {item} in {value}]"
    others = [option for option in kind.options if option.python_type is not type(None)]
    if len(others) == 1 and len(kind.options) == 2:  # a kind or null
        return f"None if {value} is None else ({_conversion(others[0], value, names)})"
    return f"{_bound(names, reader(kind, checked=True, checked_model=_checked_reader_of))}({value})"


_DATETIME_FROM_TEXT = datetime.datetime.fromisoformat
_DATE_FROM_TEXT = datetime.date.fromisoformat
# The checked readers whose work is one call: a checked date-time is RFC 3339, which
# fromisoformat reads (but for a lower-case z, which it refuses: from_dict reads that).
_ONE_CALL: dict[Callable[[Any], Any], Callable[[str], Any]] = {
    read_checked_datetime: _DATETIME_FROM_TEXT,
    read_checked_date: _DATE_FROM_TEXT,
}


def _inline_conversion(kind: Kind, value: str, names: dict[str, Any]) -> str | None:
    """`_conversion` of an integer, a UUID, a date-time or a date, without the call of its
    checked reader; None for any other kind."""
    if kind.read_checked is read_checked_int:
        return f"{value} if {value}.__class__ is int else {_bound(names, read_checked_int)}({value})"
    if kind.read_checked is read_checked_uuid and UUID_PARTS is not None:
        # The steps of read_checked_uuid: a body holds many ids.
        names.update(
            UUID=UUID,
            new_uuid=UUID_PARTS.new,
            set_uuid_int=UUID_PARTS.set_int,
            set_uuid_is_safe=UUID_PARTS.set_is_safe,
            uuid_unknown=UUID_PARTS.unknown,
        )
        return (
            f"set_uuid_int(made := new_uuid(UUID), int({value}.replace('-', ''), 16))"
            " or set_uuid_is_safe(made, uuid_unknown) or made"
        )
    call = _ONE_CALL.get(kind.read_checked)
    return None if call is None else f"{_bound(names, call)}({value})"


def _bound(names: dict[str, Any], function: Callable[..., Any]) -> str:
    """The name `function` goes by in a reader's `names`, added under a new name if need be."""
    for name, bound in names.items():
        if bound is function and name.startswith("read_"):
            return name
    name = f"read_{len(names)}"
    names[name] = function
    return name


def _read_later(kind: Kind) -> bool:
    """Whether the lazy reading leaves a field of `kind` to its first use: when it can hold a
    model that holds models. A model of values only (a user, counts, a condition) costs
    about what deferring it would, and is read with the model that holds it."""
    return any(_holds_models(MODELS[name]) for name in models_in(kind))


def _holds_models(model: type[JsonModel]) -> bool:
    return any(
        models_in(attribute.metadata[METADATA_KEY].kind)
        for attribute in attrs.fields(cast(Any, model))
        if METADATA_KEY in attribute.metadata
    )


class _ReaderSource:
    """What the compiled readers share: the names their source may use, and a new model's
    attributes set directly, or through `object.__setattr__` where attrs has a hook on
    setting. The attribute names are identifiers and the keys are written as literals
    (repr), so the source is only ever what the table says."""

    def __init__(self, model: type[JsonModel], **names: Any) -> None:
        self.model = model
        self._direct = model.__setattr__ is object.__setattr__
        self.names: dict[str, Any] = {
            "new": object.__new__,
            "set_attribute": object.__setattr__,
            "model_class": model,
            "UNSET": UNSET,
            "APIResponseValidationError": APIResponseValidationError,
            **names,
        }

    def assign(self, name: str, expression: str) -> str:
        if self._direct:
            return f"model.{name} = {expression}"
        return f"set_attribute(model, {name!r}, {expression})"

    def check_name(self, name: str) -> None:
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"{self.model.__name__} has a field named {name!r}, which is no identifier")

    def compiled(self, function: str, lines: list[str]) -> Callable[[Mapping[str, Any]], Any]:
        """The function `lines` define, compiled once (exec, as attrs and dataclasses make
        `__init__`)."""
        label = f"<{function} of {self.model.__qualname__}>"
        exec(compile("\n".join(lines), label, "exec"), self.names)  # noqa: S102
        reader: Callable[[Mapping[str, Any]], Any] = self.names[function]
        return reader


def _checked_reader(
    model: type[JsonModel],
    fields: list[_Converted],
    *,
    named_keys: frozenset[str],
    rest: Kind | None,
) -> Callable[[Mapping[str, Any]], Any]:
    """`from_checked` of `model`: a few lines a field, as a hand-written reader would be,
    compiled once from the table (`_ReaderSource`). `additional_properties` is set too,
    when it is empty or of plain values; else it is read on first use."""
    source = _ReaderSource(model, named_keys=named_keys, from_dict=model.from_dict)
    assign, names = source.assign, source.names
    lines = ["def from_checked(data):", "    model = new(model_class)", "    " + assign("_unread", "data")]
    lines.append("    try:")
    for field in fields:
        source.check_name(field.name)
        conversion = _conversion(field.kind, "value", names)
        if field.required:
            lines += [f"        value = data[{field.key!r}]", "        " + assign(field.name, conversion)]
        elif conversion == "value":
            lines.append("        " + assign(field.name, f"data.get({field.key!r}, UNSET)"))
        else:
            lines += [
                f"        value = data.get({field.key!r}, UNSET)",
                "        " + assign(field.name, f"UNSET if value is UNSET else {conversion}"),
            ]
    lines += [
        "        pass",
        # A required field missing, or a value the schema should have refused: from_dict
        # reads the object again, by the parsers, and names the field and what is wrong.
        "    except (KeyError, TypeError, ValueError, AttributeError, APIResponseValidationError):",
        "        return from_dict(data)",
    ]
    if rest is not None:
        lines += ["    if named_keys.issuperset(data):", "        " + assign("additional_properties", "{}")]
        if rest.plain:
            remaining = "{key: value for key, value in data.items() if key not in named_keys}"
            lines += ["    else:", "        " + assign("additional_properties", remaining)]
    lines.append("    return model")
    return source.compiled("from_checked", lines)


# The parsers that return a value of exactly this type as it is.
_PARSED_AS_IT_IS: dict[Callable[[Any], Any], type] = {
    parse_str: str,
    parse_bool: bool,
    parse_int: int,
    parse_float: float,
}


def _parsing_reader(
    model: type[JsonModel], fields: list[_Field], *, table: _FieldTable
) -> Callable[[Mapping[str, Any]], Any]:
    """`from_dict` of `model` once its argument is known to be a Mapping: every field read by
    its kind's `parse` in the order of the model's fields, the first that does not match
    named, straight-line code compiled as `_checked_reader`'s is."""
    source = _ReaderSource(model, read_remaining=_read_remaining, table=table, rest=table.rest)
    assign, names = source.assign, source.names
    lines = ["def from_dict(data):", "    model = new(model_class)", "    key = None", "    try:"]
    for index, field in enumerate(fields):
        source.check_name(field.name)
        names[f"parse_{index}"] = field.parse
        parse = f"parse_{index}(value)"
        exact = _PARSED_AS_IT_IS.get(field.parse)
        if exact is not None:  # the commonest value without a call: a str is a string
            names[exact.__name__] = exact
            parse = f"value if value.__class__ is {exact.__name__} else {parse}"
        lines.append(f"        key = {field.key!r}")  # the key an error names
        if field.required:
            lines += ["        value = data[key]", "        " + assign(field.name, parse)]
        else:
            lines += [
                "        value = data.get(key, UNSET)",
                "        " + assign(field.name, f"UNSET if value is UNSET else {parse}"),
            ]
    lines += [
        "        pass",
        "    except KeyError:",
        "        if key in data:",
        "            raise  # not the field missing: a parser's own",
        "        raise APIResponseValidationError('the field is required but missing', path=[key]) from None",
        "    except APIResponseValidationError as error:",
        "        error.prepend(key)",
        "        raise",
    ]
    if table.rest is not None:
        lines.append("    " + assign("additional_properties", "read_remaining(table, data, rest)"))
    lines.append("    return model")
    return source.compiled("from_dict", lines)


def _checked_reader_of(model: type[JsonModel]) -> Callable[[Any], Any]:
    """The compiled `from_checked` of a nested model, called without its classmethod: its
    table is built now, unless it is being built (a model that holds itself), when the
    classmethod finds it later."""
    if model in _BUILDING:
        return model.from_checked
    return _table(model).from_checked


_BUILDING: set[type[JsonModel]] = set()
_TABLES: dict[type[JsonModel], _FieldTable] = {}
# The parts of the tables the lazy reading looks up on every read, one lookup away.
_LAZY_FIELDS: dict[type[JsonModel], dict[str, LazyField]] = {}
_CHECKED_READERS: dict[type[JsonModel], Callable[[Mapping[str, Any]], Any]] = {}
_READERS_BY_PARSERS: dict[type[JsonModel], Callable[[Mapping[str, Any]], Any]] = {}


def _table(model: type[JsonModel]) -> _FieldTable:
    table = _TABLES.get(model)
    if table is None:
        _BUILDING.add(model)
        try:
            table = _TABLES[model] = _FieldTable(model)
        finally:
            _BUILDING.discard(model)
        _LAZY_FIELDS[model] = table.lazy
        _CHECKED_READERS[model] = table.from_checked
        _READERS_BY_PARSERS[model] = table.from_dict
    return table


class _SchemaOf:
    """`json_schema` of each model class, derived from its fields when first asked for."""

    def __get__(self, instance: object, owner: type[JsonModel]) -> dict[str, Any]:
        return _table(owner).schema


class _SpecKeysOf:
    """`_spec_keys` of each model class: attribute by JSON key, in the spec's order."""

    def __get__(self, instance: object, owner: type[JsonModel]) -> dict[str, str]:
        return _table(owner).spec_keys


class JsonModel:
    """The base of the generated models: reading and writing them by their field declarations."""

    __slots__ = ("_unread",)

    _unread: Mapping[str, Any]
    """The JSON object a model from `from_body` reads its attributes from; unset otherwise."""
    if TYPE_CHECKING:
        json_schema: ClassVar[dict[str, Any]]
        """The JSON Schema of this model's JSON object, as the client checks a response body."""
        _spec_keys: ClassVar[dict[str, str]]
    else:
        json_schema = _SchemaOf()
        _spec_keys = _SpecKeysOf()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        register_model(cls)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the model from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        if not isinstance(src_dict, Mapping):
            raise expected_object(src_dict)
        read = _READERS_BY_PARSERS.get(cls) or _table(cls).from_dict
        return cast(Self, read(src_dict))

    def to_dict(self) -> dict[str, Any]:
        """The model as its JSON object: the spec's fields in the spec's order, then the others."""
        table = _TABLES.get(type(self)) or _table(type(self))
        written: dict[str, Any] = {}
        for name, key, write in table.written:
            value = getattr(self, name)
            if value is not UNSET:
                written[key] = value if write is None else write(value)
        if table.rest is not None:
            rest_write = table.rest_write
            for key, value in cast(Any, self).additional_properties.items():
                if key not in written:
                    written[key] = value if rest_write is None else rest_write(value)
        return written

    @classmethod
    def from_body(cls, data: object) -> Self:
        """Read a response body: checked against `json_schema` now, its fields holding models read on first use.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        if isinstance(data, Mapping) and _matches_schema(cls, data):
            return cls.from_checked(data)
        return cls.from_dict(data)  # type: ignore[arg-type]  # it refuses a non-object, explained

    @classmethod
    def from_checked(cls, data: Mapping[str, Any]) -> Self:
        """A model reading its fields from `data`, which its schema has accepted: its own values
        at once, the models in it on first use."""
        try:
            read = _CHECKED_READERS[cls]
        except KeyError:
            read = _table(cls).from_checked
        return cast(Self, read(data))

    if not TYPE_CHECKING:  # type checkers see the attributes the models declare, and no others

        def __getattr__(self, name: str) -> Any:
            # Called only for an attribute not set yet: a field holding models, read once from
            # the checked body. Kept short: a fully read body calls it for every nested model.
            try:
                data = _UNREAD(self)
                key, parse, required = _LAZY_FIELDS[type(self)][name]
            except (AttributeError, KeyError):
                return _first_read(self, name)
            if not key:
                value = _read_remaining(_TABLES[type(self)], data, parse)
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
_VALIDATORS: dict[type[JsonModel], Any] = {}


def _first_read(model: JsonModel, name: str) -> Any:
    """`__getattr__` for a model class whose table is not built yet, or an attribute it does not have."""
    model_class = type(model)
    if model_class not in _LAZY_FIELDS and name != "_unread":
        _table(model_class)
        return getattr(model, name)
    raise AttributeError(f"{model_class.__name__!r} object has no attribute {name!r}", name=name, obj=model)


def _read_remaining(table: _FieldTable, data: Mapping[str, Any], parse: Callable[[Any], T]) -> dict[str, T]:
    named = table.named_keys
    if named.issuperset(data):
        return {}  # the common case, at the cost of one set operation: nothing the spec does not list
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
