"""Parse cost: the seed's full campaign response into models vs json.loads of the same bytes."""

from __future__ import annotations

import json
import timeit
from collections.abc import Callable

from bench.report import Ratio, Section, table
from bench.rounds import alternating, median, spread
from bench.samples import campaign_body
from carecycle_client.models import GetCampaignResponse

ROUTING_AGENTS = (1, 10, 100)


def _json_only(body: bytes) -> object:
    return json.loads(body)


def _into_models(body: bytes) -> object:
    return GetCampaignResponse.from_dict(json.loads(body))


def _microseconds_per_parse(parse: Callable[[bytes], object], body: bytes) -> Callable[[], float]:
    timer = timeit.Timer(lambda: parse(body))
    # autorange runs the parse until a batch takes 0.2 s: the warm-up, and the batch size.
    number, _ = timer.autorange()
    return lambda: timer.timeit(number) / number * 1e6


def measure(*, rounds: int) -> Section:
    rows: list[list[str]] = []
    ratios: list[Ratio] = []
    for agents in ROUTING_AGENTS:
        body = campaign_body(routing_agents=agents)
        times = alternating(
            {
                "json.loads": _microseconds_per_parse(_json_only, body),
                "models": _microseconds_per_parse(_into_models, body),
            },
            rounds,
        )
        plain, models = median(times["json.loads"]), median(times["models"])
        rows.append(
            [
                str(agents),
                f"{len(body):,}",
                f"{plain:,.1f} ({spread(times['json.loads'])})",
                f"{models:,.1f} ({spread(times['models'])})",
                f"{models / plain:.1f}",
            ]
        )
        ratios.append(
            Ratio(f"parse: models / json.loads, routing agents: {agents}", models / plain)
        )
    body_text = f"""
Microseconds per parse (median of {rounds} alternating rounds; each round is a batch of
at least 0.2 s, sized and warmed up by `timeit.Timer.autorange`; ± is half the range of
the rounds), on the load core. The body is the GET campaign 200 `seed` example of
openapi.yaml, serialised with `json.dumps`, with the one agent of
`campaign.transferConfig.routingConfig.agents` repeated 1, 10 or 100 times. "models" is
what the generated client does with a 200 body:
`GetCampaignResponse.from_dict(json.loads(body))`; "json.loads" is `json.loads(body)`
alone. No target is set: the ratio says what typed models cost, and how that cost grows
with the size of the response.

{table(["routing agents", "bytes", "json.loads (µs)", "models (µs)", "models / json.loads"], rows)}"""
    return Section("3. Parse cost", body_text, ratios)
