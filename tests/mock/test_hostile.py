"""A catalogue of hostile requests: each gets its documented status and body, never a 500.

Body and parameter cases run in process; what only exists on the wire (dot segments,
percent-encoded slashes, huge headers, a 10 MiB upload on a socket) runs against the
server as a real process.
"""

from __future__ import annotations

import http.client
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from carecycle_mock.data import ApiKey, Dataset, Enrollment
from carecycle_mock.process import MockProcess

from .conformance import assert_conforms

PATCH = "/v2/customers/campaign-status"
JSON = "application/json"
MIB = 1024 * 1024


def patch_raw(
    client: httpx.Client, key: ApiKey, content: bytes, content_type: str | None = JSON
) -> dict[str, Any]:
    headers = {"x-api-key": key.key} | ({"content-type": content_type} if content_type else {})
    response = client.patch(PATCH, content=content, headers=headers)
    body: dict[str, Any] = assert_conforms(response, "updateCustomerCampaignStatus")
    return {"status": response.status_code, **body}


def bad_request(code: str, message: str) -> dict[str, Any]:
    return {"status": 400, "code": code, "message": message}


@pytest.fixture
def enrollment(dataset: Dataset, read_write_key: ApiKey) -> Enrollment:
    return next(
        e for e in dataset.enrollments_of(read_write_key.organisation_id) if e.status == "pending"
    )


@pytest.fixture
def valid(enrollment: Enrollment) -> dict[str, Any]:
    return {
        "customerId": enrollment.customer_id,
        "campaignId": enrollment.campaign_id,
        "status": "completed",
    }


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b'{"status": NaN}',
            bad_request("INVALID_JSON", "Request body is not valid JSON: a number out of range"),
        ),
        (
            b'{"status": -Infinity}',
            bad_request("INVALID_JSON", "Request body is not valid JSON: a number out of range"),
        ),
        (
            b'{"status": 1' + b"0" * 5000 + b"}",
            bad_request("INVALID_JSON", "Request body is not valid JSON: a number out of range"),
        ),
        (
            b"[" * 10_000 + b"]" * 10_000,
            bad_request("INVALID_JSON", "Request body is nested deeper than 128 levels"),
        ),
        (
            b'{"a":' * 10_000 + b"1" + b"}" * 10_000,
            bad_request("INVALID_JSON", "Request body is nested deeper than 128 levels"),
        ),
        (
            b'{"extra": ' + b"[" * 300 + b"]" * 300 + b"}",
            bad_request("INVALID_JSON", "Request body is nested deeper than 128 levels"),
        ),
        *(
            (
                content,
                bad_request(
                    "INVALID_JSON", "Request body is not valid JSON: a number out of range"
                ),
            )
            for content in [
                b'{"customerId": 1e999}',
                b'{"status": "completed", "unknown": 1e999}',
                b'{"nested": {"deep": [0, -1E400]}}',
                b"1e309",
            ]
        ),
        (b'{"status": "\xff\xfe"}', bad_request("INVALID_JSON", "Request body is not valid UTF-8")),
        (b'{"status": "\xc3"}', bad_request("INVALID_JSON", "Request body is not valid UTF-8")),
        (
            b'{"status": "\\ud800"}',
            bad_request("INVALID_JSON", "Request body has an unpaired UTF-16 surrogate"),
        ),
        (
            b'{"\\udfff": 1}',
            bad_request("INVALID_JSON", "Request body has an unpaired UTF-16 surrogate"),
        ),
        (b"", bad_request("EMPTY_BODY", "Request body is empty; send a JSON object")),
        (b" \r\n\t ", bad_request("EMPTY_BODY", "Request body is empty; send a JSON object")),
        (
            b"x" * (MIB + 1),
            bad_request("BODY_TOO_LARGE", "Request body is larger than 1048576 bytes"),
        ),
        (
            b"x" * (10 * MIB),
            bad_request("BODY_TOO_LARGE", "Request body is larger than 1048576 bytes"),
        ),
    ],
    ids=lambda value: repr(value)[:40] if isinstance(value, bytes) else "",
)
def test_a_body_that_is_not_json_is_a_400(
    client: httpx.Client, read_write_key: ApiKey, content: bytes, expected: dict[str, Any]
) -> None:
    assert patch_raw(client, read_write_key, content) == expected


