"""The client joins a request's URL in one parse (`_request_url.joined_url`) where httpx would
take three: the URL must be the one `httpx.Client.build_request` makes, for any path,
parameters and base URL, or be left to httpx (None)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from carecycle_client._request_url import joined_url

BASE_URLS = [
    "http://127.0.0.1:8000",
    "http://127.0.0.1:8000/",
    "https://api.example.com/v1",
    "https://api.example.com/v1/",
    "https://api.example.com:443/a/b/../c",
    "http://user:p%40ss@[::1]:9000/api",
    "https://bücher.example/",
    "https://api.example.com/api?tenant=1",
    "https://api.example.com/api#top",
    "https://api.example.com/?",
    "https://api.example.com/#",
    "",
]
# Characters that mean something to a URL, or that httpx quotes, normalises or refuses.
PATH_PIECES = st.sampled_from([*"/.%?#:@!$&'()*+,;=[]~ -_aZ09é\t\x7f", "..", "%2F", "%zz"])
SEGMENTS = st.lists(PATH_PIECES, max_size=8).map("".join)
PARAMETER_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.lists(st.text(max_size=4), max_size=3),
)
PARAMETERS = st.one_of(
    st.none(), st.dictionaries(st.text(max_size=6), PARAMETER_VALUES, max_size=3)
)


def _client(base_url: str, **settings: Any) -> httpx.Client:
    # A transport that sends nothing: these tests build requests only (and httpx's own
    # transport would build an SSL context per client).
    return httpx.Client(
        base_url=base_url,
        transport=httpx.MockTransport(lambda _: httpx.Response(500)),
        trust_env=False,
        **settings,
    )


def _outcome(make: Callable[[], httpx.URL | None]) -> httpx.URL | type[Exception] | None:
    """The URL made, or the type of the error that refuses it."""
    try:
        return make()
    except Exception as error:  # what httpx refuses, compared by its type
        return type(error)


@pytest.mark.parametrize("base_url", BASE_URLS)
@given(
    path=st.lists(SEGMENTS, max_size=4).map("/".join),
    params=PARAMETERS,
    leading=st.sampled_from(["/", "//", ""]),
)
@settings(max_examples=150, deadline=None)
def test_the_joined_url_is_httpx_s(base_url: str, path: str, params: Any, leading: str) -> None:
    path = leading + path
    with _client(base_url) as client:
        expected = _outcome(lambda: client.build_request("GET", path, params=params).url)
        joined = _outcome(lambda: joined_url(client, path, params))
    if isinstance(joined, httpx.URL):
        assert isinstance(expected, httpx.URL)
        assert (str(joined), joined.raw_path) == (str(expected), expected.raw_path)
    elif joined is not None:
        assert joined is expected


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/v2/campaigns/497f6eca-6276-4993-bfeb-53cbbbba6f08", {"includeClient": True}),
        ("/v2/customers/campaign-status", None),
        ("/v2/campaigns", {"status": ["active", "paused"], "limit": 10, "cursor": None}),
    ],
)
@pytest.mark.parametrize(
    "base_url", ["http://127.0.0.1:8000", "https://api.example.com/careCycle/"]
)
def test_the_generated_functions_urls_are_joined_in_one_parse(
    base_url: str, path: str, params: Any
) -> None:
    with _client(base_url) as client:
        joined = joined_url(client, path, params)
        assert joined == client.build_request("GET", path, params=params).url


def test_what_the_client_adds_to_every_url_is_left_to_httpx() -> None:
    with _client("http://127.0.0.1:8000", params={"tenant": "a"}) as client:
        assert joined_url(client, "/v2/campaigns", {"limit": 1}) is None
        assert (
            client.build_request("GET", "/v2/campaigns", params={"limit": 1}).url.params["tenant"]
            == "a"
        )
