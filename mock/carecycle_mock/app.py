"""The mock's ASGI application: every path of openapi.yaml, plus `/_mock` controls.

A request to the API passes these steps in order; the first that objects answers:

1. Route: a path the spec does not have is 404 NOT_FOUND (as careCycle's own router
   answers); a method it does not declare for the path is 405 METHOD_NOT_ALLOWED
   with `Allow` (RFC 9110 requires it), in the documented error shape.
2. The request is counted for its key (`GET /_mock/requests`); whatever the answer,
   it goes into the journal (journal.py), which also gives it its `x-request-id`.
3. Fault plan: an injected status, drop or delay, if a plan says so.
4. Auth: no key 401; a key that is unknown or lacks the `cc_` prefix 401; a key
   without the operation's permission (`read` for GET, `write` otherwise) 403.
5. Rate limit of the key: 429 with `retryAfter`.
6. Input: a body that is not JSON, too large, empty or of another media type 400;
   then path, query and body against the spec's schemas, all issues at once, 422.
7. Business rules (see api.py): 400 STATUS_NOT_TERMINAL, 404 for what the key's
   organisation does not have.

Auth comes before input checks so that a caller without a valid key learns nothing
about the API, and the rate limit counts every authenticated request, valid or not.
An exception nothing expected is answered 500 INTERNAL_ERROR with the documented body.

The spec's paths are the hot path: `ApiRoutes`, in front of all of Starlette's
middleware, matches them itself, calls their endpoints with the ASGI scope, sends their
answers and journals and logs them, without Starlette's router, request objects and
middleware layers; every other path (`/_mock`, a 404) goes on to Starlette's stack,
whose journal and access log middleware treat it the same way.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from starlette._utils import get_route_path
from starlette.applications import Starlette
from starlette.convertors import StringConvertor
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from carecycle_mock.accesslog import AccessLog, AccessLogLines, access_log  # noqa: F401 - once defined here
from carecycle_mock.admin import AdminToken, admin_routes
from carecycle_mock.api import CampaignApi, Handler, Inputs
from carecycle_mock.auth import request_key
from carecycle_mock.body import read_json_body
from carecycle_mock.config import MockConfig
from carecycle_mock.errors import (
    ApiError,
    internal_error,
    method_not_allowed,
    not_found,
    validation_failed,
)
from carecycle_mock.faults import ConnectionDropped, injected_response
from carecycle_mock.journal import (
    MAX_ERROR_BODY,
    REQUEST_ID_HEADER,
    JournalMiddleware,
    JournalRecorder,
    note,
    recorded_body,
    with_request_id,
)
from carecycle_mock.responses import JsonResponse
from carecycle_mock.service import MockService
from carecycle_mock.spec import HTTP_METHODS, Operation

ANY_METHOD = [method.upper() for method in HTTP_METHODS]
_ENCODED_SLASH = re.compile(rb"%2f", re.IGNORECASE)


def create_app(
    config: MockConfig | None = None, *, clock: Callable[[], float] = time.time
) -> Starlette:
    """A mock server application; `clock` is the rate limiter's time source."""
    return build_app(MockService(config or MockConfig(), clock=clock))


def build_app(state: MockService) -> Starlette:
    handlers = CampaignApi(
        state.dataset, state.enrollments, state.spec.component("CustomerCampaignStatus")["enum"]
    ).handlers()
    # Every method, standard or not, reaches the endpoint, which answers those the
    # spec lacks itself: with the path's own `Allow`.
    api = [
        (path, _endpoint(state, {op.method: op for op in operations}, handlers))
        for path, operations in _by_path(state.spec.operations).items()
    ]
    routes: list[BaseRoute] = []
    if state.config.admin:
        token = state.config.admin_token
        guard = [] if token is None else [Middleware(AdminToken, token=token)]
        routes.append(Mount("/_mock", routes=admin_routes(state), middleware=guard))

    recorder = JournalRecorder(state.journal, state.dataset.api_keys)
    lines = AccessLogLines(key.key for key in state.dataset.api_keys)
    app = MockApplication(
        ApiRoutes(api, recorder=recorder, lines=lines),
        routes=routes,
        # The journal outermost: the access log line is written as soon as the answer is
        # sent, and the journal records after it, with the outcome the log saw.
        middleware=[
            Middleware(JournalMiddleware, recorder=recorder),
            Middleware(AccessLog, lines=lines),
        ],
        exception_handlers={HTTPException: _http_error, Exception: _internal_error},
    )
    app.router.redirect_slashes = False
    app.state.mock = state
    return app


def _by_path(operations: tuple[Operation, ...]) -> dict[str, list[Operation]]:
    grouped: dict[str, list[Operation]] = defaultdict(list)
    for operation in operations:
        grouped[operation.path].append(operation)
    return grouped


Endpoint = Callable[[Scope, Receive, dict[str, Any]], Awaitable[Response]]


class MockApplication(Starlette):
    """Starlette's application, with the spec's paths answered in front of its middleware."""

    def __init__(self, api: ApiRoutes, **options: Any) -> None:
        super().__init__(**options)
        self.api = api

    def build_middleware_stack(self) -> ASGIApp:
        self.api.app = super().build_middleware_stack()
        return self.api


