from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JsonModel, JsonObject, LazyField, parse_any, parse_str

T = TypeVar("T", bound="ErrorBody")


@_attrs_define
class ErrorBody(JsonModel):
    """The body of every error response but 422 and 429.

    Attributes:
        message (str): What went wrong, for people.
        code (str): What went wrong, for programs. Documented codes (`x-carecycle-source: docs`):
            `UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND`, `VALIDATION_ERROR`,
            `RATE_LIMIT_EXCEEDED`, `INTERNAL_ERROR`. Other codes may appear.
    """

    message: str
    code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    json_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "properties": {
            "message": {"type": "string"},
            "code": {"type": "string"},
        },
        "required": [
            "message",
            "code",
        ],
        "additionalProperties": {},
    }

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict["message"] = message
        field_dict["code"] = code
        for prop_name, prop in self.additional_properties.items():
            field_dict.setdefault(prop_name, prop)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a ErrorBody from its JSON object.

        Raises:
            errors.APIResponseValidationError: Naming the first field that does not match the spec.
        """
        fields = JsonObject(src_dict)
        error_body = cls(
            message=fields.required("message", parse_str),
            code=fields.required("code", parse_str),
        )
        error_body.additional_properties = fields.remaining(parse_any)
        return error_body

    plain_fields: ClassVar[tuple[tuple[str, str], ...]] = (
        ("message", "message"),
        ("code", "code"),
    )

    @classmethod
    def lazy_fields(cls) -> dict[str, LazyField]:
        return {
            "message": LazyField("message", parse_str, required=True),
            "code": LazyField("code", parse_str, required=True),
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
