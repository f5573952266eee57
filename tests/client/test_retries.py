"""Retries: which failures, how often, how long between (through the injected sleep, never
wall time), and which failures are final at once."""

from __future__ import annotations

import email.utils
import json
import logging
import random
import re

import httpx
import pytest

from carecycle_client import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CareCycle,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from carecycle_client.client import retry_wait

from .examples import SEED_CAMPAIGN
from .flavours import MakeApi, Waits
from .scripted import Script, reply

OK = reply(200, SEED_CAMPAIGN)


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retryable_statuses_are_retried_until_success(make_api: MakeApi, status: int) -> None:
    script = Script(reply(status, {"message": "failed", "code": "X"}), reply(status, {}), OK)
    assert make_api(script).get().campaign.name == "string"
    assert len(script.requests) == 3


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (422, UnprocessableEntityError),
    ],
)
def test_other_client_errors_are_not_retried(
    make_api: MakeApi, waits: Waits, status: int, error_class: type[Exception]
) -> None:
    script = Script(reply(status, {"message": "no", "code": "NO"}), OK)
    with pytest.raises(error_class):
        make_api(script).get()
    assert len(script.requests) == 1
    assert waits.seconds == []


def test_the_last_failure_is_raised_after_max_retries(make_api: MakeApi, waits: Waits) -> None:
    script = Script(reply(503, {"message": "down", "code": "UNAVAILABLE"}))
    with pytest.raises(InternalServerError):
        make_api(script).get()
    assert len(script.requests) == 3  # the default: two retries
    assert len(waits.seconds) == 2


@pytest.mark.parametrize("max_retries", [0, 1, 4])
def test_max_retries_per_client(make_api: MakeApi, max_retries: int) -> None:
    script = Script(reply(500, {}))
    with pytest.raises(InternalServerError):
        make_api(script, max_retries=max_retries).get()
    assert len(script.requests) == max_retries + 1


@pytest.mark.parametrize("max_retries", [0, 3])
def test_max_retries_per_call_wins_over_the_client(make_api: MakeApi, max_retries: int) -> None:
    script = Script(reply(500, {}))
    with pytest.raises(InternalServerError):
        make_api(script, max_retries=1).get(max_retries=max_retries)
    assert len(script.requests) == max_retries + 1


def test_backoff_doubles_with_at_most_a_quarter_of_jitter(make_api: MakeApi, waits: Waits) -> None:
    with pytest.raises(InternalServerError):
        make_api(Script(reply(500, {})), max_retries=6).get()
    assert len(waits.seconds) == 6
    for wait, full in zip(waits.seconds, [0.5, 1, 2, 4, 8, 8], strict=True):
        assert full * 0.75 <= wait <= full


def test_jitter_takes_up_to_a_quarter_off_each_wait(
    make_api: MakeApi, waits: Waits, monkeypatch: pytest.MonkeyPatch
) -> None:
    draws = iter([0.0, 1.0, 0.5])
    monkeypatch.setattr(random, "random", lambda: next(draws))
    with pytest.raises(InternalServerError):
        make_api(Script(reply(500, {})), max_retries=3).get()
    assert waits.seconds == [0.5, 0.75, 1.75]


def test_429_waits_the_body_retry_after(make_api: MakeApi, waits: Waits) -> None:
    script = Script(
        reply(429, {"message": "slow", "code": "RATE_LIMIT_EXCEEDED", "retryAfter": 7}), OK
    )
    make_api(script).get()
    assert waits.seconds == [7]
    assert len(script.requests) == 2


def test_a_retry_after_header_in_seconds_is_honoured(make_api: MakeApi, waits: Waits) -> None:
    make_api(Script(reply(503, {}, headers={"Retry-After": "3"}), OK)).get()
    assert waits.seconds == [3]


def test_a_negative_retry_after_is_no_wait(make_api: MakeApi, waits: Waits) -> None:
    """A wait that ended before it began, as a Retry-After date in the past: 0, not "none"."""
    body = {"message": "slow", "code": "RATE_LIMIT_EXCEEDED", "retryAfter": -5}
    script = Script(reply(429, body), OK)
    make_api(script).get()
    assert waits.seconds == [0]
    with pytest.raises(RateLimitError) as raised:
        make_api(Script(reply(429, body)), max_retries=0).get()
    assert raised.value.retry_after == 0


def test_the_longer_of_body_and_header_is_waited(make_api: MakeApi, waits: Waits) -> None:
    make_api(Script(reply(429, {"retryAfter": 2}, headers={"Retry-After": "5"}), OK)).get()
    assert waits.seconds == [5]


def test_a_retry_after_http_date_is_waited_until() -> None:
    response = httpx.Response(
        429, headers={"Retry-After": email.utils.formatdate(1_000_030, usegmt=True)}
    )
    assert retry_wait(1, response, max_retry_wait=60, now=1_000_000) == 30
    assert retry_wait(1, response, max_retry_wait=60, now=1_000_040) == 0