@pytest.mark.parametrize(
    "content",
    [
        b'{"customerId": ',
        b"{'single': 'quotes'}",
        b'{"a": 1,}',
        b'{"a": 1} {"b": 2}',
        b'{"status": "com\x00pleted"}',
        b'{"status": "tab\tinside"}',
        b"\x00",
        b'\xef\xbb\xbf{"status": "completed"}',
        b"undefined",
        b'{"a": 1',
    ],
    ids=repr,
)
def test_syntax_errors_say_where(
    client: httpx.Client, read_write_key: ApiKey, content: bytes
) -> None:
    result = patch_raw(client, read_write_key, content)
    assert (result["status"], result["code"]) == (400, "INVALID_JSON")
    assert re.fullmatch(
        r"Request body is not valid JSON: .+: line 1 column \d+ \(char \d+\)", result["message"]
    )


@pytest.mark.parametrize(
    "content_type",
    [
        None,
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json-patch+json",
        "application/merge-patch+json",
        "application/json; charset=latin-1",
        "application/jsonx",
        "json",
        "",
    ],
)
def test_a_body_of_another_media_type_is_a_400(
    client: httpx.Client, read_write_key: ApiKey, valid: dict[str, Any], content_type: str | None
) -> None:
    assert patch_raw(
        client, read_write_key, json.dumps(valid).encode(), content_type
    ) == bad_request("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json (UTF-8)")


@pytest.mark.parametrize(
    "content_type",
    [
        JSON,
        "Application/JSON",
        "application/json; charset=utf-8",
        'application/json;charset="UTF-8"',
    ],
)
def test_json_in_any_spelling_of_its_media_type_is_accepted(
    client: httpx.Client, read_write_key: ApiKey, valid: dict[str, Any], content_type: str
) -> None:
    assert (
        patch_raw(client, read_write_key, json.dumps(valid).encode(), content_type)["status"] == 200
    )


def test_a_body_just_under_the_limit_is_read(
    client: httpx.Client, read_write_key: ApiKey, valid: dict[str, Any]
) -> None:
    padded = json.dumps({**valid, "padding": ""}).encode()
    content = padded.replace(b'"padding": ""', b'"padding": "' + b"p" * (MIB - len(padded)) + b'"')
    assert len(content) == MIB
    assert patch_raw(client, read_write_key, content)["status"] == 200


def test_extra_fields_are_ignored(
    client: httpx.Client, read_write_key: ApiKey, valid: dict[str, Any], enrollment: Enrollment
) -> None:
    body = {
        **valid,
        "id": "x",
        "previousStatus": "failed",
        "nested": {"deep": [1, 2, {"\u0000": None}]},
        "status\u0000": 1,
    }
    assert patch_raw(client, read_write_key, json.dumps(body).encode()) == {
        "status": 200,
        "success": True,
        "previousStatus": "pending",
        "newStatus": "completed",
        "customerCampaignId": enrollment.id,
    }


WRONG_TYPES: list[tuple[Any, str]] = [
    (None, "null"),
    (7, "number"),
    (7.5, "number"),
    (True, "boolean"),
    ([], "array"),
    ({}, "object"),
    (["x"], "array"),
]


@pytest.mark.parametrize("field", ["customerId", "campaignId"])
@pytest.mark.parametrize(("value", "received"), WRONG_TYPES)
def test_a_wrongly_typed_id_is_a_422_naming_the_field(
    *,
    client: httpx.Client,
    read_write_key: ApiKey,
    valid: dict[str, Any],
    field: str,
    value: Any,
    received: str,
) -> None:
    result = patch_raw(client, read_write_key, json.dumps({**valid, field: value}).encode())
    assert result == {
        "status": 422,
        "code": "VALIDATION_ERROR",
        "message": "Request validation failed",
        "errors": [
            {
                "path": [field],
                "code": "invalid_type",
                "expected": "string",
                "received": received,
                "message": f"Invalid input: expected string, received {received}",
            }
        ],
    }


STATUS_OPTIONS = '"pending"|"awaiting_call"|"in_progress"|"completed"|"failed"|"expired"|"cancelled"|"skipped"|"exceeded_max_calls"'


