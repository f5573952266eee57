# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._fields import NUMBER, json_key, json_rest
from .._lazy_model import JsonModel
from ..errors import APIResponseValidationError
from ..types import UNSET, Unset


@_attrs_define
class StatusCounts(JsonModel):
    """Number of enrollments in each status. Counts of other statuses (such as `awaiting_call`) may appear as further
    properties.

        Attributes:
            expired (float | Unset):
            failed (float | Unset):
            pending (float | Unset):
            completed (float | Unset):
            exceeded_max_calls (float | Unset):
            in_progress (float | Unset):
            cancelled (float | Unset):
            skipped (float | Unset):
    """

    expired: float | Unset = _attrs_field(default=UNSET, metadata=json_key("expired", NUMBER, 0))
    failed: float | Unset = _attrs_field(default=UNSET, metadata=json_key("failed", NUMBER, 1))
    pending: float | Unset = _attrs_field(default=UNSET, metadata=json_key("pending", NUMBER, 2))
    completed: float | Unset = _attrs_field(default=UNSET, metadata=json_key("completed", NUMBER, 3))
    exceeded_max_calls: float | Unset = _attrs_field(default=UNSET, metadata=json_key("exceeded_max_calls", NUMBER, 4))
    in_progress: float | Unset = _attrs_field(default=UNSET, metadata=json_key("in_progress", NUMBER, 5))
    cancelled: float | Unset = _attrs_field(default=UNSET, metadata=json_key("cancelled", NUMBER, 6))
    skipped: float | Unset = _attrs_field(default=UNSET, metadata=json_key("skipped", NUMBER, 7))
    additional_properties: dict[str, float] = _attrs_field(init=False, factory=dict, metadata=json_rest(NUMBER))

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def keys(self) -> list[str]:
        """The JSON keys of the fields this object has: the spec's that are set, in its order, then the others."""
        keys = [key for key, name in self._spec_keys.items() if getattr(self, name) is not UNSET]
        return keys + [key for key in self.additional_properties if key not in self._spec_keys]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __getitem__(self, key: str) -> float:
        name = self._spec_keys.get(key)
        if name is None:
            return self.additional_properties[key]
        value: Any = getattr(self, name)
        if value is UNSET:
            raise KeyError(key)
        field: float = value
        return field

    def __setitem__(self, key: str, value: float) -> None:
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

    def as_ints(self) -> dict[str, int]:
        """Every value present, by JSON key, as an int: the spec says number, but these are whole.

        Raises:
            errors.APIResponseValidationError: A value that is not a whole number.
        """
        ints: dict[str, int] = {}
        for key in self.keys():
            value = self[key]
            if isinstance(value, float) and not value.is_integer():
                raise APIResponseValidationError(f"expected a whole number, got {value!r}", path=[key])
            ints[key] = int(value)
        return ints
