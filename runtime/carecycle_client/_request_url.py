"""A request's URL joined to the base URL as httpx joins it, parsed once instead of three times.

`httpx.Client.build_request` parses a relative URL, then the URL joined to the base URL,
then that again with the query parameters: three runs of httpx's URL parser, the largest
part of building a request. For what the generated functions send (a path of printable
ASCII that starts with one "/", no query or fragment in it, the parameters as a dict) the
joined URL is the base URL's text, the path after its "/" and the encoded parameters:
`joined_url` parses that text once, and not again while it is among the last URLS_KEPT
(a path without parameters, a resource asked for again). Anything else is left to httpx (None).
"""

from __future__ import annotations

from functools import lru_cache

import httpx

LONGEST_PATH = 8_000
"""Longer paths are left to httpx, whose limits apply to each part of a URL separately."""
URLS_KEPT = 256
"""Parsed URLs kept for their text: an httpx.URL is immutable, so requests can share one."""


def joined_url(client: httpx.Client | httpx.AsyncClient, url: object, params: object) -> httpx.URL | None:
    """`url` with `params` as `client.build_request` would make it, or None to let it."""
    if not (
        isinstance(url, str)
        and url.startswith("/")
        and not url.startswith("//")  # httpx reads a host from it
        and len(url) <= LONGEST_PATH
        and url.isascii()
        and url.isprintable()
        and "?" not in url
        and "#" not in url
        and (params is None or isinstance(params, dict))
        and not client.params
    ):
        return None
    base = client.base_url
    prefix = str(base)
    # With a query or fragment (a "?" or "#", which the canonical text has nowhere else)
    # httpx's joining is not appending.
    if base.is_relative_url or "?" in prefix or "#" in prefix:
        return None
    # httpx joins to the base URL's path with a final "/" (an empty path reads as "/").
    text = prefix + url[1:] if prefix.endswith("/") else prefix + url
    if params:
        # What httpx puts in the query: its encoding of the parameters, in place of any other.
        text = f"{text}?{httpx.QueryParams(params)}"
    return _parsed(text)


@lru_cache(maxsize=URLS_KEPT)
def _parsed(text: str) -> httpx.URL:
    return httpx.URL(text)
