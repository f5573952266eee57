"""Parse cost: the seed's full campaign response into models vs json.loads of the same bytes."""

from __future__ import annotations

import json
import timeit
from collections.abc import Callable

import attrs

from bench.report import Ratio, Section, table
from bench.rounds import alternating, median, spread
from bench.samples import campaign_body
from carecycle_client.models import GetCampaignResponse
from carecycle_client.types import JsonModel

ROUTING_AGENTS = (1, 10, 100)


def _read_every_field(value: object) -> None:
    """Read every attribute of a model, of the models in it, and of the lists in it."""
    model = type(value)
    if issubclass(model, JsonModel) and attrs.has(model):
        for field in attrs.fields(model):
            _read_every_field(getattr(value, field.name))
    elif isinstance(value, list):
        for item in value:
            _read_every_field(item)


def _json_only(body: bytes) -> object:
    return json.loads(body)


def _from_body(body: bytes) -> object:
    return GetCampaignResponse.from_body(json.loads(body))


def _from_body_every_field(body: bytes) -> object:
    parsed = GetCampaignResponse.from_body(json.loads(body))
    _read_every_field(parsed)
    return parsed


def _from_dict_every_field(body: bytes) -> object:
    parsed = GetCampaignResponse.from_dict(json.loads(body))
    _read_every_field(parsed)
    return parsed


CONTENDERS: dict[str, Callable[[bytes], object]] = {
    "json.loads": _json_only,
    "from_body": _from_body,
    "from_body, every field read": _from_body_every_field,
    "from_dict, every field read": _from_dict_every_field,
}


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
            {name: _microseconds_per_parse(parse, body) for name, parse in CONTENDERS.items()},
            rounds,
        )
        plain = median(times["json.loads"])
        row = [str(agents), f"{len(body):,}"]
        for name in CONTENDERS:
            row.append(f"{median(times[name]):,.1f} ({spread(times[name])})")
        for name in list(CONTENDERS)[1:]:
            ratio = median(times[name]) / plain
            row.append(f"{ratio:.1f}")
            ratios.append(Ratio(f"parse: {name} / json.loads, routing agents: {agents}", ratio))
        rows.append(row)
    names = list(CONTENDERS)
    headers = [
        "routing agents",
        "bytes",
        *(f"{name} (µs)" for name in names),
        *(f"{name} / json.loads" for name in names[1:]),
    ]
    body_text = f"""
Microseconds per parse (median of {rounds} alternating rounds; each round is a batch of
at least 0.2 s, sized and warmed up by `timeit.Timer.autorange`; ± is half the range of
the rounds), on the load core. The body is the GET campaign 200 `seed` example of
openapi.yaml, serialised with `json.dumps`, with the one agent of
`campaign.transferConfig.routingConfig.agents` repeated 1, 10 or 100 times. Each
contender starts from the bytes:

- **json.loads**: `json.loads(body)` alone.
- **from_body**: what the generated client does with a 200 body,
  `GetCampaignResponse.from_body(json.loads(body))`: the whole body checked against the
  model's JSON Schema (jsonschema-rs), each field read into its type on first use.
- **from_body, every field read**: the same, then every attribute of every model read
  once (a walk over `attrs.fields`), as a caller that uses the whole response would.
- **from_dict, every field read**: `GetCampaignResponse.from_dict(json.loads(body))`,
  which reads and checks every field at once (how the client read a body up to 1.0.0),
  then the same walk.

No target is set: the ratios say what typed models cost, what reading lazily saves a
caller that reads some fields, and what it costs one that reads them all (the gap between
the last two columns).

{table(headers, rows)}"""
    return Section("3. Parse cost", body_text, ratios)
