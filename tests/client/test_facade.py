"""The facade: its names come from the spec, its methods build the right requests, and its
copies and context managers handle connections as documented."""

from __future__ import annotations

import asyncio
import inspect
import json
from uuid import UUID

import httpx
import pytest

from carecycle_client import AsyncCareCycle, AuthenticatedClient, CareCycle
from carecycle_client.api.campaigns import get_campaign
from carecycle_client.models import CustomerCampaignStatus
from tests.repository import SPEC

from .examples import CAMPAIGN_ID, SEED_CAMPAIGN, SEED_UPDATE, SEED_UPDATE_REQUEST
from .flavours import MakeApi, Waits
from .scripted import Script, reply


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


def test_resources_and_methods_follow_the_naming_rule(api_key: str) -> None:
    """A method is the operationId in snake_case, less its first word after the verb that
    is the tag name (or its singular)."""
    carecycle = CareCycle(api_key)
    expected = set()
    for operations in SPEC["paths"].values():
        for operation in operations.values():
            tag = operation["tags"][0].lower()
            verb, *words = _snake(operation["operationId"]).split("_")
            nouns = [
                index for index, word in enumerate(words) if word in (tag, tag.removesuffix("s"))
            ]
            if nouns:
                del words[nouns[0]]
            method = "_".join([verb, *words])
            expected.add((tag, method))
            assert callable(getattr(getattr(carecycle, tag), method))
    assert expected == {("campaigns", "get"), ("customers", "update_campaign_status")}


@pytest.mark.parametrize("facade", [CareCycle, AsyncCareCycle])
def test_sync_and_async_facades_have_the_same_methods_and_signatures(
    api_key: str, facade: type[CareCycle] | type[AsyncCareCycle]
) -> None:
    sync, other = CareCycle(api_key), facade(api_key)
    for tag in ("campaigns", "customers"):
        names = {name for name in dir(getattr(sync, tag)) if not name.startswith("_")}
        assert names == {name for name in dir(getattr(other, tag)) if not name.startswith("_")}
        for name in names:
            assert inspect.signature(getattr(getattr(sync, tag), name)).parameters == (
                inspect.signature(getattr(getattr(other, tag), name)).parameters
            )
    assert (
        inspect.signature(CareCycle).parameters.keys()
        == inspect.signature(facade).parameters.keys()
    )


def test_get_sends_its_path_and_query(make_api: MakeApi) -> None:
    script = Script(reply(200, SEED_CAMPAIGN))
    api = make_api(script)
    api.get(CAMPAIGN_ID, include_client=True)
    api.get(CAMPAIGN_ID, include_client=False)
    api.get(CAMPAIGN_ID)
    assert [str(request.url) for request in script.requests] == [
        f"https://api.test/v2/campaigns/{CAMPAIGN_ID}?includeClient=true",
        f"https://api.test/v2/campaigns/{CAMPAIGN_ID}?includeClient=false",
        f"https://api.test/v2/campaigns/{CAMPAIGN_ID}",
    ]


@pytest.mark.parametrize("status", [SEED_UPDATE_REQUEST["status"], CustomerCampaignStatus.PENDING])
@pytest.mark.parametrize("as_uuid", [False, True])
def test_update_sends_the_body_fields_from_strings_or_typed_values(
    make_api: MakeApi, status: str, as_uuid: bool
) -> None:
    script = Script(reply(200, SEED_UPDATE))
    customer_id, campaign_id = SEED_UPDATE_REQUEST["customerId"], SEED_UPDATE_REQUEST["campaignId"]
    make_api(script).update(
        customer_id=UUID(customer_id) if as_uuid else customer_id,
        campaign_id=UUID(campaign_id) if as_uuid else campaign_id,
        status=status,
    )
    (request,) = script.requests
    assert (request.method, request.url.path) == ("PATCH", "/v2/customers/campaign-status")
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == SEED_UPDATE_REQUEST


def test_a_status_the_spec_does_not_list_is_still_sent(make_api: MakeApi) -> None:
    script = Script(reply(200, SEED_UPDATE))
    make_api(script).update(customer_id=CAMPAIGN_ID, campaign_id=CAMPAIGN_ID, status="escalated")
    assert json.loads(script.requests[0].content)["status"] == "escalated"