def test_a_wait_longer_than_the_cap_raises_at_once(make_api: MakeApi, waits: Waits) -> None:
    body = {"message": "Rate limit exceeded", "code": "RATE_LIMIT_EXCEEDED", "retryAfter": 61}
    script = Script(reply(429, body), OK)
    with pytest.raises(RateLimitError) as raised:
        make_api(script).get()
    assert raised.value.retry_after == 61
    assert len(script.requests) == 1
    assert waits.seconds == []


def test_the_cap_is_configurable(make_api: MakeApi, waits: Waits) -> None:
    script = Script(reply(429, {"retryAfter": 90}), OK)
    make_api(script, max_retry_wait=120, deadline=300).get()
    assert waits.seconds == [90]


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("connection refused"),
        httpx.RemoteProtocolError("server disconnected"),
        httpx.ReadError("connection reset"),
    ],
)
def test_connection_failures_are_retried(make_api: MakeApi, failure: Exception) -> None:
    script = Script(failure, OK)
    make_api(script).get()
    assert len(script.requests) == 2


def test_timeouts_are_retried(make_api: MakeApi) -> None:
    script = Script(httpx.ReadTimeout("timed out"), httpx.ConnectTimeout("timed out"), OK)
    make_api(script).get()
    assert len(script.requests) == 3


def test_no_response_after_the_retries_is_a_connection_error(make_api: MakeApi) -> None:
    script = Script(httpx.ConnectError("[Errno 111] Connection refused"))
    with pytest.raises(APIConnectionError) as raised:
        make_api(script).get()
    assert type(raised.value) is APIConnectionError
    assert "ConnectError: [Errno 111] Connection refused" in str(raised.value)
    assert raised.value.__cause__ is None
    assert raised.value.__context__ is None
    assert len(script.requests) == 3


def test_no_response_in_time_is_a_timeout_error(make_api: MakeApi) -> None:
    with pytest.raises(APITimeoutError, match="no response in time"):
        make_api(Script(httpx.ReadTimeout("timed out")), max_retries=1).get()


def test_the_patch_is_retried_like_the_get(make_api: MakeApi) -> None:
    update = {
        "success": True,
        "previousStatus": "completed",
        "newStatus": "completed",
        "customerCampaignId": "36ca8d1d-3d3d-48cf-bd1f-a796d8849d75",
    }
    script = Script(httpx.ReadTimeout("timed out"), reply(200, update))
    result = make_api(script).update(
        customer_id="87d8e330-2878-4742-a86f-dbbb3bf522ac",
        campaign_id="13f8bf6d-dc27-4a04-bffe-6e5b13c19ddf",
        status="completed",
    )
    assert result.previous_status == result.new_status == "completed"
    first, second = script.requests
    assert first.content == second.content
    assert json.loads(second.content)["status"] == "completed"


def test_generated_functions_retry_too(make_api: MakeApi) -> None:
    script = Script(reply(500, {}), reply(429, {"retryAfter": 1}), OK)
    response = make_api(script).get_detailed()
    assert response.status_code == 200
    assert len(script.requests) == 3


def test_generated_functions_return_the_last_response_after_retries(make_api: MakeApi) -> None:
    script = Script(reply(500, {"message": "down", "code": "INTERNAL_ERROR"}))
    response = make_api(script).get_detailed(max_retries=1)
    assert response.status_code == 500
    assert len(script.requests) == 2


def test_retries_and_attempts_are_logged(
    make_api: MakeApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="carecycle_client")
    make_api(Script(reply(503, {}), reply(429, {"retryAfter": 4}), OK)).get()
    logged = [record.getMessage() for record in caplog.records if record.name == "carecycle_client"]
    # Every line ends with the call's request id, the same for its retries.
    ids = {re.sub(r".* \[request id ([^\]]+)\]$", r"\1", message) for message in logged}
    assert len(ids) == 1
    suffix = f" [request id {ids.pop()}]"
    messages = [message.removesuffix(suffix) for message in logged]
    path = "GET /v2/campaigns/497f6eca-6276-4993-bfeb-53cbbbba6f08"
    assert messages[0].startswith(f"{path} -> 503 in ")
    assert messages[1].startswith(f"{path} -> 503: retry 1 of 2 in 0.")
    assert messages[3] == f"{path} -> 429: retry 2 of 2 in 4.00 s"
    assert messages[4].startswith(f"{path} -> 200 in ")
    assert messages[4].endswith(" ms")
    assert len(messages) == 5


def test_a_wait_over_the_cap_is_logged(caplog: pytest.LogCaptureFixture, api_key: str) -> None:
    caplog.set_level(logging.INFO, logger="carecycle_client")
    script = Script(reply(429, {"retryAfter": 600}))
    with CareCycle(api_key, transport=script.transport) as carecycle, pytest.raises(RateLimitError):
        carecycle.campaigns.get("497f6eca-6276-4993-bfeb-53cbbbba6f08")
    assert "not retried, the server asks to wait longer than max_retry_wait" in caplog.text
