# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import UUID_SCHEMA, JsonObject, parse_any, parse_str, parse_uuid
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientInfo")


@_attrs_define
class ClientInfo(JsonModel):
    """The authenticated client (organisation); present when `includeClient` is true.

    Attributes:
        id (UUID): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        sms_company_name (str | Unset):
    """

    id: UUID
    sms_company_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "id": UUID_SCHEMA,
            "smsCompanyName": {"type": "string"},
        },
        "required": [
            "id",
        ],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        sms_company_name = self.sms_company_name

        field_dict: dict[str, Any] = {}
        field_dict["id"] = id
        if sms_company_name is not UNSET:
            field_dict["smsCompanyName"] = sms_company_name
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a ClientInfo from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        client_info = cls(
            id=fields.required("id", parse_uuid),
            sms_company_name=fields.optional("smsCompanyName", parse_str),
        )
        client_info.additional_properties = fields.remaining(parse_any)
        return client_info

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (("sms_company_name", "smsCompanyName"),)

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "id": LazyField("id", parse_uuid, required=True),
            "sms_company_name": LazyField("smsCompanyName", parse_str),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "id": "id",
        "smsCompanyName": "sms_company_name",
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
