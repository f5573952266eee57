# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import JsonObject, parse_any, parse_bool
from ..types import UNSET, Unset

T = TypeVar("T", bound="CampaignFeatures")


@_attrs_define
class CampaignFeatures(JsonModel):
    """Features enabled for the campaign.

    Attributes:
        transfers (bool | Unset):
        appointments (bool | Unset):
        inquiries (bool | Unset):
        check_plan (bool | Unset):
    """

    transfers: bool | Unset = UNSET
    appointments: bool | Unset = UNSET
    inquiries: bool | Unset = UNSET
    check_plan: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "transfers": {"type": "boolean"},
            "appointments": {"type": "boolean"},
            "inquiries": {"type": "boolean"},
            "checkPlan": {"type": "boolean"},
        },
        "required": [],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        transfers = self.transfers

        appointments = self.appointments

        inquiries = self.inquiries

        check_plan = self.check_plan

        field_dict: dict[str, Any] = {}
        if transfers is not UNSET:
            field_dict["transfers"] = transfers
        if appointments is not UNSET:
            field_dict["appointments"] = appointments
        if inquiries is not UNSET:
            field_dict["inquiries"] = inquiries
        if check_plan is not UNSET:
            field_dict["checkPlan"] = check_plan
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a CampaignFeatures from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        campaign_features = cls(
            transfers=fields.optional("transfers", parse_bool),
            appointments=fields.optional("appointments", parse_bool),
            inquiries=fields.optional("inquiries", parse_bool),
            check_plan=fields.optional("checkPlan", parse_bool),
        )
        campaign_features.additional_properties = fields.remaining(parse_any)
        return campaign_features

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("transfers", "transfers"),
        ("appointments", "appointments"),
        ("inquiries", "inquiries"),
        ("check_plan", "checkPlan"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "transfers": LazyField("transfers", parse_bool),
            "appointments": LazyField("appointments", parse_bool),
            "inquiries": LazyField("inquiries", parse_bool),
            "check_plan": LazyField("checkPlan", parse_bool),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "transfers": "transfers",
        "appointments": "appointments",
        "inquiries": "inquiries",
        "checkPlan": "check_plan",
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
