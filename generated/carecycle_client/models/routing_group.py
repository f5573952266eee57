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
    NULL,
    STRING,
    UUID_STRING,
    json_key,
    json_rest,
    list_kind,
    model_kind,
    union_kind,
)
from .._lazy_model import JsonModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.routing_agent import RoutingAgent


@_attrs_define
class RoutingGroup(JsonModel):
    """A group of agents, for grouped routing.

    Attributes:
        id (UUID): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        created_at (datetime.datetime | None | Unset): An ISO 8601 timestamp, or null.
        updated_at (datetime.datetime | None | Unset): An ISO 8601 timestamp, or null.
        routing_config_id (UUID | Unset): A UUID (versions 1 to 8, the nil UUID, or the max UUID in lower case).
        name (str | Unset):
        description (str | Unset):
        routing_type (str | Unset): Routing strategy, for example `linear`; the values of the round robin and grouped
            modes are not documented.
        priority (int | Unset): A signed 32-bit integer.
        is_active (bool | Unset):
        agents (list[RoutingAgent] | Unset):
    """

    id: UUID = _attrs_field(metadata=json_key("id", UUID_STRING, 0))
    created_at: datetime.datetime | None | Unset = _attrs_field(
        default=UNSET, metadata=json_key("createdAt", union_kind(DATETIME, NULL), 1)
    )
    updated_at: datetime.datetime | None | Unset = _attrs_field(
        default=UNSET, metadata=json_key("updatedAt", union_kind(DATETIME, NULL), 2)
    )
    routing_config_id: UUID | Unset = _attrs_field(default=UNSET, metadata=json_key("routingConfigId", UUID_STRING, 3))
    name: str | Unset = _attrs_field(default=UNSET, metadata=json_key("name", STRING, 4))
    description: str | Unset = _attrs_field(default=UNSET, metadata=json_key("description", STRING, 5))
    routing_type: str | Unset = _attrs_field(default=UNSET, metadata=json_key("routingType", STRING, 6))
    priority: int | Unset = _attrs_field(default=UNSET, metadata=json_key("priority", INTEGER, 7))
    is_active: bool | Unset = _attrs_field(default=UNSET, metadata=json_key("isActive", BOOLEAN, 8))
    agents: list[RoutingAgent] | Unset = _attrs_field(
        default=UNSET, metadata=json_key("agents", list_kind(model_kind("RoutingAgent")), 9)
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
