from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JsonModel, JsonObject, LazyField, parse_str

T = TypeVar("T", bound="DynamicTransferOptionsHeaders")


@_attrs_define
class DynamicTransferOptionsHeaders(JsonModel):
    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {},
        "required": [],
        "additionalProperties": {"type": "string"},
    }

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a DynamicTransferOptionsHeaders from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        dynamic_transfer_options_headers = cls()
        dynamic_transfer_options_headers.additional_properties = fields.remaining(parse_str)
        return dynamic_transfer_options_headers

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = ()

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "additional_properties": LazyField("", parse_str),
        }

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
