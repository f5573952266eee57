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
    NULL,
    STRING,
    UUID_STRING,
    enum_kind,
    json_key,
    json_rest,
    list_kind,
    model_kind,
    union_kind,
)
from .._lazy_model import JsonModel
from ..models.softphone_fallback_type import SoftphoneFallbackType
from ..models.transfer_type import TransferType
from ..models.warm_mode import WarmMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dynamic_transfer_options import DynamicTransferOptions
    from ..models.routing_config import RoutingConfig


@_attrs_define
class TransferConfig(JsonModel):
    """How the campaign transfers calls to people.

    Attributes:
        id (UUID): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        created_at (datetime.datetime | None | Unset): An ISO 8601 timestamp, or null.
        updated_at (datetime.datetime | None | Unset): An ISO 8601 timestamp, or null.
        client_id (UUID | Unset): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        name (str | Unset):
        routing_config_id (UUID | Unset): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        type_ (TransferType | Unset): How a call is transferred.
        warm_transfer (bool | Unset):
        direct_phone_number (str | Unset):
        dynamic_options (DynamicTransferOptions | Unset): Where a dynamic transfer asks for the number to transfer to.
        sip_uri (str | Unset):
        sip_headers (str | Unset):
        warm_summary_prompt (str | Unset):
        warm_mode (WarmMode | Unset): What happens on a warm transfer.
        softphone_fallback_type (SoftphoneFallbackType | Unset): Fallback when no softphone agent answers.
        softphone_fallback_phone_number (str | Unset):
        appointment_booking_enabled (bool | Unset):
        transfer_waiting_messages (list[str] | Unset):
        routing_config (RoutingConfig | Unset): How a transfer picks an agent: linear, round robin or grouped routing.
    """

    id: UUID = _attrs_field(metadata=json_key("id", UUID_STRING, 0))
    created_at: datetime.datetime | None | Unset = _attrs_field(
        default=UNSET, metadata=json_key("createdAt", union_kind(DATETIME, NULL), 1)
    )
    updated_at: datetime.datetime | None | Unset = _attrs_field(
        default=UNSET, metadata=json_key("updatedAt", union_kind(DATETIME, NULL), 2)
    )
    client_id: UUID | Unset = _attrs_field(default=UNSET, metadata=json_key("clientId", UUID_STRING, 3))
    name: str | Unset = _attrs_field(default=UNSET, metadata=json_key("name", STRING, 4))
    routing_config_id: UUID | Unset = _attrs_field(default=UNSET, metadata=json_key("routingConfigId", UUID_STRING, 5))
    type_: TransferType | Unset = _attrs_field(default=UNSET, metadata=json_key("type", enum_kind(TransferType), 6))
    warm_transfer: bool | Unset = _attrs_field(default=UNSET, metadata=json_key("warmTransfer", BOOLEAN, 7))
    direct_phone_number: str | Unset = _attrs_field(default=UNSET, metadata=json_key("directPhoneNumber", STRING, 8))
    dynamic_options: DynamicTransferOptions | Unset = _attrs_field(
        default=UNSET, metadata=json_key("dynamicOptions", model_kind("DynamicTransferOptions"), 9)
    )
    sip_uri: str | Unset = _attrs_field(default=UNSET, metadata=json_key("sipUri", STRING, 10))
    sip_headers: str | Unset = _attrs_field(default=UNSET, metadata=json_key("sipHeaders", STRING, 11))
    warm_summary_prompt: str | Unset = _attrs_field(default=UNSET, metadata=json_key("warmSummaryPrompt", STRING, 12))
    warm_mode: WarmMode | Unset = _attrs_field(default=UNSET, metadata=json_key("warmMode", enum_kind(WarmMode), 13))
    softphone_fallback_type: SoftphoneFallbackType | Unset = _attrs_field(
        default=UNSET, metadata=json_key("softphoneFallbackType", enum_kind(SoftphoneFallbackType), 14)
    )
    softphone_fallback_phone_number: str | Unset = _attrs_field(
        default=UNSET, metadata=json_key("softphoneFallbackPhoneNumber", STRING, 15)
    )
    appointment_booking_enabled: bool | Unset = _attrs_field(
        default=UNSET, metadata=json_key("appointmentBookingEnabled", BOOLEAN, 16)
    )
    transfer_waiting_messages: list[str] | Unset = _attrs_field(
        default=UNSET, metadata=json_key("transferWaitingMessages", list_kind(STRING), 17)
    )
    routing_config: RoutingConfig | Unset = _attrs_field(
        default=UNSET, metadata=json_key("routingConfig", model_kind("RoutingConfig"), 18)
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
