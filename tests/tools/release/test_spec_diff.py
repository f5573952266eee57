"""One case per classification rule: a single edit of openapi.yaml and the change it makes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from carecycle_tools.changes import Change, Level
from carecycle_tools.spec_diff import Direction, SpecError, compare_specs, schema_directions
from tests.repository import SPEC

GET = "GET /v2/campaigns/{campaignId}"
PATCH = "PATCH /v2/customers/campaign-status"
Spec = dict[str, Any]


def get(spec: Spec) -> Spec:
    operation: Spec = spec["paths"]["/v2/campaigns/{campaignId}"]["get"]
    return operation


def patch(spec: Spec) -> Spec:
    operation: Spec = spec["paths"]["/v2/customers/campaign-status"]["patch"]
    return operation


def schema(spec: Spec, name: str) -> Spec:
    found: Spec = spec["components"]["schemas"][name]
    return found


def include_client(spec: Spec) -> Spec:
    parameter: Spec = get(spec)["parameters"][1]
    return parameter


def status_request(spec: Spec) -> Spec:
    return schema(spec, "UpdateCustomerCampaignStatusRequest")


def add_parameter(spec: Spec, *, required: bool) -> None:
    get(spec)["parameters"].append(
        {"name": "fields", "in": "query", "required": required, "schema": {"type": "string"}}
    )


def add_request_field(spec: Spec, *, required: bool) -> None:
    status_request(spec)["properties"]["note"] = {"type": "string"}
    if required:
        status_request(spec)["required"].append("note")


def remove_request_field(spec: Spec) -> None:
    del status_request(spec)["properties"]["status"]
    status_request(spec)["required"].remove("status")


def add_response_field(spec: Spec) -> None:
    schema(spec, "ClientInfo")["properties"]["region"] = {"type": "string"}
    schema(spec, "ClientInfo")["required"].append("region")


def retarget_ref(spec: Spec) -> None:
    state = {**schema(spec, "CampaignStatus"), "enum": schema(spec, "CampaignStatus")["enum"][:-1]}
    spec["components"]["schemas"]["CampaignState"] = state
    schema(spec, "Campaign")["properties"]["status"] = {
        "$ref": "#/components/schemas/CampaignState"
    }


def add_schema(spec: Spec) -> None:
    spec["components"]["schemas"]["Unused"] = {"type": "string"}


def change_servers(spec: Spec) -> None:
    spec["servers"][0]["url"] = "https://api.example.invalid"


def deprecate(spec: Spec) -> None:
    get(spec)["deprecated"] = True


def make_body_optional(spec: Spec) -> None:
    patch(spec)["requestBody"]["required"] = False


def remove_media_type(spec: Spec) -> None:
    content = patch(spec)["requestBody"]["content"]
    content["application/merge-patch+json"] = content.pop("application/json")


def widen_include_client(spec: Spec) -> None:
    include_client(spec)["schema"]["type"] = ["boolean", "string"]


RULES: dict[str, tuple[Callable[[Spec], None], list[Change]]] = {
    "operation removed": (
        lambda s: s["paths"].pop("/v2/customers/campaign-status"),
        [Change(Level.MAJOR, PATCH, "operation removed")],
    ),
    "operation added": (
        lambda s: s["paths"]["/v2/campaigns/{campaignId}"].update(delete=get(s)),
        [Change(Level.MINOR, "DELETE /v2/campaigns/{campaignId}", "operation added")],
    ),
    "parameter removed": (
        lambda s: get(s)["parameters"].pop(1),
        [Change(Level.MAJOR, f"{GET} query parameter includeClient", "parameter removed")],
    ),
    "optional parameter added": (
        lambda s: add_parameter(s, required=False),
        [Change(Level.MINOR, f"{GET} query parameter fields", "optional parameter added")],
    ),
    "required parameter added": (
        lambda s: add_parameter(s, required=True),
        [Change(Level.MAJOR, f"{GET} query parameter fields", "required parameter added")],
    ),
    "parameter made required": (
        lambda s: include_client(s).update(required=True),
        [
            Change(
                Level.MAJOR,
                f"{GET} query parameter includeClient",
                "optional parameter made required",
            )
        ],
    ),
    "request body made optional": (
        make_body_optional,
        [Change(Level.MINOR, f"{PATCH} request body", "required request body made optional")],
    ),
    "media type removed": (
        remove_media_type,
        [
            Change(Level.MAJOR, f"{PATCH} request body", "media type application/json removed"),
            Change(
                Level.MINOR,
                f"{PATCH} request body",
                "media type application/merge-patch+json added",
            ),
        ],
    ),
    "request field removed": (
        remove_request_field,
        [Change(Level.MAJOR, "UpdateCustomerCampaignStatusRequest.status", "field removed")],
    ),
    "optional request field added": (
        lambda s: add_request_field(s, required=False),
        [Change(Level.MINOR, "UpdateCustomerCampaignStatusRequest.note", "optional field added")],
    ),
    "required request field added": (
        lambda s: add_request_field(s, required=True),
        [Change(Level.MAJOR, "UpdateCustomerCampaignStatusRequest.note", "required field added")],
    ),
    "request field made optional": (
        lambda s: status_request(s)["required"].remove("status"),
        [
            Change(
                Level.MINOR,
                "UpdateCustomerCampaignStatusRequest.status",
                "required field made optional",
            )
        ],
    ),
    "response field removed": (
        lambda s: schema(s, "Campaign")["properties"].pop("sourceType"),
        [Change(Level.MAJOR, "Campaign.sourceType", "field removed")],
    ),
    "required response field added": (
        add_response_field,
        [Change(Level.MINOR, "ClientInfo.region", "required field added")],
    ),
    "response field made required": (
        lambda s: schema(s, "Campaign")["required"].append("templateName"),
        [Change(Level.MAJOR, "Campaign.templateName", "optional field made required")],
    ),
    "response field made optional": (
        lambda s: schema(s, "Campaign")["required"].remove("name"),
        [Change(Level.MAJOR, "Campaign.name", "required field made optional")],
    ),
    "enum value removed": (
        lambda s: schema(s, "CustomerCampaignStatus")["enum"].remove("skipped"),
        [Change(Level.MAJOR, "CustomerCampaignStatus", "enum value 'skipped' removed")],
    ),
    "request enum value added": (
        lambda s: schema(s, "CustomerCampaignStatus")["enum"].append("paused"),
        [Change(Level.MINOR, "CustomerCampaignStatus", "enum value 'paused' added")],
    ),
    "response enum value added": (
        lambda s: schema(s, "CampaignStatus")["enum"].append("deleted"),
        [
            Change(
                Level.MINOR,
                "CampaignStatus",
                "enum value 'deleted' added (responses: the client tolerates unknown values)",
            )
        ],
    ),
    "response status removed": (
        lambda s: get(s)["responses"].pop("403"),
        [Change(Level.MAJOR, GET, "response 403 removed")],
    ),
    "response status added": (
        lambda s: get(s)["responses"].update({"409": get(s)["responses"]["404"]}),
        [Change(Level.MINOR, GET, "response 409 added")],
    ),
    "type narrowed": (
        lambda s: schema(s, "NullableDateTime").update(type="string"),
        [Change(Level.MAJOR, "NullableDateTime", "type narrowed (string | null -> string)")],
    ),
    "number narrowed to integer": (
        lambda s: schema(s, "CustomerStats")["properties"]["total"].update(type="integer"),
        [Change(Level.MAJOR, "CustomerStats.total", "type narrowed (number -> integer)")],
    ),
    "request type widened": (
        widen_include_client,
        [
            Change(
                Level.MINOR,
                f"{GET} query parameter includeClient",
                "type widened (boolean -> boolean | string)",
            )
        ],
    ),
    "response type widened": (
        lambda s: schema(s, "CustomerStats")["properties"]["total"].update(type=["number", "null"]),
        [Change(Level.MAJOR, "CustomerStats.total", "type widened (number -> number | null)")],
    ),
    "type changed": (
        lambda s: schema(s, "Campaign")["properties"]["dialAfterhours"].update(type="string"),
        [Change(Level.MAJOR, "Campaign.dialAfterhours", "type changed (boolean -> string)")],
    ),
    "pattern changed": (
        lambda s: schema(s, "Uuid").update(pattern="^[0-9a-f-]{36}$"),
        [Change(Level.MAJOR, "Uuid", "pattern changed: ^[0-9a-f-]{36}$")],
    ),
    "pattern removed": (
        lambda s: schema(s, "Uuid").pop("pattern"),
        [Change(Level.MINOR, "Uuid", "pattern removed")],
    ),
    "format changed": (
        lambda s: schema(s, "User")["properties"]["email"].pop("format"),
        [Change(Level.MAJOR, "User.email", "format email -> none: the generated type follows it")],
    ),
    "minimum raised": (
        lambda s: schema(s, "Campaign")["properties"]["maxConcurrentCalls"].update(minimum=2),
        [Change(Level.MAJOR, "Campaign.maxConcurrentCalls", "minimum 1 -> 2 (narrowed)")],
    ),
    "maximum raised": (
        lambda s: schema(s, "Int32").update(maximum=4294967295),
        [Change(Level.MINOR, "Int32", "maximum 2147483647 -> 4294967295 (widened)")],
    ),
    "additional properties forbidden": (
        lambda s: schema(s, "StatusCounts").update(additionalProperties=False),
        [Change(Level.MAJOR, "StatusCounts", "additionalProperties narrowed")],
    ),
    "ref retargeted: compared by content": (
        retarget_ref,
        [
            Change(Level.MAJOR, "Campaign.status", "enum value 'testing' removed"),
            Change(Level.MINOR, "schema CampaignState", "added"),
        ],
    ),
    "schema added": (add_schema, [Change(Level.MINOR, "schema Unused", "added")]),
    "request body removed": (
        lambda s: patch(s).pop("requestBody"),
        [Change(Level.MAJOR, f"{PATCH} request body", "request body removed")],
    ),
    "shared response changed": (
        lambda s: s["components"]["responses"]["BadRequest"].update(description="Bad."),
        [Change(Level.PATCH, "response BadRequest", "description changed")],
    ),
    "additional property narrowed": (
        lambda s: schema(s, "StatusCounts").update(additionalProperties={"type": "integer"}),
        [Change(Level.MAJOR, "StatusCounts.*", "type narrowed (number -> integer)")],
    ),
    "deprecated": (deprecate, [Change(Level.MINOR, GET, "deprecated")]),
    "description changed": (
        lambda s: schema(s, "Campaign").update(description="A campaign."),
        [Change(Level.PATCH, "Campaign", "description changed")],
    ),
    "summary changed": (
        lambda s: get(s).update(summary="Read a campaign"),
        [Change(Level.PATCH, GET, "summary changed")],
    ),
    "extension changed": (
        lambda s: schema(s, "Campaign").update({"x-carecycle-provenance": {"source": "docs"}}),
        [Change(Level.PATCH, "Campaign", "x-carecycle-provenance changed")],
    ),
    "server URL changed": (
        change_servers,
        [
            Change(
                Level.MAJOR,
                "servers",
                "URLs changed from ['https://api.carecycle.ai'] to ['https://api.example.invalid']",
            )
        ],
    ),
    "server added": (
        lambda s: s["servers"].append({"url": "https://sandbox.example.invalid"}),
        [Change(Level.MINOR, "servers", "server https://sandbox.example.invalid added")],
    ),
    "server description changed": (
        lambda s: s["servers"][0].update(description="Live"),
        [Change(Level.PATCH, "server https://api.carecycle.ai", "description changed")],
    ),
    "unclassified change": (
        lambda s: s.update(jsonSchemaDialect="https://spec.openapis.org/oas/3.1/dialect/base"),
        [
            Change(
                Level.MAJOR,
                "document",
                "jsonSchemaDialect added (no rule for it: counted as breaking)",
            )
        ],
    ),
}


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_classifies_its_change(spec: Spec, rule: str) -> None:
    mutate, expected = RULES[rule]
    mutate(spec)
    assert compare_specs(SPEC, spec) == expected


def test_the_same_spec_has_no_changes(spec: Spec) -> None:
    assert compare_specs(SPEC, spec) == []


def test_the_version_alone_is_no_change(spec: Spec) -> None:
    spec["info"]["version"] = "2.0.0"
    assert compare_specs(SPEC, spec) == []


def test_schema_removed(spec: Spec) -> None:
    add_schema(spec)
    assert compare_specs(spec, SPEC) == [Change(Level.MAJOR, "schema Unused", "removed")]


def test_path_parameters_count_for_each_operation(spec: Spec) -> None:
    item = spec["paths"]["/v2/campaigns/{campaignId}"]
    item["parameters"] = [get(spec)["parameters"].pop(0)]
    assert compare_specs(SPEC, spec) == []
    item["parameters"][0]["description"] = "The campaign"
    assert compare_specs(SPEC, spec) == [
        Change(Level.PATCH, f"{GET} path parameter campaignId", "description changed")
    ]


def test_combined_schemas_are_compared_member_by_member() -> None:
    def document(*members: Spec) -> Spec:
        return {"components": {"schemas": {"Id": {"oneOf": list(members)}}}}

    old = document({"type": "string"}, {"type": "integer"})
    assert compare_specs(old, document({"type": "string"}, {"type": "integer", "minimum": 1})) == [
        Change(Level.MAJOR, "Id (oneOf 1)", "minimum none -> 1 (narrowed)")
    ]
    assert compare_specs(old, document({"type": "string"})) == [
        Change(Level.MAJOR, "Id", "oneOf changed (no rule for it: counted as breaking)")
    ]


def test_schemas_are_classified_by_the_directions_that_use_them() -> None:
    directions = schema_directions(SPEC)
    assert directions["Uuid"] == {Direction.REQUEST, Direction.RESPONSE}
    assert directions["CustomerCampaignStatus"] == {Direction.REQUEST}
    assert directions["Campaign"] == {Direction.RESPONSE}


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("other.yaml#/Status", "points outside the document"),
        ("#/components/schemas/Missing", "does not resolve"),
        ("#/components/schemas/Loop", "cycle"),
    ],
)
def test_a_ref_that_cannot_be_followed_is_a_clear_error(spec: Spec, ref: str, message: str) -> None:
    spec["components"]["schemas"]["Loop"] = {"$ref": "#/components/schemas/Loop"}
    schema(spec, "Campaign")["properties"]["status"] = {"$ref": ref}
    with pytest.raises(SpecError, match=message):
        compare_specs(SPEC, spec)
