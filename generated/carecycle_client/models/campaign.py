# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import (
    DATETIME_SCHEMA,
    UUID_SCHEMA,
    JsonObject,
    enum_parser,
    format_datetime,
    list_of,
    parse_any,
    parse_bool,
    parse_datetime,
    parse_int,
    parse_str,
    parse_uuid,
)
from ..models.campaign_status import CampaignStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.appointment_config import AppointmentConfig
    from ..models.campaign_features import CampaignFeatures
    from ..models.client_info import ClientInfo
    from ..models.customer_stats import CustomerStats
    from ..models.transfer_config import TransferConfig


T = TypeVar("T", bound="Campaign")


@_attrs_define
class Campaign(JsonModel):
    """A campaign. Which properties are always present is not documented; `id`, `name`
    and `status` are required here (inferred), every other property is optional.
    `client` is present when `includeClient` is true.

        Attributes:
            id (UUID): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
            name (str):
            status (CampaignStatus): Status of a campaign. The page shows `draft` only; the eight values are the
                filter values of careCycle's "List Campaigns" page.
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
            start_date (datetime.datetime | Unset):
            end_date (datetime.datetime | Unset):
            dial_afterhours (bool | Unset):
            template_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
            template_name (str | Unset):
            description (str | Unset):
            source_type (str | Unset):
            enable_pulse (bool | Unset):
            pulse_workflow_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
            max_concurrent_calls (int | Unset): At least 1. The page's example `1` is the minimum of a safe integer
                (`x-carecycle-source: inferred`).
            suite (str | Unset): The page shows `receptionist`; the other values are not documented, so this
                is a plain string.
            max_attempts (int | Unset): An integer within JavaScript's safe range (zod `z.int()`); the page's example
                -9007199254740991 is its minimum.
            sms_company_name (str | Unset):
            required_vars (list[str] | Unset): Variables a customer record must provide. The page shows an empty list;
                strings are inferred.
            client (ClientInfo | Unset): The authenticated client (organisation); present when `includeClient` is true.
            has_inquiry_callback (bool | Unset):
            customer_stats (CustomerStats | Unset): Counts of the campaign's customer enrollments and calls.
            features (CampaignFeatures | Unset): Features enabled for the campaign.
            transfer_config (TransferConfig | Unset): How the campaign transfers calls to people.
            transfer_config_ids (list[UUID] | Unset): IDs of the campaign's transfer configurations. The page shows an empty
                list;
                UUID items are inferred from the name.
            call_form_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
            appointment_config (AppointmentConfig | Unset): How the campaign books appointments.
            campaign_automations (list[Any] | Unset): The page shows an empty list; the item shape is not documented.
    """

    id: UUID
    name: str
    status: CampaignStatus
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    start_date: datetime.datetime | Unset = UNSET
    end_date: datetime.datetime | Unset = UNSET
    dial_afterhours: bool | Unset = UNSET
    template_id: UUID | Unset = UNSET
    template_name: str | Unset = UNSET
    description: str | Unset = UNSET
    source_type: str | Unset = UNSET
    enable_pulse: bool | Unset = UNSET
    pulse_workflow_id: UUID | Unset = UNSET
    max_concurrent_calls: int | Unset = UNSET
    suite: str | Unset = UNSET
    max_attempts: int | Unset = UNSET
    sms_company_name: str | Unset = UNSET
    required_vars: list[str] | Unset = UNSET
    client: ClientInfo | Unset = UNSET
    has_inquiry_callback: bool | Unset = UNSET
    customer_stats: CustomerStats | Unset = UNSET
    features: CampaignFeatures | Unset = UNSET
    transfer_config: TransferConfig | Unset = UNSET
    transfer_config_ids: list[UUID] | Unset = UNSET
    call_form_id: UUID | Unset = UNSET
    appointment_config: AppointmentConfig | Unset = UNSET
    campaign_automations: list[Any] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "id": UUID_SCHEMA,
            "createdAt": DATETIME_SCHEMA,
            "updatedAt": DATETIME_SCHEMA,
            "startDate": DATETIME_SCHEMA,
            "endDate": DATETIME_SCHEMA,
            "dialAfterhours": {"type": "boolean"},
            "name": {"type": "string"},
            "templateId": UUID_SCHEMA,
            "templateName": {"type": "string"},
            "description": {"type": "string"},
            "status": {"type": "string"},
            "sourceType": {"type": "string"},
            "enablePulse": {"type": "boolean"},
            "pulseWorkflowId": UUID_SCHEMA,
            "maxConcurrentCalls": {"type": "integer"},
            "suite": {"type": "string"},
            "maxAttempts": {"type": "integer"},
            "smsCompanyName": {"type": "string"},
            "requiredVars": {"type": "array", "items": {"type": "string"}},
            "client": {"$ref": "#/$defs/ClientInfo"},
            "hasInquiryCallback": {"type": "boolean"},
            "customerStats": {"$ref": "#/$defs/CustomerStats"},
            "features": {"$ref": "#/$defs/CampaignFeatures"},
            "transferConfig": {"$ref": "#/$defs/TransferConfig"},
            "transferConfigIds": {"type": "array", "items": UUID_SCHEMA},
            "callFormId": UUID_SCHEMA,
            "appointmentConfig": {"$ref": "#/$defs/AppointmentConfig"},
            "campaignAutomations": {"type": "array", "items": {}},
        },
        "required": [
            "id",
            "name",
            "status",
        ],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        status = self.status.value

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = format_datetime(self.created_at)

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = format_datetime(self.updated_at)

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = format_datetime(self.start_date)

        end_date: str | Unset = UNSET
        if not isinstance(self.end_date, Unset):
            end_date = format_datetime(self.end_date)

        dial_afterhours = self.dial_afterhours

        template_id: str | Unset = UNSET
        if not isinstance(self.template_id, Unset):
            template_id = str(self.template_id)

        template_name = self.template_name

        description = self.description

        source_type = self.source_type

        enable_pulse = self.enable_pulse

        pulse_workflow_id: str | Unset = UNSET
        if not isinstance(self.pulse_workflow_id, Unset):
            pulse_workflow_id = str(self.pulse_workflow_id)

        max_concurrent_calls = self.max_concurrent_calls

        suite = self.suite

        max_attempts = self.max_attempts

        sms_company_name = self.sms_company_name

        required_vars: list[str] | Unset = UNSET
        if not isinstance(self.required_vars, Unset):
            required_vars = self.required_vars

        client: dict[str, Any] | Unset = UNSET
        if not isinstance(self.client, Unset):
            client = self.client.to_dict()

        has_inquiry_callback = self.has_inquiry_callback

        customer_stats: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer_stats, Unset):
            customer_stats = self.customer_stats.to_dict()

        features: dict[str, Any] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features.to_dict()

        transfer_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.transfer_config, Unset):
            transfer_config = self.transfer_config.to_dict()

        transfer_config_ids: list[str] | Unset = UNSET
        if not isinstance(self.transfer_config_ids, Unset):
            transfer_config_ids = []
            for transfer_config_ids_item_data in self.transfer_config_ids:
                transfer_config_ids_item = str(transfer_config_ids_item_data)
                transfer_config_ids.append(transfer_config_ids_item)

        call_form_id: str | Unset = UNSET
        if not isinstance(self.call_form_id, Unset):
            call_form_id = str(self.call_form_id)

        appointment_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.appointment_config, Unset):
            appointment_config = self.appointment_config.to_dict()

        campaign_automations: list[Any] | Unset = UNSET
        if not isinstance(self.campaign_automations, Unset):
            campaign_automations = self.campaign_automations

        field_dict: dict[str, Any] = {}
        field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if start_date is not UNSET:
            field_dict["startDate"] = start_date
        if end_date is not UNSET:
            field_dict["endDate"] = end_date
        if dial_afterhours is not UNSET:
            field_dict["dialAfterhours"] = dial_afterhours
        field_dict["name"] = name
        if template_id is not UNSET:
            field_dict["templateId"] = template_id
        if template_name is not UNSET:
            field_dict["templateName"] = template_name
        if description is not UNSET:
            field_dict["description"] = description
        field_dict["status"] = status
        if source_type is not UNSET:
            field_dict["sourceType"] = source_type
        if enable_pulse is not UNSET:
            field_dict["enablePulse"] = enable_pulse
        if pulse_workflow_id is not UNSET:
            field_dict["pulseWorkflowId"] = pulse_workflow_id
        if max_concurrent_calls is not UNSET:
            field_dict["maxConcurrentCalls"] = max_concurrent_calls
        if suite is not UNSET:
            field_dict["suite"] = suite
        if max_attempts is not UNSET:
            field_dict["maxAttempts"] = max_attempts
        if sms_company_name is not UNSET:
            field_dict["smsCompanyName"] = sms_company_name
        if required_vars is not UNSET:
            field_dict["requiredVars"] = required_vars
        if client is not UNSET:
            field_dict["client"] = client
        if has_inquiry_callback is not UNSET:
            field_dict["hasInquiryCallback"] = has_inquiry_callback
        if customer_stats is not UNSET:
            field_dict["customerStats"] = customer_stats
        if features is not UNSET:
            field_dict["features"] = features
        if transfer_config is not UNSET:
            field_dict["transferConfig"] = transfer_config
        if transfer_config_ids is not UNSET:
            field_dict["transferConfigIds"] = transfer_config_ids
        if call_form_id is not UNSET:
            field_dict["callFormId"] = call_form_id
        if appointment_config is not UNSET:
            field_dict["appointmentConfig"] = appointment_config
        if campaign_automations is not UNSET:
            field_dict["campaignAutomations"] = campaign_automations
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a Campaign from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        from ..models.appointment_config import AppointmentConfig  # noqa: PLC0415
        from ..models.campaign_features import CampaignFeatures  # noqa: PLC0415
        from ..models.client_info import ClientInfo  # noqa: PLC0415
        from ..models.customer_stats import CustomerStats  # noqa: PLC0415
        from ..models.transfer_config import TransferConfig  # noqa: PLC0415

        fields = JsonObject(src_dict)
        campaign = cls(
            id=fields.required("id", parse_uuid),
            name=fields.required("name", parse_str),
            status=fields.required("status", enum_parser(CampaignStatus)),
            created_at=fields.optional("createdAt", parse_datetime),
            updated_at=fields.optional("updatedAt", parse_datetime),
            start_date=fields.optional("startDate", parse_datetime),
            end_date=fields.optional("endDate", parse_datetime),
            dial_afterhours=fields.optional("dialAfterhours", parse_bool),
            template_id=fields.optional("templateId", parse_uuid),
            template_name=fields.optional("templateName", parse_str),
            description=fields.optional("description", parse_str),
            source_type=fields.optional("sourceType", parse_str),
            enable_pulse=fields.optional("enablePulse", parse_bool),
            pulse_workflow_id=fields.optional("pulseWorkflowId", parse_uuid),
            max_concurrent_calls=fields.optional("maxConcurrentCalls", parse_int),
            suite=fields.optional("suite", parse_str),
            max_attempts=fields.optional("maxAttempts", parse_int),
            sms_company_name=fields.optional("smsCompanyName", parse_str),
            required_vars=fields.optional("requiredVars", list_of(parse_str)),
            client=fields.optional("client", ClientInfo.from_dict),
            has_inquiry_callback=fields.optional("hasInquiryCallback", parse_bool),
            customer_stats=fields.optional("customerStats", CustomerStats.from_dict),
            features=fields.optional("features", CampaignFeatures.from_dict),
            transfer_config=fields.optional("transferConfig", TransferConfig.from_dict),
            transfer_config_ids=fields.optional("transferConfigIds", list_of(parse_uuid)),
            call_form_id=fields.optional("callFormId", parse_uuid),
            appointment_config=fields.optional("appointmentConfig", AppointmentConfig.from_dict),
            campaign_automations=fields.optional("campaignAutomations", list_of(parse_any)),
        )
        campaign.additional_properties = fields.remaining(parse_any)
        return campaign

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("name", "name"),
        ("dial_afterhours", "dialAfterhours"),
        ("template_name", "templateName"),
        ("description", "description"),
        ("source_type", "sourceType"),
        ("enable_pulse", "enablePulse"),
        ("suite", "suite"),
        ("sms_company_name", "smsCompanyName"),
        ("has_inquiry_callback", "hasInquiryCallback"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        from ..models.appointment_config import AppointmentConfig  # noqa: PLC0415
        from ..models.campaign_features import CampaignFeatures  # noqa: PLC0415
        from ..models.client_info import ClientInfo  # noqa: PLC0415
        from ..models.customer_stats import CustomerStats  # noqa: PLC0415
        from ..models.transfer_config import TransferConfig  # noqa: PLC0415

        return {
            "id": LazyField("id", parse_uuid, required=True),
            "name": LazyField("name", parse_str, required=True),
            "status": LazyField("status", enum_parser(CampaignStatus), required=True),
            "created_at": LazyField("createdAt", parse_datetime),
            "updated_at": LazyField("updatedAt", parse_datetime),
            "start_date": LazyField("startDate", parse_datetime),
            "end_date": LazyField("endDate", parse_datetime),
            "dial_afterhours": LazyField("dialAfterhours", parse_bool),
            "template_id": LazyField("templateId", parse_uuid),
            "template_name": LazyField("templateName", parse_str),
            "description": LazyField("description", parse_str),
            "source_type": LazyField("sourceType", parse_str),
            "enable_pulse": LazyField("enablePulse", parse_bool),
            "pulse_workflow_id": LazyField("pulseWorkflowId", parse_uuid),
            "max_concurrent_calls": LazyField("maxConcurrentCalls", parse_int),
            "suite": LazyField("suite", parse_str),
            "max_attempts": LazyField("maxAttempts", parse_int),
            "sms_company_name": LazyField("smsCompanyName", parse_str),
            "required_vars": LazyField("requiredVars", list_of(parse_str)),
            "client": LazyField("client", ClientInfo.from_checked),
            "has_inquiry_callback": LazyField("hasInquiryCallback", parse_bool),
            "customer_stats": LazyField("customerStats", CustomerStats.from_checked),
            "features": LazyField("features", CampaignFeatures.from_checked),
            "transfer_config": LazyField("transferConfig", TransferConfig.from_checked),
            "transfer_config_ids": LazyField("transferConfigIds", list_of(parse_uuid)),
            "call_form_id": LazyField("callFormId", parse_uuid),
            "appointment_config": LazyField("appointmentConfig", AppointmentConfig.from_checked),
            "campaign_automations": LazyField("campaignAutomations", list_of(parse_any)),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "id": "id",
        "createdAt": "created_at",
        "updatedAt": "updated_at",
        "startDate": "start_date",
        "endDate": "end_date",
        "dialAfterhours": "dial_afterhours",
        "name": "name",
        "templateId": "template_id",
        "templateName": "template_name",
        "description": "description",
        "status": "status",
        "sourceType": "source_type",
        "enablePulse": "enable_pulse",
        "pulseWorkflowId": "pulse_workflow_id",
        "maxConcurrentCalls": "max_concurrent_calls",
        "suite": "suite",
        "maxAttempts": "max_attempts",
        "smsCompanyName": "sms_company_name",
        "requiredVars": "required_vars",
        "client": "client",
        "hasInquiryCallback": "has_inquiry_callback",
        "customerStats": "customer_stats",
        "features": "features",
        "transferConfig": "transfer_config",
        "transferConfigIds": "transfer_config_ids",
        "callFormId": "call_form_id",
        "appointmentConfig": "appointment_config",
        "campaignAutomations": "campaign_automations",
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
