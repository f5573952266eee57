# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import UUID_SCHEMA, JsonObject, enum_parser, parse_any, parse_bool, parse_uuid
from ..types import UNSET
from .customer_campaign_status import CustomerCampaignStatus

T = TypeVar("T", bound="UpdateCustomerCampaignStatusResponse")


@_attrs_define
class UpdateCustomerCampaignStatusResponse(JsonModel):
    """The page shows `previousStatus` and `newStatus` as strings (its example's values are
    the placeholder `string`); their values are customer campaign statuses. All four
    properties are required (inferred).

        Attributes:
            success (bool):
            previous_status (CustomerCampaignStatus): A customer campaign status. A string here, as the page has it; the
                client reads
                it as `CustomerCampaignStatus` (`x-carecycle-enum`), an open enum that keeps any
                other string (`x-carecycle-source: inferred`).
            new_status (CustomerCampaignStatus): A customer campaign status, read as `previousStatus` is.
            customer_campaign_id (UUID): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
    """

    success: bool
    previous_status: CustomerCampaignStatus
    new_status: CustomerCampaignStatus
    customer_campaign_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "success": {"type": "boolean"},
            "previousStatus": {"type": "string"},
            "newStatus": {"type": "string"},
            "customerCampaignId": UUID_SCHEMA,
        },
        "required": [
            "success",
            "previousStatus",
            "newStatus",
            "customerCampaignId",
        ],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        previous_status = self.previous_status.value

        new_status = self.new_status.value

        customer_campaign_id = str(self.customer_campaign_id)

        field_dict: dict[str, Any] = {}
        field_dict["success"] = success
        field_dict["previousStatus"] = previous_status
        field_dict["newStatus"] = new_status
        field_dict["customerCampaignId"] = customer_campaign_id
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a UpdateCustomerCampaignStatusResponse from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        update_customer_campaign_status_response = cls(
            success=fields.required("success", parse_bool),
            previous_status=fields.required("previousStatus", enum_parser(CustomerCampaignStatus)),
            new_status=fields.required("newStatus", enum_parser(CustomerCampaignStatus)),
            customer_campaign_id=fields.required("customerCampaignId", parse_uuid),
        )
        update_customer_campaign_status_response.additional_properties = fields.remaining(parse_any)
        return update_customer_campaign_status_response

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (("success", "success"),)

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "success": LazyField("success", parse_bool, required=True),
            "previous_status": LazyField("previousStatus", enum_parser(CustomerCampaignStatus), required=True),
            "new_status": LazyField("newStatus", enum_parser(CustomerCampaignStatus), required=True),
            "customer_campaign_id": LazyField("customerCampaignId", parse_uuid, required=True),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "success": "success",
        "previousStatus": "previous_status",
        "newStatus": "new_status",
        "customerCampaignId": "customer_campaign_id",
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
