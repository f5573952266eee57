"""`/_mock`: control endpoints for tests, outside the spec's paths.

- `PUT /_mock/faults` installs a fault plan (body: see faults.FAULT_PLAN_SCHEMA) -> 204
- `DELETE /_mock/faults` removes every plan -> 204
- `POST /_mock/reset` seed statuses back, rate-limit windows, plans and counts cleared -> 204
- `GET /_mock/requests[?apiKey=KEY&FILTER=VALUE...]` -> `{"count": N, "requests": [ENTRY...]}`:
  `count` is every API request seen with that key (all without `apiKey`), `requests` the
  journal's entries (journal.py) with that key that pass the filters, oldest first;
  see `journal_filters` for the filters

On loopback they need no auth; with an admin token (`--admin-token-file`, the
ADMIN_TOKEN_ENV variable, MockConfig.admin_token), which a server on any other address
requires, every request needs `Authorization: Bearer TOKEN`, else 401. `--no-admin`
(MockConfig.admin=False) leaves them out.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from carecycle_mock.body import read_json_body
from carecycle_mock.errors import ApiError, unauthorized, validation_failed
from carecycle_mock.faults import FAULT_PLAN_URI, FaultPlan
from carecycle_mock.journal import journal_filters
from carecycle_mock.responses import JsonResponse
from carecycle_mock.service import MockService

ADMIN_TOKEN_ENV = "CARECYCLE_MOCK_ADMIN_TOKEN"  # noqa: S105 - the name of a variable


def admin_token(token_file: Path | None) -> str | None:
    """The token in `token_file` (surrounding whitespace dropped), else in ADMIN_TOKEN_ENV."""
    token = (
        os.environ.get(ADMIN_TOKEN_ENV, "")
        if token_file is None
        else token_file.read_text(encoding="utf-8")
    ).strip()
    if token_file is not None and not token:
        raise ValueError(f"--admin-token-file {token_file} is empty")
    return token or None


class AdminToken:
    """Every request needs `Authorization: Bearer TOKEN`; compared as digests, in constant time."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self._digest = hashlib.sha256(token.encode()).digest()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self._authorised(scope["headers"]):
            error = unauthorized("The admin API needs Authorization: Bearer <admin token>")
            error.headers["www-authenticate"] = "Bearer"
            await error.response()(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _authorised(self, headers: list[tuple[bytes, bytes]]) -> bool:
        values = [value for name, value in headers if name == b"authorization"]
        if len(values) != 1:
            return False
        scheme, _, token = values[0].strip().partition(b" ")
        if scheme.lower() != b"bearer":
            return False
        return hmac.compare_digest(hashlib.sha256(token.strip()).digest(), self._digest)


def admin_routes(state: MockService) -> list[Route]:
    plan_schema = state.spec.schemas.compile_ref(FAULT_PLAN_URI)

    async def put_faults(request: Request) -> Response:
        try:
            data = await read_json_body(request.scope, request.receive)
            issues = plan_schema.issues(data)
            if issues:
                raise validation_failed(issues)
            try:
                plan = FaultPlan.from_json(data)
            except ValueError as error:
                raise validation_failed(
                    [{"path": ["rates"], "code": "custom", "message": str(error)}]
                ) from error
        except ApiError as error:
            return error.response()
        state.set_faults(plan)
        return Response(status_code=204)

    async def delete_faults(request: Request) -> Response:
        state.clear_faults()
        return Response(status_code=204)

    async def reset(request: Request) -> Response:
        await anyio.to_thread.run_sync(state.reset)
        return Response(status_code=204)

    async def requests_seen(request: Request) -> Response:
        try:
            api_key, filters = journal_filters(request.query_params.multi_items())
        except ApiError as error:
            return error.response()
        entries = await anyio.to_thread.run_sync(lambda: state.requests(api_key=api_key, **filters))
        return JsonResponse(
            {
                "count": state.request_count(api_key),
                "requests": [entry.to_json() for entry in entries],
            }
        )

    async def faults(request: Request) -> Response:
        return await (put_faults if request.method == "PUT" else delete_faults)(request)

    # One route a path, so that a 405 says every method the path has in `Allow`.
    return [
        Route("/faults", faults, methods=["PUT", "DELETE"]),
        Route("/reset", reset, methods=["POST"]),
        Route("/requests", requests_seen, methods=["GET"]),
    ]