@pytest.mark.parametrize(
    ("value", "received"),
    [
        (None, "null"),
        (3, "3"),
        (True, "true"),
        (["completed"], '["completed"]'),
        ({}, "{}"),
        ("COMPLETED", '"COMPLETED"'),
        ("completed ", '"completed "'),
        ("", '""'),
        ("done", '"done"'),
        ("completed\u0000", '"completed\\u0000"'),
    ],
)
def test_a_status_outside_the_enum_is_a_422(
    client: httpx.Client, read_write_key: ApiKey, valid: dict[str, Any], value: Any, received: str
) -> None:
    result = patch_raw(client, read_write_key, json.dumps({**valid, "status": value}).encode())
    assert result["status"] == 422
    assert result["errors"] == [
        {
            "path": ["status"],
            "code": "invalid_value",
            "expected": STATUS_OPTIONS,
            "received": received,
            "message": f"Invalid option: expected one of {STATUS_OPTIONS}",
        }
    ]


@pytest.mark.parametrize("body", [[], "completed", 7, None, True])
def test_a_body_that_is_not_an_object_is_a_422(
    client: httpx.Client, read_write_key: ApiKey, body: Any
) -> None:
    result = patch_raw(client, read_write_key, json.dumps(body).encode())
    assert result["status"] == 422
    assert [(e["path"], e["code"], e["expected"]) for e in result["errors"]] == [
        ([], "invalid_type", "object")
    ]


def test_every_missing_field_is_reported_at_once(
    client: httpx.Client, read_write_key: ApiKey
) -> None:
    result = patch_raw(client, read_write_key, b"{}")
    assert result["status"] == 422
    assert [(e["path"], e["code"], e.get("received")) for e in result["errors"]] == [
        (["customerId"], "invalid_type", "undefined"),
        (["campaignId"], "invalid_type", "undefined"),
        (["status"], "invalid_value", "undefined"),
    ]


VALID_UUID = "497f6eca-6276-4993-bfeb-53cbbbba6f08"
MALFORMED_UUIDS = {
    "braces": "{497f6eca-6276-4993-bfeb-53cbbbba6f08}",
    "urn": "urn:uuid:497f6eca-6276-4993-bfeb-53cbbbba6f08",
    "no hyphens": "497f6eca62764993bfeb53cbbbba6f08",
    "hyphens moved": "497f6eca6-276-4993-bfeb-53cbbbba6f08",
    "version 0": "497f6eca-6276-0993-bfeb-53cbbbba6f08",
    "version 9": "497f6eca-6276-9993-bfeb-53cbbbba6f08",
    "variant c": "497f6eca-6276-4993-cfeb-53cbbbba6f08",
    "variant 7": "497f6eca-6276-4993-7feb-53cbbbba6f08",
    "too short": "497f6eca-6276-4993-bfeb-53cbbbba6f0",
    "too long": "497f6eca-6276-4993-bfeb-53cbbbba6f088",
    "non-hex": "497f6eca-6276-4993-bfeb-53cbbbba6f0g",
    "trailing newline": "497f6eca-6276-4993-bfeb-53cbbbba6f08\n",
    "leading space": " 497f6eca-6276-4993-bfeb-53cbbbba6f08",
    "fullwidth digit": "497f6eca-6276-4993-bfeb-53cbbbba6f0\uff18",
    "max in upper case": "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
    "nil with a version": "00000000-0000-1000-0000-000000000000",
    "empty": "",
    "NUL": "\u0000",
}


@pytest.mark.parametrize("value", MALFORMED_UUIDS.values(), ids=MALFORMED_UUIDS.keys())
@pytest.mark.parametrize("field", ["customerId", "campaignId"])
def test_every_malformed_uuid_kind_is_a_422_in_the_body(
    client: httpx.Client, read_write_key: ApiKey, valid: dict[str, Any], field: str, value: str
) -> None:
    result = patch_raw(client, read_write_key, json.dumps({**valid, field: value}).encode())
    assert result["status"] == 422
    assert result["errors"] == [
        {
            "path": [field],
            "code": "invalid_format",
            "format": "uuid",
            "expected": "uuid",
            "message": "Invalid UUID",
        }
    ]


