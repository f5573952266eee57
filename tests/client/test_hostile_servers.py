"""The client against misbehaving servers on loopback (`loopback.LoopbackServer`), in both
flavours, through the facade and the generated functions.

Whatever a server sends, a call ends within its bounds (an attempt's timeout, the call's
deadline, max_response_size), raises nothing but a CareCycleError subclass, and shows the
key nowhere: not in a str, repr, traceback with locals, pickle, log line or request object.
"""

from __future__ import annotations

import asyncio
import copy
import gzip
import json
import logging
import pickle
import socket
import sys
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import httpx
import pytest

import carecycle_client
from carecycle_client import (
    UNSET,
    APIConnectionError,
    APIResponseTooLargeError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    CareCycle,
    CareCycleError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    RedirectError,
    UnexpectedStatus,
    UnprocessableEntityError,
    Unset,
)
from carecycle_client.api.campaigns import get_campaign
from carecycle_client.api.customers import update_customer_campaign_status
from carecycle_client.models import UpdateCustomerCampaignStatusRequest
from carecycle_client.types import Response
from tests.repository import SPEC

from .examples import SEED_CAMPAIGN
from .exposure import everything_about
from .flavours import Api, MakeApi, Waits
from .loopback import LoopbackServer, answer, huge, redirect, silence, trickle

# A bound plus what a loaded two-core machine may add to it: the calls below would run for
# HOLD_SECONDS (20 s) without the bound.
SLACK = 3.0


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[LoopbackServer, LoopbackServer]]:
    origin, elsewhere = LoopbackServer(), LoopbackServer()
    yield origin, elsewhere
    origin.close()
    elsewhere.close()


@pytest.fixture
def origin(servers: tuple[LoopbackServer, LoopbackServer]) -> LoopbackServer:
    """The API's server: the base URL points at it."""
    return servers[0]


@pytest.fixture
def elsewhere(servers: tuple[LoopbackServer, LoopbackServer]) -> LoopbackServer:
    """Another origin (another port), where redirects may point."""
    return servers[1]


@pytest.fixture
def api(make_api: MakeApi, origin: LoopbackServer) -> Callable[..., Api]:
    def make(**settings: Any) -> Api:
        return make_api(base_url=origin.url, **settings)

    return make


def outcome(call: Callable[[], Any]) -> tuple[Any, float]:
    """What a call returned or raised, and how long it took."""
    started = time.monotonic()
    try:
        result = call()
    except Exception as error:  # what escapes is the point
        result = error
    return result, time.monotonic() - started


E = TypeVar("E", bound=CareCycleError)


def failure(call: Callable[[], Any], expected: type[E]) -> E:
    result, _ = outcome(call)
    assert isinstance(result, expected), f"expected {expected.__name__}, got {result!r}"
    return result


def the_key_is_nowhere_in(error: BaseException, api_key: str) -> None:
    """Not in its str, repr, traceback with locals, pickle, nor any request it can reach."""
    seen = [everything_about(error)]
    seen.append(str(pickle.loads(pickle.dumps(error))))
    assert api_key.encode() not in pickle.dumps(error)
    response = getattr(error, "response", None)
    if isinstance(response, httpx.Response):
        for each in [*response.history, response]:
            seen.append(repr(dict(each.request.headers)))
        if response.next_request is not None:
            seen.append(repr(dict(response.next_request.headers)))
    assert api_key not in "\n".join(seen)


# Every failure is a CareCycleError


def nested(depth: int) -> bytes:
    return b'{"campaign": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("depth", [1_000, 100_000])
