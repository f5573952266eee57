"""The journal: what each request asked and got, from Python and from `GET /_mock/requests`."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from carecycle_mock import DropFault, FaultPlan, MockConfig, MockService, StatusFault, journal
from carecycle_mock.data import ApiKey, Dataset, Enrollment
from carecycle_mock.journal import MAX_BODY_CHARS, MAX_GROWTH, JournalEntry, RequestIds, note_body
from carecycle_mock.process import MockProcess
from carecycle_mock.responses import encode_json

from .in_process import open_app

PATCH = "/v2/customers/campaign-status"


def state_of(client: httpx.Client) -> MockService:
    state: MockService = client._transport.state  # type: ignore[attr-defined]
    return state


@pytest.fixture
def pending(dataset: Dataset, read_write_key: ApiKey) -> Enrollment:
    return next(
        e for e in dataset.enrollments_of(read_write_key.organisation_id) if e.status == "pending"
    )


def patch(client: httpx.Client, key: ApiKey, enrollment: Enrollment, status: str) -> httpx.Response:
    body = {"customerId": enrollment.customer_id, "campaignId": enrollment.campaign_id}
    return client.patch(PATCH, json={**body, "status": status}, headers={"x-api-key": key.key})


def test_an_entry_says_what_was_asked_by_whom_and_what_came_back(
    client: httpx.Client, read_write_key: ApiKey, pending: Enrollment
) -> None:
    response = patch(client, read_write_key, pending, "completed")
    (entry,) = state_of(client).requests()
    assert entry == JournalEntry(
        operation_id="updateCustomerCampaignStatus",
        method="PATCH",
        path=PATCH,
        query={},
        body={
            "customerId": pending.customer_id,
            "campaignId": pending.campaign_id,
            "status": "completed",
        },
        status=200,
        code=None,
        key_label=read_write_key.label,
        organisation_id=read_write_key.organisation_id,
        time=entry.time,
        request_id=response.headers["x-request-id"],
    )
    made_up = uuid.UUID(entry.request_id)
    assert (made_up.version, made_up.variant) == (4, uuid.RFC_4122)
    assert str(made_up) == entry.request_id


def test_the_request_id_sent_is_echoed_and_recorded(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    response = client.get(
        f"/v2/campaigns/{campaign.id}",
        params={"includeClient": "true"},
        headers={"x-api-key": read_write_key.key, "x-request-id": "req_checkout-42"},
    )
    assert response.headers.get_list("x-request-id") == ["req_checkout-42"]
    (entry,) = state_of(client).requests("getCampaign", request_id="req_checkout-42")
    assert entry.query == {"includeClient": ("true",)}


@pytest.mark.parametrize(
    "headers",
    [
        [("x-request-id", "x" * 201)],
        [("x-request-id", "two words")],
        [("x-request-id", "")],
        [("x-request-id", "a"), ("x-request-id", "b")],
    ],
    ids=["too long", "a space", "empty", "twice"],
)
def test_a_request_id_that_cannot_be_echoed_is_replaced(
    client: httpx.Client, read_write_key: ApiKey, headers: list[tuple[str, str]]
) -> None:
    response = client.get(
        "/v2/campaigns/nope", headers=[("x-api-key", read_write_key.key), *headers]
    )
    (entry,) = state_of(client).requests()
    assert entry.request_id == response.headers["x-request-id"]
    assert uuid.UUID(entry.request_id)


def test_refused_and_unknown_requests_are_recorded_with_their_code(
    client: httpx.Client,
    dataset: Dataset,
    read_write_key: ApiKey,
    read_only_key: ApiKey,
    pending: Enrollment,
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    client.get(f"/v2/campaigns/{campaign.id}")
    client.get(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": "cc_not_a_key"})
    patch(client, read_only_key, pending, "completed")
    patch(client, read_write_key, pending, "pending")
    client.get("/v2/campaign/typo", headers={"x-api-key": read_write_key.key})
    client.delete(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": read_write_key.key})
    seen = [
        (e.operation_id, e.status, e.code, e.key_label, e.body is not None)
        for e in state_of(client).requests()
    ]
    assert seen == [
        ("getCampaign", 401, "UNAUTHORIZED", None, False),
        ("getCampaign", 401, "UNAUTHORIZED", None, False),
        ("updateCustomerCampaignStatus", 403, "FORBIDDEN", read_only_key.label, False),
        ("updateCustomerCampaignStatus", 400, "STATUS_NOT_TERMINAL", read_write_key.label, True),
        (None, 404, "NOT_FOUND", read_write_key.label, False),
        (None, 405, "METHOD_NOT_ALLOWED", read_write_key.label, False),
    ]


def test_a_body_the_schema_refuses_is_recorded_as_parsed(
    client: httpx.Client, read_write_key: ApiKey
) -> None:
    client.patch(PATCH, json={"status": 3, "extra": [1]}, headers={"x-api-key": read_write_key.key})
    (entry,) = state_of(client).requests(status=422)
    assert (entry.body, entry.code) == ({"status": 3, "extra": [1]}, "VALIDATION_ERROR")


def test_a_large_body_is_left_out(
    client: httpx.Client, read_write_key: ApiKey, pending: Enrollment
) -> None:
    body = {
        "customerId": pending.customer_id,
        "campaignId": pending.campaign_id,
        "status": "completed",
        "note": "x" * MAX_BODY_CHARS,
    }
    assert (
        client.patch(PATCH, json=body, headers={"x-api-key": read_write_key.key}).status_code == 200
    )
    (entry,) = state_of(client).requests()
    assert (entry.body, entry.body_omitted) == (None, True)


# Strings with what grows most when encoded: DEL and non-ASCII characters (escaped when
# a lone surrogate makes the encoding fall back to ASCII), and numbers of few digits.
_texts = st.text(st.sampled_from(["\x7f", "é", "中", "😀", "a", "\n", "\ud800"]), max_size=6)
_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.sampled_from([1e15, -1e15, 1e16, 1e-4, 1e-7, 0.1, 100.0, -0.0])
    | _texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_texts, children, max_size=4),
    max_leaves=12,
)
_number_spellings = st.sampled_from(["1e15", "1E15", "1e9", "9e15", "1e-4", "0e0", "1e1", "-0"])


@given(_json_values, st.booleans())
@example(["\x7f" * 30, "\ud800"], True)  # about 4.8 times
def test_a_body_s_encoding_is_at_most_max_growth_times_its_json_text(
    value: object, compact: bool
) -> None:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":") if compact else None)
    size = len(text.encode("utf-8", "surrogatepass"))
    assert len(encode_json(json.loads(text))) <= MAX_GROWTH * size


@given(_number_spellings, st.booleans())
def test_a_number_s_encoding_is_at_most_max_growth_times_its_spelling(
    number: str, with_surrogate: bool
) -> None:
    text = f'[{number},"\\ud800"]' if with_surrogate else number
    assert len(encode_json(json.loads(text))) <= MAX_GROWTH * len(text)


def test_a_short_body_is_noted_without_being_encoded(monkeypatch: pytest.MonkeyPatch) -> None:
    encoded: list[object] = []

    def counting_encode_json(value: object) -> bytes:
        encoded.append(value)
        return encode_json(value)

    monkeypatch.setattr(journal, "encode_json", counting_encode_json)
    short: dict[str, object] = {}
    note_body(short, {"status": "completed"}, MAX_BODY_CHARS // MAX_GROWTH)
    assert (short, encoded) == ({"body": {"status": "completed"}}, [])
    longer: dict[str, object] = {}
    note_body(longer, {"status": "completed"}, MAX_BODY_CHARS // MAX_GROWTH + 1)
    assert (longer, encoded) == ({"body": {"status": "completed"}}, [{"status": "completed"}])
    large: dict[str, object] = {}
    note_body(large, "x" * MAX_BODY_CHARS, MAX_BODY_CHARS + 2)
    assert large == {"body": None, "body_omitted": True}


def test_injected_faults_are_recorded_drops_without_a_status(
    dataset: Dataset, read_write_key: ApiKey
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    plan = FaultPlan(script=(StatusFault(500), DropFault(), StatusFault(429, retry_after=3)))
    with open_app(MockConfig(faults=plan)) as client:
        for _ in range(4):
            with contextlib.suppress(httpx.RemoteProtocolError):
                client.get(
                    f"/v2/campaigns/{campaign.id}", headers={"x-api-key": read_write_key.key}
                )
        seen = [(e.status, e.code) for e in state_of(client).requests("getCampaign")]
    assert seen == [
        (500, "INTERNAL_ERROR"),
        (None, None),
        (429, "RATE_LIMIT_EXCEEDED"),
        (200, None),
    ]


def test_an_unexpected_exception_is_recorded_as_the_500_it_answers(
    dataset: Dataset, read_write_key: ApiKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(campaign_id: str) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("carecycle_mock.enrollments.MemoryEnrollments.status_counts", broken)
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    with open_app(MockConfig(), raise_app_exceptions=False) as client:
        client.get(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": read_write_key.key})
        (entry,) = state_of(client).requests()
    assert (entry.status, entry.code) == (500, "INTERNAL_ERROR")


def test_no_key_is_ever_recorded(
    client: httpx.Client, read_write_key: ApiKey, pending: Enrollment
) -> None:
    client.get(f"/v2/campaigns/{read_write_key.key}", headers={"x-api-key": read_write_key.key})
    client.get(
        "/v2/campaigns/x",
        params={read_write_key.key: read_write_key.key},
        headers={"x-api-key": read_write_key.key},
    )
    body = {"customerId": pending.customer_id, "campaignId": pending.campaign_id}
    bare = read_write_key.key.removeprefix("cc_")
    client.patch(
        PATCH,
        json={
            **body,
            "status": "completed",
            "note": [f"sent {read_write_key.key}", f"x{bare.upper()}"],
        },
        headers={"x-api-key": read_write_key.key},
    )
    listed = client.get("/_mock/requests").text
    assert len(json.loads(listed)["requests"]) == 3
    entries = state_of(client).requests()
    recorded = json.dumps([entry.to_json() for entry in entries])
    shown = "\n".join(entry.summary() for entry in entries)
    for text in (listed, recorded, shown):
        assert read_write_key.key.removeprefix("cc_") not in text
    assert entries[0].path == "/v2/campaigns/cc_***"
    assert entries[1].query == {"cc_***": ("cc_***",)}
    assert entries[2].body["note"] == ["sent cc_***", "x***"]
    assert {entry.key_label for entry in entries} == {read_write_key.label}


def test_the_journal_keeps_the_latest_entries_in_order(
    dataset: Dataset, read_write_key: ApiKey
) -> None:
    with open_app(MockConfig(rate_limit=None, journal_size=3)) as client:
        for index in range(5):
            client.get(f"/v2/campaigns/{index}", headers={"x-request-id": f"r{index}"})
        ids = [entry.request_id for entry in state_of(client).requests()]
    assert ids == ["r2", "r3", "r4"]


def test_a_journal_of_size_zero_keeps_nothing_and_still_counts(read_write_key: ApiKey) -> None:
    with open_app(MockConfig(journal_size=0)) as client:
        client.get("/v2/campaigns/x", headers={"x-api-key": read_write_key.key})
        assert client.get("/_mock/requests").json() == {"count": 1, "requests": []}
    with pytest.raises(ValueError, match="journal_size"):
        MockConfig(journal_size=-1)


def test_reset_empties_the_journal(client: httpx.Client, read_write_key: ApiKey) -> None:
    client.get("/v2/campaigns/x", headers={"x-api-key": read_write_key.key})
    assert client.post("/_mock/reset").status_code == 204
    assert client.get("/_mock/requests").json() == {"count": 0, "requests": []}


def test_the_admin_api_takes_the_same_filters(
    client: httpx.Client,
    dataset: Dataset,
    read_write_key: ApiKey,
    read_only_key: ApiKey,
    pending: Enrollment,
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    client.get(f"/v2/campaigns/{campaign.id}", headers={"x-api-key": read_only_key.key})
    patch(client, read_write_key, pending, "completed")
    patch(client, read_write_key, pending, "pending")
    patch(client, read_only_key, pending, "failed")

    def listed(**params: str) -> list[tuple[str, int]]:
        answer = client.get("/_mock/requests", params=params).json()
        return [(entry["keyLabel"], entry["status"]) for entry in answer["requests"]]

    assert listed(operation="updateCustomerCampaignStatus", status="200") == [
        (read_write_key.label, 200)
    ]
    assert listed(body='{"status": "pending"}') == [(read_write_key.label, 400)]
    assert listed(keyLabel=read_only_key.label) == [
        (read_only_key.label, 200),
        (read_only_key.label, 403),
    ]
    assert listed(apiKey=read_only_key.key) == listed(keyLabel=read_only_key.label)
    assert listed(method="GET", organisationId=read_write_key.organisation_id) == [
        (read_only_key.label, 200)
    ]
    assert listed(code="FORBIDDEN", path=PATCH) == [(read_only_key.label, 403)]
    assert listed(query="{}", apiKey="cc_unseen") == []
    answer = client.get("/_mock/requests", params={"apiKey": read_write_key.key}).json()
    assert answer["count"] == len(answer["requests"]) == 2


@pytest.mark.parametrize(
    ("params", "path", "message"),
    [
        ({"operationId": "getCampaign"}, "operationId", "unknown filter"),
        ({"status": "ok"}, "status", "expected an HTTP status"),
        ({"status": "2000"}, "status", "expected an HTTP status"),
        ({"body": "[1]"}, "body", "expected a JSON object"),
        ({"query": "{"}, "query", "expected a JSON object"),
        ([("method", "GET"), ("method", "PATCH")], "method", "given more than once"),
    ],
)
def test_a_filter_the_admin_api_cannot_apply_is_a_422(
    client: httpx.Client, params: Any, path: str, message: str
) -> None:
    response = client.get("/_mock/requests", params=params)
    assert response.status_code == 422
    (issue,) = response.json()["errors"]
    assert issue["path"] == [path]
    assert message in issue["message"]


def test_filters_match_query_and_body_by_subset(
    client: httpx.Client, dataset: Dataset, read_write_key: ApiKey, pending: Enrollment
) -> None:
    campaign = dataset.campaigns_of(read_write_key.organisation_id)[0]
    client.get(
        f"/v2/campaigns/{campaign.id}",
        params=[("includeClient", "true"), ("x", "1"), ("x", "2")],
        headers={"x-api-key": read_write_key.key},
    )
    patch(client, read_write_key, pending, "completed")
    state = state_of(client)
    assert len(state.requests(query={"includeClient": "true"})) == 1
    assert len(state.requests(query={"x": ["1", "2"]})) == 1
    assert state.requests(query={"x": "1"}) == []
    assert len(state.requests(body={"status": "completed"})) == 1
    assert state.requests(body={"status": "completed", "campaignId": campaign.id[::-1]}) == []
    with pytest.raises(TypeError, match="unknown journal filters \\['stauts'\\]"):
        state.requests(stauts=200)


def test_assert_requested_says_what_was_expected_and_what_was_seen(
    client: httpx.Client, read_write_key: ApiKey, pending: Enrollment
) -> None:
    state = state_of(client)
    with pytest.raises(AssertionError, match="it is empty"):
        state.assert_requested("updateCustomerCampaignStatus")
    patch(client, read_write_key, pending, "failed")
    patch(client, read_write_key, pending, "pending")
    with pytest.raises(AssertionError) as raised:
        state.assert_requested("updateCustomerCampaignStatus", body={"status": "completed"})
    message = str(raised.value)
    assert message.splitlines()[0] == (
        "expected a request with operation='updateCustomerCampaignStatus', "
        'body={"status": "completed"}; 0 matched, of 2 in the journal:'
    )
    assert '"status": "failed"} -> 200 [' in message
    assert "-> 400 STATUS_NOT_TERMINAL" in message
    (found,) = state.assert_requested(body={"status": "failed"}, times=1)
    assert found.status == 200
    with pytest.raises(AssertionError, match=r"expected exactly 3 request .*2 matched") as many:
        state.assert_requested("updateCustomerCampaignStatus", times=3)
    assert str(many.value).count("  * ") == 2
    state.assert_not_requested("getCampaign")
    with pytest.raises(AssertionError, match="expected no request"):
        state.assert_not_requested(status=400)


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[MockProcess]:
    with MockProcess(
        "--workers",
        "2",
        "--db",
        str(tmp_path / "journal.sqlite3"),
        "--rate-limit",
        "0",
        "--journal-size",
        "25",
        "--no-access-log",
    ) as server:
        yield server


def test_the_journal_is_shared_by_workers_and_bounded(
    workers: MockProcess, read_write_key: ApiKey, pending: Enrollment
) -> None:
    """Requests on new connections, spread over both workers; one journal holds them all."""
    sent: list[str] = []
    lock = threading.Lock()

    def send(thread: int) -> None:
        for step in range(10):
            request_id = f"t{thread}-{step}"
            with lock:
                sent.append(request_id)
            httpx.patch(
                f"{workers.base_url}{PATCH}",
                json={
                    "customerId": pending.customer_id,
                    "campaignId": pending.campaign_id,
                    "status": ("completed", "failed")[step % 2],
                },
                headers={
                    "x-api-key": read_write_key.key,
                    "x-request-id": request_id,
                    "connection": "close",
                },
            )

    threads = [threading.Thread(target=send, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    answer = httpx.get(f"{workers.base_url}/_mock/requests").json()
    assert answer["count"] == 40
    entries = answer["requests"]
    assert len(entries) == 25
    ids = [entry["requestId"] for entry in entries]
    assert len(set(ids)) == 25
    assert set(ids) <= set(sent)
    # The oldest went first: what is left of each thread's requests is its latest ones.
    for number in range(4):
        steps = [int(i.split("-")[1]) for i in ids if i.startswith(f"t{number}-")]
        assert steps == list(range(10 - len(steps), 10))
    assert {entry["status"] for entry in entries} == {200}


def test_made_up_request_ids_are_distinct_canonical_version_4_uuids_across_batches() -> None:
    ids = RequestIds()
    made = [ids.next() for _ in range(3 * RequestIds.BATCH + 1)]
    assert len(set(made)) == len(made)
    for request_id in made:
        parsed = uuid.UUID(request_id.decode("ascii"))
        assert (parsed.version, parsed.variant) == (4, uuid.RFC_4122)
        assert str(parsed).encode("ascii") == request_id
    # Every random digit is random: each place of the ids takes many values.
    for place in range(36):
        if place not in (8, 13, 14, 18, 23):
            assert len({request_id[place] for request_id in made}) >= (4 if place == 19 else 12)


def test_a_forked_child_makes_ids_of_its_own() -> None:
    ids = RequestIds()
    ids.next()  # a batch is made, most of it left
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's side
        os.write(writer, ids.next())
        os._exit(0)
    os.close(writer)
    os.waitpid(child, 0)
    from_child = os.read(reader, 64)
    os.close(reader)
    left = [ids.next() for _ in range(RequestIds.BATCH)]
    assert from_child not in left
