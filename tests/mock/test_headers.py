"""The header fields the mock reads of a request, in one pass (headers.py)."""

from __future__ import annotations

from carecycle_mock.headers import read_fields


def test_the_fields_are_found_whatever_the_case_of_their_names() -> None:
    fields = [
        (b"Host", b"mock"),
        (b"X-API-Key", b" \tcc_key\t "),
        (b"X-Request-Id", b"id-1"),
        (b"Content-Length", b"12"),
        (b"CONTENT-TYPE", b"application/json"),
    ]
    assert read_fields(fields) == (b"cc_key", b"id-1", b"12", b"application/json")


def test_nothing_sent_is_none() -> None:
    assert read_fields([(b"host", b"mock")]) == (None, None, None, None)


def test_a_key_sent_twice_is_both_values_combined_and_a_request_id_sent_twice_is_none() -> None:
    fields = [
        (b"x-api-key", b"cc_one "),
        (b"x-request-id", b"a"),
        (b"X-Api-Key", b" cc_two"),
        (b"x-request-id", b"b"),
    ]
    key, request_id, _, _ = read_fields(fields)
    assert (key, request_id) == (b"cc_one, cc_two", None)


def test_the_first_content_length_and_content_type_are_read() -> None:
    fields = [
        (b"content-type", b"application/json"),
        (b"content-length", b"5"),
        (b"content-type", b"text/plain"),
        (b"content-length", b"7"),
    ]
    assert read_fields(fields)[2:] == (b"5", b"application/json")