@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (200, APIResponseValidationError),
        (422, UnprocessableEntityError),
        (500, InternalServerError),
    ],
)
def test_a_body_nested_deeply_is_explained(
    api: Callable[..., Api],
    origin: LoopbackServer,
    depth: int,
    status: int,
    error_class: type[CareCycleError],
) -> None:
    origin.serve(answer(status, raw=nested(depth)))
    error = failure(lambda: api(max_retries=0).get(), error_class)
    if isinstance(error, APIStatusError):
        # Past orjson's 1024 levels the body is not JSON the client reads: the status says enough.
        assert (error.body is None) == (depth > 1024)
    else:
        assert "nested too deeply" in str(error) or "expected an object" in str(error)
    detailed, _ = outcome(lambda: api().get_detailed(max_retries=0))
    if status == 200:
        assert isinstance(detailed, APIResponseValidationError)
    else:
        assert isinstance(detailed, Response)
        assert detailed.status_code == status
        assert detailed.parsed is None


@pytest.mark.parametrize(
    ("encoding", "content", "reason"),
    [
        ("gzip", b"this is not gzip", "the body is not valid gzip"),
        ("deflate", b"nor deflate", "the body is not valid deflate"),
        ("gzip", gzip.compress(b'{"campaign": {}}')[:-9], "the stream ends early"),
        ("br", b"\x1b\x00", "Content-Encoding 'br' is not one the client asked for"),
        ("gzip, gzip", b"", "is not one the client asked for"),
    ],
)
def test_a_body_that_is_not_what_its_content_encoding_says_is_explained(
    api: Callable[..., Api], origin: LoopbackServer, encoding: str, content: bytes, reason: str
) -> None:
    origin.serve(answer(200, raw=content, headers={"content-encoding": encoding}))
    error = failure(lambda: api().get(), APIResponseValidationError)
    assert reason in str(error)
    assert len(origin.requests) == 1  # not retried: a second try gets the same bytes
    assert isinstance(outcome(lambda: api().get_detailed())[0], APIResponseValidationError)


def test_an_empty_body_that_says_gzip_is_an_empty_body(
    api: Callable[..., Api], origin: LoopbackServer
) -> None:
    origin.serve(answer(404, raw=b"", headers={"content-encoding": "gzip"}))
    error = failure(lambda: api().get(), NotFoundError)
    assert error.body is None


def test_a_gzipped_body_is_read(api: Callable[..., Api], origin: LoopbackServer) -> None:
    content = gzip.compress(json.dumps(SEED_CAMPAIGN).encode())
    origin.serve(answer(200, raw=content, headers={"content-encoding": "gzip"}))
    assert api().get().campaign.name == SEED_CAMPAIGN["campaign"]["name"]
    assert origin.requests[0].headers["accept-encoding"] == "gzip, deflate"


def test_a_redirect_loop_is_a_redirect_error(
    api: Callable[..., Api], origin: LoopbackServer
) -> None:
    origin.serve(redirect(f"{origin.url}/v2/campaigns/again"))
    error = failure(lambda: api(follow_redirects=True).get(), RedirectError)
    assert "too many redirects" in str(error)
    assert len(origin.requests) == 11  # the first and the ten redirects the client follows
    detailed, _ = outcome(lambda: api().get_detailed(follow_redirects=True))
    assert isinstance(detailed, Response)
    assert detailed.status_code == 302


def test_a_redirect_the_client_does_not_follow_says_so(
    api: Callable[..., Api], origin: LoopbackServer
) -> None:
    origin.serve(redirect("/v2/campaigns/moved", status=301))
    error = failure(lambda: api().get(), RedirectError)
    assert "a redirect to '/v2/campaigns/moved'" in str(error)
    assert "follow_redirects=True" in str(error)
    assert error.status_code == 301


