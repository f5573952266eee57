# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import UUID_SCHEMA, JsonObject, enum_parser, parse_any, parse_uuid
from ..models.customer_campaign_status import CustomerCampaignStatus
from ..types import UNSET

T = TypeVar("T", bound="UpdateCustomerCampaignStatusRequest")


@_attrs_define
class UpdateCustomerCampaignStatusRequest(JsonModel):
    """All three properties are required (inferred: the page's example sends all three,
    and none has a default). Unknown properties are ignored, as zod objects do.

        Attributes:
            customer_id (UUID): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
            campaign_id (UUID): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
            status (CustomerCampaignStatus): Status of a customer's enrollment in a campaign, in the page's order.
    """

    customer_id: UUID
    campaign_id: UUID
    status: CustomerCampaignStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "customerId": UUID_SCHEMA,
            "campaignId": UUID_SCHEMA,
            "status": {"type": "string"},
        },
        "required": [
            "customerId",
            "campaignId",
            "status",
        ],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        customer_id = str(self.customer_id)

        campaign_id = str(self.campaign_id)

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict["customerId"] = customer_id
        field_dict["campaignId"] = campaign_id
        field_dict["status"] = status
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a UpdateCustomerCampaignStatusRequest from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        update_customer_campaign_status_request = cls(
            customer_id=fields.required("customerId", parse_uuid),
            campaign_id=fields.required("campaignId", parse_uuid),
            status=fields.required("status", enum_parser(CustomerCampaignStatus)),
        )
        update_customer_campaign_status_request.additional_properties = fields.remaining(parse_any)
        return update_customer_campaign_status_request

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = ()

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "customer_id": LazyField("customerId", parse_uuid, required=True),
            "campaign_id": LazyField("campaignId", parse_uuid, required=True),
            "status": LazyField("status", enum_parser(CustomerCampaignStatus), required=True),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "customerId": "customer_id",
        "campaignId": "campaign_id",
        "status": "status",
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
