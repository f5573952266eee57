# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._fields import ANY, NUMBER, json_key, json_rest, model_kind
from .._lazy_model import JsonModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.status_counts import StatusCounts


@_attrs_define
class CustomerStats(JsonModel):
    """Counts of the campaign's customer enrollments and calls.

    Attributes:
        total (float | Unset): Number of customers enrolled.
        total_calls (float | Unset):
        today_calls (float | Unset):
        status_counts (StatusCounts | Unset): Number of enrollments in each status. Counts of other statuses (such as
            `awaiting_call`) may appear as further properties.
    """

    total: float | Unset = _attrs_field(default=UNSET, metadata=json_key("total", NUMBER, 0))
    total_calls: float | Unset = _attrs_field(default=UNSET, metadata=json_key("totalCalls", NUMBER, 1))
    today_calls: float | Unset = _attrs_field(default=UNSET, metadata=json_key("todayCalls", NUMBER, 2))
    status_counts: StatusCounts | Unset = _attrs_field(
        default=UNSET, metadata=json_key("statusCounts", model_kind("StatusCounts"), 3)
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