@pytest.mark.parametrize("status", [599, 299, 600])
def test_a_status_the_standard_does_not_list_is_read_by_every_detailed_function(
    api: Callable[..., Api], origin: LoopbackServer, status: int
) -> None:
    origin.serve(answer(status, {"message": "odd"}))
    body = UpdateCustomerCampaignStatusRequest.from_dict(
        {"customerId": str(uuid.uuid4()), "campaignId": str(uuid.uuid4()), "status": "completed"}
    )
    client = api()._authenticated_client(max_retries=0)
    campaign_id = uuid.UUID(SEED_CAMPAIGN["campaign"]["id"])
    responses: list[Response[Any]] = [
        get_campaign.sync_detailed(campaign_id, client=client),
        update_customer_campaign_status.sync_detailed(client=client, body=body),
    ]

    async def both() -> list[Response[Any]]:
        return [
            await get_campaign.asyncio_detailed(campaign_id, client=client),
            await update_customer_campaign_status.asyncio_detailed(client=client, body=body),
        ]

    responses += asyncio.run(both())
    for response in responses:
        assert response.status_code == status
        assert response.parsed is None
    strict = api()._authenticated_client(max_retries=0, raise_on_unexpected_status=True)
    with pytest.raises(UnexpectedStatus):
        get_campaign.sync_detailed(campaign_id, client=strict)
    if status >= 300:
        failure(lambda: api(max_retries=0).get(), APIStatusError)


def test_a_huge_integer_is_described_as_one(
    api: Callable[..., Api], origin: LoopbackServer
) -> None:
    origin.serve(answer(200, raw=b'{"campaign": ' + b"7" * 5000 + b"}"))
    error = failure(lambda: api().get(), APIResponseValidationError)
    assert "an integer of more digits than Python reads" in str(error)
    assert "not JSON" not in str(error)


def test_a_body_that_is_not_json_says_why(api: Callable[..., Api], origin: LoopbackServer) -> None:
    origin.serve(answer(200, raw=b"<html>hello</html>"))
    error = failure(lambda: api().get(), APIResponseValidationError)
    assert "the body is not JSON (Expecting value: line 1 column 1" in str(error)


@pytest.mark.parametrize(
    ("call", "argument", "error_class"),
    [
        (
            lambda api: api.get(12345),
            "campaign_id must be a UUID or its string, got int",
            TypeError,
        ),
        (lambda api: api.get("nope"), "campaign_id must be a UUID, got 'nope'", ValueError),
        (lambda api: api.get(include_client="yes"), "include_client must be a bool", TypeError),
        (lambda api: api.get(max_retries="2"), "max_retries must be an int", TypeError),
        (lambda api: api.get(timeout="5"), "timeout must be seconds", TypeError),
        (lambda api: api.get(deadline=-1), "deadline must be positive seconds", ValueError),
        (
            lambda api: api.update(customer_id=uuid.uuid4(), campaign_id=uuid.uuid4(), status=5),
            "status must be a CustomerCampaignStatus or its string, got int",
            TypeError,
        ),
    ],
)
def test_a_wrong_argument_is_refused_at_the_call(
    api: Callable[..., Api],
    origin: LoopbackServer,
    call: Callable[[Api], Any],
    argument: str,
    error_class: type[Exception],
) -> None:
    origin.serve(answer(200, SEED_CAMPAIGN))
    with pytest.raises(error_class, match=argument):
        call(api())
    assert origin.requests == []


# The key never leaves its origin


def test_a_redirect_to_another_origin_is_sent_without_the_key(
    api: Callable[..., Api], origin: LoopbackServer, elsewhere: LoopbackServer, api_key: str
) -> None:
    origin.serve(redirect(f"{elsewhere.url}/v2/campaigns/x", status=307))
    elsewhere.serve(answer(500, {"message": "down", "code": "INTERNAL_ERROR"}))
    error = failure(lambda: api(follow_redirects=True, max_retries=0).get(), InternalServerError)
    assert origin.requests[0].headers["x-api-key"] == api_key
    assert "x-api-key" not in elsewhere.requests[0].headers
    assert error.response.request.url.port == elsewhere.port
    the_key_is_nowhere_in(error, api_key)