def test_an_id_that_is_not_a_uuid_is_refused_before_sending(make_api: MakeApi) -> None:
    script = Script(reply(200, SEED_UPDATE))
    with pytest.raises(ValueError, match="customer_id must be a UUID, got 'customer-1'"):
        make_api(script).update(customer_id="customer-1", campaign_id=CAMPAIGN_ID, status="failed")
    with pytest.raises(ValueError, match="campaign_id must be a UUID"):
        make_api(script).get("campaign-1")
    assert script.requests == []


def test_with_options_copies_settings_and_shares_connections(api_key: str, waits: Waits) -> None:
    script = Script(reply(500, {}))
    carecycle = CareCycle(api_key, transport=script.transport, max_retries=0, sleep=waits.sleep)
    patient = carecycle.with_options(timeout=9.0, max_retries=2)
    assert patient.client.get_httpx_client() is carecycle.client.get_httpx_client()
    with pytest.raises(Exception, match="HTTP 500"):
        patient.campaigns.get(CAMPAIGN_ID)
    assert len(script.requests) == 3
    assert script.requests[0].extensions["timeout"]["read"] == 9.0
    with pytest.raises(Exception, match="HTTP 500"):
        carecycle.campaigns.get(CAMPAIGN_ID)
    assert len(script.requests) == 4  # the original kept its settings
    assert script.requests[3].extensions["timeout"]["read"] == 30.0

    patient.close()  # a copy leaves the shared connections open
    assert not carecycle.client.get_httpx_client().is_closed
    carecycle.close()
    assert carecycle.client.get_httpx_client().is_closed


def test_with_options_to_another_base_url_has_its_own_connections(api_key: str) -> None:
    script = Script(reply(200, SEED_CAMPAIGN))
    with CareCycle(api_key, base_url="https://api.test", transport=script.transport) as carecycle:
        with carecycle.with_options(base_url="https://staging.test") as staging:
            staging.campaigns.get(CAMPAIGN_ID)
            assert staging.client.get_httpx_client() is not carecycle.client.get_httpx_client()
        assert staging.client.get_httpx_client().is_closed
        carecycle.campaigns.get(CAMPAIGN_ID)
    assert [request.url.host for request in script.requests] == ["staging.test", "api.test"]


def test_async_with_options_shares_connections_and_closes_with_the_original(api_key: str) -> None:
    script = Script(reply(200, SEED_CAMPAIGN))

    async def scenario() -> tuple[httpx.AsyncClient, httpx.AsyncClient]:
        async with AsyncCareCycle(api_key, transport=script.transport) as carecycle:
            async with carecycle.with_options(max_retries=0) as copy:
                await copy.campaigns.get(CAMPAIGN_ID)
            assert not carecycle.client.get_async_httpx_client().is_closed
            return carecycle.client.get_async_httpx_client(), copy.client.get_async_httpx_client()

    original, copy = asyncio.run(scenario())
    assert original is copy
    assert original.is_closed


def test_the_facade_client_serves_the_generated_functions(api_key: str) -> None:
    script = Script(reply(200, SEED_CAMPAIGN))
    with CareCycle(api_key, transport=script.transport) as carecycle:
        parsed = get_campaign.sync(UUID(CAMPAIGN_ID), client=carecycle.client)
    assert parsed is not None
    assert parsed.to_dict() == SEED_CAMPAIGN
    assert script.requests[0].headers["x-api-key"] == api_key


def test_extra_headers_and_cookies_go_with_every_request(api_key: str) -> None:
    script = Script(reply(200, SEED_CAMPAIGN))
    client = AuthenticatedClient(token=api_key, httpx_args={"transport": script.transport})
    client = client.with_headers({"x-request-source": "tests"}).with_cookies({"session": "s1"})
    with client:
        get_campaign.sync_detailed(UUID(CAMPAIGN_ID), client=client)
    (request,) = script.requests
    assert request.headers["x-request-source"] == "tests"
    assert request.headers["cookie"] == "session=s1"
    assert request.headers["x-api-key"] == api_key
