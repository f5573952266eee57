# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import (
    DATETIME_SCHEMA,
    UUID_SCHEMA,
    JsonObject,
    format_datetime,
    one_of,
    parse_any,
    parse_datetime,
    parse_int,
    parse_none,
    parse_str,
    parse_uuid,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="AppointmentConfig")


@_attrs_define
class AppointmentConfig(JsonModel):
    """How the campaign books appointments.

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
        concurrent_limit (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example -2147483648 is its
            minimum.
        appointment_length (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example -2147483648 is its
            minimum.
        appointment_spacing (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example -2147483648 is its
            minimum.
        max_options (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example -2147483648 is its minimum.
        min_date (str | Unset):
        max_date (str | Unset):
        min_hours (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example -2147483648 is its minimum.
        preferred_mode (str | Unset): The page shows `timezone` only; other values are not documented.
        pulse_workflow_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        created_by (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        updated_by (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
    """

    id: UUID
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    client_id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    concurrent_limit: int | Unset = UNSET
    appointment_length: int | Unset = UNSET
    appointment_spacing: int | Unset = UNSET
    max_options: int | Unset = UNSET
    min_date: str | Unset = UNSET
    max_date: str | Unset = UNSET
    min_hours: int | Unset = UNSET
    preferred_mode: str | Unset = UNSET
    pulse_workflow_id: UUID | Unset = UNSET
    created_by: UUID | Unset = UNSET
    updated_by: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "id": UUID_SCHEMA,
            "createdAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "updatedAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "clientId": UUID_SCHEMA,
            "name": {"type": "string"},
            "concurrentLimit": {"type": "integer"},
            "appointmentLength": {"type": "integer"},
            "appointmentSpacing": {"type": "integer"},
            "maxOptions": {"type": "integer"},
            "minDate": {"type": "string"},
            "maxDate": {"type": "string"},
            "minHours": {"type": "integer"},
            "preferredMode": {"type": "string"},
            "pulseWorkflowId": UUID_SCHEMA,
            "createdBy": UUID_SCHEMA,
            "updatedBy": UUID_SCHEMA,
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

        concurrent_limit = self.concurrent_limit

        appointment_length = self.appointment_length

        appointment_spacing = self.appointment_spacing

        max_options = self.max_options

        min_date = self.min_date

        max_date = self.max_date

        min_hours = self.min_hours

        preferred_mode = self.preferred_mode

        pulse_workflow_id: str | Unset = UNSET
        if not isinstance(self.pulse_workflow_id, Unset):
            pulse_workflow_id = str(self.pulse_workflow_id)

        created_by: str | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = str(self.created_by)

        updated_by: str | Unset = UNSET
        if not isinstance(self.updated_by, Unset):
            updated_by = str(self.updated_by)

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
        if concurrent_limit is not UNSET:
            field_dict["concurrentLimit"] = concurrent_limit
        if appointment_length is not UNSET:
            field_dict["appointmentLength"] = appointment_length
        if appointment_spacing is not UNSET:
            field_dict["appointmentSpacing"] = appointment_spacing
        if max_options is not UNSET:
            field_dict["maxOptions"] = max_options
        if min_date is not UNSET:
            field_dict["minDate"] = min_date
        if max_date is not UNSET:
            field_dict["maxDate"] = max_date
        if min_hours is not UNSET:
            field_dict["minHours"] = min_hours
        if preferred_mode is not UNSET:
            field_dict["preferredMode"] = preferred_mode
        if pulse_workflow_id is not UNSET:
            field_dict["pulseWorkflowId"] = pulse_workflow_id
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if updated_by is not UNSET:
            field_dict["updatedBy"] = updated_by
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a AppointmentConfig from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        appointment_config = cls(
            id=fields.required("id", parse_uuid),
            created_at=fields.optional("createdAt", one_of(parse_datetime, parse_none)),
            updated_at=fields.optional("updatedAt", one_of(parse_datetime, parse_none)),
            client_id=fields.optional("clientId", parse_uuid),
            name=fields.optional("name", parse_str),
            concurrent_limit=fields.optional("concurrentLimit", parse_int),
            appointment_length=fields.optional("appointmentLength", parse_int),
            appointment_spacing=fields.optional("appointmentSpacing", parse_int),
            max_options=fields.optional("maxOptions", parse_int),
            min_date=fields.optional("minDate", parse_str),
            max_date=fields.optional("maxDate", parse_str),
            min_hours=fields.optional("minHours", parse_int),
            preferred_mode=fields.optional("preferredMode", parse_str),
            pulse_workflow_id=fields.optional("pulseWorkflowId", parse_uuid),
            created_by=fields.optional("createdBy", parse_uuid),
            updated_by=fields.optional("updatedBy", parse_uuid),
        )
        appointment_config.additional_properties = fields.remaining(parse_any)
        return appointment_config

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("name", "name"),
        ("min_date", "minDate"),
        ("max_date", "maxDate"),
        ("preferred_mode", "preferredMode"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "id": LazyField("id", parse_uuid, required=True),
            "created_at": LazyField("createdAt", one_of(parse_datetime, parse_none)),
            "updated_at": LazyField("updatedAt", one_of(parse_datetime, parse_none)),
            "client_id": LazyField("clientId", parse_uuid),
            "name": LazyField("name", parse_str),
            "concurrent_limit": LazyField("concurrentLimit", parse_int),
            "appointment_length": LazyField("appointmentLength", parse_int),
            "appointment_spacing": LazyField("appointmentSpacing", parse_int),
            "max_options": LazyField("maxOptions", parse_int),
            "min_date": LazyField("minDate", parse_str),
            "max_date": LazyField("maxDate", parse_str),
            "min_hours": LazyField("minHours", parse_int),
            "preferred_mode": LazyField("preferredMode", parse_str),
            "pulse_workflow_id": LazyField("pulseWorkflowId", parse_uuid),
            "created_by": LazyField("createdBy", parse_uuid),
            "updated_by": LazyField("updatedBy", parse_uuid),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "id": "id",
        "createdAt": "created_at",
        "updatedAt": "updated_at",
        "clientId": "client_id",
        "name": "name",
        "concurrentLimit": "concurrent_limit",
        "appointmentLength": "appointment_length",
        "appointmentSpacing": "appointment_spacing",
        "maxOptions": "max_options",
        "minDate": "min_date",
        "maxDate": "max_date",
        "minHours": "min_hours",
        "preferredMode": "preferred_mode",
        "pulseWorkflowId": "pulse_workflow_id",
        "createdBy": "created_by",
        "updatedBy": "updated_by",
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
