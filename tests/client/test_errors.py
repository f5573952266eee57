"""Every error status becomes its own exception with the body's fields, whatever the body."""

from __future__ import annotations

import httpx
import pytest

from carecycle_client import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CareCycleError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnexpectedStatus,
    UnprocessableEntityError,
)
from carecycle_client.models import ValidationIssue

from .flavours import MakeApi
from .scripted import Script, reply

_ID = "87d8e330-2878-4742-a86f-dbbb3bf522ac"

STATUS_ERRORS: list[tuple[int, type[APIStatusError], str]] = [
    (400, BadRequestError, "STATUS_NOT_TERMINAL"),
    (401, AuthenticationError, "UNAUTHORIZED"),
    (403, PermissionDeniedError, "FORBIDDEN"),
    (404, NotFoundError, "NOT_FOUND"),
    (409, APIStatusError, "CONFLICT"),
    (418, APIStatusError, "TEAPOT"),
    (500, InternalServerError, "INTERNAL_ERROR"),
    (503, InternalServerError, "UNAVAILABLE"),
]


@pytest.mark.parametrize(("status", "error_class", "code"), STATUS_ERRORS)
def test_each_status_raises_its_class_with_the_body_fields(
    make_api: MakeApi, status: int, error_class: type[APIStatusError], code: str
) -> None:
    body = {"message": f"went wrong with {status}", "code": code}
    with pytest.raises(APIStatusError) as raised:
        make_api(Script(reply(status, body)), max_retries=0).get()
    error = raised.value
    assert type(error) is error_class
    assert (error.status_code, error.code, error.message, error.body) == (
        status,
        code,
        f"went wrong with {status}",
        body,
    )
    assert error.response.status_code == status
    assert error.request_id == error.response.request.headers["x-request-id"]
    assert (
        str(error)
        == f"GET /v2/campaigns/497f6eca-6276-4993-bfeb-53cbbbba6f08: HTTP {status} {code}: went wrong with {status}"
        f" (request id {error.request_id})"
    )


def test_422_carries_the_parsed_validation_issues(make_api: MakeApi) -> None:
    issue = {
        "path": ["status"],
        "message": "Invalid option",
        "code": "invalid_value",
        "expected": "completed",
    }
    body = {
        "message": "Validation failed",
        "code": "VALIDATION_ERROR",
        "errors": [issue, {"path": 3}],
    }
    with pytest.raises(UnprocessableEntityError) as raised:
        make_api(Script(reply(422, body))).update(customer_id=_ID, campaign_id=_ID, status="bogus")
    assert raised.value.errors == [
        ValidationIssue.from_dict(issue)
    ]  # the malformed one is left out
    assert raised.value.errors[0].path == ["status"]
    assert raised.value.code == "VALIDATION_ERROR"


def test_429_carries_retry_after(make_api: MakeApi) -> None:
    body = {"message": "Rate limit exceeded", "code": "RATE_LIMIT_EXCEEDED", "retryAfter": 30}
    with pytest.raises(RateLimitError) as raised:
        make_api(Script(reply(429, body)), max_retries=0).get()
    assert raised.value.retry_after == 30
    assert raised.value.status_code == 429


@pytest.mark.parametrize(
    ("content", "headers"),
    [
        (b"<html><h1>502 Bad Gateway</h1></html>", {"content-type": "text/html"}),
        (b"", {}),
        (b'["not", "an", "object"]', {"content-type": "application/json"}),
        (b'{"message": 5, "code": ["x"]}', {"content-type": "application/json"}),
    ],
)
@pytest.mark.parametrize(
    ("status", "error_class"),
    [(404, NotFoundError), (502, InternalServerError), (429, RateLimitError)],
)
def test_a_malformed_error_body_still_raises_the_typed_error(
    make_api: MakeApi,
    content: bytes,
    headers: dict[str, str],
    status: int,
    error_class: type[APIStatusError],
) -> None:
    with pytest.raises(error_class) as raised:
        make_api(Script(reply(status, content=content, headers=headers)), max_retries=0).get()
    assert raised.value.status_code == status
    assert raised.value.code is None
    assert raised.value.message == httpx.codes.get_reason_phrase(status)
    assert raised.value.response.content == content


def test_a_malformed_422_has_no_issues_but_is_a_422(make_api: MakeApi) -> None:
    with pytest.raises(UnprocessableEntityError) as raised:
        make_api(
            Script(reply(422, {"message": "bad", "code": "VALIDATION_ERROR", "errors": "x"}))
        ).get()
    assert raised.value.errors == []


def test_a_malformed_429_has_no_retry_after(make_api: MakeApi) -> None:
    with pytest.raises(RateLimitError) as raised:
        make_api(
            Script(reply(429, {"message": "slow down", "retryAfter": "soon"})), max_retries=0
        ).get()
    assert raised.value.retry_after is None


def test_the_error_classes_form_the_tree_the_readme_draws() -> None:
    """The hierarchy users catch by; the README draws it from the classes (test_generate.py)."""
    tree: dict[type[Exception], type[Exception]] = {
        APIError: CareCycleError,
        APIConnectionError: APIError,
        APITimeoutError: APIConnectionError,
        APIResponseValidationError: APIError,
        APIStatusError: APIError,
        BadRequestError: APIStatusError,
        AuthenticationError: APIStatusError,
        PermissionDeniedError: APIStatusError,
        NotFoundError: APIStatusError,
        UnprocessableEntityError: APIStatusError,
        RateLimitError: APIStatusError,
        InternalServerError: APIStatusError,
        UnexpectedStatus: APIStatusError,
    }
    for error_class, parent in tree.items():
        assert error_class.__bases__ == (parent,)


def test_generated_functions_raise_unexpected_status_when_asked(make_api: MakeApi) -> None:
    api = make_api(Script(reply(409, {"message": "busy", "code": "CONFLICT"})), max_retries=0)
    assert api.get_detailed().parsed is None
    with pytest.raises(UnexpectedStatus) as raised:
        api.get_detailed(raise_on_unexpected_status=True)
    assert raised.value.status_code == 409
    assert raised.value.content == b'{"message":"busy","code":"CONFLICT"}'
