# Generated from runtime/carecycle_client/_response.py by make generate: edit that, not this file.
"""`Response`: what the generated functions return, and `status_of`, which gives any status code an HTTPStatus."""

from __future__ import annotations

from collections.abc import MutableMapping
from http import HTTPStatus
from typing import Generic, TypeVar

from attrs import define

T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint. `status_code` is an HTTPStatus even for a code the
    standard does not list (599): then a pseudo-member (see `status_of`)."""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def status_of(code: int) -> HTTPStatus:
    """`code` as an HTTPStatus. A code the standard does not list, such as 599, becomes a
    pseudo-member named UNKNOWN_599 that equals 599, rather than a ValueError."""
    try:
        return HTTPStatus(code)
    except ValueError:
        member = int.__new__(HTTPStatus, code)
        member._name_ = f"UNKNOWN_{code}"
        member._value_ = code
        vars(member).update(phrase="", description="")
        return member