class ApiRoutes:
    """ASGI application: the spec's paths answered by their endpoints, the rest passed on
    to `app` (Starlette's middleware and router).

    A path template matches as Starlette's `Route` would match it (`compile_path`, the
    path below `root_path`); the endpoint gets the scope and the path's parameters. Each
    answer is journaled and logged as the middleware of other paths does it; an
    exception nothing expected is answered 500 INTERNAL_ERROR, then raised on to the
    server, which logs it.
    """

    def __init__(
        self,
        routes: Sequence[tuple[str, Endpoint]],
        *,
        recorder: JournalRecorder,
        lines: AccessLogLines,
    ) -> None:
        self.app: ASGIApp | None = None
        self._recorder = recorder
        self._lines = lines
        self._routes = []
        for path, endpoint in routes:
            pattern, _, convertors = compile_path(path)
            # A path whose parameters are all strings takes the matched strings as they are.
            strings = all(type(convertor) is StringConvertor for convertor in convertors.values())
            self._routes.append((pattern, None if strings else convertors, endpoint))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = get_route_path(scope) if scope.get("root_path") else scope["path"]
            for pattern, convertors, endpoint in self._routes:
                match = pattern.match(path)
                if match is not None:
                    parameters = match.groupdict()
                    if convertors is not None:
                        parameters = {
                            name: convertors[name].convert(value)
                            for name, value in parameters.items()
                        }
                    await self._answer(endpoint, parameters, scope, receive, send)
                    return
        assert self.app is not None, "ApiRoutes serves inside a MockApplication"
        await self.app(scope, receive, send)

    async def _answer(
        self,
        endpoint: Endpoint,
        parameters: dict[str, Any],
        scope: Scope,
        receive: Receive,
        send: Send,
    ) -> None:
        request_id, started = self._recorder.begin(scope)
        logged = self._lines.enabled()
        timer = time.perf_counter() if logged else 0.0
        status: int | None = None
        code: str | None = None
        error_body = b""
        unanswered: str | None = None  # why there is no status, if there is none
        try:
            try:
                response = await endpoint(scope, receive, parameters)
            except (ConnectionDropped, ClientDisconnect):
                raise
            except Exception:
                status, code = 500, "INTERNAL_ERROR"
                await _send(internal_error().response(), request_id, send)
                raise
            if isinstance(response, JsonResponse):
                status = response.status_code
                if status >= 400:
                    error_body = response.body[:MAX_ERROR_BODY]
                await _send(response, request_id, send)
            else:  # an injected drop: it starts an answer, then raises ConnectionDropped

                async def send_with_id(message: Message) -> None:
                    nonlocal status
                    if message["type"] == "http.response.start":
                        status = message["status"]
                        headers = with_request_id(message.get("headers", []), request_id)
                        message = {**message, "headers": headers}
                    await send(message)

                await response(scope, receive, send_with_id)
        except ConnectionDropped:
            status, unanswered = None, "dropped"
            raise
        except ClientDisconnect:
            # The client left before its request was read: nobody to answer, nothing broken.
            unanswered = "disconnected"
        finally:
            if logged:
                outcome = str(status) if status is not None else unanswered or "failed"
                self._lines.write(scope, outcome, timer)
            self._recorder.record(
                scope, request_id, started, status=status, code=code, error_body=error_body
            )


async def _send(response: JsonResponse, request_id: bytes, send: Send) -> None:
    # A JsonResponse's head is the mock's own, never with an `x-request-id` of its own.
    headers = [*response.raw_headers, (REQUEST_ID_HEADER, request_id)]
    await send({"type": "http.response.start", "status": response.status_code, "headers": headers})
    await send({"type": "http.response.body", "body": response.body})


def _endpoint(
    state: MockService, operations: dict[str, Operation], handlers: dict[str, Handler]
) -> Endpoint:
    missing = {op.operation_id for op in operations.values()} - set(handlers)
    if missing:
        raise RuntimeError(f"the mock has no handler for operations {sorted(missing)}")

    async def endpoint(scope: Scope, receive: Receive, path_parameters: dict[str, Any]) -> Response:
        method: str = scope["method"]
        operation = operations.get(method)
        # `%2F` is not a `/` (RFC 3986), though the decoded path routed on says so.
        raw_path: bytes = scope.get("raw_path", b"")
        if b"%" in raw_path and _ENCODED_SLASH.search(raw_path.partition(b"?")[0]):
            return not_found("No such operation").response()
        if operation is None:
            return method_not_allowed(method, operations).response()
        note(scope, operation_id=operation.operation_id)
        presented = request_key(scope, state.keys.digests)
        state.volatile.count_request(presented.digest)
        for fault in state.faults.next(presented.digest):
            injected = await injected_response(fault)
            if injected is not None:
                return injected
        try:
            principal = state.keys.authorize(presented, operation.method)
            if state.limiter is not None:
                state.limiter.check(principal.key_digest)
            body = None
            if operation.body is not None:
                body = await read_json_body(scope, receive, operation.body.media_type)
                note(scope, **recorded_body(body))
            inputs = _inputs(operation, scope, path_parameters, body)
            return await handlers[operation.operation_id](inputs, principal)
        except ApiError as error:
            return error.response()

    return endpoint


def _inputs(
    operation: Operation, scope: Scope, path_parameters: dict[str, Any], body: Any
) -> Inputs:
    """Check every parameter and the (parsed) body against the spec."""
    path, query, issues = operation.parameters.read(
        path_parameters, scope["query_string"].decode("latin-1")
    )
    if operation.body is not None:
        issues = (*issues, *operation.body.schema.issues(body))
    if issues:
        raise validation_failed(issues)
    return Inputs(path=path, query=query, body=body)


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own 404 (no route), and 405 (an admin path, another method) with its Allow."""
    if isinstance(exc, HTTPException) and exc.status_code == 405 and exc.headers:
        allowed = (method.strip() for method in exc.headers.get("Allow", "").split(","))
        return method_not_allowed(request.method, allowed).response()
    return not_found("No such operation").response()


async def _internal_error(request: Request, exc: Exception) -> Response:
    return internal_error().response()