@pytest.mark.parametrize(
    "value",
    [
        VALID_UUID.upper(),
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
    ],
    ids=["upper case", "nil", "max"],
)
def test_the_uuid_forms_zod_accepts_pass_validation(
    client: httpx.Client, read_write_key: ApiKey, valid: dict[str, Any], value: str
) -> None:
    result = patch_raw(client, read_write_key, json.dumps({**valid, "campaignId": value}).encode())
    assert result == {"status": 404, "code": "NOT_FOUND", "message": "Campaign not found"}


@pytest.mark.parametrize(
    "segment",
    [
        v
        for k, v in MALFORMED_UUIDS.items()
        if k not in ("empty", "trailing newline", "leading space", "NUL")
    ]
    + ["%2e%2e", "%00", "%ff", "%20" + VALID_UUID],
)
def test_every_malformed_uuid_kind_is_a_422_in_the_path(
    client: httpx.Client, read_write_key: ApiKey, segment: str
) -> None:
    response = client.get(f"/v2/campaigns/{segment}", headers={"x-api-key": read_write_key.key})
    assert response.status_code == 422
    assert assert_conforms(response, "getCampaign")["errors"] == [
        {
            "path": ["campaignId"],
            "code": "invalid_format",
            "format": "uuid",
            "expected": "uuid",
            "message": "Invalid UUID",
        }
    ]


