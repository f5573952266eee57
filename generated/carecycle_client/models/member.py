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
    format_datetime,
    one_of,
    parse_any,
    parse_datetime,
    parse_none,
    parse_str,
    parse_uuid,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.user import User


T = TypeVar("T", bound="Member")


@_attrs_define
class Member(JsonModel):
    """A member of the client organisation.

    Attributes:
        id (UUID): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        created_at (datetime.datetime | None | Unset): A timestamp or null. The page shows `null`: the docs could not
            render the type,
            a date, of this nested property. An ISO 8601 string is expected.
        client_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        user_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        role (str | Unset):
        filter_data (str | Unset):
        user (User | Unset): The user account of a member.
    """

    id: UUID
    created_at: datetime.datetime | None | Unset = UNSET
    client_id: UUID | Unset = UNSET
    user_id: UUID | Unset = UNSET
    role: str | Unset = UNSET
    filter_data: str | Unset = UNSET
    user: User | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "id": UUID_SCHEMA,
            "createdAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "clientId": UUID_SCHEMA,
            "userId": UUID_SCHEMA,
            "role": {"type": "string"},
            "filterData": {"type": "string"},
            "user": {"$ref": "#/$defs/User"},
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

        client_id: str | Unset = UNSET
        if not isinstance(self.client_id, Unset):
            client_id = str(self.client_id)

        user_id: str | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = str(self.user_id)

        role = self.role

        filter_data = self.filter_data

        user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user, Unset):
            user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if client_id is not UNSET:
            field_dict["clientId"] = client_id
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if role is not UNSET:
            field_dict["role"] = role
        if filter_data is not UNSET:
            field_dict["filterData"] = filter_data
        if user is not UNSET:
            field_dict["user"] = user
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a Member from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        from ..models.user import User  # noqa: PLC0415

        fields = JsonObject(src_dict)
        member = cls(
            id=fields.required("id", parse_uuid),
            created_at=fields.optional("createdAt", one_of(parse_datetime, parse_none)),
            client_id=fields.optional("clientId", parse_uuid),
            user_id=fields.optional("userId", parse_uuid),
            role=fields.optional("role", parse_str),
            filter_data=fields.optional("filterData", parse_str),
            user=fields.optional("user", User.from_dict),
        )
        member.additional_properties = fields.remaining(parse_any)
        return member

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("role", "role"),
        ("filter_data", "filterData"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        from ..models.user import User  # noqa: PLC0415

        return {
            "id": LazyField("id", parse_uuid, required=True),
            "created_at": LazyField("createdAt", one_of(parse_datetime, parse_none)),
            "client_id": LazyField("clientId", parse_uuid),
            "user_id": LazyField("userId", parse_uuid),
            "role": LazyField("role", parse_str),
            "filter_data": LazyField("filterData", parse_str),
            "user": LazyField("user", User.from_checked),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "id": "id",
        "createdAt": "created_at",
        "clientId": "client_id",
        "userId": "user_id",
        "role": "role",
        "filterData": "filter_data",
        "user": "user",
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
