"""The API key goes out in its header, and nowhere else: not in a repr, a str, an error, a
log line, a traceback's locals or anything the test run prints."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from carecycle_client import AuthenticatedClient, CareCycle, CareCycleError
from carecycle_client.client import ApiKeyAuth
from carecycle_client.types import ApiKey

from .examples import SEED_CAMPAIGN
from .exposure import everything_about
from .flavours import MakeApi
from .scripted import Script, reply

FAILURES: list[Any] = [
    reply(401, {"message": "Invalid API key", "code": "UNAUTHORIZED"}),
    reply(403, {"message": "Missing permission", "code": "FORBIDDEN"}),
    reply(404, {"message": "Campaign not found", "code": "NOT_FOUND"}),
    reply(422, {"message": "Invalid", "code": "VALIDATION_ERROR", "errors": []}),
    reply(429, {"message": "Slow down", "code": "RATE_LIMIT_EXCEEDED", "retryAfter": 3600}),
    reply(500, content=b"<html>oops</html>"),
    reply(200, {"campaign": {"id": "nope"}}),
    httpx.ConnectError("connection refused"),
    httpx.ReadTimeout("timed out"),
]


@pytest.fixture
def debug_logs_on_stderr(monkeypatch: pytest.MonkeyPatch, package_logs: None) -> None:
    monkeypatch.setenv("CARECYCLE_LOG", "debug")
    logging.getLogger("carecycle_client").handlers.clear()


@pytest.mark.usefixtures("debug_logs_on_stderr")
@pytest.mark.parametrize("failure", FAILURES)
def test_the_key_appears_in_no_error_log_or_output(
    make_api: MakeApi,
    api_key: str,
    failure: Any,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    script = Script(failure)
    with pytest.raises(CareCycleError) as raised:
        make_api(script, max_retries=1).get()
    seen = everything_about(raised.value)
    response = getattr(raised.value, "response", None)
    if response is not None:
        seen += repr(response.request.headers) + str(dict(response.request.headers))
    print(seen)

    captured = capsys.readouterr()
    output = "\n".join([seen, caplog.text, captured.out, captured.err])
    assert script.requests[0].headers["x-api-key"] == api_key  # it was sent
    assert "GET /v2/campaigns/" in captured.err  # CARECYCLE_LOG printed the attempts
    assert api_key not in output
    assert api_key[3:-4] not in output


def test_the_key_does_not_leak_from_a_real_connection_failure(api_key: str) -> None:
    """Over a real socket: httpx's and httpcore's own frames hold the raw request headers."""
    carecycle = CareCycle(api_key, base_url="http://127.0.0.1:9", max_retries=0)
    with carecycle, pytest.raises(CareCycleError) as raised:
        carecycle.campaigns.get("497f6eca-6276-4993-bfeb-53cbbbba6f08")
    assert raised.value.__context__ is None
    assert api_key not in everything_about(raised.value)


def test_the_key_does_not_leak_from_a_construction_error(api_key: str) -> None:
    with pytest.raises(ValueError, match="max_retries") as raised:
        CareCycle(api_key, max_retries=-1)
    assert api_key not in everything_about(raised.value)


def test_reprs_show_the_masked_key_only(api_key: str) -> None:
    carecycle = CareCycle(api_key)
    client = AuthenticatedClient(token=api_key)
    shown = [repr(carecycle), repr(carecycle.client), repr(client), str(client.token)]
    shown += [repr(ApiKeyAuth(client.token)), repr(ApiKey(api_key)), str(ApiKey(api_key))]
    for text in shown:
        assert api_key not in text
        assert f"cc_...{api_key[-4:]}" in text


def test_a_short_key_is_not_shown_at_all() -> None:
    assert ApiKey("cc_shortkey").masked == "..."


def test_the_key_is_sent_in_its_header_without_prefix(make_api: MakeApi, api_key: str) -> None:
    script = Script(reply(200, SEED_CAMPAIGN))
    make_api(script).get()
    make_api(script).get_detailed()
    for request in script.requests:
        assert request.headers["x-api-key"] == api_key
        assert "authorization" not in request.headers


def test_the_key_is_masked_on_the_request_after_the_response(api_key: str) -> None:
    script = Script(reply(200, SEED_CAMPAIGN))
    client = AuthenticatedClient(token=api_key, httpx_args={"transport": script.transport})
    with client:
        response = client.send({"method": "get", "url": "/v2/campaigns/x"})
    assert response.request.headers["x-api-key"] == f"cc_...{api_key[-4:]}"
    assert script.requests[0].headers["x-api-key"] == api_key
