"""The access log never writes a key, however the request spells it."""

from __future__ import annotations

import logging
from urllib.parse import quote

import httpx
import pytest

from carecycle_mock.data import ApiKey, Dataset
from carecycle_mock.process import MockProcess


def spellings(key: str) -> dict[str, str]:
    """A key as it may appear in a request target, percent-encoded as sent."""
    secret = key.removeprefix("cc_")
    half = len(secret) // 2
    return {
        "plain": key,
        "encoded prefix": "%63c_" + secret,
        "all encoded": "".join(f"%{byte:02X}" for byte in key.encode()),
        "double encoded": "%2563c_" + secret,
        "upper case": "CC_" + secret,
        "NUL in the prefix": "c%00c_" + secret,
        "zero-width space in the prefix": "c%E2%80%8Bc_" + secret,
        "soft hyphen in the prefix": "c%C2%ADc%5F" + secret,
        "full-width prefix": "%EF%BD%83%EF%BD%83%EF%BC%BF" + secret,
        "NUL in the secret": f"cc_{secret[:half]}%00{secret[half:]}",
        "word joiner in the secret": f"cc_{secret[:half]}%E2%81%A0{secret[half:]}",
        "space in the secret": f"cc_{secret[:half]}%20{secret[half:]}",
        "newline in the secret": f"cc_{secret[:half]}%0A{secret[half:]}",
        "secret alone": secret,
        "secret alone, encoded": quote(secret[:half]) + "%00" + quote(secret[half:]),
    }


def assert_no_secret(log: str, key: ApiKey) -> None:
    secret = key.key.removeprefix("cc_")
    # Any third of the secret, in any case, would be too much.
    third = len(secret) // 3
    for start in range(0, len(secret) - third + 1):
        assert secret[start : start + third].lower() not in log.lower()


@pytest.mark.parametrize("spelling", list(spellings("cc_x")))
def test_a_key_in_the_path_or_the_query_is_masked_however_it_is_spelled(
    client: httpx.Client,
    dataset: Dataset,
    read_write_key: ApiKey,
    caplog: pytest.LogCaptureFixture,
    spelling: str,
) -> None:
    spelled = spellings(read_write_key.key)[spelling]
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    caplog.set_level(logging.INFO, logger="carecycle_mock.access")
    for url in (
        f"/v2/campaigns/{spelled}",
        f"/v2/campaigns/{campaign.id}?apiKey={spelled}",
        f"/_mock/requests?apiKey={spelled}&x=1",
        f"/v2/{spelled}/campaigns?token=a+{spelled}",
    ):
        client.get(url, headers={"x-api-key": read_write_key.key, "x-note": read_write_key.key})
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 4
    assert all("\n" not in line for line in lines)
    assert_no_secret("\n".join(lines), read_write_key)


def test_the_log_line_keeps_what_is_not_secret(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey, caplog: pytest.LogCaptureFixture
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    caplog.set_level(logging.INFO, logger="carecycle_mock.access")
    client.get(
        f"/v2/campaigns/{campaign.id}?includeClient=true&apiKey=%63c_{read_write_key.key[3:]}",
        headers={"x-api-key": read_write_key.key},
    )
    (line,) = [record.getMessage() for record in caplog.records]
    assert line.startswith(f"GET /v2/campaigns/{campaign.id}?includeClient=true&apiKey=cc_*** 200 ")


def test_no_header_value_is_logged_by_the_server(
    dataset: Dataset, read_write_key: ApiKey, other_tenant_key: ApiKey
) -> None:
    """Header values (the key itself, and one in another header) stay out of the log."""
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    with MockProcess() as server, httpx.Client(base_url=server.base_url) as http:
        http.get(
            f"/v2/campaigns/{campaign.id}",
            headers={
                "x-api-key": read_write_key.key,
                "authorization": f"Bearer {other_tenant_key.key}",
                "x-forwarded-for": other_tenant_key.key,
            },
        )
        http.get(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": f"{read_write_key.key} x"})
        log = server.log_text()
    assert f"GET /v2/campaigns/{campaign.id} 200" in log
    assert_no_secret(log, read_write_key)
    assert_no_secret(log, other_tenant_key)
