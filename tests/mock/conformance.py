"""Does a response say what openapi.yaml says it may? Checked with `jsonschema`, not the mock's code."""

from __future__ import annotations

from typing import Any

import httpx
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from tests.repository import SPEC

_URI = "urn:test:openapi"
_REGISTRY: Registry[Any] = Registry().with_resource(_URI, Resource.opaque(SPEC))
OPERATIONS = {
    operation["operationId"]: (path, method)
    for path, item in SPEC["paths"].items()
    for method, operation in item.items()
}


def assert_conforms(response: httpx.Response, operation_id: str) -> Any:
    """The response's status is documented for the operation and its JSON body matches; the body."""
    path, method = OPERATIONS[operation_id]
    documented = SPEC["paths"][path][method]["responses"]
    status = str(response.status_code)
    assert status in documented, f"{response.status_code} is not documented for {operation_id}"
    assert response.headers["content-type"] == "application/json"
    pointer = f"paths/{_escape(path)}/{method}/responses/{status}"
    reference = documented[status].get("$ref", f"#/{pointer}")
    schema_ref = f"{_URI}{reference}/content/application~1json/schema"
    validator = Draft202012Validator(
        {"$ref": schema_ref}, registry=_REGISTRY, format_checker=FormatChecker()
    )
    body = response.json()
    validator.validate(body)
    return body


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D")
