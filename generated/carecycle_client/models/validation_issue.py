# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import JsonObject, list_of, parse_any, parse_str
from ..types import UNSET, Unset

T = TypeVar("T", bound="ValidationIssue")


@_attrs_define
class ValidationIssue(JsonModel):
    """One problem with the request, in zod's issue format. `path`, `message` and
    `code` are present in every zod issue; `expected` and `received` only in some
    (`x-carecycle-source: inferred`).

        Attributes:
            path (list[str]): Where in the request the problem is, as a list of keys.
            message (str):
            code (str): The zod issue code, for example `invalid_type`, `invalid_format`, `invalid_value`.
            expected (str | Unset):
            received (str | Unset):
    """

    path: list[str]
    message: str
    code: str
    expected: str | Unset = UNSET
    received: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "path": {"type": "array", "items": {"type": "string"}},
            "message": {"type": "string"},
            "expected": {"type": "string"},
            "received": {"type": "string"},
            "code": {"type": "string"},
        },
        "required": [
            "path",
            "message",
            "code",
        ],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        message = self.message

        code = self.code

        expected = self.expected

        received = self.received

        field_dict: dict[str, Any] = {}
        field_dict["path"] = path
        field_dict["message"] = message
        if expected is not UNSET:
            field_dict["expected"] = expected
        if received is not UNSET:
            field_dict["received"] = received
        field_dict["code"] = code
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a ValidationIssue from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        validation_issue = cls(
            path=fields.required("path", list_of(parse_str)),
            message=fields.required("message", parse_str),
            code=fields.required("code", parse_str),
            expected=fields.optional("expected", parse_str),
            received=fields.optional("received", parse_str),
        )
        validation_issue.additional_properties = fields.remaining(parse_any)
        return validation_issue

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("message", "message"),
        ("code", "code"),
        ("expected", "expected"),
        ("received", "received"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "path": LazyField("path", list_of(parse_str), required=True),
            "message": LazyField("message", parse_str, required=True),
            "code": LazyField("code", parse_str, required=True),
            "expected": LazyField("expected", parse_str),
            "received": LazyField("received", parse_str),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "path": "path",
        "message": "message",
        "expected": "expected",
        "received": "received",
        "code": "code",
    }

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def keys(self) -> list[str]:
        """The JSON keys of the fields this object has: the spec's that are set, in its order, then the others."""
        keys = [key for key, name in self._spec_keys.items() if getattr(self, name) is not UNSET]
        return keys + [key for key in self.additional_properties if key not in self._spec_keys]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __getitem__(self, key: str) -> Any:
        name = self._spec_keys.get(key)
        if name is None:
            return self.additional_properties[key]
        value: Any = getattr(self, name)
        if value is UNSET:
            raise KeyError(key)
        field: Any = value
        return field

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self._spec_keys:
            raise TypeError(f"{key!r} is a field of the spec: set the attribute {self._spec_keys[key]} instead")
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        if key in self._spec_keys:
            raise TypeError(
                f"{key!r} is a field of the spec: set the attribute {self._spec_keys[key]} to UNSET instead"
            )
        del self.additional_properties[key]

    def __contains__(self, key: object) -> bool:
        return key in self.keys()
