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

The spec's paths are the hot path: `MockApplication`, in front of all of Starlette's
middleware, matches them (`ApiRoutes`), which answer in the steps above one after the
other, read the request's header fields in one pass (headers.py), send their answers
and journal and log them, without Starlette's router, request objects and middleware
layers; every other path (`/_mock`, a 404) goes on to Starlette's stack, whose journal
and access log middleware treat it the same way.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from starlette._utils import get_route_path
from starlette.applications import Starlette
from starlette.convertors import StringConvertor
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, compile_path
from starlette.types import Message, Receive, Scope, Send

from carecycle_mock.accesslog import AccessLog, AccessLogLines, access_log  # noqa: F401 - once defined here
from carecycle_mock.admin import AdminToken, admin_routes
from carecycle_mock.api import CampaignApi, Handler
from carecycle_mock.auth import digest_of, needed_permission
from carecycle_mock.body import read_json
from carecycle_mock.config import MockConfig
from carecycle_mock.errors import (
    ApiError,
    internal_error,
    method_not_allowed,
    not_found,
    validation_failed,
)
from carecycle_mock.faults import ConnectionDropped, injected_response
from carecycle_mock.headers import REQUEST_ID, read_fields
from carecycle_mock.journal import (
    MAX_ERROR_BODY,
    JournalMiddleware,
    JournalRecorder,
    note_body,
    request_id_for,
    with_request_id,
)
from carecycle_mock.responses import JsonResponse
from carecycle_mock.service import MockService
from carecycle_mock.spec import Operation

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
    missing = {op.operation_id for op in state.spec.operations} - set(handlers)
    if missing:
        raise RuntimeError(f"the mock has no handler for operations {sorted(missing)}")
    routes: list[BaseRoute] = []
    if state.config.admin:
        token = state.config.admin_token
        guard = [] if token is None else [Middleware(AdminToken, token=token)]
        routes.append(Mount("/_mock", routes=admin_routes(state), middleware=guard))

    recorder = JournalRecorder(state.journal, state.dataset.api_keys)
    lines = AccessLogLines(key.key for key in state.dataset.api_keys)
    app = MockApplication(
        ApiRoutes(
            state,
            {
                path: {
                    op.method: ApiOperation(
                        op, handlers[op.operation_id], needed_permission(op.method)
                    )
                    for op in operations
                }
                for path, operations in _by_path(state.spec.operations).items()
            },
            recorder=recorder,
            lines=lines,
        ),
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


class MockApplication(Starlette):
    """Starlette's application, with the spec's paths answered in front of its middleware."""

    def __init__(self, api: ApiRoutes, **options: Any) -> None:
        super().__init__(**options)
        self.api = api

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope["app"] = self
        if scope["type"] == "http":
            found = self.api.match(scope)
            if found is not None:
                await self.api.answer(*found, scope, receive, send)
                return
        await super().__call__(scope, receive, send)


@dataclass(frozen=True, slots=True)
class ApiOperation:
    """An operation of the spec, its handler and the permission it needs."""

    spec: Operation
    handler: Handler
    permission: str


# The operations of one path of the spec, by method.
PathOperations = dict[str, ApiOperation]


class ApiRoutes:
    """The spec's paths, each answered in the steps of this module's docstring.

    A path template matches as Starlette's `Route` would match it (`compile_path`, the
    path below `root_path`). Each answer is journaled and logged as the middleware of
    other paths does it; an exception nothing expected is answered 500 INTERNAL_ERROR,
    then raised on to the server, which logs it.

    Every request to the mock's API comes here, so the steps are written out in `answer`,
    one after the other, rather than as layers that each call the next: a layer (a
    coroutine, a middleware) costs about as much as one of the steps.
    """

    def __init__(
        self,
        state: MockService,
        paths: Mapping[str, PathOperations],
        *,
        recorder: JournalRecorder,
        lines: AccessLogLines,
    ) -> None:
        self._state = state
        self._digests = state.keys.digests
        self._recorder = recorder
        self._lines = lines
        self._routes = []
        for path, operations in paths.items():
            pattern, _, convertors = compile_path(path)
            # A path whose parameters are all strings takes the matched strings as they are.
            strings = all(type(convertor) is StringConvertor for convertor in convertors.values())
            self._routes.append((pattern, None if strings else convertors, operations))

    def match(self, scope: Scope) -> tuple[PathOperations, dict[str, Any]] | None:
        """The operations of the spec's path that this request's path is, and its
        parameters; None for a path the spec does not have."""
        path = get_route_path(scope) if scope.get("root_path") else scope["path"]
        for pattern, convertors, operations in self._routes:
            match = pattern.match(path)
            if match is not None:
                parameters = match.groupdict()
                if convertors is not None:
                    parameters = {
                        name: convertors[name].convert(value) for name, value in parameters.items()
                    }
                return operations, parameters
        return None

    async def answer(
        self,
        operations: PathOperations,
        parameters: dict[str, Any],
        scope: Scope,
        receive: Receive,
        send: Send,
    ) -> None:
        key, given_id, content_length, content_type = read_fields(scope["headers"])
        request_id = request_id_for(given_id)
        started = self._recorder.clock()
        digest = digest_of(key, self._digests)
        logged = self._lines.enabled()
        timer = time.perf_counter() if logged else 0.0
        notes: dict[str, Any] = {}
        status: int | None = None
        code: str | None = None
        error_body = b""
        unanswered: str | None = None  # why there is no status, if there is none
        failure: Exception | None = None
        try:
            try:
                response = await self._respond(
                    operations,
                    parameters,
                    scope,
                    receive,
                    notes=notes,
                    fields=(key, digest, content_length, content_type),
                )
            except (ConnectionDropped, ClientDisconnect):
                raise
            except Exception as error:  # answered, then raised on
                status, code, failure = 500, "INTERNAL_ERROR", error
                response = internal_error().response()
            if isinstance(response, JsonResponse):
                # A JsonResponse's head is the mock's own, never with an `x-request-id`.
                status = response.status_code
                if status >= 400:
                    error_body = response.body[:MAX_ERROR_BODY]
                await send(
                    {
                        "type": "http.response.start",
                        "status": status,
                        "headers": [*response.raw_headers, (REQUEST_ID, request_id)],
                    }
                )
                await send({"type": "http.response.body", "body": response.body})
            else:  # an injected drop: it starts an answer, then raises ConnectionDropped

                async def send_with_id(message: Message) -> None:
                    nonlocal status
                    if message["type"] == "http.response.start":
                        status = message["status"]
                        headers = with_request_id(message.get("headers", []), request_id)
                        message = {**message, "headers": headers}
                    await send(message)

                await response(scope, receive, send_with_id)
            if failure is not None:
                raise failure
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
            self._recorder.record_answer(
                scope,
                digest,
                notes,
                request_id,
                started,
                status=status,
                code=code,
                error_body=error_body,
            )

    async def _respond(
        self,
        operations: PathOperations,
        parameters: dict[str, Any],
        scope: Scope,
        receive: Receive,
        *,
        notes: dict[str, Any],
        fields: tuple[bytes | None, str, bytes | None, bytes | None],
    ) -> Response:
        """Steps 1 to 7 (the module's docstring; the journal entry aside) for a request to
        this path: its answer. `fields` are the request's key, its digest, its `Content-Length` and its
        `Content-Type`; what the journal is to know of the request goes into `notes`."""
        key, digest, content_length, content_type = fields
        method: str = scope["method"]
        operation = operations.get(method)
        # `%2F` is not a `/` (RFC 3986), though the decoded path routed on says so.
        raw_path: bytes = scope.get("raw_path", b"")
        if b"%" in raw_path and _ENCODED_SLASH.search(raw_path.partition(b"?")[0]):
            return not_found("No such operation").response()
        if operation is None:
            return method_not_allowed(method, operations).response()
        spec = operation.spec
        notes["operation_id"] = spec.operation_id
        state = self._state
        # Counted as it comes, before any delay a fault plan makes: a client that gave up
        # waiting finds its request counted.
        state.volatile.count_request(digest)
        faults = state.faults.next(digest)
        for fault in faults:
            injected = await injected_response(fault)
            if injected is not None:
                return injected
        try:
            principal = state.keys.authorize(key, digest, operation.permission)
            if state.limiter is not None:
                state.limiter.check(digest)
            body = None
            if spec.body is not None:
                body, size = await read_json(
                    receive, spec.body.media_type, content_length, content_type
                )
                note_body(notes, body, size)
            path, query, issues = spec.parameters.read(
                parameters, scope["query_string"].decode("latin-1")
            )
            if spec.body is not None and not spec.body.schema.is_valid(body):
                issues = (*issues, *spec.body.schema.issues(body))
            if issues:
                raise validation_failed(issues)
            return await operation.handler(path, query, body, principal)
        except ApiError as error:
            return error.response()


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own 404 (no route), and 405 (an admin path, another method) with its Allow."""
    if isinstance(exc, HTTPException) and exc.status_code == 405 and exc.headers:
        allowed = (method.strip() for method in exc.headers.get("Allow", "").split(","))
        return method_not_allowed(request.method, allowed).response()
    return not_found("No such operation").response()


async def _internal_error(request: Request, exc: Exception) -> Response:
    return internal_error().response()
