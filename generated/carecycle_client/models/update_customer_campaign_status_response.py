from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UUID_SCHEMA, JsonModel, JsonObject, LazyField, parse_any, parse_bool, parse_str, parse_uuid

T = TypeVar("T", bound="UpdateCustomerCampaignStatusResponse")


@_attrs_define
class UpdateCustomerCampaignStatusResponse(JsonModel):
    """The page shows `previousStatus` and `newStatus` as strings; their values are
    customer campaign statuses. All four properties are required (inferred).

        Attributes:
            success (bool):
            previous_status (str):
            new_status (str):
            customer_campaign_id (UUID): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
    """

    success: bool
    previous_status: str
    new_status: str
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

        previous_status = self.previous_status

        new_status = self.new_status

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
            previous_status=fields.required("previousStatus", parse_str),
            new_status=fields.required("newStatus", parse_str),
            customer_campaign_id=fields.required("customerCampaignId", parse_uuid),
        )
        update_customer_campaign_status_response.additional_properties = fields.remaining(parse_any)
        return update_customer_campaign_status_response

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("success", "success"),
        ("previous_status", "previousStatus"),
        ("new_status", "newStatus"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "success": LazyField("success", parse_bool, required=True),
            "previous_status": LazyField("previousStatus", parse_str, required=True),
            "new_status": LazyField("newStatus", parse_str, required=True),
            "customer_campaign_id": LazyField("customerCampaignId", parse_uuid, required=True),
            "additional_properties": LazyField("", parse_any),
        }

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
