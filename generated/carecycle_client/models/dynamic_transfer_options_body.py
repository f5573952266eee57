# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import JsonObject, parse_any
from ..types import UNSET

T = TypeVar("T", bound="DynamicTransferOptionsBody")


@_attrs_define
class DynamicTransferOptionsBody(JsonModel):
    """The page shows `null` for each value; the value type is not documented."""

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {},
        "required": [],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a DynamicTransferOptionsBody from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        dynamic_transfer_options_body = cls()
        dynamic_transfer_options_body.additional_properties = fields.remaining(parse_any)
        return dynamic_transfer_options_body

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = ()

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {}

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
