"""Settings: arguments first, then the environment, then the spec; a missing key fails early."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from carecycle_client import AsyncCareCycle, AuthenticatedClient, CareCycle, CareCycleError
from carecycle_client.client import API_KEY_HEADER, DEFAULT_BASE_URL
from tests.repository import SPEC

from .examples import SEED_CAMPAIGN
from .exposure import everything_about
from .scripted import Script, reply


def test_the_default_base_url_and_key_header_come_from_the_spec() -> None:

    assert SPEC["servers"][0]["url"] == DEFAULT_BASE_URL
    scheme = SPEC["components"]["securitySchemes"]["apiKey"]
    assert (scheme["type"], scheme["in"], API_KEY_HEADER) == ("apiKey", "header", scheme["name"])


def test_the_key_and_base_url_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, api_key: str
) -> None:
    monkeypatch.setenv("CARECYCLE_API_KEY", api_key)
    monkeypatch.setenv("CARECYCLE_BASE_URL", "http://carecycle.internal:8080")
    script = Script(reply(200, SEED_CAMPAIGN))
    with CareCycle(transport=script.transport) as carecycle:
        carecycle.campaigns.get("497f6eca-6276-4993-bfeb-53cbbbba6f08")
    (request,) = script.requests
    assert str(request.url).startswith("http://carecycle.internal:8080/v2/campaigns/")
    assert request.headers[API_KEY_HEADER] == api_key


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch, api_key: str) -> None:
    monkeypatch.setenv("CARECYCLE_API_KEY", "cc_from_the_environment_0000")
    monkeypatch.setenv("CARECYCLE_BASE_URL", "http://from-the-environment")
    script = Script(reply(200, SEED_CAMPAIGN))
    with CareCycle(api_key, base_url="https://given.test", transport=script.transport) as carecycle:
        carecycle.campaigns.get("497f6eca-6276-4993-bfeb-53cbbbba6f08")
    (request,) = script.requests
    assert request.url.host == "given.test"
    assert request.headers[API_KEY_HEADER] == api_key


def test_without_environment_the_base_url_is_the_spec_server(api_key: str) -> None:
    assert CareCycle(api_key).client.base_url == DEFAULT_BASE_URL
    assert AuthenticatedClient(token=api_key).base_url == DEFAULT_BASE_URL


@pytest.mark.parametrize(
    "construct",
    [CareCycle, AsyncCareCycle, AuthenticatedClient],
)
def test_a_missing_key_fails_at_construction_naming_the_variable(construct: type) -> None:
    with pytest.raises(CareCycleError, match="CARECYCLE_API_KEY") as raised:
        construct()
    assert "<unset>" in everything_about(raised.value)  # the half-built client has a repr


@pytest.mark.parametrize("key", ["", "   "])
def test_an_empty_key_is_refused(key: str) -> None:
    with pytest.raises(CareCycleError):
        CareCycle(key)


def test_a_key_read_from_a_file_loses_its_newline(api_key: str) -> None:
    script = Script(reply(200, SEED_CAMPAIGN))
    with CareCycle(f"{api_key}\n", transport=script.transport) as carecycle:
        carecycle.campaigns.get("497f6eca-6276-4993-bfeb-53cbbbba6f08")
    assert script.requests[0].headers[API_KEY_HEADER] == api_key


@pytest.mark.parametrize("from_environment", [False, True])
def test_a_key_that_cannot_be_a_header_is_refused_without_showing_it(
    monkeypatch: pytest.MonkeyPatch, api_key: str, from_environment: bool
) -> None:
    bad_key = f"{api_key}\x1btail"
    monkeypatch.setenv("CARECYCLE_API_KEY", bad_key)
    with pytest.raises(CareCycleError, match="cannot be sent in a header") as raised:
        CareCycle(None if from_environment else bad_key)
    assert api_key not in everything_about(raised.value)


def test_a_base_url_without_scheme_is_refused(api_key: str) -> None:
    with pytest.raises(CareCycleError, match="http:// or https://"):
        CareCycle(api_key, base_url="api.carecycle.ai")


@pytest.mark.parametrize("setting", [{"max_retries": -1}, {"max_retry_wait": -5.0}])
def test_negative_retry_settings_are_refused(api_key: str, setting: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=next(iter(setting))):
        CareCycle(api_key, **setting)  # type: ignore[arg-type]


def test_timeouts_are_on_by_default(api_key: str) -> None:
    script = Script(reply(200, SEED_CAMPAIGN))
    with CareCycle(api_key, transport=script.transport) as carecycle:
        carecycle.campaigns.get("497f6eca-6276-4993-bfeb-53cbbbba6f08")
    assert script.requests[0].extensions["timeout"] == {
        "connect": 5.0,
        "read": 30.0,
        "write": 30.0,
        "pool": 30.0,
    }


def test_timeouts_are_set_per_client_and_per_call(api_key: str) -> None:
    script = Script(reply(200, SEED_CAMPAIGN))
    with CareCycle(api_key, timeout=12.0, transport=script.transport) as carecycle:
        carecycle.campaigns.get("497f6eca-6276-4993-bfeb-53cbbbba6f08")
        carecycle.campaigns.get(
            "497f6eca-6276-4993-bfeb-53cbbbba6f08", timeout=httpx.Timeout(3.0, connect=1.0)
        )
        carecycle.campaigns.get("497f6eca-6276-4993-bfeb-53cbbbba6f08", timeout=None)
        carecycle.campaigns.get("497f6eca-6276-4993-bfeb-53cbbbba6f08", timeout=None, deadline=None)
    timeouts = [request.extensions["timeout"] for request in script.requests]
    assert timeouts[0] == {"connect": 12.0, "read": 12.0, "write": 12.0, "pool": 12.0}
    assert timeouts[1] == {"connect": 1.0, "read": 3.0, "write": 3.0, "pool": 3.0}
    # Waiting forever in each phase still ends at the call's deadline (90 s by default).
    assert set(timeouts[2]) == {"connect", "read", "write", "pool"}
    assert all(80.0 < phase <= 90.0 for phase in timeouts[2].values())
    assert timeouts[3] == {"connect": None, "read": None, "write": None, "pool": None}


def test_async_timeouts_are_set_per_call(api_key: str) -> None:
    script = Script(reply(200, SEED_CAMPAIGN))

    async def get() -> None:
        async with AsyncCareCycle(api_key, transport=script.transport) as carecycle:
            await carecycle.campaigns.get("497f6eca-6276-4993-bfeb-53cbbbba6f08", timeout=2.5)

    asyncio.run(get())
    assert script.requests[0].extensions["timeout"]["read"] == 2.5


@pytest.mark.usefixtures("package_logs")
@pytest.mark.parametrize(("setting", "level"), [("debug", logging.DEBUG), ("INFO", logging.INFO)])
def test_carecycle_log_prints_the_package_logs(
    monkeypatch: pytest.MonkeyPatch, api_key: str, setting: str, level: int
) -> None:
    logger = logging.getLogger("carecycle_client")
    logger.handlers.clear()
    monkeypatch.setenv("CARECYCLE_LOG", setting)
    CareCycle(api_key)
    CareCycle(api_key)
    assert logger.level == level
    assert len(logger.handlers) == 1  # once, however many clients


@pytest.mark.usefixtures("package_logs")
def test_without_carecycle_log_logging_is_left_alone(api_key: str) -> None:
    logger = logging.getLogger("carecycle_client")
    logger.handlers.clear()
    CareCycle(api_key)
    assert logger.handlers == []
    assert logger.level == logging.NOTSET
