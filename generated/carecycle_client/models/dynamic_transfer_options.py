# Generated from templates/model.py.jinja by make generate: edit that, not this file.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._lazy_model import JsonModel, LazyField
from .._parsing import JsonObject, list_of, parse_any, parse_float, parse_str
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dynamic_transfer_options_body import DynamicTransferOptionsBody
    from ..models.dynamic_transfer_options_headers import DynamicTransferOptionsHeaders
    from ..models.success_condition import SuccessCondition


T = TypeVar("T", bound="DynamicTransferOptions")


@_attrs_define
class DynamicTransferOptions(JsonModel):
    """Where a dynamic transfer asks for the number to transfer to.

    Attributes:
        ping_url (str | Unset):
        method (str | Unset): HTTP method of the ping. The page shows `GET` only; other values are not documented.
        timeout (float | Unset): `0` on the page marks a plain number.
        headers (DynamicTransferOptionsHeaders | Unset):
        body (DynamicTransferOptionsBody | Unset): The page shows `null` for each value; the value type is not
            documented.
        transfer_number_field (str | Unset):
        transfer_number (str | Unset):
        success_conditions (list[SuccessCondition] | Unset):
    """

    ping_url: str | Unset = UNSET
    method: str | Unset = UNSET
    timeout: float | Unset = UNSET
    headers: DynamicTransferOptionsHeaders | Unset = UNSET
    body: DynamicTransferOptionsBody | Unset = UNSET
    transfer_number_field: str | Unset = UNSET
    transfer_number: str | Unset = UNSET
    success_conditions: list[SuccessCondition] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "pingUrl": {"type": "string"},
            "method": {"type": "string"},
            "timeout": {"type": "number"},
            "headers": {"$ref": "#/$defs/DynamicTransferOptionsHeaders"},
            "body": {"$ref": "#/$defs/DynamicTransferOptionsBody"},
            "transferNumberField": {"type": "string"},
            "transferNumber": {"type": "string"},
            "successConditions": {"type": "array", "items": {"$ref": "#/$defs/SuccessCondition"}},
        },
        "required": [],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        ping_url = self.ping_url

        method = self.method

        timeout = self.timeout

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        body: dict[str, Any] | Unset = UNSET
        if not isinstance(self.body, Unset):
            body = self.body.to_dict()

        transfer_number_field = self.transfer_number_field

        transfer_number = self.transfer_number

        success_conditions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.success_conditions, Unset):
            success_conditions = []
            for success_conditions_item_data in self.success_conditions:
                success_conditions_item = success_conditions_item_data.to_dict()
                success_conditions.append(success_conditions_item)

        field_dict: dict[str, Any] = {}
        if ping_url is not UNSET:
            field_dict["pingUrl"] = ping_url
        if method is not UNSET:
            field_dict["method"] = method
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if headers is not UNSET:
            field_dict["headers"] = headers
        if body is not UNSET:
            field_dict["body"] = body
        if transfer_number_field is not UNSET:
            field_dict["transferNumberField"] = transfer_number_field
        if transfer_number is not UNSET:
            field_dict["transferNumber"] = transfer_number
        if success_conditions is not UNSET:
            field_dict["successConditions"] = success_conditions
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a DynamicTransferOptions from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        from ..models.dynamic_transfer_options_body import DynamicTransferOptionsBody  # noqa: PLC0415
        from ..models.dynamic_transfer_options_headers import DynamicTransferOptionsHeaders  # noqa: PLC0415
        from ..models.success_condition import SuccessCondition  # noqa: PLC0415

        fields = JsonObject(src_dict)
        dynamic_transfer_options = cls(
            ping_url=fields.optional("pingUrl", parse_str),
            method=fields.optional("method", parse_str),
            timeout=fields.optional("timeout", parse_float),
            headers=fields.optional("headers", DynamicTransferOptionsHeaders.from_dict),
            body=fields.optional("body", DynamicTransferOptionsBody.from_dict),
            transfer_number_field=fields.optional("transferNumberField", parse_str),
            transfer_number=fields.optional("transferNumber", parse_str),
            success_conditions=fields.optional("successConditions", list_of(SuccessCondition.from_dict)),
        )
        dynamic_transfer_options.additional_properties = fields.remaining(parse_any)
        return dynamic_transfer_options

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("ping_url", "pingUrl"),
        ("method", "method"),
        ("transfer_number_field", "transferNumberField"),
        ("transfer_number", "transferNumber"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        from ..models.dynamic_transfer_options_body import DynamicTransferOptionsBody  # noqa: PLC0415
        from ..models.dynamic_transfer_options_headers import DynamicTransferOptionsHeaders  # noqa: PLC0415
        from ..models.success_condition import SuccessCondition  # noqa: PLC0415

        return {
            "ping_url": LazyField("pingUrl", parse_str),
            "method": LazyField("method", parse_str),
            "timeout": LazyField("timeout", parse_float),
            "headers": LazyField("headers", DynamicTransferOptionsHeaders.from_checked),
            "body": LazyField("body", DynamicTransferOptionsBody.from_checked),
            "transfer_number_field": LazyField("transferNumberField", parse_str),
            "transfer_number": LazyField("transferNumber", parse_str),
            "success_conditions": LazyField("successConditions", list_of(SuccessCondition.from_checked)),
            "additional_properties": LazyField("", parse_any),
        }

    _spec_keys: ClassVar[dict[str, str]] = {
        "pingUrl": "ping_url",
        "method": "method",
        "timeout": "timeout",
        "headers": "headers",
        "body": "body",
        "transferNumberField": "transfer_number_field",
        "transferNumber": "transfer_number",
        "successConditions": "success_conditions",
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
