"""Over real HTTP, against the mock server: its fault injection, its rate limit and its real
error bodies, counted on both sides (the server's request count, the client's waits)."""

from __future__ import annotations

import uuid

import pytest

from carecycle_client import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)

from .exposure import everything_about
from .flavours import MakeApi, Waits
from .mock_server import Mock


def test_a_campaign_is_read_with_the_fields_the_spec_lacks(mock: Mock, make_api: MakeApi) -> None:
    response = mock.api(make_api).get(mock.campaign.id, include_client=True)
    campaign = response.campaign
    assert str(campaign.id) == mock.campaign.id
    assert campaign["outboundEnabled"] is True
    assert campaign["softphoneHandoffStrategy"] == {"mode": "ring-all"}
    assert campaign.transfer_config
    assert campaign.transfer_config["ringTimeoutSeconds"] == 25
    assert campaign.client
    assert str(campaign.client.id) == mock.read_write_key.organisation_id
    assert response.to_dict()["campaign"]["outboundEnabled"] is True


def test_a_status_update_round_trips(mock: Mock, make_api: MakeApi) -> None:
    api = mock.api(make_api)
    arguments = {"customer_id": mock.enrollment.customer_id, "campaign_id": mock.campaign.id}
    first = api.update(**arguments, status="completed")
    again = api.update(**arguments, status="completed")
    assert (first.previous_status, first.new_status) == (mock.enrollment.status, "completed")
    assert str(first.customer_campaign_id) == mock.enrollment.id
    assert (again.previous_status, again.new_status) == ("completed", "completed")


def test_faults_are_retried_with_the_waits_the_server_asks(
    mock: Mock, make_api: MakeApi, waits: Waits
) -> None:
    mock.inject(
        {"status": 500},
        {"status": 429, "retryAfter": 2},
        {"drop": True},
        {},
        api_key=mock.read_write_key.key,
    )
    response = mock.api(make_api, max_retries=3).get(mock.campaign.id)
    assert str(response.campaign.id) == mock.campaign.id
    assert mock.requests_seen(mock.read_write_key.key) == 4
    assert len(waits.seconds) == 3
    assert 0.375 <= waits.seconds[0] <= 0.5  # backoff
    assert waits.seconds[1] == 2  # the 429's retryAfter
    assert 1.5 <= waits.seconds[2] <= 2  # backoff again, doubled


def test_retries_stop_at_max_retries(mock: Mock, make_api: MakeApi, waits: Waits) -> None:
    mock.inject(*[{"status": 500}] * 5, api_key=mock.read_write_key.key)
    with pytest.raises(InternalServerError) as raised:
        mock.api(make_api).get(mock.campaign.id)
    assert raised.value.code == "INTERNAL_ERROR"
    assert mock.requests_seen(mock.read_write_key.key) == 3
    assert len(waits.seconds) == 2


def test_a_dropped_connection_is_a_connection_error(mock: Mock, make_api: MakeApi) -> None:
    mock.inject({"drop": True}, {"drop": True}, api_key=mock.read_write_key.key)
    with pytest.raises(APIConnectionError) as raised:
        mock.api(make_api, max_retries=1).get(mock.campaign.id)
    assert type(raised.value) is APIConnectionError
    assert mock.requests_seen(mock.read_write_key.key) == 2


def test_a_slow_response_times_out_and_is_retried(mock: Mock, make_api: MakeApi) -> None:
    mock.inject({"delay": 1}, {}, api_key=mock.read_write_key.key)
    response = mock.api(make_api, timeout=0.2).get(mock.campaign.id)
    assert str(response.campaign.id) == mock.campaign.id
    assert mock.requests_seen(mock.read_write_key.key) == 2


def test_a_slow_response_without_retries_is_a_timeout_error(mock: Mock, make_api: MakeApi) -> None:
    mock.inject({"delay": 1}, api_key=mock.read_write_key.key)
    with pytest.raises(APITimeoutError):
        mock.api(make_api, timeout=0.2, max_retries=0).get(mock.campaign.id)


@pytest.mark.parametrize(
    "expected",
    [
        (400, BadRequestError, "BAD_REQUEST"),
        (401, AuthenticationError, "UNAUTHORIZED"),
        (403, PermissionDeniedError, "FORBIDDEN"),
        (404, NotFoundError, "NOT_FOUND"),
        (422, UnprocessableEntityError, "VALIDATION_ERROR"),
    ],
)
def test_injected_client_errors_are_not_retried(
    mock: Mock, make_api: MakeApi, waits: Waits, expected: tuple[int, type[APIStatusError], str]
) -> None:
    status, error_class, code = expected
    mock.inject({"status": status}, api_key=mock.read_write_key.key)
    with pytest.raises(error_class) as raised:
        mock.api(make_api).get(mock.campaign.id)
    assert (raised.value.status_code, raised.value.code) == (status, code)
    assert raised.value.message == "Injected fault"
    assert mock.requests_seen(mock.read_write_key.key) == 1
    assert waits.seconds == []


