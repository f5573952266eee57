"""Faults on demand and the /_mock controls, over HTTP and from Python."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import closing
from typing import Any

import httpx
import pytest

from carecycle_mock import (
    AsyncMockTransport,
    DelayFault,
    DropFault,
    FaultPlan,
    MockConfig,
    MockTransport,
    PassFault,
    StatusFault,
    create_app,
)
from carecycle_mock.data import ApiKey, Dataset
from carecycle_mock.errors import ERROR_STATUSES
from carecycle_mock.faults import FAULT_PLAN_SCHEMA
from carecycle_mock.process import MockProcess
from tests.repository import SPEC

from .conformance import assert_conforms
from .in_process import open_app


@pytest.fixture
def campaign_url(dataset: Dataset, read_write_key: ApiKey) -> str:
    return f"/v2/campaigns/{dataset.campaigns_of(read_write_key.organisation_id)[0].id}"


def statuses(client: httpx.Client, url: str, key: ApiKey, count: int) -> list[int]:
    return [client.get(url, headers={"x-api-key": key.key}).status_code for _ in range(count)]


def test_a_script_is_consumed_in_order_then_normal_handling_resumes(
    client: httpx.Client, campaign_url: str, read_write_key: ApiKey
) -> None:
    plan = {
        "script": [
            {"status": 500},
            {"status": 429, "retryAfter": 7},
            {},
            {"status": 404},
            {"delay": 0.01},
            {"status": 422},
        ]
    }
    assert client.put("/_mock/faults", json=plan).status_code == 204
    responses = [
        client.get(campaign_url, headers={"x-api-key": read_write_key.key}) for _ in range(8)
    ]

    assert [r.status_code for r in responses] == [500, 429, 200, 404, 200, 422, 200, 200]
    bodies = [assert_conforms(r, "getCampaign") for r in responses]
    assert bodies[0] == {"message": "Injected fault", "code": "INTERNAL_ERROR"}
    assert bodies[1] == {
        "message": "Injected fault",
        "code": "RATE_LIMIT_EXCEEDED",
        "retryAfter": 7,
    }
    assert bodies[3] == {"message": "Injected fault", "code": "NOT_FOUND"}
    assert bodies[5] == {"message": "Injected fault", "code": "VALIDATION_ERROR", "errors": []}


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (400, "BAD_REQUEST"),
        (401, "UNAUTHORIZED"),
        (403, "FORBIDDEN"),
        (404, "NOT_FOUND"),
        (500, "INTERNAL_ERROR"),
    ],
)
def test_each_documented_error_status_can_be_injected_into_a_patch(
    client: httpx.Client, read_write_key: ApiKey, status: int, code: str
) -> None:
    client.put("/_mock/faults", json={"script": [{"status": status}]})
    response = client.patch(
        "/v2/customers/campaign-status", json={}, headers={"x-api-key": read_write_key.key}
    )
    assert response.status_code == status
    assert assert_conforms(response, "updateCustomerCampaignStatus") == {
        "message": "Injected fault",
        "code": code,
    }


def test_a_spent_key_plan_gives_way_to_the_global_plan(
    client: httpx.Client, campaign_url: str, read_write_key: ApiKey
) -> None:
    client.put("/_mock/faults", json={"apiKey": read_write_key.key, "script": [{"status": 401}]})
    client.put("/_mock/faults", json={"rates": {"500": 1}})
    assert statuses(client, campaign_url, read_write_key, 3) == [401, 500, 500]


def test_a_plan_for_one_key_leaves_other_keys_alone(
    client: httpx.Client, campaign_url: str, read_write_key: ApiKey, read_only_key: ApiKey
) -> None:
    client.put(
        "/_mock/faults", json={"apiKey": read_write_key.key, "script": [{"status": 500}] * 2}
    )
    client.put("/_mock/faults", json={"script": [{"status": 403}]})
    assert statuses(client, campaign_url, read_only_key, 2) == [403, 200]
    assert statuses(client, campaign_url, read_write_key, 3) == [500, 500, 200]
    assert statuses(client, campaign_url, read_only_key, 1) == [200]


def test_rates_are_drawn_from_the_seed(
    client: httpx.Client, campaign_url: str, read_write_key: ApiKey
) -> None:
    def run() -> list[int]:
        client.put("/_mock/faults", json={"rates": {"500": 0.3, "429": 0.2}, "seed": 7})
        return statuses(client, campaign_url, read_write_key, 40)

    first, second = run(), run()
    assert first == second
    assert set(first) == {200, 429, 500}


def test_rates_of_one_always_fire_and_zero_never(
    client: httpx.Client, campaign_url: str, read_write_key: ApiKey
) -> None:
    client.put("/_mock/faults", json={"rates": {"403": 1}})
    assert set(statuses(client, campaign_url, read_write_key, 10)) == {403}
    client.put("/_mock/faults", json={"rates": {"500": 0, "drop": 0}})
    assert set(statuses(client, campaign_url, read_write_key, 10)) == {200}


def test_delete_clears_and_reset_restores_the_seed(
    client: httpx.Client, dataset: Dataset, campaign_url: str, read_write_key: ApiKey
) -> None:
    enrollment = next(
        e for e in dataset.enrollments_of(read_write_key.organisation_id) if e.status == "pending"
    )
    body = {
        "customerId": enrollment.customer_id,
        "campaignId": enrollment.campaign_id,
        "status": "failed",
    }
    assert (
        client.patch(
            "/v2/customers/campaign-status", json=body, headers={"x-api-key": read_write_key.key}
        ).status_code
        == 200
    )
    client.put("/_mock/faults", json={"rates": {"500": 1}})
    assert client.delete("/_mock/faults").status_code == 204
    assert statuses(client, campaign_url, read_write_key, 2) == [200, 200]

    client.put("/_mock/faults", json={"rates": {"500": 1}})
    assert client.post("/_mock/reset").status_code == 204
    again = client.patch(
        "/v2/customers/campaign-status", json=body, headers={"x-api-key": read_write_key.key}
    )
    assert again.json()["previousStatus"] == "pending"
    assert client.get("/_mock/requests", params={"apiKey": read_write_key.key}).json()["count"] == 1


def test_requests_are_counted_per_key(
    client: httpx.Client, campaign_url: str, read_write_key: ApiKey, read_only_key: ApiKey
) -> None:
    statuses(client, campaign_url, read_write_key, 3)
    statuses(client, campaign_url, read_only_key, 2)
    client.get(campaign_url)
    client.get("/nowhere", headers={"x-api-key": read_write_key.key})

    def count(**params: str) -> Any:
        return client.get("/_mock/requests", params=params).json()["count"]

    assert count(apiKey=read_write_key.key) == 3
    assert count(apiKey=read_only_key.key) == 2
    assert count(apiKey="cc_unseen") == 0
    assert count() == 6


@pytest.mark.parametrize(
    ("plan", "path"),
    [
        ({"script": [{"status": 418}]}, ["script", "0", "status"]),
        ({"script": [{"drop": False}]}, ["script", "0", "drop"]),
        ({"script": [{"delay": -1}]}, ["script", "0", "delay"]),
        ({"script": [{"delay": 61}]}, ["script", "0", "delay"]),
        ({"script": [{"retryAfter": 3}]}, ["script", "0", "status"]),
        ({"script": [{"status": 500, "drop": True}]}, ["script", "0"]),
        ({"script": "500"}, ["script"]),
        ({"rates": {"teapot": 0.5}}, ["rates"]),
        ({"rates": {"500": 1.5}}, ["rates", "500"]),
        ({"rates": {"500": 0.6, "429": 0.6}}, ["rates"]),
        ({"delaySeconds": "slow"}, ["delaySeconds"]),
        ({"seed": 1.5}, ["seed"]),
        ({"apiKey": ""}, ["apiKey"]),
        ({"surprise": True}, []),
        ([], []),
    ],
)
def test_a_malformed_plan_is_a_422_and_changes_nothing(
    client: httpx.Client, campaign_url: str, read_write_key: ApiKey, plan: Any, path: list[str]
) -> None:
    response = client.put("/_mock/faults", json=plan)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "VALIDATION_ERROR"
    assert path in [error["path"] for error in body["errors"]]
    assert statuses(client, campaign_url, read_write_key, 1) == [200]


def test_a_plan_that_is_not_json_is_a_400(client: httpx.Client) -> None:
    response = client.put(
        "/_mock/faults", content=b"{", headers={"content-type": "application/json"}
    )
    assert (response.status_code, response.json()["code"]) == (400, "INVALID_JSON")


def test_without_admin_there_are_no_controls(dataset: Dataset, read_write_key: ApiKey) -> None:
    with open_app(MockConfig(admin=False)) as client:
        for method, path in [
            ("PUT", "/_mock/faults"),
            ("DELETE", "/_mock/faults"),
            ("POST", "/_mock/reset"),
            ("GET", "/_mock/requests"),
        ]:
            response = client.request(method, path, json={"rates": {"500": 1}})
            assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND")


def test_faults_are_set_from_python_too(
    dataset: Dataset, campaign_url: str, read_write_key: ApiKey
) -> None:
    start = FaultPlan(
        script=(StatusFault(429, retry_after=2), PassFault()), api_key=read_write_key.key
    )
    app = create_app(MockConfig(rate_limit=None, faults=start))
    mock = app.state.mock
    with (
        closing(mock),
        httpx.Client(transport=MockTransport(app), base_url="http://mock") as client,
    ):
        assert statuses(client, campaign_url, read_write_key, 3) == [429, 200, 200]
        mock.set_faults(FaultPlan(script=(DelayFault(0.01), StatusFault(401))))
        assert statuses(client, campaign_url, read_write_key, 3) == [200, 401, 200]
        assert mock.request_count(read_write_key.key) == 6
        mock.set_faults(FaultPlan(rates={"500": 1.0}))
        mock.clear_faults()
        assert statuses(client, campaign_url, read_write_key, 1) == [200]


def test_a_fault_plan_never_shows_its_key() -> None:
    plan = FaultPlan(script=(DropFault(),), api_key="cc_secret_in_a_plan")
    assert "cc_secret" not in repr(plan)
    assert "cc_secret" not in repr(MockConfig(faults=plan))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"rates": {"500": 2.0}}, "rates/500: Too big: expected number value to be <=1"),
        ({"rates": {"500": 0.7, "drop": 0.7}}, "together at most 1"),
        ({"rates": {"boom": 0.1}}, 'rates: "boom" is not one of "400"'),
        ({"latency": -1.0}, "latency: Too small"),
        ({"delay_seconds": 61}, "delaySeconds: Too big: expected number value to be <=60"),
        ({"script": (StatusFault(302),)}, "script/0/status: Invalid option"),
        ({"script": (StatusFault(429, retry_after=-1),)}, "script/0/retryAfter: Too small"),
        ({"script": (DelayFault(61),)}, "script/0/delay: Too big"),
    ],
)
def test_an_impossible_plan_is_refused_in_python(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FaultPlan(**options)


def test_a_drop_in_process_is_an_httpx_transport_error(
    campaign_url: str, read_write_key: ApiKey
) -> None:
    with (
        open_app(MockConfig(faults=FaultPlan(script=(DropFault(),)))) as client,
        pytest.raises(httpx.RemoteProtocolError) as raised,
    ):
        client.get(campaign_url, headers={"x-api-key": read_write_key.key})
    assert raised.value.request.url.path == campaign_url


def test_a_drop_in_process_is_an_httpx_transport_error_async(
    campaign_url: str, read_write_key: ApiKey
) -> None:
    transport = AsyncMockTransport(config=MockConfig(faults=FaultPlan(script=(DropFault(),))))

    async def requests() -> int:
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            with pytest.raises(httpx.RemoteProtocolError):
                await client.get(campaign_url, headers={"x-api-key": read_write_key.key})
            return (
                await client.get(campaign_url, headers={"x-api-key": read_write_key.key})
            ).status_code

    assert asyncio.run(requests()) == 200
    transport.state.close()


@pytest.fixture(scope="module")
def server() -> Iterator[MockProcess]:
    with MockProcess("--rate-limit", "0") as process:
        yield process


def test_a_drop_over_http_is_a_transport_error_and_the_server_carries_on(
    server: MockProcess, campaign_url: str, read_write_key: ApiKey
) -> None:
    with httpx.Client(base_url=server.base_url) as http:
        http.put(
            "/_mock/faults",
            json={"apiKey": read_write_key.key, "script": [{"drop": True}, {"drop": True}]},
        )
        for _ in range(2):
            with pytest.raises(httpx.RemoteProtocolError):
                http.get(campaign_url, headers={"x-api-key": read_write_key.key})
        assert http.get(campaign_url, headers={"x-api-key": read_write_key.key}).status_code == 200
        assert (
            http.get("/_mock/requests", params={"apiKey": read_write_key.key}).json()["count"] == 3
        )
    assert "Traceback" not in server.log_text()
    assert " dropped " in server.log_text()


def test_command_line_faults(dataset: Dataset, campaign_url: str, read_write_key: ApiKey) -> None:
    arguments = (
        "--fault-script",
        "500,pass,429,drop,delay",
        "--fault-rate",
        "500=0",
        "--seed",
        "3",
    )
    with MockProcess(*arguments) as server, httpx.Client(base_url=server.base_url) as http:
        got: list[Any] = []
        for _ in range(6):
            try:
                got.append(
                    http.get(campaign_url, headers={"x-api-key": read_write_key.key}).status_code
                )
            except httpx.RemoteProtocolError:
                got.append("drop")
    assert got == [500, 200, 429, "drop", 200, 200]


def test_the_one_status_table_is_the_error_statuses_the_spec_documents() -> None:
    for item in SPEC["paths"].values():
        for operation in item.values():
            documented = {int(status) for status in operation["responses"] if int(status) >= 400}
            assert set(ERROR_STATUSES) == documented, operation["operationId"]
    assert FAULT_PLAN_SCHEMA["$defs"]["fault"]["properties"]["status"]["enum"] == list(
        ERROR_STATUSES
    )
