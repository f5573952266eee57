from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JsonModel, JsonObject, LazyField, parse_any, parse_float, parse_str

T = TypeVar("T", bound="RateLimitErrorBody")


@_attrs_define
class RateLimitErrorBody(JsonModel):
    """The body of a 429 response.

    Attributes:
        message (str):
        code (str):
        retry_after (float): Seconds to wait before the next request.
    """

    message: str
    code: str
    retry_after: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "message": {"type": "string"},
            "code": {"type": "string"},
            "retryAfter": {"type": "number"},
        },
        "required": [
            "message",
            "code",
            "retryAfter",
        ],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        code = self.code

        retry_after = self.retry_after

        field_dict: dict[str, Any] = {}
        field_dict["message"] = message
        field_dict["code"] = code
        field_dict["retryAfter"] = retry_after
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a RateLimitErrorBody from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        rate_limit_error_body = cls(
            message=fields.required("message", parse_str),
            code=fields.required("code", parse_str),
            retry_after=fields.required("retryAfter", parse_float),
        )
        rate_limit_error_body.additional_properties = fields.remaining(parse_any)
        return rate_limit_error_body

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("message", "message"),
        ("code", "code"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "message": LazyField("message", parse_str, required=True),
            "code": LazyField("code", parse_str, required=True),
            "retry_after": LazyField("retryAfter", parse_float, required=True),
            "additional_properties": LazyField("", parse_any),
        }

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
