# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._fields import (
    ANY,
    BOOLEAN,
    DATETIME,
    INTEGER,
    STRING,
    UUID_STRING,
    enum_kind,
    json_key,
    json_rest,
    list_kind,
    model_kind,
)
from .._lazy_model import JsonModel
from ..models.campaign_status import CampaignStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.appointment_config import AppointmentConfig
    from ..models.campaign_features import CampaignFeatures
    from ..models.client_info import ClientInfo
    from ..models.customer_stats import CustomerStats
    from ..models.transfer_config import TransferConfig


@_attrs_define
class Campaign(JsonModel):
    """A campaign. `id`, `name` and `status` are always present; any other property may be missing. `client` is present
    when `includeClient` is true.

        Attributes:
            id (UUID): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
            name (str):
            status (CampaignStatus): Status of a campaign.
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
            start_date (datetime.datetime | Unset):
            end_date (datetime.datetime | Unset):
            dial_afterhours (bool | Unset):
            template_id (UUID | Unset): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
            template_name (str | Unset):
            description (str | Unset):
            source_type (str | Unset):
            enable_pulse (bool | Unset):
            pulse_workflow_id (UUID | Unset): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
            max_concurrent_calls (int | Unset): At least 1.
            suite (str | Unset): For example `receptionist`; the other values are not documented.
            max_attempts (int | Unset): An integer within JavaScript's safe range, -(2^53 - 1) to 2^53 - 1.
            sms_company_name (str | Unset):
            required_vars (list[str] | Unset): Variables a customer record must provide.
            client (ClientInfo | Unset): The authenticated client (organisation); present when `includeClient` is true.
            has_inquiry_callback (bool | Unset):
            customer_stats (CustomerStats | Unset): Counts of the campaign's customer enrollments and calls.
            features (CampaignFeatures | Unset): Features enabled for the campaign.
            transfer_config (TransferConfig | Unset): How the campaign transfers calls to people.
            transfer_config_ids (list[UUID] | Unset): IDs of the campaign's transfer configurations.
            call_form_id (UUID | Unset): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
            appointment_config (AppointmentConfig | Unset): How the campaign books appointments.
            campaign_automations (list[Any] | Unset): The campaign's automations; the shape of an item is not documented.
    """

    id: UUID = _attrs_field(metadata=json_key("id", UUID_STRING, 0))
    name: str = _attrs_field(metadata=json_key("name", STRING, 6))
    status: CampaignStatus = _attrs_field(metadata=json_key("status", enum_kind(CampaignStatus), 10))
    created_at: datetime.datetime | Unset = _attrs_field(default=UNSET, metadata=json_key("createdAt", DATETIME, 1))
    updated_at: datetime.datetime | Unset = _attrs_field(default=UNSET, metadata=json_key("updatedAt", DATETIME, 2))
    start_date: datetime.datetime | Unset = _attrs_field(default=UNSET, metadata=json_key("startDate", DATETIME, 3))
    end_date: datetime.datetime | Unset = _attrs_field(default=UNSET, metadata=json_key("endDate", DATETIME, 4))
    dial_afterhours: bool | Unset = _attrs_field(default=UNSET, metadata=json_key("dialAfterhours", BOOLEAN, 5))
    template_id: UUID | Unset = _attrs_field(default=UNSET, metadata=json_key("templateId", UUID_STRING, 7))
    template_name: str | Unset = _attrs_field(default=UNSET, metadata=json_key("templateName", STRING, 8))
    description: str | Unset = _attrs_field(default=UNSET, metadata=json_key("description", STRING, 9))
    source_type: str | Unset = _attrs_field(default=UNSET, metadata=json_key("sourceType", STRING, 11))
    enable_pulse: bool | Unset = _attrs_field(default=UNSET, metadata=json_key("enablePulse", BOOLEAN, 12))
    pulse_workflow_id: UUID | Unset = _attrs_field(default=UNSET, metadata=json_key("pulseWorkflowId", UUID_STRING, 13))
    max_concurrent_calls: int | Unset = _attrs_field(
        default=UNSET, metadata=json_key("maxConcurrentCalls", INTEGER, 14)
    )
    suite: str | Unset = _attrs_field(default=UNSET, metadata=json_key("suite", STRING, 15))
    max_attempts: int | Unset = _attrs_field(default=UNSET, metadata=json_key("maxAttempts", INTEGER, 16))
    sms_company_name: str | Unset = _attrs_field(default=UNSET, metadata=json_key("smsCompanyName", STRING, 17))
    required_vars: list[str] | Unset = _attrs_field(
        default=UNSET, metadata=json_key("requiredVars", list_kind(STRING), 18)
    )
    client: ClientInfo | Unset = _attrs_field(default=UNSET, metadata=json_key("client", model_kind("ClientInfo"), 19))
    has_inquiry_callback: bool | Unset = _attrs_field(
        default=UNSET, metadata=json_key("hasInquiryCallback", BOOLEAN, 20)
    )
    customer_stats: CustomerStats | Unset = _attrs_field(
        default=UNSET, metadata=json_key("customerStats", model_kind("CustomerStats"), 21)
    )
    features: CampaignFeatures | Unset = _attrs_field(
        default=UNSET, metadata=json_key("features", model_kind("CampaignFeatures"), 22)
    )
    transfer_config: TransferConfig | Unset = _attrs_field(
        default=UNSET, metadata=json_key("transferConfig", model_kind("TransferConfig"), 23)
    )
    transfer_config_ids: list[UUID] | Unset = _attrs_field(
        default=UNSET, metadata=json_key("transferConfigIds", list_kind(UUID_STRING), 24)
    )
    call_form_id: UUID | Unset = _attrs_field(default=UNSET, metadata=json_key("callFormId", UUID_STRING, 25))
    appointment_config: AppointmentConfig | Unset = _attrs_field(
        default=UNSET, metadata=json_key("appointmentConfig", model_kind("AppointmentConfig"), 26)
    )
    campaign_automations: list[Any] | Unset = _attrs_field(
        default=UNSET, metadata=json_key("campaignAutomations", list_kind(ANY), 27)
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, metadata=json_rest(ANY))

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
