"""Reading responses: what the spec allows round-trips, what it does not know is kept, and
what contradicts it is one APIResponseValidationError that names the field."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from carecycle_client import APIResponseValidationError
from carecycle_client.models import (
    CampaignStatus,
    GetCampaignResponse,
    SoftphoneFallbackType,
    TransferType,
    UpdateCustomerCampaignStatusResponse,
)

from .examples import SEED_CAMPAIGN, SEED_UPDATE, seed_campaign
from .flavours import MakeApi
from .scripted import Script, reply


def test_the_seed_campaign_round_trips_to_the_same_json_text() -> None:
    parsed = GetCampaignResponse.from_dict(SEED_CAMPAIGN)
    assert parsed.to_dict() == SEED_CAMPAIGN
    assert json.dumps(parsed.to_dict()) == json.dumps(SEED_CAMPAIGN)


def test_timestamps_are_written_as_the_api_writes_them() -> None:
    campaign = seed_campaign()
    campaign["campaign"]["createdAt"] = "2024-03-01T09:30:00.250Z"
    campaign["campaign"]["updatedAt"] = "2024-03-01T09:30:00.000125+02:00"
    assert GetCampaignResponse.from_dict(campaign).to_dict() == campaign


def test_unknown_fields_and_enum_values_survive_a_round_trip() -> None:
    campaign = seed_campaign()
    campaign["campaign"]["status"] = "archived_v2"
    campaign["campaign"]["outboundEnabled"] = True
    transfer = campaign["campaign"]["transferConfig"]
    transfer["type"] = "ai_agent"
    transfer["softphoneHandoffStrategy"] = {"mode": "ring-all", "timeout": 20}
    campaign["campaign"]["customerStats"]["statusCounts"]["awaiting_call"] = 4

    parsed = GetCampaignResponse.from_dict(campaign)

    assert parsed.campaign.status == "archived_v2"
    assert isinstance(parsed.campaign.status, CampaignStatus)
    assert not parsed.campaign.status.is_known
    assert parsed.campaign["outboundEnabled"] is True
    assert parsed.campaign.transfer_config
    assert parsed.campaign.transfer_config.type_ == "ai_agent"
    assert parsed.campaign.transfer_config["softphoneHandoffStrategy"]["mode"] == "ring-all"
    assert json.dumps(parsed.to_dict()) == json.dumps(campaign)


def test_known_enum_values_are_the_members_themselves() -> None:
    parsed = GetCampaignResponse.from_dict(SEED_CAMPAIGN)
    assert parsed.campaign.status is CampaignStatus.DRAFT
    assert parsed.campaign.status.is_known
    assert parsed.campaign.transfer_config
    assert parsed.campaign.transfer_config.type_ is TransferType.DIRECT
    assert (
        parsed.campaign.transfer_config.softphone_fallback_type
        is SoftphoneFallbackType.APPOINTMENT_BOOKING
    )


_MISSING = object()


def _break(path: str, value: Any) -> dict[str, Any]:
    """The seed campaign with the field at `path` (dotted, list indices as numbers) set to
    `value`, or removed for _MISSING."""
    campaign = seed_campaign()
    target: Any = campaign
    *parents, last = path.split(".")
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    if value is _MISSING:
        del target[last]
    else:
        target[last] = value
    return campaign


@pytest.mark.parametrize(
    ("path", "value", "named", "reason"),
    [
        ("campaign.id", _MISSING, "campaign.id", "required but missing"),
        ("campaign.name", 42, "campaign.name", "expected a string, got number 42"),
        ("campaign.status", None, "campaign.status", "expected a CampaignStatus, got null"),
        (
            "campaign.transferConfig.routingConfig.agents.0.id",
            "not-a-uuid",
            "campaign.transferConfig.routingConfig.agents[0].id",
            'expected a UUID (8-4-4-4-12 hexadecimal digits), got string "not-a-uuid"',
        ),
        ("campaign.createdAt", "yesterday", "campaign.createdAt", "RFC 3339 date-time"),
        (
            "campaign.transferConfig.createdAt",
            7,
            "campaign.transferConfig.createdAt",
            "or expected null",
        ),
        ("campaign.maxAttempts", True, "campaign.maxAttempts", "expected an integer, got boolean"),
        ("campaign.requiredVars", "x", "campaign.requiredVars", "expected an array"),
        (
            "campaign.customerStats.statusCounts.extra",
            "5",
            "campaign.customerStats.statusCounts.extra",
            "a number",
        ),
        ("campaign.features", [], "campaign.features", "expected an object, got array"),
        ("assistants", _MISSING, "assistants", "required but missing"),
    ],
)
@pytest.mark.parametrize("read", [GetCampaignResponse.from_dict, GetCampaignResponse.from_body])
def test_a_mismatch_names_the_field_and_says_why(
    read: Callable[[Any], GetCampaignResponse], path: str, value: Any, named: str, reason: str
) -> None:
    with pytest.raises(APIResponseValidationError) as raised:
        read(_break(path, value))
    assert raised.value.path == named
    assert reason in raised.value.reason
    assert f"at {named}: " in str(raised.value)
    assert raised.value.response is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<html>Bad gateway</html>", "the body is not JSON"),
        (b"", "the body is not JSON"),
        (b'["a", "list"]', "expected an object, got array"),
        (b"null", "expected an object, got null"),
    ],
)
def test_a_success_body_that_is_no_json_object_is_a_validation_error(
    make_api: MakeApi, content: bytes, reason: str
) -> None:
    script = Script(reply(200, content=content, headers={"content-type": "application/json"}))
    with pytest.raises(APIResponseValidationError) as raised:
        make_api(script).get()
    assert raised.value.path == ""
    assert raised.value.reason.startswith(reason)
    assert raised.value.response is not None
    assert raised.value.response.status_code == 200
    assert str(raised.value).startswith("GET /v2/campaigns/")
    assert len(script.requests) == 1  # a bad body is not retried


def test_the_facade_names_the_field_of_a_bad_body(make_api: MakeApi) -> None:
    body = _break("campaign.transferConfig.routingConfig.agents.0.id", "nope")
    with pytest.raises(APIResponseValidationError) as raised:
        make_api(Script(reply(200, body))).get()
    assert raised.value.path == "campaign.transferConfig.routingConfig.agents[0].id"
    assert raised.value.response is not None


def test_the_facade_returns_unknown_fields_and_values(make_api: MakeApi) -> None:
    campaign = seed_campaign()
    campaign["campaign"]["status"] = "sunsetting"
    campaign["campaign"]["outboundEnabled"] = False
    parsed = make_api(Script(reply(200, campaign))).get()
    assert parsed.campaign.status == "sunsetting"
    assert parsed.campaign["outboundEnabled"] is False


def test_update_response_is_read_with_its_ids(make_api: MakeApi) -> None:
    parsed = make_api(Script(reply(200, SEED_UPDATE))).update(
        customer_id="87d8e330-2878-4742-a86f-dbbb3bf522ac",
        campaign_id="13f8bf6d-dc27-4a04-bffe-6e5b13c19ddf",
        status="completed",
    )
    assert parsed == UpdateCustomerCampaignStatusResponse.from_dict(SEED_UPDATE)
    assert str(parsed.customer_campaign_id) == SEED_UPDATE["customerCampaignId"]


def test_detailed_functions_raise_on_a_bad_success_body(make_api: MakeApi) -> None:
    with pytest.raises(APIResponseValidationError) as raised:
        make_api(Script(reply(200, {"campaign": {}}))).get_detailed()
    assert raised.value.path == "campaign.id"


def test_detailed_functions_give_parsed_none_for_a_bad_error_body(make_api: MakeApi) -> None:
    response = make_api(Script(reply(404, content=b"<html>not here</html>"))).get_detailed()
    assert response.status_code == 404
    assert response.parsed is None
    assert response.content == b"<html>not here</html>"


def test_detailed_functions_parse_a_documented_error_body(make_api: MakeApi) -> None:
    body = {"message": "Campaign not found", "code": "NOT_FOUND"}
    response = make_api(Script(reply(404, body))).get_detailed()
    assert response.parsed is not None
    assert response.parsed.to_dict() == body


@pytest.mark.parametrize(
    "encode",
    [
        # What json (and so httpx's Response.json()) reads, strict JSON or not.
        lambda text: text.replace('"outboundEnabled": 1', '"outboundEnabled": NaN').encode(),
        lambda text: text.replace('"outboundEnabled": 1', f'"outboundEnabled": {2**70}').encode(),
        lambda text: text.encode("utf-16"),
        lambda text: b"\xef\xbb\xbf" + text.encode(),
    ],
    ids=["NaN", "integer over 64 bits", "UTF-16", "UTF-8 BOM"],
)
def test_a_body_json_reads_is_read_even_if_strict_json_refuses_it(
    make_api: MakeApi, encode: Callable[[str], bytes]
) -> None:
    campaign = seed_campaign()
    campaign["campaign"]["outboundEnabled"] = 1
    content = encode(json.dumps(campaign))
    parsed = make_api(
        Script(reply(200, content=content, headers={"content-type": "application/json"}))
    ).get()
    assert parsed.campaign.name == campaign["campaign"]["name"]
    assert "outboundEnabled" in parsed.campaign
