"""The benchmark harness measures what it says: its parsing, bodies, rounds and processes.

The benchmarks themselves are not run here (they need wrk and minutes of quiet CPU);
these check the pieces whose mistakes would silently turn into wrong numbers.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from pathlib import Path

import pytest

from bench import parse_cost, probes, processes, wrk
from bench.bulk import achieved_ratio
from bench.client_overhead import TURN, SyncCalls, Workload
from bench.profile import OUTSIDE_MOCK, Profile
from bench.pydantic_peer import pydantic_models
from bench.report import Ratio, table
from bench.rounds import alternating, spread
from bench.samples import campaign_body, status_update_body
from carecycle_client.models import GetCampaignResponse

RESULT_LINE = (
    'BENCH_RESULT {"requests":3000,"bytes":600000,"duration_us":2000000,"p50_us":1500,'
    '"p99_us":9000,"socket_errors":0,"statuses":{"200":2400,"401":300,"422":300}}'
)


def test_wrk_result_line_becomes_rates_latencies_and_statuses() -> None:
    result = wrk.parse_result(f"Running 2s test @ http://127.0.0.1:1\n{RESULT_LINE}\n")
    assert result == wrk.LoadResult(
        requests=3000,
        bytes_per_response=200,
        requests_per_second=1500,
        p50_ms=1.5,
        p99_ms=9,
        socket_errors=0,
        statuses={200: 2400, 401: 300, 422: 300},
    )


def test_wrk_output_without_a_result_line_is_an_error() -> None:
    with pytest.raises(wrk.LoadError, match="expected one BENCH_RESULT line"):
        wrk.parse_result("PANIC: unprotected error in call to Lua API\n")


def test_wrk_runs_one_pinned_thread_for_a_fixed_time() -> None:
    command = wrk.Load(duration_s=7, connections=16).command("http://127.0.0.1:9")
    assert command[:3] == ["taskset", "--cpu-list", str(processes.LOAD_CPU)]
    assert command[command.index("--threads") + 1] == "1"
    assert command[command.index("--duration") + 1] == "7s"
    assert command[command.index("--connections") + 1] == "16"


MIX = wrk.Mix(
    (
        (3, wrk.Request("GET", "/v2/campaigns/1", "cc_secret_value")),
        (1, wrk.Request("PATCH", "/v2/customers/campaign-status", None, '{"status":"completed"}')),
    )
)


def test_the_mix_reaches_wrk_as_one_line_per_request() -> None:
    assert MIX.environment() == {
        "BENCH_MIX": "3\tGET\t/v2/campaigns/1\tcc_secret_value\t\n"
        '1\tPATCH\t/v2/customers/campaign-status\t\t{"status":"completed"}'
    }
    assert 'os.getenv("BENCH_MIX")' in wrk.MIX_SCRIPT.read_text()


def test_the_key_reaches_wrk_through_the_environment_only() -> None:
    assert "cc_secret_value" not in repr(MIX)
    assert "cc_secret_value" not in " ".join(wrk.Load(1, 1).command("http://127.0.0.1:9"))


def test_shares_are_weights_over_their_sum() -> None:
    assert [MIX.share(weight) for weight, _ in MIX.weighted] == [0.75, 0.25]


def test_a_request_that_would_break_a_mix_line_is_refused() -> None:
    with pytest.raises(ValueError, match="no tab or newline"):
        wrk.Request("PATCH", "/p", "k", '{\n"status": "completed"}').line(1)


@pytest.mark.parametrize("agents", [1, 10, 100])
def test_campaign_body_has_the_asked_number_of_routing_agents(agents: int) -> None:
    body = json.loads(campaign_body(routing_agents=agents))
    routing = body["campaign"]["transferConfig"]["routingConfig"]
    assert len(routing["agents"]) == agents
    assert len({json.dumps(agent) for agent in routing["agents"]}) == 1
    assert isinstance(GetCampaignResponse.from_dict(body), GetCampaignResponse)


def test_status_update_body_is_the_seed_example() -> None:
    assert json.loads(status_update_body())["success"] is True


def test_rounds_alternate_and_each_starts_with_the_next_contender() -> None:
    order: list[str] = []

    def measure(name: str) -> float:
        order.append(name)
        return float(len(order))

    results = alternating({name: partial(measure, name) for name in "abc"}, rounds=4)
    assert order == ["a", "b", "c", "b", "c", "a", "c", "a", "b", "a", "b", "c"]
    assert results == {
        "a": [1.0, 6.0, 8.0, 10.0],
        "b": [2.0, 4.0, 9.0, 11.0],
        "c": [3.0, 5.0, 7.0, 12.0],
    }


def test_spread_is_half_the_range_relative_to_the_median() -> None:
    assert spread([90.0, 100.0, 110.0]) == "±10%"


@pytest.mark.parametrize(
    ("ratio", "verdict"),
    [
        (Ratio("x", 1.6, 1.5), "met"),
        (Ratio("x", 1.4, 1.5), "**not met**"),
        (Ratio("x", 1.5, 1.5), "met"),
        (Ratio("x", 3.0), "(no target)"),
        (Ratio("x", 0.9, ceiling=1.0), "met"),
        (Ratio("x", 1.0, ceiling=1.0), "met"),
        (Ratio("x", 1.1, ceiling=1.0), "**not met**"),
        (Ratio("x", 0.2, ceiling=0.3), "met"),
        (Ratio("x", 0.4, ceiling=0.3), "**not met**"),
    ],
)
def test_ratio_verdict(ratio: Ratio, verdict: str) -> None:
    assert ratio.verdict() == verdict


def test_a_ratio_shows_its_bounds() -> None:
    assert Ratio("x", 1.5, 1.5).row()[2] == ">= 1.5"
    assert Ratio("x", 0.5, ceiling=1.0).row()[2] == "<= 1"
    assert Ratio("x", 0.5).row()[2] == ""


def test_table_is_markdown() -> None:
    assert table(["a", "b"], [["1", "2"]]) == "| a | b |\n| --- | --- |\n| 1 | 2 |\n"


def test_a_served_process_is_pinned_listening_and_stopped(tmp_path: Path) -> None:
    port = processes.free_port()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", processes.HOST]
    with processes.serving(command, port=port, log=tmp_path / "server.log") as pid:
        assert os.sched_getaffinity(pid) == {processes.SERVER_CPU}
        with socket.create_connection((processes.HOST, port)):
            pass
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_server_that_exits_is_reported_with_its_log(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "raise SystemExit(3)"]
    with (
        pytest.raises(processes.ServerError, match="exited with status 3"),
        processes.serving(command, port=processes.free_port(), log=tmp_path / "server.log"),
    ):
        pass


KINDS = [
    probes.Probe("get", wrk.Request("GET", "/get", "k"), 8),
    probes.Probe("bad", wrk.Request("GET", "/bad", "k"), 2),
    probes.Probe("probed only", wrk.Request("PATCH", "/p", "k", "{")),
]
ANSWERS = [probes.Answer(200, "200"), probes.Answer(422, "422"), probes.Answer(None, "no answer")]


def _load(statuses: dict[int, int], socket_errors: int = 0) -> wrk.LoadResult:
    return wrk.LoadResult(sum(statuses.values()), 1, 1, 1, 1, socket_errors, statuses)


def test_the_mix_holds_the_weighted_probes_only() -> None:
    assert probes.load_mix(KINDS).weighted == ((8, KINDS[0].request), (2, KINDS[1].request))


def test_expected_statuses_come_from_the_probes_answers() -> None:
    assert probes.expected_shares(KINDS, ANSWERS) == {200: 0.8, 422: 0.2, None: 0.0}


def test_a_run_answering_as_the_probes_did_is_valid() -> None:
    expected = probes.expected_shares(KINDS, ANSWERS)
    assert probes.disagreement([_load({200: 797, 422: 203})], expected) is None


@pytest.mark.parametrize(
    ("load", "problem"),
    [
        (_load({400: 1000}), "statuses differ from the probes' answers"),
        (_load({200: 700, 422: 200, 429: 100}), "statuses differ from the probes' answers"),
        (_load({200: 800, 422: 200}, socket_errors=3), "socket errors"),
    ],
)
def test_a_run_answering_otherwise_is_not_valid(load: wrk.LoadResult, problem: str) -> None:
    assert probes.disagreement([load], probes.expected_shares(KINDS, ANSWERS)) == problem


def test_profile_counts_each_sample_for_its_innermost_mock_function_and_leaf() -> None:
    collapsed = (
        "run (uvicorn/server.py:86);endpoint (carecycle_mock/app.py:126);"
        "admit (carecycle_mock/runtime.py:72) 6\n"
        "run (uvicorn/server.py:86);endpoint (carecycle_mock/app.py:127);"
        "dumps (json/__init__.py:238);iterencode (json/encoder.py:258) 3\n"
        "run (uvicorn/server.py:90) 1\n"
    )
    profile = Profile.parse(collapsed)
    assert profile.samples == 10
    assert profile.in_mock == {
        "admit (carecycle_mock/runtime.py)": 6,
        "endpoint (carecycle_mock/app.py)": 3,
        OUTSIDE_MOCK: 1,
    }
    assert profile.own == {
        "admit (carecycle_mock/runtime.py)": 6,
        "iterencode (json/encoder.py)": 3,
        "run (uvicorn/server.py)": 1,
    }
    assert profile.rows(profile.own)[0] == ["`admit (carecycle_mock/runtime.py)`", "60%"]


def test_profile_leaves_out_the_pieces_of_a_frame_that_spans_lines() -> None:
    collapsed = (
        'run (uvicorn/server.py:86);issues (carecycle_mock/schemas.py:40);"id" does not match "^(a|b)$"\n'
        "\n"
        'Failed validating "pattern" (x.py:1) 2\n'
        "run (uvicorn/server.py:86);endpoint (carecycle_mock/app.py:126) 5\n"
    )
    profile = Profile.parse(collapsed)
    assert profile.samples == 7
    assert profile.in_mock == {OUTSIDE_MOCK: 2, "endpoint (carecycle_mock/app.py)": 5}


def _recording_client(
    name: str, order: list[str]
) -> Callable[[str], AbstractContextManager[SyncCalls]]:
    @contextmanager
    def open_client(base_url: str) -> Iterator[SyncCalls]:
        yield {"call": lambda: order.append(name)}

    return open_client


def test_a_client_round_warms_up_each_client_then_they_take_turns() -> None:
    order: list[str] = []
    clients = {name: _recording_client(name, order) for name in ("a", "b", "c")}
    workload = Workload(calls=2 * TURN, warmup_calls=1)

    rates = workload.sync_round(clients, "http://127.0.0.1:1", "call", first=1)

    assert order[:3] == ["a", "b", "c"]
    one_pass = ["b"] * TURN + ["c"] * TURN + ["a"] * TURN
    assert order[3:] == one_pass * 2
    assert sorted(rates) == ["a", "b", "c"]
    assert all(rate > 0 for rate in rates.values())


def test_the_parse_bench_checks_that_every_contender_reads_the_same_values() -> None:
    """The pydantic peer is generated from openapi.yaml (as at bench time) and must read the
    seed campaign as ours does; a contender that reads one value otherwise is refused."""
    with pydantic_models() as peer:
        contenders = parse_cost._contenders(peer.GetCampaignResponse)
        body = campaign_body(routing_agents=2)
        parse_cost._check_answers(contenders, body)
        changed = body.replace(b'"user@example.com"', b'"someone@example.com"', 1)
        assert changed != body
        wrong = contenders | {
            parse_cost.PYDANTIC: lambda _: peer.GetCampaignResponse.model_validate_json(changed)
        }
        with pytest.raises(parse_cost.UnexpectedAnswer, match="pydantic"):
            parse_cost._check_answers(wrong, body)


def test_the_achieved_bulk_rate_is_rows_a_minute_over_the_limit() -> None:
    assert achieved_ratio(1000, 50.0, 1200) == 1.0
    assert achieved_ratio(600, 60.0, 1200) == 0.5
