# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._fields import ANY, NUMBER, STRING, json_key, json_rest, list_kind, model_kind
from .._lazy_model import JsonModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dynamic_transfer_options_body import DynamicTransferOptionsBody
    from ..models.dynamic_transfer_options_headers import DynamicTransferOptionsHeaders
    from ..models.success_condition import SuccessCondition


@_attrs_define
class DynamicTransferOptions(JsonModel):
    """Where a dynamic transfer asks for the number to transfer to.

    Attributes:
        ping_url (str | Unset):
        method (str | Unset): HTTP method of the ping, for example `GET`; the other values are not documented.
        timeout (float | Unset):
        headers (DynamicTransferOptionsHeaders | Unset):
        body (DynamicTransferOptionsBody | Unset): The body the ping sends; the type of its values is not documented.
        transfer_number_field (str | Unset):
        transfer_number (str | Unset):
        success_conditions (list[SuccessCondition] | Unset):
    """

    ping_url: str | Unset = _attrs_field(default=UNSET, metadata=json_key("pingUrl", STRING, 0))
    method: str | Unset = _attrs_field(default=UNSET, metadata=json_key("method", STRING, 1))
    timeout: float | Unset = _attrs_field(default=UNSET, metadata=json_key("timeout", NUMBER, 2))
    headers: DynamicTransferOptionsHeaders | Unset = _attrs_field(
        default=UNSET, metadata=json_key("headers", model_kind("DynamicTransferOptionsHeaders"), 3)
    )
    body: DynamicTransferOptionsBody | Unset = _attrs_field(
        default=UNSET, metadata=json_key("body", model_kind("DynamicTransferOptionsBody"), 4)
    )
    transfer_number_field: str | Unset = _attrs_field(
        default=UNSET, metadata=json_key("transferNumberField", STRING, 5)
    )
    transfer_number: str | Unset = _attrs_field(default=UNSET, metadata=json_key("transferNumber", STRING, 6))
    success_conditions: list[SuccessCondition] | Unset = _attrs_field(
        default=UNSET, metadata=json_key("successConditions", list_kind(model_kind("SuccessCondition")), 7)
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
