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
    from ..models.routing_group import RoutingGroup


T = TypeVar("T", bound="RoutingConfig")


@_attrs_define
class RoutingConfig(JsonModel):
    """How a transfer picks an agent. The docs describe Linear, Round Robin and Grouped
    routing in prose (`x-carecycle-source: docs`); only `linear` is shown as a value.

        Attributes:
            id (UUID): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
            created_at (datetime.datetime | None | Unset): A timestamp or null. The page shows `null`: the docs could not
                render the type,
                a date, of this nested property. An ISO 8601 string is expected.
            updated_at (datetime.datetime | None | Unset): A timestamp or null. The page shows `null`: the docs could not
                render the type,
                a date, of this nested property. An ISO 8601 string is expected.
            name (str | Unset):
            description (str | Unset):
            routing_type (str | Unset): Routing strategy. The page shows `linear` only; the tokens of the Round Robin and
                Grouped modes the docs describe are unknown, so this is a plain string.
            client_id (UUID | Unset): A UUID as zod's `z.uuid()` accepts it (the pages' pattern, byte for byte).
            fallback_behavior (str | Unset): The page shows `voicemail` only; other values are not documented.
            fallback_number (str | Unset):
            max_ring_per_agent (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example -2147483648 is its
                minimum.
            max_wait_time (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example -2147483648 is its minimum.
            try_customer_agent_first (bool | Unset):
            try_previous_softphone_agent_first (bool | Unset):
            customer_agent_priority (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example -2147483648 is its
                minimum.
            previous_softphone_agent_priority (int | Unset): A 32-bit integer (zod `z.int32()`); the page's example
                -2147483648 is its minimum.
            state_based_routing (bool | Unset):
            state_routing_fallback (str | Unset): The page shows `fallback` only; other values are not documented.
            agents (list[RoutingAgent] | Unset):
            groups (list[RoutingGroup] | Unset):
    """

    id: UUID
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    routing_type: str | Unset = UNSET
    client_id: UUID | Unset = UNSET
    fallback_behavior: str | Unset = UNSET
    fallback_number: str | Unset = UNSET
    max_ring_per_agent: int | Unset = UNSET
    max_wait_time: int | Unset = UNSET
    try_customer_agent_first: bool | Unset = UNSET
    try_previous_softphone_agent_first: bool | Unset = UNSET
    customer_agent_priority: int | Unset = UNSET
    previous_softphone_agent_priority: int | Unset = UNSET
    state_based_routing: bool | Unset = UNSET
    state_routing_fallback: str | Unset = UNSET
    agents: list[RoutingAgent] | Unset = UNSET
    groups: list[RoutingGroup] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "id": UUID_SCHEMA,
            "createdAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "updatedAt": {"anyOf": [DATETIME_SCHEMA, {"type": "null"}]},
            "name": {"type": "string"},
            "description": {"type": "string"},
            "routingType": {"type": "string"},
            "clientId": UUID_SCHEMA,
            "fallbackBehavior": {"type": "string"},
            "fallbackNumber": {"type": "string"},
            "maxRingPerAgent": {"type": "integer"},
            "maxWaitTime": {"type": "integer"},
            "tryCustomerAgentFirst": {"type": "boolean"},
            "tryPreviousSoftphoneAgentFirst": {"type": "boolean"},
            "customerAgentPriority": {"type": "integer"},
            "previousSoftphoneAgentPriority": {"type": "integer"},
            "stateBasedRouting": {"type": "boolean"},
            "stateRoutingFallback": {"type": "string"},
            "agents": {"type": "array", "items": {"$ref": "#/$defs/RoutingAgent"}},
            "groups": {"type": "array", "items": {"$ref": "#/$defs/RoutingGroup"}},
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

        name = self.name

        description = self.description

        routing_type = self.routing_type

        client_id: str | Unset = UNSET
        if not isinstance(self.client_id, Unset):
            client_id = str(self.client_id)

        fallback_behavior = self.fallback_behavior

        fallback_number = self.fallback_number

        max_ring_per_agent = self.max_ring_per_agent

        max_wait_time = self.max_wait_time

        try_customer_agent_first = self.try_customer_agent_first

        try_previous_softphone_agent_first = self.try_previous_softphone_agent_first

        customer_agent_priority = self.customer_agent_priority

        previous_softphone_agent_priority = self.previous_softphone_agent_priority

        state_based_routing = self.state_based_routing

        state_routing_fallback = self.state_routing_fallback

        agents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.agents, Unset):
            agents = []
            for agents_item_data in self.agents:
                agents_item = agents_item_data.to_dict()
                agents.append(agents_item)

        groups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.groups, Unset):
            groups = []
            for groups_item_data in self.groups:
                groups_item = groups_item_data.to_dict()
                groups.append(groups_item)

        field_dict: dict[str, Any] = {}
        field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if routing_type is not UNSET:
            field_dict["routingType"] = routing_type
        if client_id is not UNSET:
            field_dict["clientId"] = client_id
        if fallback_behavior is not UNSET:
            field_dict["fallbackBehavior"] = fallback_behavior
        if fallback_number is not UNSET:
            field_dict["fallbackNumber"] = fallback_number
        if max_ring_per_agent is not UNSET:
            field_dict["maxRingPerAgent"] = max_ring_per_agent
        if max_wait_time is not UNSET:
            field_dict["maxWaitTime"] = max_wait_time
        if try_customer_agent_first is not UNSET:
            field_dict["tryCustomerAgentFirst"] = try_customer_agent_first
        if try_previous_softphone_agent_first is not UNSET:
            field_dict["tryPreviousSoftphoneAgentFirst"] = try_previous_softphone_agent_first
        if customer_agent_priority is not UNSET:
            field_dict["customerAgentPriority"] = customer_agent_priority
        if previous_softphone_agent_priority is not UNSET:
            field_dict["previousSoftphoneAgentPriority"] = previous_softphone_agent_priority
        if state_based_routing is not UNSET:
            field_dict["stateBasedRouting"] = state_based_routing
        if state_routing_fallback is not UNSET:
            field_dict["stateRoutingFallback"] = state_routing_fallback
        if agents is not UNSET:
            field_dict["agents"] = agents
        if groups is not UNSET:
            field_dict["groups"] = groups
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a RoutingConfig from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        from ..models.routing_agent import RoutingAgent  # noqa: PLC0415
        from ..models.routing_group import RoutingGroup  # noqa: PLC0415

        fields = JsonObject(src_dict)
        routing_config = cls(
            id=fields.required("id", parse_uuid),
            created_at=fields.optional("createdAt", one_of(parse_datetime, parse_none)),
            updated_at=fields.optional("updatedAt", one_of(parse_datetime, parse_none)),
            name=fields.optional("name", parse_str),
            description=fields.optional("description", parse_str),
            routing_type=fields.optional("routingType", parse_str),
            client_id=fields.optional("clientId", parse_uuid),
            fallback_behavior=fields.optional("fallbackBehavior", parse_str),
            fallback_number=fields.optional("fallbackNumber", parse_str),
            max_ring_per_agent=fields.optional("maxRingPerAgent", parse_int),
            max_wait_time=fields.optional("maxWaitTime", parse_int),
            try_customer_agent_first=fields.optional("tryCustomerAgentFirst", parse_bool),
            try_previous_softphone_agent_first=fields.optional("tryPreviousSoftphoneAgentFirst", parse_bool),
            customer_agent_priority=fields.optional("customerAgentPriority", parse_int),
            previous_softphone_agent_priority=fields.optional("previousSoftphoneAgentPriority", parse_int),
            state_based_routing=fields.optional("stateBasedRouting", parse_bool),
            state_routing_fallback=fields.optional("stateRoutingFallback", parse_str),
            agents=fields.optional("agents", list_of(RoutingAgent.from_dict)),
            groups=fields.optional("groups", list_of(RoutingGroup.from_dict)),
        )
        routing_config.additional_properties = fields.remaining(parse_any)
        return routing_config

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("name", "name"),
        ("description", "description"),
        ("routing_type", "routingType"),
        ("fallback_behavior", "fallbackBehavior"),
        ("fallback_number", "fallbackNumber"),
        ("try_customer_agent_first", "tryCustomerAgentFirst"),
        ("try_previous_softphone_agent_first", "tryPreviousSoftphoneAgentFirst"),
        ("state_based_routing", "stateBasedRouting"),
        ("state_routing_fallback", "stateRoutingFallback"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        from ..models.routing_agent import RoutingAgent  # noqa: PLC0415
        from ..models.routing_group import RoutingGroup  # noqa: PLC0415

        return {
            "id": LazyField("id", parse_uuid, required=True),
            "created_at": LazyField("createdAt", one_of(parse_datetime, parse_none)),
            "updated_at": LazyField("updatedAt", one_of(parse_datetime, parse_none)),
            "name": LazyField("name", parse_str),
            "description": LazyField("description", parse_str),
            "routing_type": LazyField("routingType", parse_str),
            "client_id": LazyField("clientId", parse_uuid),
            "fallback_behavior": LazyField("fallbackBehavior", parse_str),
            "fallback_number": LazyField("fallbackNumber", parse_str),
            "max_ring_per_agent": LazyField("maxRingPerAgent", parse_int),
            "max_wait_time": LazyField("maxWaitTime", parse_int),
            "try_customer_agent_first": LazyField("tryCustomerAgentFirst", parse_bool),
            "try_previous_softphone_agent_first": LazyField("tryPreviousSoftphoneAgentFirst", parse_bool),
            "customer_agent_priority": LazyField("customerAgentPriority", parse_int),
            "previous_softphone_agent_priority": LazyField("previousSoftphoneAgentPriority", parse_int),
            "state_based_routing": LazyField("stateBasedRouting", parse_bool),
            "state_routing_fallback": LazyField("stateRoutingFallback", parse_str),
            "agents": LazyField("agents", list_of(RoutingAgent.from_checked)),
            "groups": LazyField("groups", list_of(RoutingGroup.from_checked)),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "id": "id",
        "createdAt": "created_at",
        "updatedAt": "updated_at",
        "name": "name",
        "description": "description",
        "routingType": "routing_type",
        "clientId": "client_id",
        "fallbackBehavior": "fallback_behavior",
        "fallbackNumber": "fallback_number",
        "maxRingPerAgent": "max_ring_per_agent",
        "maxWaitTime": "max_wait_time",
        "tryCustomerAgentFirst": "try_customer_agent_first",
        "tryPreviousSoftphoneAgentFirst": "try_previous_softphone_agent_first",
        "customerAgentPriority": "customer_agent_priority",
        "previousSoftphoneAgentPriority": "previous_softphone_agent_priority",
        "stateBasedRouting": "state_based_routing",
        "stateRoutingFallback": "state_routing_fallback",
        "agents": "agents",
        "groups": "groups",
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