def test_an_unknown_key_is_an_authentication_error(mock: Mock, make_api: MakeApi) -> None:
    wrong_key = f"cc_unknown_{uuid.uuid4().hex}"
    with pytest.raises(AuthenticationError) as raised:
        mock.api(make_api, api_key=wrong_key).get(mock.campaign.id)
    assert raised.value.code == "UNAUTHORIZED"
    assert mock.requests_seen(wrong_key) == 1


def test_a_read_only_key_may_not_update(mock: Mock, make_api: MakeApi) -> None:
    api = mock.api(make_api, api_key=mock.read_only_key.key)
    with pytest.raises(PermissionDeniedError) as raised:
        api.update(
            customer_id=mock.enrollment.customer_id, campaign_id=mock.campaign.id, status="failed"
        )
    assert raised.value.code == "FORBIDDEN"
    assert mock.requests_seen(mock.read_only_key.key) == 1


def test_a_campaign_of_nobody_is_not_found(mock: Mock, make_api: MakeApi) -> None:
    with pytest.raises(NotFoundError) as raised:
        mock.api(make_api).get(str(uuid.uuid4()))
    assert (raised.value.code, raised.value.message) == ("NOT_FOUND", "Campaign not found")
    assert mock.requests_seen(mock.read_write_key.key) == 1


def test_a_non_terminal_status_is_a_bad_request(mock: Mock, make_api: MakeApi) -> None:
    with pytest.raises(BadRequestError) as raised:
        mock.api(make_api).update(
            customer_id=mock.enrollment.customer_id, campaign_id=mock.campaign.id, status="pending"
        )
    assert raised.value.code == "STATUS_NOT_TERMINAL"
    assert mock.requests_seen(mock.read_write_key.key) == 1


def test_an_invalid_status_is_unprocessable_with_its_issues(mock: Mock, make_api: MakeApi) -> None:
    with pytest.raises(UnprocessableEntityError) as raised:
        mock.api(make_api).update(
            customer_id=mock.enrollment.customer_id, campaign_id=mock.campaign.id, status="bogus"
        )
    assert raised.value.code == "VALIDATION_ERROR"
    assert [issue.path for issue in raised.value.errors] == [["status"]]
    assert mock.requests_seen(mock.read_write_key.key) == 1


def test_over_the_rate_limit_a_long_wait_is_not_retried(
    limited: Mock, make_api: MakeApi, waits: Waits
) -> None:
    api = limited.api(make_api, max_retry_wait=10)
    api.get(limited.campaign.id)
    api.get(limited.campaign.id)
    with pytest.raises(RateLimitError) as raised:
        api.get(limited.campaign.id)
    assert raised.value.code == "RATE_LIMIT_EXCEEDED"
    assert raised.value.retry_after is not None
    assert 10 < raised.value.retry_after <= 60
    assert limited.requests_seen(limited.read_write_key.key) == 3
    assert waits.seconds == []


def test_over_the_rate_limit_the_requested_wait_is_waited(
    limited: Mock, make_api: MakeApi, waits: Waits
) -> None:
    api = limited.api(make_api, max_retries=1)
    api.get(limited.campaign.id)
    api.get(limited.campaign.id)
    with pytest.raises(RateLimitError) as raised:
        api.get(limited.campaign.id)  # the sleep is recorded, not waited: still limited after it
    assert waits.seconds == [raised.value.retry_after]
    assert limited.requests_seen(limited.read_write_key.key) == 4


def test_the_key_is_in_no_error_from_the_server(mock: Mock, make_api: MakeApi) -> None:
    mock.inject({"status": 500}, {"drop": True}, {"delay": 1}, api_key=mock.read_write_key.key)
    failures: list[type[Exception]] = []
    for _ in range(3):
        with pytest.raises((APIStatusError, APIConnectionError)) as raised:
            mock.api(make_api, max_retries=0, timeout=0.2).get(mock.campaign.id)
        failures.append(type(raised.value))
        assert mock.read_write_key.key not in everything_about(raised.value)
    assert failures == [InternalServerError, APIConnectionError, APITimeoutError]
