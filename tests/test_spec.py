"""openapi.yaml is a faithful transcription of the two careCycle pages.

The pages, as captured, are in tests/fixtures/pages/. These tests read them and check
that the document carries what they show: the UUID regex byte for byte, the status
values in order, every example body. They also check the document against itself:
every example it carries validates against the schema next to it, and the UUID
pattern accepts and rejects what zod's `z.uuid()` does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from tests.repository import SPEC

PAGES = Path(__file__).parent / "fixtures" / "pages"
GET_PAGE = (PAGES / "get-campaign-by-id.txt").read_text()
PATCH_PAGE = (PAGES / "update-customer-campaign-status.txt").read_text()

# The pages list their response bodies in the order the docs generator sorts status
# codes; with careCycle's documented error codes that order reads as these statuses.
STATUS_ORDER = ["200", "400", "401", "403", "404", "422", "429", "500"]

SPEC_URI = "urn:carecycle:openapi"
REGISTRY: Registry[Any] = Registry().with_resource(SPEC_URI, Resource.opaque(SPEC))


def validator_for(schema: dict[str, Any]) -> Draft202012Validator:
    """A validator for a schema of the document, resolving its `#/components` refs."""
    wrapped = {"$ref": f"{SPEC_URI}#/{json_pointer_of(schema)}"}
    return Draft202012Validator(wrapped, registry=REGISTRY, format_checker=FormatChecker())


def json_pointer_of(target: dict[str, Any]) -> str:
    for pointer, node in walk(SPEC):
        if node is target:
            return pointer
    raise LookupError("schema is not part of the document")


def walk(node: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    yield pointer, node
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in children:
        escaped = str(key).replace("~", "~0").replace("/", "~1")
        yield from walk(child, f"{pointer}/{escaped}" if pointer else escaped)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = REGISTRY.resolver(SPEC_URI).lookup(f"{SPEC_URI}{node['$ref']}").contents
    return node


def operation(path: str, method: str) -> dict[str, Any]:
    operation_: dict[str, Any] = SPEC["paths"][path][method]
    return operation_


def response_schema(op: dict[str, Any], status: str) -> dict[str, Any]:
    schema: dict[str, Any] = resolve(op["responses"][status])["content"]["application/json"][
        "schema"
    ]
    return schema


def page_bodies(page: str) -> list[Any]:
    """The JSON bodies a page shows, in page order: blocks from a `{` line to a `}` line."""
    bodies, block = [], None
    for line in page.splitlines():
        if line == "{":
            block = [line]
        elif block is not None:
            block.append(line)
            if line == "}":
                bodies.append(json.loads("\n".join(block)))
                block = None
    return bodies


def page_request_example(page: str) -> Any:
    match = re.search(r"-d '(.*?)'", page)
    assert match, "the page shows no request body"
    return json.loads(match.group(1).replace("\\", ""))


GET = operation("/v2/campaigns/{campaignId}", "get")
PATCH = operation("/v2/customers/campaign-status", "patch")
PAGE_OPERATIONS = [
    pytest.param(GET, GET_PAGE, id="get"),
    pytest.param(PATCH, PATCH_PAGE, id="patch"),
]
UUID_SCHEMA = SPEC["components"]["schemas"]["Uuid"]


# --- transcription: the document carries what the pages show -----------------------


def test_uuid_pattern_is_the_pages_byte_for_byte() -> None:
    shown = set(re.findall(r"Match(\^.*?\$)Format", GET_PAGE + PATCH_PAGE))
    assert shown == {UUID_SCHEMA["pattern"]}
    assert UUID_SCHEMA["format"] == "uuid"


def test_every_uuid_in_the_document_uses_the_one_pattern() -> None:
    uuid_schemas = [
        node for _, node in walk(SPEC) if isinstance(node, dict) and node.get("format") == "uuid"
    ]
    assert uuid_schemas == [UUID_SCHEMA]
    uuid_refs = [
        node
        for _, node in walk(SPEC)
        if isinstance(node, dict) and node.get("$ref") == "#/components/schemas/Uuid"
    ]
    # campaignId (path), customerId and campaignId (body), customerCampaignId, and the
    # campaign's nested ids: a transcription that lost one would lose a reference.
    assert len(uuid_refs) >= 30


@pytest.mark.parametrize(
    ("path", "method", "summary", "description", "tag"),
    [
        (
            "/v2/campaigns/{campaignId}",
            "get",
            "Get campaign by ID",
            "Get a specific campaign by ID for the authenticated client",
            "Campaigns",
        ),
        (
            "/v2/customers/campaign-status",
            "patch",
            "Update customer campaign status",
            "Update the status of a customer's campaign enrollment.",
            "Customers",
        ),
    ],
)
def test_operations_carry_the_pages_titles(
    path: str, method: str, summary: str, description: str, tag: str
) -> None:
    op = operation(path, method)
    page = GET_PAGE if method == "get" else PATCH_PAGE
    assert summary in page
    assert description in page
    assert op["summary"] == summary
    assert op["description"].startswith(description)
    assert op["tags"] == [tag]
    assert page.splitlines()[1] == tag


def test_security_is_the_pages_api_key_header() -> None:
    assert SPEC["servers"][0]["url"] == "https://api.carecycle.ai"
    assert "security" not in SPEC, "each page shows its own Authorization section"
    for op in (GET, PATCH):
        assert op["security"] == [{"apiKey": []}]
    scheme = SPEC["components"]["securitySchemes"]["apiKey"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "x-api-key")
    assert "cc_" in scheme["description"]
    for page in (GET_PAGE, PATCH_PAGE):
        assert "x-api-key" in page
        assert "In: header" in page


def _page_statuses() -> list[str]:
    """The statuses the PATCH page lists for `status` ("Value in ..."), read from its text."""
    match = re.search(r'Value in(".*")', PATCH_PAGE)
    assert match
    return re.findall(r'"([a-z_]+)"', match.group(1))


PAGE_STATUSES = _page_statuses()


def test_customer_campaign_statuses_are_the_pages_nine_in_order() -> None:
    assert len(PAGE_STATUSES) == 9
    assert SPEC["components"]["schemas"]["CustomerCampaignStatus"]["enum"] == PAGE_STATUSES


def test_campaign_statuses_are_the_eight_documented() -> None:
    documented = [
        "draft",
        "active",
        "paused",
        "completed",
        "archived",
        "inactive",
        "cancelled",
        "testing",
    ]
    assert SPEC["components"]["schemas"]["CampaignStatus"]["enum"] == documented


def test_single_value_enums_are_not_invented() -> None:
    """Properties of which the page shows one value are plain strings, not enums."""
    schemas = SPEC["components"]["schemas"]
    single = {
        ("Campaign", "suite"): "receptionist",
        ("DynamicTransferOptions", "method"): "GET",
        ("SuccessCondition", "operator"): "equals",
        ("RoutingConfig", "routingType"): "linear",
        ("RoutingConfig", "fallbackBehavior"): "voicemail",
        ("RoutingConfig", "stateRoutingFallback"): "fallback",
        ("AppointmentConfig", "preferredMode"): "timezone",
    }
    for (schema, prop), shown in single.items():
        node = resolve(schemas[schema]["properties"][prop])
        assert f'"{prop}": "{shown}"' in GET_PAGE
        assert node["type"] == "string", (schema, prop)
        assert not {"enum", "const"} & set(node), (schema, prop)


@pytest.mark.parametrize(("op", "page"), PAGE_OPERATIONS)
def test_every_documented_status_has_the_pages_body_as_example(
    op: dict[str, Any], page: str
) -> None:
    bodies = page_bodies(page)
    assert len(bodies) == len(STATUS_ORDER)
    assert sorted(op["responses"]) == STATUS_ORDER
    for status, body in zip(STATUS_ORDER, bodies, strict=True):
        examples = resolve(op["responses"][status])["content"]["application/json"]["examples"]
        assert examples["seed"]["value"] == body, status


def test_patch_request_example_is_the_pages() -> None:
    example = PATCH["requestBody"]["content"]["application/json"]["examples"]["seed"]["value"]
    assert example == page_request_example(PATCH_PAGE)


def test_include_client_parameter_is_the_argued_boolean() -> None:
    assert "Include client information in response" in GET_PAGE
    assert "boolean (preprocessed)" in GET_PAGE
    (param,) = [p for p in GET["parameters"] if p["in"] == "query"]
    assert param["name"] == "includeClient"
    assert param["schema"] == {"type": "boolean"}
    assert param["required"] is False
    assert param["x-carecycle-provenance"]["source"] == "inferred"


@pytest.mark.parametrize(
    ("schema", "prop", "expected"),
    [
        (
            "Campaign",
            "maxAttempts",
            {"type": "integer", "minimum": -9007199254740991, "maximum": 9007199254740991},
        ),
        ("Campaign", "maxConcurrentCalls", {"type": "integer", "minimum": 1}),
        (
            "RoutingConfig",
            "maxRingPerAgent",
            {"type": "integer", "format": "int32", "minimum": -2147483648, "maximum": 2147483647},
        ),
        (
            "RoutingAgent",
            "weight",
            {"type": "integer", "format": "int32", "minimum": -2147483648, "maximum": 2147483647},
        ),
        (
            "AppointmentConfig",
            "minHours",
            {"type": "integer", "format": "int32", "minimum": -2147483648, "maximum": 2147483647},
        ),
        ("CustomerStats", "total", {"type": "number"}),
        ("DynamicTransferOptions", "timeout", {"type": "number"}),
        ("RateLimitError", "retryAfter", {"type": "number"}),
        ("TransferConfig", "createdAt", {"type": ["string", "null"]}),
        ("RoutingAgent", "lastCallAt", {"type": ["string", "null"]}),
    ],
)
def test_numbers_and_nulls_follow_the_zod_rules(
    schema: str, prop: str, expected: dict[str, Any]
) -> None:
    node = resolve(SPEC["components"]["schemas"][schema]["properties"][prop])
    assert {key: node[key] for key in expected} == expected


def provenances() -> list[tuple[str, Any]]:
    return [
        (pointer, node["x-carecycle-provenance"])
        for pointer, node in walk(SPEC)
        if isinstance(node, dict) and "x-carecycle-provenance" in node
    ]


def test_what_is_not_transcribed_names_its_source_and_why() -> None:
    found = provenances()
    assert {provenance["source"] for _, provenance in found} == {"pages", "docs", "inferred"}
    for pointer, provenance in found:
        assert set(provenance) == {"source", "note"}, pointer
        assert provenance["note"].strip(), pointer
    inferred = {pointer for pointer, p in found if p["source"] == "inferred"}
    assert "paths/~1v2~1campaigns~1{campaignId}/get/parameters/1" in inferred
    assert "components/responses/ValidationFailed" in inferred


# Words that say where a statement comes from rather than what the API does.
PROVENANCE_WORDS = re.compile(r"x-carecycle-source|\bthe pages?\b|\binferred\b|\(docs\)", re.I)


def test_descriptions_are_for_users_and_provenance_stays_in_its_extension() -> None:
    cited = [
        (pointer, node["description"])
        for pointer, node in walk(SPEC)
        if isinstance(node, dict)
        and isinstance(node.get("description"), str)
        and PROVENANCE_WORDS.search(node["description"])
    ]
    assert cited == []


# --- the document agrees with itself: examples validate, patterns behave -----------


def examples_in_document() -> Iterator[Any]:
    for pointer, node in walk(SPEC):
        if not isinstance(node, dict):
            continue
        schema = node.get("schema")
        if isinstance(schema, dict):
            for name, example in node.get("examples", {}).items():
                yield pytest.param(schema, example["value"], id=f"{pointer}/examples/{name}")
            if "example" in node:
                yield pytest.param(schema, node["example"], id=f"{pointer}/example")
        if "type" in node and isinstance(node.get("examples"), list):
            for index, example in enumerate(node["examples"]):
                yield pytest.param(node, example, id=f"{pointer}/examples/{index}")


@pytest.mark.parametrize(("schema", "value"), list(examples_in_document()))
def test_every_example_validates_against_its_schema(schema: dict[str, Any], value: Any) -> None:
    validator_for(schema).validate(value)


def test_examples_are_found() -> None:
    # 7 shared error responses plus 429's documented body, two 200 bodies, the request
    # body, the path and query parameters, and ten schemas' own examples.
    assert len(list(examples_in_document())) >= 23


def test_seed_example_exercises_every_campaign_property() -> None:
    example = GET["responses"]["200"]["content"]["application/json"]["examples"]["seed"]["value"]
    campaign_properties = SPEC["components"]["schemas"]["Campaign"]["properties"]
    assert set(example["campaign"]) == set(campaign_properties)


@pytest.mark.parametrize(
    "value",
    [
        "497f6eca-6276-4993-bfeb-53cbbbba6f08",
        "00000000-0000-1000-8000-000000000000",  # version 1
        "00000000-0000-8000-b000-000000000000",  # version 8, variant b
        "00000000-0000-0000-0000-000000000000",  # nil
        "ffffffff-ffff-ffff-ffff-ffffffffffff",  # max
        "497F6ECA-6276-4993-BFEB-53CBBBBA6F08",  # upper case
    ],
)
def test_uuid_pattern_accepts(value: str) -> None:
    validator_for(UUID_SCHEMA).validate(value)


@pytest.mark.parametrize(
    "value",
    [
        "497f6eca-6276-0993-bfeb-53cbbbba6f08",  # version nibble 0
        "497f6eca-6276-9993-bfeb-53cbbbba6f08",  # version nibble 9
        "497f6eca-6276-4993-cfeb-53cbbbba6f08",  # variant c (Microsoft)
        "497f6eca-6276-4993-7feb-53cbbbba6f08",  # variant 7 (NCS)
        "{497f6eca-6276-4993-bfeb-53cbbbba6f08}",  # braces
        "497f6eca-6276-4993-bfeb",  # missing group
        "497f6eca62764993bfeb53cbbbba6f08",  # no hyphens
        "497f6eca-6276-4993-bfeb-53cbbbba6f08 ",  # trailing space
        "497f6eca-6276-4993-bfeb-53cbbbba6f0g",  # not hex
        "urn:uuid:497f6eca-6276-4993-bfeb-53cbbbba6f08",
        # The pages' regex (zod's) spells the max UUID in lower case only, and its
        # version nibble F is outside 1-8: upper case is accepted for real UUIDs only.
        "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
        "",
    ],
)
def test_uuid_pattern_rejects(value: str) -> None:
    with pytest.raises(ValidationError):
        validator_for(UUID_SCHEMA).validate(value)


@pytest.mark.parametrize("status", PAGE_STATUSES)
def test_request_accepts_every_status_the_page_lists(status: str) -> None:
    request = PATCH["requestBody"]["content"]["application/json"]["schema"]
    body = {
        "customerId": "87d8e330-2878-4742-a86f-dbbb3bf522ac",
        "campaignId": "13f8bf6d-dc27-4a04-bffe-6e5b13c19ddf",
        "status": status,
    }
    validator_for(request).validate(body)


@pytest.mark.parametrize("status", ["Completed", "done", "", "awaiting-call"])
def test_request_rejects_statuses_the_page_does_not_list(status: str) -> None:
    request = PATCH["requestBody"]["content"]["application/json"]["schema"]
    body = {
        "customerId": "87d8e330-2878-4742-a86f-dbbb3bf522ac",
        "campaignId": "13f8bf6d-dc27-4a04-bffe-6e5b13c19ddf",
        "status": status,
    }
    with pytest.raises(ValidationError):
        validator_for(request).validate(body)


def test_every_response_documents_all_eight_statuses_with_their_bodies() -> None:
    bodies = {
        "400": "Error",
        "401": "Error",
        "403": "Error",
        "404": "Error",
        "422": "ValidationError",
        "429": "RateLimitError",
        "500": "Error",
    }
    for op in (GET, PATCH):
        for status, schema_name in bodies.items():
            schema = response_schema(op, status)
            assert schema == {"$ref": f"#/components/schemas/{schema_name}"}, status
