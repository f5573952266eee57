"""A scripted server: an `httpx.MockTransport` that answers in order and records what was sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

Reply = Exception | Callable[[httpx.Request], httpx.Response]


def reply(
    status: int,
    body: Any = None,
    *,
    content: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Callable[[httpx.Request], httpx.Response]:
    """A response made afresh for each request: a JSON `body`, or raw `content`."""

    def respond(request: httpx.Request) -> httpx.Response:
        if content is not None:
            return httpx.Response(status, content=content, headers=headers)
        return httpx.Response(status, json=body, headers=headers)

    return respond


class Script:
    """A server that answers with its replies in order (the last one repeats) and records
    every request as sent; an Exception reply is raised, as a transport failure."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = replies
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self._handle)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        # A copy as sent: the client masks the key on the request once the response is in.
        self.requests.append(
            httpx.Request(
                request.method,
                request.url,
                headers=request.headers.copy(),
                content=request.content,
                extensions=request.extensions,
            )
        )
        answer = self.replies[min(len(self.requests), len(self.replies)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer(request)