@pytest.mark.parametrize(
    ("query", "received"),
    [
        ("includeClient=true&includeClient=true", "array"),
        ("includeClient=true&includeClient=false", "array"),
        ("includeClient=TRUE", "string"),
        ("includeClient=1", "string"),
        ("includeClient=yes", "string"),
        ("includeClient=", "string"),
        ("includeClient", "string"),
        ("includeClient=true%00", "string"),
    ],
)
def test_include_client_is_exactly_true_or_false_once(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey, query: str, received: str
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    response = client.get(
        f"/v2/campaigns/{campaign.id}?{query}", headers={"x-api-key": read_write_key.key}
    )
    assert response.status_code == 422
    assert assert_conforms(response, "getCampaign")["errors"] == [
        {
            "path": ["includeClient"],
            "code": "invalid_type",
            "expected": "boolean",
            "received": received,
            "message": f"Invalid input: expected boolean, received {received}",
        }
    ]


def test_path_and_query_problems_are_reported_together(
    client: httpx.Client, read_write_key: ApiKey
) -> None:
    response = client.get(
        "/v2/campaigns/nope?includeClient=nope", headers={"x-api-key": read_write_key.key}
    )
    assert [e["path"] for e in assert_conforms(response, "getCampaign")["errors"]] == [
        ["campaignId"],
        ["includeClient"],
    ]


def test_unknown_and_repeated_unknown_query_parameters_are_ignored(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    response = client.get(
        f"/v2/campaigns/{campaign.id}?x=1&x=2&includeclient=junk&apiKey=cc_x&path=a%2Fb",
        headers={"x-api-key": read_write_key.key},
    )
    assert "client" not in assert_conforms(response, "getCampaign")["campaign"]


@pytest.mark.parametrize(
    "key",
    [
        "cc_",
        "cc_" + "a" * 10_000,
        " cc_padded ",
        "cc_\u00e9\u00ff",
        "CC_UPPER",
        "cc_a,cc_b",
        "\t",
        "null",
        "undefined",
    ],
)
def test_odd_keys_are_401(client: httpx.Client, dataset: Dataset, key: str) -> None:
    campaign = dataset.campaigns[0]
    response = client.get(
        f"/v2/campaigns/{campaign.id}", headers=[(b"x-api-key", key.encode("latin-1"))]
    )
    assert response.status_code == 401
    assert assert_conforms(response, "getCampaign")["code"] == "UNAUTHORIZED"


@pytest.mark.parametrize("padding", [" ", "\t", " \t", "\t "])
@pytest.mark.parametrize("where", ["before", "after", "around"])
def test_whitespace_around_a_key_is_not_part_of_it(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey, padding: str, where: str
) -> None:
    """Optional whitespace around a field value is not part of it (RFC 9110 section 5.5)."""
    before, after = (padding if where != "after" else "", padding if where != "before" else "")
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    response = client.get(
        f"/v2/campaigns/{campaign.id}",
        headers=[("x-api-key", f"{before}{read_write_key.key}{after}")],
    )
    assert response.status_code == 200


@pytest.fixture(scope="module")
def server() -> Iterator[MockProcess]:
    with MockProcess("--rate-limit", "0") as process:
        yield process


def wire(
    server: MockProcess, method: str, target: str, headers: dict[str, str], body: Any = None
) -> tuple[int, Any]:
    """A request exactly as written: http.client neither normalises nor re-encodes the target.

    An iterable body is sent chunked.
    """
    location = urlsplit(server.base_url)
    connection = http.client.HTTPConnection(location.hostname or "", location.port, timeout=30)
    try:
        chunked = body is not None and not isinstance(body, bytes)
        connection.request(method, target, body=body, headers=headers, encode_chunked=chunked)
        response = connection.getresponse()
        assert response.getheader("content-type") == JSON
        return response.status, json.loads(response.read())
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("target", "status"),
    [
        ("/v2/campaigns/../campaigns/{id}", 404),
        ("/v2/campaigns/{id}/..", 404),
        ("/v2/campaigns/./{id}", 404),
        ("/v2/campaigns/{id}%2F", 404),
        ("/v2/campaigns%2F{id}", 404),
        ("//v2/campaigns/{id}", 404),
        ("/v2/campaigns/{id}/", 404),
        ("/v2/customers/../campaigns/{id}", 404),
        ("/v2/campaigns/..", 422),
        ("/v2/campaigns/%2e%2e", 422),
        ("/v2/campaigns/%2E%2E%2F%2E%2E", 404),
        ("/v2/campaigns/{id}%00", 422),
        ("/v2/%63ampaigns/{id}", 200),
        ("/v2/campaigns/%36{rest}", 200),
    ],
)
def test_dot_segments_and_percent_encoding_in_the_path(
    server: MockProcess, dataset: Dataset, read_write_key: ApiKey, target: str, status: int
) -> None:
    campaign_id = dataset.campaigns_of(read_write_key.organisation_id)[0].id
    path = target.format(id=campaign_id, rest=campaign_id[1:])
    if target.startswith("/v2/campaigns/%36"):
        assert campaign_id.startswith("6")
    got, body = wire(server, "GET", path, {"x-api-key": read_write_key.key})
    assert got == status
    expected_code = {404: "NOT_FOUND", 422: "VALIDATION_ERROR"}.get(status)
    if expected_code:
        assert body["code"] == expected_code
    else:
        assert body["campaign"]["id"] == campaign_id


def test_a_10_mib_upload_is_refused_without_being_read(
    server: MockProcess, read_write_key: ApiKey
) -> None:
    status, body = wire(
        server,
        "PATCH",
        PATCH,
        {"x-api-key": read_write_key.key, "content-type": JSON},
        b"[" * (10 * MIB),
    )
    assert (status, body) == (
        400,
        {"message": "Request body is larger than 1048576 bytes", "code": "BODY_TOO_LARGE"},
    )


def test_a_chunked_upload_past_the_limit_is_cut_off(
    server: MockProcess, read_write_key: ApiKey
) -> None:
    chunks = iter([b"[" * (256 * 1024)] * 40)
    headers = {
        "x-api-key": read_write_key.key,
        "content-type": JSON,
        "transfer-encoding": "chunked",
    }
    status, body = wire(server, "PATCH", PATCH, headers, chunks)
    assert (status, body["code"]) == (400, "BODY_TOO_LARGE")


def test_huge_and_many_headers_are_a_400_in_the_error_shape(
    server: MockProcess, dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign_id = dataset.campaigns_of(read_write_key.organisation_id)[0].id
    for extra, message in [
        ({"x-huge": "h" * 200_000}, "Request head is larger than 65536 bytes"),
        ({f"x-many-{i}": "v" for i in range(2000)}, "Request has more than 100 header fields"),
    ]:
        headers = {"x-api-key": read_write_key.key} | extra
        status, body = wire(server, "GET", f"/v2/campaigns/{campaign_id}", headers)
        assert (status, body) == (400, {"message": message, "code": "BAD_REQUEST"})