def test_a_redirect_within_the_origin_keeps_the_key(
    api: Callable[..., Api], origin: LoopbackServer, api_key: str
) -> None:
    served = [redirect("/v2/campaigns/moved"), answer(200, SEED_CAMPAIGN)]

    async def in_turn(*arguments: Any) -> None:
        await served[min(len(origin.requests), 2) - 1](*arguments)

    origin.serve(in_turn)
    api(follow_redirects=True).get()
    assert [request.headers["x-api-key"] for request in origin.requests] == [api_key] * 2
    assert origin.requests[1].target == "/v2/campaigns/moved"


def test_a_redirect_not_followed_reaches_no_key(
    api: Callable[..., Api], origin: LoopbackServer, elsewhere: LoopbackServer, api_key: str
) -> None:
    origin.serve(redirect(f"{elsewhere.url}/steal"))
    error = failure(lambda: api().get(), RedirectError)
    assert error.response.next_request is not None
    assert "x-api-key" not in error.response.next_request.headers
    the_key_is_nowhere_in(error, api_key)


@pytest.mark.parametrize(
    "case",
    [
        (401, {"message": "Invalid API key {key}", "code": "{key}"}, AuthenticationError),
        (429, {"message": "{key} is too fast", "retryAfter": 3600}, RateLimitError),
        (500, {"message": "boom", "detail": ["{key}"]}, InternalServerError),
        (200, {"campaign": {"id": "{key}"}, "assistants": []}, APIResponseValidationError),
        (200, {"campaign": {"{key}": 1}}, APIResponseValidationError),
        (404, {"message": "gone", "requestIdHeader": "{key}"}, NotFoundError),
    ],
)
def test_a_server_that_echoes_the_key_shows_it_masked(
    api: Callable[..., Api],
    origin: LoopbackServer,
    api_key: str,
    case: tuple[int, Any, type[CareCycleError]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    status, body, error_class = case
    caplog.set_level(logging.DEBUG, logger="carecycle_client")
    raw = json.dumps(body).replace("{key}", api_key).encode()
    # The key echoed in the headers too: as the request id, as a content encoding.
    headers = {"x-request-id": api_key} if status == 404 else {}
    if status == 200 and "id" in body["campaign"]:
        headers["content-encoding"] = api_key
    origin.serve(answer(status, raw=raw, headers=headers))
    error = failure(lambda: api(max_retries=0).get(), error_class)
    the_key_is_nowhere_in(error, api_key)
    assert api_key not in caplog.text
    masked = f"{api_key[:3]}...{api_key[-4:]}"
    if isinstance(error, APIStatusError) and status != 500:
        assert masked in str(error)
        assert api_key not in repr(error.body)
    detailed, _ = outcome(lambda: api().get_detailed(max_retries=0))
    if isinstance(detailed, BaseException):
        the_key_is_nowhere_in(detailed, api_key)


@pytest.mark.parametrize(
    ("handler", "error_class"),
    [
        (answer(404, {"message": "gone", "code": "NOT_FOUND"}), NotFoundError),
        (
            answer(
                422,
                {
                    "message": "bad",
                    "code": "VALIDATION_ERROR",
                    "errors": [{"path": ["a"], "message": "m"}],
                },
            ),
            UnprocessableEntityError,
        ),
        (
            answer(429, {"message": "slow", "code": "RATE_LIMIT_EXCEEDED", "retryAfter": 3600}),
            RateLimitError,
        ),
        (answer(200, {"campaign": {"id": "nope"}}), APIResponseValidationError),
        (huge(2 * 1024 * 1024), APIResponseTooLargeError),
        (silence, APITimeoutError),
    ],
)
def test_every_error_pickles_and_unpickles(
    api: Callable[..., Api],
    origin: LoopbackServer,
    api_key: str,
    handler: Any,
    error_class: type[CareCycleError],
) -> None:
    origin.serve(handler)
    error = failure(
        lambda: api(max_retries=0, timeout=0.3, max_response_size=1024 * 1024).get(), error_class
    )
    copied = pickle.loads(pickle.dumps(error))
    assert type(copied) is type(error)
    assert str(copied) == str(error)
    assert copied.request_id == error.request_id  # type: ignore[attr-defined]
    for name in ("status_code", "code", "body", "retry_after", "path", "reason", "limit"):
        assert getattr(copied, name, None) == getattr(error, name, None)
    if isinstance(error, UnprocessableEntityError):
        assert isinstance(copied, UnprocessableEntityError)
        assert copied.errors == error.errors
    response = getattr(copied, "response", None)
    if response is not None:
        assert response.status_code == error.response.status_code  # type: ignore[attr-defined]
        assert response.request.url == error.response.request.url  # type: ignore[attr-defined]
    the_key_is_nowhere_in(error, api_key)


def test_a_connection_failure_names_the_host_and_shows_no_key(
    make_api: MakeApi, api_key: str
) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    api = make_api(base_url=f"http://127.0.0.1:{port}", max_retries=0)
    error = failure(api.get, APIConnectionError)
    assert f"could not connect to 127.0.0.1:{port}" in str(error)
    the_key_is_nowhere_in(error, api_key)


# Every call is bounded


@pytest.mark.parametrize("in_head", [False, True], ids=["body", "head"])
def test_a_trickling_server_is_cut_off_at_the_attempts_timeout(
    api: Callable[..., Api], origin: LoopbackServer, in_head: bool, api_key: str
) -> None:
    origin.serve(trickle(interval=0.05, in_head=in_head))
    for call in (
        lambda: api(timeout=0.5, max_retries=0).get(),
        lambda: api().get_detailed(timeout=0.5, max_retries=0),
    ):
        error, took = outcome(call)
        assert isinstance(error, APITimeoutError), error
        assert took < 0.5 + SLACK
        assert "an attempt may take 0.5 s" in str(error)
        the_key_is_nowhere_in(error, api_key)


def test_a_silent_server_is_given_up_at_the_calls_deadline(
    api: Callable[..., Api], origin: LoopbackServer, waits: Waits
) -> None:
    origin.serve(silence)
    error, took = outcome(lambda: api(timeout=0.4, max_retries=10, deadline=1.0).get())
    assert isinstance(error, APITimeoutError)
    assert took < 1.0 + SLACK
    assert "no response in time" in str(error)
    assert 2 <= len(origin.requests) <= 3  # attempts of 0.4 s, the last cut at 1 s or not made
    per_call, took = outcome(lambda: api(timeout=5.0).get(deadline=0.5))
    assert isinstance(per_call, APITimeoutError)
    assert "within the call's deadline of 0.5 s" in str(per_call)
    assert took < 0.5 + SLACK
    detailed, took = outcome(lambda: api().get_detailed(timeout=5.0, deadline=0.5))
    assert isinstance(detailed, APITimeoutError)
    assert took < 0.5 + SLACK


def test_a_wait_that_would_pass_the_deadline_is_not_made(
    api: Callable[..., Api], origin: LoopbackServer, waits: Waits
) -> None:
    origin.serve(answer(429, {"message": "slow", "code": "RATE_LIMIT_EXCEEDED", "retryAfter": 5}))
    error = failure(lambda: api(deadline=2.0).get(), RateLimitError)
    assert error.retry_after == 5
    assert waits.seconds == []
    assert len(origin.requests) == 1


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip bomb"])
def test_a_huge_body_stops_at_max_response_size(
    api: Callable[..., Api], origin: LoopbackServer, gzipped: bool
) -> None:
    limit = 1024 * 1024
    origin.serve(huge(32 * 1024 * 1024, gzipped=gzipped))
    tracemalloc.start()
    try:
        error = failure(lambda: api(max_response_size=limit).get(), APIResponseTooLargeError)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * limit  # the body stops at the limit, never 32 MiB
    assert error.limit == limit
    assert "larger than max_response_size (1,048,576 bytes after decoding)" in str(error)
    assert len(origin.requests) == 1
    detailed, _ = outcome(lambda: api().get_detailed(max_response_size=limit))
    assert isinstance(detailed, APIResponseTooLargeError)


def test_a_large_body_within_the_limit_is_read(
    api: Callable[..., Api], origin: LoopbackServer
) -> None:
    campaign = copy.deepcopy(SEED_CAMPAIGN)
    campaign["campaign"]["padding"] = " " * (9 * 1024 * 1024)  # over the 8 MiB default
    origin.serve(answer(200, campaign))
    failure(lambda: api().get(), APIResponseTooLargeError)
    read = api(max_response_size=16 * 1024 * 1024).get()
    assert len(read.campaign["padding"]) == 9 * 1024 * 1024


# What the client says about itself and its requests


def test_requests_carry_the_user_agent_and_a_request_id(
    api: Callable[..., Api], origin: LoopbackServer
) -> None:
    origin.serve(answer(500, {"message": "down"}))
    error = failure(lambda: api(max_retries=2).get(), InternalServerError)
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert carecycle_client.__version__ == SPEC["info"]["version"]
    ids = set()
    for request in origin.requests:
        assert (
            request.headers["user-agent"]
            == f"carecycle-client/{SPEC['info']['version']} (python {version})"
        )
        ids.add(request.headers["x-request-id"])
    assert len(origin.requests) == 3
    assert len(ids) == 1  # one id per call, its retries included
    (request_id,) = ids
    assert str(uuid.UUID(request_id)) == request_id  # a UUID in its usual form
    assert uuid.UUID(request_id).version == 4  # a random one
    assert error.request_id == request_id
    assert f"(request id {request_id})" in str(error)


def test_the_servers_request_id_is_shown_when_it_sends_one(
    api: Callable[..., Api], origin: LoopbackServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="carecycle_client")
    origin.serve(answer(404, {"message": "gone"}, headers={"x-request-id": "server-chosen-id"}))
    error = failure(lambda: api().get(extra_headers={"x-request-id": "mine"}), NotFoundError)
    assert origin.requests[0].headers["x-request-id"] == "mine"
    assert error.request_id == "server-chosen-id"
    assert "[request id mine]" in caplog.text


def test_default_and_extra_headers_are_sent(make_api: MakeApi, origin: LoopbackServer) -> None:
    origin.serve(answer(200, SEED_CAMPAIGN))
    with CareCycle(
        "cc_test_headers_0000", base_url=origin.url, default_headers={"x-team": "a"}
    ) as carecycle:
        carecycle.campaigns.get(SEED_CAMPAIGN["campaign"]["id"], extra_headers={"x-trace": "b"})
        carecycle.campaigns.get(SEED_CAMPAIGN["campaign"]["id"], extra_headers={"x-team": "c"})
        other = carecycle.with_options(
            default_headers={"x-team": "d"},
            max_retry_wait=5.0,
            deadline=7.0,
            max_response_size=1000,
            timeout=3.0,
            max_retries=1,
        )
        assert (other.client.max_retry_wait, other.client.deadline) == (5.0, 7.0)
        assert (other.client.max_response_size, other.client.max_retries) == (1000, 1)
        failure(
            lambda: other.campaigns.get(SEED_CAMPAIGN["campaign"]["id"]), APIResponseTooLargeError
        )
    first, second, third = origin.requests
    assert (first.headers["x-team"], first.headers["x-trace"]) == ("a", "b")
    assert second.headers["x-team"] == "c"
    assert third.headers["x-team"] == "d"
    assert isinstance(UNSET, Unset)


def test_a_base_url_ending_in_the_paths_prefix_gives_a_hint(
    make_api: MakeApi, origin: LoopbackServer
) -> None:
    origin.serve(answer(404, {"message": "Not found", "code": "NOT_FOUND"}))
    error = failure(make_api(base_url=f"{origin.url}/v2").get, NotFoundError)
    assert origin.requests[0].target.startswith("/v2/v2/campaigns/")
    assert "the base URL probably ends in /v2" in str(error)
