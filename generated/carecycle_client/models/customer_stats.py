# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import JsonObject, parse_any, parse_float
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.status_counts import StatusCounts


T = TypeVar("T", bound="CustomerStats")


@_attrs_define
class CustomerStats(JsonModel):
    """Counts of the campaign's customer enrollments and calls.

    Attributes:
        total (float | Unset): Number of customers enrolled (`0` on the page marks a plain number).
        total_calls (float | Unset):
        today_calls (float | Unset):
        status_counts (StatusCounts | Unset): Number of enrollments in each status. The page lists eight of the nine
            customer
            campaign statuses (`awaiting_call` is missing); counts of other statuses may
            appear as further properties (`x-carecycle-source: inferred`).
    """

    total: float | Unset = UNSET
    total_calls: float | Unset = UNSET
    today_calls: float | Unset = UNSET
    status_counts: StatusCounts | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "total": {"type": "number"},
            "totalCalls": {"type": "number"},
            "todayCalls": {"type": "number"},
            "statusCounts": {"$ref": "#/$defs/StatusCounts"},
        },
        "required": [],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        total_calls = self.total_calls

        today_calls = self.today_calls

        status_counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.status_counts, Unset):
            status_counts = self.status_counts.to_dict()

        field_dict: dict[str, Any] = {}
        if total is not UNSET:
            field_dict["total"] = total
        if total_calls is not UNSET:
            field_dict["totalCalls"] = total_calls
        if today_calls is not UNSET:
            field_dict["todayCalls"] = today_calls
        if status_counts is not UNSET:
            field_dict["statusCounts"] = status_counts
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a CustomerStats from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        from ..models.status_counts import StatusCounts  # noqa: PLC0415

        fields = JsonObject(src_dict)
        customer_stats = cls(
            total=fields.optional("total", parse_float),
            total_calls=fields.optional("totalCalls", parse_float),
            today_calls=fields.optional("todayCalls", parse_float),
            status_counts=fields.optional("statusCounts", StatusCounts.from_dict),
        )
        customer_stats.additional_properties = fields.remaining(parse_any)
        return customer_stats

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = ()

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        from ..models.status_counts import StatusCounts  # noqa: PLC0415

        return {
            "total": LazyField("total", parse_float),
            "total_calls": LazyField("totalCalls", parse_float),
            "today_calls": LazyField("todayCalls", parse_float),
            "status_counts": LazyField("statusCounts", StatusCounts.from_checked),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "total": "total",
        "totalCalls": "total_calls",
        "todayCalls": "today_calls",
        "statusCounts": "status_counts",
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
