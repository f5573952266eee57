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
    one_of,
    parse_any,
    parse_bool,
    parse_datetime,
    parse_none,
    parse_str,
    parse_uuid,
)
from ..models.softphone_fallback_type import SoftphoneFallbackType
from ..models.transfer_type import TransferType
from ..models.warm_mode import WarmMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dynamic_transfer_options import DynamicTransferOptions
    from ..models.routing_config import RoutingConfig


T = TypeVar("T", bound="TransferConfig")


@_attrs_define
class TransferConfig(JsonModel):
    """How the campaign transfers calls to people.

    Attributes:
        id (UUID): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        created_at (datetime.datetime | None | Unset): A timestamp or null. The page shows `null`: the docs could not
            render the type,
            a date, of this nested property. An ISO 8601 string is expected.
        updated_at (datetime.datetime | None | Unset): A timestamp or null. The page shows `null`: the docs could not
            render the type,
            a date, of this nested property. An ISO 8601 string is expected.
        client_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        name (str | Unset):
        routing_config_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        type_ (TransferType | Unset): How a call is transferred (transfer-config pages).
        warm_transfer (bool | Unset):
        direct_phone_number (str | Unset):
        dynamic_options (DynamicTransferOptions | Unset): Where a dynamic transfer asks for the number to transfer to.
        sip_uri (str | Unset):
        sip_headers (str | Unset):
        warm_summary_prompt (str | Unset):
        warm_mode (WarmMode | Unset): What happens on a warm transfer (transfer-config pages).
        softphone_fallback_type (SoftphoneFallbackType | Unset): Fallback when no softphone agent answers (transfer-
            config pages).
        softphone_fallback_phone_number (str | Unset):
        appointment_booking_enabled (bool | Unset):
        transfer_waiting_messages (list[str] | Unset):
        routing_config (RoutingConfig | Unset): How a transfer picks an agent. The docs describe Linear, Round Robin and
            Grouped
            routing in prose (`x-carecycle-source: docs`); only `linear` is shown as a value.
    """

    id: UUID
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    client_id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    routing_config_id: UUID | Unset = UNSET
    type_: TransferType | Unset = UNSET
    warm_transfer: bool | Unset = UNSET
    direct_phone_number: str | Unset = UNSET
    dynamic_options: DynamicTransferOptions | Unset = UNSET
    sip_uri: str | Unset = UNSET
    sip_headers: str | Unset = UNSET
    warm_summary_prompt: str | Unset = UNSET
    warm_mode: WarmMode | Unset = UNSET
    softphone_fallback_type: SoftphoneFallbackType | Unset = UNSET
    softphone_fallback_phone_number: str | Unset = UNSET
    appointment_booking_enabled: bool | Unset = UNSET
    transfer_waiting_messages: list[str] | Unset = UNSET
    routing_config: RoutingConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "id": UUID_SCHEMA,
            "createdAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "updatedAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "clientId": UUID_SCHEMA,
            "name": {"type": "string"},
            "routingConfigId": UUID_SCHEMA,
            "type": {"type": "string"},
            "warmTransfer": {"type": "boolean"},
            "directPhoneNumber": {"type": "string"},
            "dynamicOptions": {"$ref": "#/$defs/DynamicTransferOptions"},
            "sipUri": {"type": "string"},
            "sipHeaders": {"type": "string"},
            "warmSummaryPrompt": {"type": "string"},
            "warmMode": {"type": "string"},
            "softphoneFallbackType": {"type": "string"},
            "softphoneFallbackPhoneNumber": {"type": "string"},
            "appointmentBookingEnabled": {"type": "boolean"},
            "transferWaitingMessages": {"type": "array", "items": {"type": "string"}},
            "routingConfig": {"$ref": "#/$defs/RoutingConfig"},
        },
        "required": [
            "id",
        ],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = format_datetime(self.created_at)
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = format_datetime(self.updated_at)
        else:
            updated_at = self.updated_at

        client_id: str | Unset = UNSET
        if not isinstance(self.client_id, Unset):
            client_id = str(self.client_id)

        name = self.name

        routing_config_id: str | Unset = UNSET
        if not isinstance(self.routing_config_id, Unset):
            routing_config_id = str(self.routing_config_id)

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        warm_transfer = self.warm_transfer

        direct_phone_number = self.direct_phone_number

        dynamic_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dynamic_options, Unset):
            dynamic_options = self.dynamic_options.to_dict()

        sip_uri = self.sip_uri

        sip_headers = self.sip_headers

        warm_summary_prompt = self.warm_summary_prompt

        warm_mode: str | Unset = UNSET
        if not isinstance(self.warm_mode, Unset):
            warm_mode = self.warm_mode.value

        softphone_fallback_type: str | Unset = UNSET
        if not isinstance(self.softphone_fallback_type, Unset):
            softphone_fallback_type = self.softphone_fallback_type.value

        softphone_fallback_phone_number = self.softphone_fallback_phone_number

        appointment_booking_enabled = self.appointment_booking_enabled

        transfer_waiting_messages: list[str] | Unset = UNSET
        if not isinstance(self.transfer_waiting_messages, Unset):
            transfer_waiting_messages = self.transfer_waiting_messages

        routing_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.routing_config, Unset):
            routing_config = self.routing_config.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if client_id is not UNSET:
            field_dict["clientId"] = client_id
        if name is not UNSET:
            field_dict["name"] = name
        if routing_config_id is not UNSET:
            field_dict["routingConfigId"] = routing_config_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if warm_transfer is not UNSET:
            field_dict["warmTransfer"] = warm_transfer
        if direct_phone_number is not UNSET:
            field_dict["directPhoneNumber"] = direct_phone_number
        if dynamic_options is not UNSET:
            field_dict["dynamicOptions"] = dynamic_options
        if sip_uri is not UNSET:
            field_dict["sipUri"] = sip_uri
        if sip_headers is not UNSET:
            field_dict["sipHeaders"] = sip_headers
        if warm_summary_prompt is not UNSET:
            field_dict["warmSummaryPrompt"] = warm_summary_prompt
        if warm_mode is not UNSET:
            field_dict["warmMode"] = warm_mode
        if softphone_fallback_type is not UNSET:
            field_dict["softphoneFallbackType"] = softphone_fallback_type
        if softphone_fallback_phone_number is not UNSET:
            field_dict["softphoneFallbackPhoneNumber"] = softphone_fallback_phone_number
        if appointment_booking_enabled is not UNSET:
            field_dict["appointmentBookingEnabled"] = appointment_booking_enabled
        if transfer_waiting_messages is not UNSET:
            field_dict["transferWaitingMessages"] = transfer_waiting_messages
        if routing_config is not UNSET:
            field_dict["routingConfig"] = routing_config
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a TransferConfig from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        from ..models.dynamic_transfer_options import DynamicTransferOptions  # noqa: PLC0415
        from ..models.routing_config import RoutingConfig  # noqa: PLC0415

        fields = JsonObject(src_dict)
        transfer_config = cls(
            id=fields.required("id", parse_uuid),
            created_at=fields.optional("createdAt", one_of(parse_datetime, parse_none)),
            updated_at=fields.optional("updatedAt", one_of(parse_datetime, parse_none)),
            client_id=fields.optional("clientId", parse_uuid),
            name=fields.optional("name", parse_str),
            routing_config_id=fields.optional("routingConfigId", parse_uuid),
            type_=fields.optional("type", enum_parser(TransferType)),
            warm_transfer=fields.optional("warmTransfer", parse_bool),
            direct_phone_number=fields.optional("directPhoneNumber", parse_str),
            dynamic_options=fields.optional("dynamicOptions", DynamicTransferOptions.from_dict),
            sip_uri=fields.optional("sipUri", parse_str),
            sip_headers=fields.optional("sipHeaders", parse_str),
            warm_summary_prompt=fields.optional("warmSummaryPrompt", parse_str),
            warm_mode=fields.optional("warmMode", enum_parser(WarmMode)),
            softphone_fallback_type=fields.optional("softphoneFallbackType", enum_parser(SoftphoneFallbackType)),
            softphone_fallback_phone_number=fields.optional("softphoneFallbackPhoneNumber", parse_str),
            appointment_booking_enabled=fields.optional("appointmentBookingEnabled", parse_bool),
            transfer_waiting_messages=fields.optional("transferWaitingMessages", list_of(parse_str)),
            routing_config=fields.optional("routingConfig", RoutingConfig.from_dict),
        )
        transfer_config.additional_properties = fields.remaining(parse_any)
        return transfer_config

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("name", "name"),
        ("warm_transfer", "warmTransfer"),
        ("direct_phone_number", "directPhoneNumber"),
        ("sip_uri", "sipUri"),
        ("sip_headers", "sipHeaders"),
        ("warm_summary_prompt", "warmSummaryPrompt"),
        ("softphone_fallback_phone_number", "softphoneFallbackPhoneNumber"),
        ("appointment_booking_enabled", "appointmentBookingEnabled"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        from ..models.dynamic_transfer_options import DynamicTransferOptions  # noqa: PLC0415
        from ..models.routing_config import RoutingConfig  # noqa: PLC0415

        return {
            "id": LazyField("id", parse_uuid, required=True),
            "created_at": LazyField("createdAt", one_of(parse_datetime, parse_none)),
            "updated_at": LazyField("updatedAt", one_of(parse_datetime, parse_none)),
            "client_id": LazyField("clientId", parse_uuid),
            "name": LazyField("name", parse_str),
            "routing_config_id": LazyField("routingConfigId", parse_uuid),
            "type_": LazyField("type", enum_parser(TransferType)),
            "warm_transfer": LazyField("warmTransfer", parse_bool),
            "direct_phone_number": LazyField("directPhoneNumber", parse_str),
            "dynamic_options": LazyField("dynamicOptions", DynamicTransferOptions.from_checked),
            "sip_uri": LazyField("sipUri", parse_str),
            "sip_headers": LazyField("sipHeaders", parse_str),
            "warm_summary_prompt": LazyField("warmSummaryPrompt", parse_str),
            "warm_mode": LazyField("warmMode", enum_parser(WarmMode)),
            "softphone_fallback_type": LazyField("softphoneFallbackType", enum_parser(SoftphoneFallbackType)),
            "softphone_fallback_phone_number": LazyField("softphoneFallbackPhoneNumber", parse_str),
            "appointment_booking_enabled": LazyField("appointmentBookingEnabled", parse_bool),
            "transfer_waiting_messages": LazyField("transferWaitingMessages", list_of(parse_str)),
            "routing_config": LazyField("routingConfig", RoutingConfig.from_checked),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "id": "id",
        "createdAt": "created_at",
        "updatedAt": "updated_at",
        "clientId": "client_id",
        "name": "name",
        "routingConfigId": "routing_config_id",
        "type": "type_",
        "warmTransfer": "warm_transfer",
        "directPhoneNumber": "direct_phone_number",
        "dynamicOptions": "dynamic_options",
        "sipUri": "sip_uri",
        "sipHeaders": "sip_headers",
        "warmSummaryPrompt": "warm_summary_prompt",
        "warmMode": "warm_mode",
        "softphoneFallbackType": "softphone_fallback_type",
        "softphoneFallbackPhoneNumber": "softphone_fallback_phone_number",
        "appointmentBookingEnabled": "appointment_booking_enabled",
        "transferWaitingMessages": "transfer_waiting_messages",
        "routingConfig": "routing_config",
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
