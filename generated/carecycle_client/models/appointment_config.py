# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._fields import ANY, DATETIME, INTEGER, NULL, STRING, UUID_STRING, json_key, json_rest, union_kind
from .._lazy_model import JsonModel
from ..types import UNSET, Unset


@_attrs_define
class AppointmentConfig(JsonModel):
    """How the campaign books appointments.

    Attributes:
        id (UUID): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        created_at (datetime.datetime | None | Unset): An ISO 8601 timestamp, or null.
        updated_at (datetime.datetime | None | Unset): An ISO 8601 timestamp, or null.
        client_id (UUID | Unset): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        name (str | Unset):
        concurrent_limit (int | Unset): A signed 32-bit integer.
        appointment_length (int | Unset): A signed 32-bit integer.
        appointment_spacing (int | Unset): A signed 32-bit integer.
        max_options (int | Unset): A signed 32-bit integer.
        min_date (str | Unset):
        max_date (str | Unset):
        min_hours (int | Unset): A signed 32-bit integer.
        preferred_mode (str | Unset): For example `timezone`; the other values are not documented.
        pulse_workflow_id (UUID | Unset): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        created_by (UUID | Unset): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        updated_by (UUID | Unset): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
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
    concurrent_limit: int | Unset = _attrs_field(default=UNSET, metadata=json_key("concurrentLimit", INTEGER, 5))
    appointment_length: int | Unset = _attrs_field(default=UNSET, metadata=json_key("appointmentLength", INTEGER, 6))
    appointment_spacing: int | Unset = _attrs_field(default=UNSET, metadata=json_key("appointmentSpacing", INTEGER, 7))
    max_options: int | Unset = _attrs_field(default=UNSET, metadata=json_key("maxOptions", INTEGER, 8))
    min_date: str | Unset = _attrs_field(default=UNSET, metadata=json_key("minDate", STRING, 9))
    max_date: str | Unset = _attrs_field(default=UNSET, metadata=json_key("maxDate", STRING, 10))
    min_hours: int | Unset = _attrs_field(default=UNSET, metadata=json_key("minHours", INTEGER, 11))
    preferred_mode: str | Unset = _attrs_field(default=UNSET, metadata=json_key("preferredMode", STRING, 12))
    pulse_workflow_id: UUID | Unset = _attrs_field(default=UNSET, metadata=json_key("pulseWorkflowId", UUID_STRING, 13))
    created_by: UUID | Unset = _attrs_field(default=UNSET, metadata=json_key("createdBy", UUID_STRING, 14))
    updated_by: UUID | Unset = _attrs_field(default=UNSET, metadata=json_key("updatedBy", UUID_STRING, 15))
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
