"""`/_mock`: control endpoints for tests, outside the spec's paths.

- `PUT /_mock/faults` installs a fault plan (body: see faults.FAULT_PLAN_SCHEMA) -> 204
- `DELETE /_mock/faults` removes every plan -> 204
- `POST /_mock/reset` seed statuses back, rate-limit windows, plans and counts cleared -> 204
- `GET /_mock/requests[?apiKey=KEY&FILTER=VALUE...]` -> `{"count": N, "requests": [ENTRY...]}`:
  `count` is every API request seen with that key (all without `apiKey`), `requests` the
  journal's entries (journal.py) with that key that pass the filters, oldest first;
  see `journal_filters` for the filters

They are meant for a mock on a test machine: there is no auth on them; `--no-admin`
(MockConfig.admin=False) leaves them out.
"""

from __future__ import annotations

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from carecycle_mock.body import read_json_body
from carecycle_mock.errors import ApiError, validation_failed
from carecycle_mock.faults import FAULT_PLAN_URI, FaultPlan
from carecycle_mock.journal import journal_filters
from carecycle_mock.responses import JsonResponse
from carecycle_mock.state import MockState


def admin_routes(state: MockState) -> list[Route]:
    plan_schema = state.spec.schemas.compile_ref(FAULT_PLAN_URI)

    async def put_faults(request: Request) -> Response:
        try:
            data = await read_json_body(request)
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

    return [
        Route("/faults", put_faults, methods=["PUT"]),
        Route("/faults", delete_faults, methods=["DELETE"]),
        Route("/reset", reset, methods=["POST"]),
        Route("/requests", requests_seen, methods=["GET"]),
    ]
