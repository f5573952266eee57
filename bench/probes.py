"""The requests of measurement 1: the load mix, and probes that tell the servers apart.

Each kind of request is sent once to each server before the load, to record how it
answers; the load then sends the mix's kinds in their proportions. Under load a server
must answer as it did one request at a time: statuses in other proportions (429s, 5xx,
rejected requests) mean the run measured something else than the mix.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from bench import wrk
from carecycle_mock.data import READ, WRITE, load_dataset

PROBE_TIMEOUT_S = 5
# How far the share of a status under load may stray from the probes' prediction.
MIX_TOLERANCE = 0.02


@dataclass(frozen=True)
class Probe:
    """A request of one kind: sent once to each server, and `weight` times in ten under load."""

    label: str
    request: wrk.Request
    weight: int = 0


def seeded_probes() -> list[Probe]:
    """The load mix and the other requests whose answers tell the servers apart."""
    dataset = load_dataset()
    key = dataset.key(permissions={READ, WRITE})
    read_only = dataset.key(permissions={READ}, organisation_id=key.organisation_id)
    campaign = dataset.campaigns_of(key.organisation_id)[0].id
    enrollment = dataset.enrollments_of(key.organisation_id)[0]

    def status_update(status: str) -> str:
        return json.dumps(
            {
                "customerId": enrollment.customer_id,
                "campaignId": enrollment.campaign_id,
                "status": status,
            }
        )

    get_campaign = f"/v2/campaigns/{campaign}?includeClient=true"
    patch = "/v2/customers/campaign-status"
    return [
        Probe("GET seeded campaign, valid key", wrk.Request("GET", get_campaign, key.key), 5),
        Probe(
            "PATCH seeded enrollment to completed",
            wrk.Request("PATCH", patch, key.key, status_update("completed")),
            3,
        ),
        Probe(
            "GET malformed campaign id", wrk.Request("GET", "/v2/campaigns/not-a-uuid", key.key), 1
        ),
        Probe("GET without key", wrk.Request("GET", get_campaign), 1),
        Probe("GET with an unknown key", wrk.Request("GET", get_campaign, "cc_unknown_key")),
        Probe("GET unknown campaign", wrk.Request("GET", f"/v2/campaigns/{uuid.uuid4()}", key.key)),
        Probe(
            "PATCH with a read-only key",
            wrk.Request("PATCH", patch, read_only.key, status_update("completed")),
        ),
        Probe(
            "PATCH to pending (not terminal)",
            wrk.Request("PATCH", patch, key.key, status_update("pending")),
        ),
        Probe("PATCH body not JSON", wrk.Request("PATCH", patch, key.key, "{not json")),
    ]


def load_mix(probes: Sequence[Probe]) -> wrk.Mix:
    return wrk.Mix(tuple((probe.weight, probe.request) for probe in probes if probe.weight))


@dataclass(frozen=True)
class Answer:
    status: int | None
    text: str


def _answer(http: httpx.Client, request: wrk.Request) -> Answer:
    headers = {"content-type": "application/json"} if request.body is not None else {}
    if request.key is not None:
        headers["x-api-key"] = request.key
    try:
        response = http.request(request.method, request.path, headers=headers, content=request.body)
    except httpx.TimeoutException:
        return Answer(None, f"no answer within {PROBE_TIMEOUT_S} s")
    except httpx.TransportError as error:
        return Answer(None, f"no answer ({type(error).__name__})")
    try:
        code = response.json().get("code", "")
    except (ValueError, AttributeError):
        code = "(body not a JSON object)"
    return Answer(response.status_code, f"{response.status_code} {code}".strip())


def answers(base_url: str, probes: Sequence[Probe]) -> list[Answer]:
    with httpx.Client(base_url=base_url, timeout=PROBE_TIMEOUT_S) as http:
        return [_answer(http, probe.request) for probe in probes]


def status_shares(results: Sequence[wrk.LoadResult]) -> dict[int | None, float]:
    counts: Counter[int] = Counter()
    for result in results:
        counts.update(result.statuses)
    total = sum(counts.values()) or 1
    return {status: count / total for status, count in sorted(counts.items())}


def expected_shares(probes: Sequence[Probe], answers: Sequence[Answer]) -> dict[int | None, float]:
    mix = load_mix(probes)
    expected: defaultdict[int | None, float] = defaultdict(float)
    for probe, answer in zip(probes, answers, strict=True):
        expected[answer.status] += mix.share(probe.weight)
    return dict(expected)


def disagreement(
    results: Sequence[wrk.LoadResult], expected: dict[int | None, float]
) -> str | None:
    """Why the statuses under load are not those the probes predict, if they are not.

    A server that answers the mix otherwise under load than one request at a time (429s,
    5xx, a rejected request) is measuring something else than the mix.
    """
    if any(result.socket_errors for result in results):
        return "socket errors"
    observed = status_shares(results)
    for status in set(observed) | set(expected):
        if abs(observed.get(status, 0) - expected.get(status, 0)) > MIX_TOLERANCE:
            return "statuses differ from the probes' answers"
    return None
