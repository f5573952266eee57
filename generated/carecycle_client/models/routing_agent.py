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
    parse_bool,
    parse_datetime,
    parse_int,
    parse_none,
    parse_str,
    parse_uuid,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.member import Member


T = TypeVar("T", bound="RoutingAgent")


@_attrs_define
class RoutingAgent(JsonModel):
    """A team member who can take transferred calls.

    Attributes:
        id (UUID): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        created_at (datetime.datetime | None | Unset): A timestamp or null. The page shows `null`: the docs could not
            render the type,
            a date, of this nested property. An ISO 8601 string is expected.
        updated_at (datetime.datetime | None | Unset): A timestamp or null. The page shows `null`: the docs could not
            render the type,
            a date, of this nested property. An ISO 8601 string is expected.
        routing_config_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        member_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        group_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        priority (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example -2147483648 is its minimum.
        weight (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example -2147483648 is its minimum.
        last_call_at (datetime.datetime | None | Unset): A timestamp or null. The page shows `null`: the docs could not
            render the type,
            a date, of this nested property. An ISO 8601 string is expected.
        is_active (bool | Unset):
        skills (str | Unset):
        member (Member | Unset): A member of the client organisation.
    """

    id: UUID
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    routing_config_id: UUID | Unset = UNSET
    member_id: UUID | Unset = UNSET
    group_id: UUID | Unset = UNSET
    priority: int | Unset = UNSET
    weight: int | Unset = UNSET
    last_call_at: datetime.datetime | None | Unset = UNSET
    is_active: bool | Unset = UNSET
    skills: str | Unset = UNSET
    member: Member | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "id": UUID_SCHEMA,
            "createdAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "updatedAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "routingConfigId": UUID_SCHEMA,
            "memberId": UUID_SCHEMA,
            "groupId": UUID_SCHEMA,
            "priority": {"type": "integer"},
            "weight": {"type": "integer"},
            "lastCallAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "isActive": {"type": "boolean"},
            "skills": {"type": "string"},
            "member": {"$ref": "#/$defs/Member"},
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

        routing_config_id: str | Unset = UNSET
        if not isinstance(self.routing_config_id, Unset):
            routing_config_id = str(self.routing_config_id)

        member_id: str | Unset = UNSET
        if not isinstance(self.member_id, Unset):
            member_id = str(self.member_id)

        group_id: str | Unset = UNSET
        if not isinstance(self.group_id, Unset):
            group_id = str(self.group_id)

        priority = self.priority

        weight = self.weight

        last_call_at: None | str | Unset
        if isinstance(self.last_call_at, Unset):
            last_call_at = UNSET
        elif isinstance(self.last_call_at, datetime.datetime):
            last_call_at = format_datetime(self.last_call_at)
        else:
            last_call_at = self.last_call_at

        is_active = self.is_active

        skills = self.skills

        member: dict[str, Any] | Unset = UNSET
        if not isinstance(self.member, Unset):
            member = self.member.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if routing_config_id is not UNSET:
            field_dict["routingConfigId"] = routing_config_id
        if member_id is not UNSET:
            field_dict["memberId"] = member_id
        if group_id is not UNSET:
            field_dict["groupId"] = group_id
        if priority is not UNSET:
            field_dict["priority"] = priority
        if weight is not UNSET:
            field_dict["weight"] = weight
        if last_call_at is not UNSET:
            field_dict["lastCallAt"] = last_call_at
        if is_active is not UNSET:
            field_dict["isActive"] = is_active
        if skills is not UNSET:
            field_dict["skills"] = skills
        if member is not UNSET:
            field_dict["member"] = member
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a RoutingAgent from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        from ..models.member import Member  # noqa: PLC0415

        fields = JsonObject(src_dict)
        routing_agent = cls(
            id=fields.required("id", parse_uuid),
            created_at=fields.optional("createdAt", one_of(parse_datetime, parse_none)),
            updated_at=fields.optional("updatedAt", one_of(parse_datetime, parse_none)),
            routing_config_id=fields.optional("routingConfigId", parse_uuid),
            member_id=fields.optional("memberId", parse_uuid),
            group_id=fields.optional("groupId", parse_uuid),
            priority=fields.optional("priority", parse_int),
            weight=fields.optional("weight", parse_int),
            last_call_at=fields.optional("lastCallAt", one_of(parse_datetime, parse_none)),
            is_active=fields.optional("isActive", parse_bool),
            skills=fields.optional("skills", parse_str),
            member=fields.optional("member", Member.from_dict),
        )
        routing_agent.additional_properties = fields.remaining(parse_any)
        return routing_agent

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("is_active", "isActive"),
        ("skills", "skills"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        from ..models.member import Member  # noqa: PLC0415

        return {
            "id": LazyField("id", parse_uuid, required=True),
            "created_at": LazyField("createdAt", one_of(parse_datetime, parse_none)),
            "updated_at": LazyField("updatedAt", one_of(parse_datetime, parse_none)),
            "routing_config_id": LazyField("routingConfigId", parse_uuid),
            "member_id": LazyField("memberId", parse_uuid),
            "group_id": LazyField("groupId", parse_uuid),
            "priority": LazyField("priority", parse_int),
            "weight": LazyField("weight", parse_int),
            "last_call_at": LazyField("lastCallAt", one_of(parse_datetime, parse_none)),
            "is_active": LazyField("isActive", parse_bool),
            "skills": LazyField("skills", parse_str),
            "member": LazyField("member", Member.from_checked),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "id": "id",
        "createdAt": "created_at",
        "updatedAt": "updated_at",
        "routingConfigId": "routing_config_id",
        "memberId": "member_id",
        "groupId": "group_id",
        "priority": "priority",
        "weight": "weight",
        "lastCallAt": "last_call_at",
        "isActive": "is_active",
        "skills": "skills",
        "member": "member",
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
