# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import JsonObject, parse_float
from ..errors import APIResponseValidationError
from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusCounts")


@_attrs_define
class StatusCounts(JsonModel):
    """Number of enrollments in each status. The page lists eight of the nine customer
    campaign statuses (`awaiting_call` is missing); counts of other statuses may
    appear as further properties (`x-carecycle-source: inferred`).

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

    expired: float | Unset = UNSET
    failed: float | Unset = UNSET
    pending: float | Unset = UNSET
    completed: float | Unset = UNSET
    exceeded_max_calls: float | Unset = UNSET
    in_progress: float | Unset = UNSET
    cancelled: float | Unset = UNSET
    skipped: float | Unset = UNSET
    additional_properties: dict[str, float] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "expired": {"type": "number"},
            "failed": {"type": "number"},
            "pending": {"type": "number"},
            "completed": {"type": "number"},
            "exceeded_max_calls": {"type": "number"},
            "in_progress": {"type": "number"},
            "cancelled": {"type": "number"},
            "skipped": {"type": "number"},
        },
        "required": [],
        "additionalProperties": {"type": "number"},
    }

    def to_dict(self) -> dict[str, Any]:
        expired = self.expired

        failed = self.failed

        pending = self.pending

        completed = self.completed

        exceeded_max_calls = self.exceeded_max_calls

        in_progress = self.in_progress

        cancelled = self.cancelled

        skipped = self.skipped

        field_dict: dict[str, Any] = {}
        if expired is not UNSET:
            field_dict["expired"] = expired
        if failed is not UNSET:
            field_dict["failed"] = failed
        if pending is not UNSET:
            field_dict["pending"] = pending
        if completed is not UNSET:
            field_dict["completed"] = completed
        if exceeded_max_calls is not UNSET:
            field_dict["exceeded_max_calls"] = exceeded_max_calls
        if in_progress is not UNSET:
            field_dict["in_progress"] = in_progress
        if cancelled is not UNSET:
            field_dict["cancelled"] = cancelled
        if skipped is not UNSET:
            field_dict["skipped"] = skipped
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a StatusCounts from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        status_counts = cls(
            expired=fields.optional("expired", parse_float),
            failed=fields.optional("failed", parse_float),
            pending=fields.optional("pending", parse_float),
            completed=fields.optional("completed", parse_float),
            exceeded_max_calls=fields.optional("exceeded_max_calls", parse_float),
            in_progress=fields.optional("in_progress", parse_float),
            cancelled=fields.optional("cancelled", parse_float),
            skipped=fields.optional("skipped", parse_float),
        )
        status_counts.additional_properties = fields.remaining(parse_float)
        return status_counts

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = ()

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "expired": LazyField("expired", parse_float),
            "failed": LazyField("failed", parse_float),
            "pending": LazyField("pending", parse_float),
            "completed": LazyField("completed", parse_float),
            "exceeded_max_calls": LazyField("exceeded_max_calls", parse_float),
            "in_progress": LazyField("in_progress", parse_float),
            "cancelled": LazyField("cancelled", parse_float),
            "skipped": LazyField("skipped", parse_float),
            "additional_properties": LazyField("", parse_float),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "expired": "expired",
        "failed": "failed",
        "pending": "pending",
        "completed": "completed",
        "exceeded_max_calls": "exceeded_max_calls",
        "in_progress": "in_progress",
        "cancelled": "cancelled",
        "skipped": "skipped",
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
