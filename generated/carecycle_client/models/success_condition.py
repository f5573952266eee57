# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import JsonObject, parse_any, parse_str
from ..types import UNSET, Unset

T = TypeVar("T", bound="SuccessCondition")


@_attrs_define
class SuccessCondition(JsonModel):
    """A condition on the ping's response that makes the transfer go ahead.

    Attributes:
        field (str | Unset):
        operator (str | Unset): The page shows `equals` only; other values are not documented.
        value (str | Unset):
    """

    field: str | Unset = UNSET
    operator: str | Unset = UNSET
    value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "field": {"type": "string"},
            "operator": {"type": "string"},
            "value": {"type": "string"},
        },
        "required": [],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        operator = self.operator

        value = self.value

        field_dict: dict[str, Any] = {}
        if field is not UNSET:
            field_dict["field"] = field
        if operator is not UNSET:
            field_dict["operator"] = operator
        if value is not UNSET:
            field_dict["value"] = value
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a SuccessCondition from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        success_condition = cls(
            field=fields.optional("field", parse_str),
            operator=fields.optional("operator", parse_str),
            value=fields.optional("value", parse_str),
        )
        success_condition.additional_properties = fields.remaining(parse_any)
        return success_condition

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("field", "field"),
        ("operator", "operator"),
        ("value", "value"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "field": LazyField("field", parse_str),
            "operator": LazyField("operator", parse_str),
            "value": LazyField("value", parse_str),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "field": "field",
        "operator": "operator",
        "value": "value",
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
