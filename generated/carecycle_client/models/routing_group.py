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
    list_of,
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
    from ..models.routing_agent import RoutingAgent


T = TypeVar("T", bound="RoutingGroup")


@_attrs_define
class RoutingGroup(JsonModel):
    """A group of agents, for grouped routing.

    Attributes:
        id (UUID): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        created_at (datetime.datetime | None | Unset): A timestamp or null. The page shows `null`: the docs could not
            render the type,
            a date, of this nested property. An ISO 8601 string is expected.
        updated_at (datetime.datetime | None | Unset): A timestamp or null. The page shows `null`: the docs could not
            render the type,
            a date, of this nested property. An ISO 8601 string is expected.
        routing_config_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
        name (str | Unset):
        description (str | Unset):
        routing_type (str | Unset): Routing strategy. The page shows `linear` only; the tokens of the Round Robin and
            Grouped modes the docs describe are unknown, so this is a plain string.
        priority (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example -2147483648 is its minimum.
        is_active (bool | Unset):
        agents (list[RoutingAgent] | Unset):
    """

    id: UUID
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    routing_config_id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    routing_type: str | Unset = UNSET
    priority: int | Unset = UNSET
    is_active: bool | Unset = UNSET
    agents: list[RoutingAgent] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "id": UUID_SCHEMA,
            "createdAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "updatedAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "routingConfigId": UUID_SCHEMA,
            "name": {"type": "string"},
            "description": {"type": "string"},
            "routingType": {"type": "string"},
            "priority": {"type": "integer"},
            "isActive": {"type": "boolean"},
            "agents": {"type": "array", "items": {"$ref": "#/$defs/RoutingAgent"}},
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

        name = self.name

        description = self.description

        routing_type = self.routing_type

        priority = self.priority

        is_active = self.is_active

        agents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.agents, Unset):
            agents = []
            for agents_item_data in self.agents:
                agents_item = agents_item_data.to_dict()
                agents.append(agents_item)

        field_dict: dict[str, Any] = {}
        field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if routing_config_id is not UNSET:
            field_dict["routingConfigId"] = routing_config_id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if routing_type is not UNSET:
            field_dict["routingType"] = routing_type
        if priority is not UNSET:
            field_dict["priority"] = priority
        if is_active is not UNSET:
            field_dict["isActive"] = is_active
        if agents is not UNSET:
            field_dict["agents"] = agents
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a RoutingGroup from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        from ..models.routing_agent import RoutingAgent  # noqa: PLC0415

        fields = JsonObject(src_dict)
        routing_group = cls(
            id=fields.required("id", parse_uuid),
            created_at=fields.optional("createdAt", one_of(parse_datetime, parse_none)),
            updated_at=fields.optional("updatedAt", one_of(parse_datetime, parse_none)),
            routing_config_id=fields.optional("routingConfigId", parse_uuid),
            name=fields.optional("name", parse_str),
            description=fields.optional("description", parse_str),
            routing_type=fields.optional("routingType", parse_str),
            priority=fields.optional("priority", parse_int),
            is_active=fields.optional("isActive", parse_bool),
            agents=fields.optional("agents", list_of(RoutingAgent.from_dict)),
        )
        routing_group.additional_properties = fields.remaining(parse_any)
        return routing_group

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("name", "name"),
        ("description", "description"),
        ("routing_type", "routingType"),
        ("is_active", "isActive"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        from ..models.routing_agent import RoutingAgent  # noqa: PLC0415

        return {
            "id": LazyField("id", parse_uuid, required=True),
            "created_at": LazyField("createdAt", one_of(parse_datetime, parse_none)),
            "updated_at": LazyField("updatedAt", one_of(parse_datetime, parse_none)),
            "routing_config_id": LazyField("routingConfigId", parse_uuid),
            "name": LazyField("name", parse_str),
            "description": LazyField("description", parse_str),
            "routing_type": LazyField("routingType", parse_str),
            "priority": LazyField("priority", parse_int),
            "is_active": LazyField("isActive", parse_bool),
            "agents": LazyField("agents", list_of(RoutingAgent.from_checked)),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "id": "id",
        "createdAt": "created_at",
        "updatedAt": "updated_at",
        "routingConfigId": "routing_config_id",
        "name": "name",
        "description": "description",
        "routingType": "routing_type",
        "priority": "priority",
        "isActive": "is_active",
        "agents": "agents",
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
