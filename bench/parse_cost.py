"""Parse cost: the seed's full campaign response into models vs json.loads of the same bytes,
and vs pydantic v2 models generated from openapi.yaml (`bench.pydantic_peer`)."""

from __future__ import annotations

import json
import operator
import timeit
from collections.abc import Callable
from typing import Any, cast

import attrs
import pydantic

from bench.pydantic_peer import OPTIONS, pydantic_models
from bench.report import Ratio, Section, table
from bench.rounds import alternating, median, spread
from bench.samples import campaign_body
from carecycle_client._json import decode_json
from carecycle_client.models import GetCampaignResponse
from carecycle_client.types import UNSET, JsonModel

ROUTING_AGENTS = (1, 10, 100)
LAZY_CEILING = 1.0
"""The most `from_body`, fields unread, should cost, in json.loads of the same bytes (issue 17)."""
FULL_READ_CEILING = 1.0
"""The most `from_body` with every field read should cost, in pydantic's `model_validate_json`."""
PYDANTIC = "pydantic model_validate_json"


_NAMES: dict[type, tuple[str, ...]] = {}
_READERS: dict[type, Callable[[object], tuple[object, ...]] | None] = {}


def _attribute_names(model: type) -> tuple[str, ...]:
    """The attributes a caller reads of a model (ours or pydantic's); () for any other value."""
    names = _NAMES.get(model)
    if names is None:
        if issubclass(model, JsonModel) and attrs.has(model):
            names = tuple(field.name for field in attrs.fields(model))
        elif issubclass(model, pydantic.BaseModel):
            names = tuple(model.model_fields)
        else:
            names = ()
        _NAMES[model] = names
    return names


def _reader_of(model: type) -> Callable[[object], tuple[object, ...]] | None:
    """All the attributes of a model read at once, in one call; None for any other value."""
    try:
        return _READERS[model]
    except KeyError:
        pass
    names = _attribute_names(model)
    read: Callable[[object], Any] | None = None
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        read = lambda value: (one(value),)  # noqa: E731
    elif names:
        read = operator.attrgetter(*names)
    _READERS[model] = read
    return read


def _read_every_field(value: object) -> None:
    """Read every attribute of a model, of the models in it, and of the lists in it: what a
    caller that uses the whole response does, with as little of the walk's own work as may
    be, so that the reading is what is measured (the same walk for pydantic's models, their
    root models included)."""
    for item in _reader_of(type(value))(value):  # type: ignore[misc]  # called on models only
        if type(item) is list:
            for each in item:
                if _reader_of(type(each)) is not None:
                    _read_every_field(each)
        elif _reader_of(type(item)) is not None:
            _read_every_field(item)


def _values(value: object) -> object:
    """A model's values as plain Python, by attribute name (without the `_` that either
    generator may append to one that is a builtin's name), the absent ones left out: what
    the models of both libraries must agree on. A model's additional properties join its
    fields, as the dict fields of pydantic's models hold them (the seed has none that the
    spec does not list, which pydantic's would drop)."""
    if isinstance(value, pydantic.RootModel):
        return _values(value.root)
    if isinstance(value, pydantic.BaseModel):
        return {name.rstrip("_"): _values(getattr(value, name)) for name in value.model_fields_set}
    if isinstance(value, JsonModel):
        present = {name: getattr(value, name) for name in _attribute_names(type(value))}
        extra = present.pop("additional_properties", {})
        values = {
            name.rstrip("_"): _values(item) for name, item in present.items() if item is not UNSET
        }
        return values | {key: _values(item) for key, item in extra.items()}
    if isinstance(value, list):
        return [_values(item) for item in value]
    return value


def _json_only(body: bytes) -> object:
    return json.loads(body)


def _from_body(body: bytes) -> object:
    return GetCampaignResponse.from_body(decode_json(body))


def _from_body_every_field(body: bytes) -> object:
    parsed = GetCampaignResponse.from_body(decode_json(body))
    _read_every_field(parsed)
    return parsed


def _from_dict_every_field(body: bytes) -> object:
    parsed = GetCampaignResponse.from_dict(decode_json(body))
    _read_every_field(parsed)
    return parsed


def _contenders(peer: Any) -> dict[str, Callable[[bytes], object]]:
    def pydantic_only(body: bytes) -> object:
        return peer.model_validate_json(body)

    def pydantic_every_field(body: bytes) -> object:
        parsed = peer.model_validate_json(body)
        _read_every_field(parsed)
        return parsed

    return {
        "json.loads": _json_only,
        "from_body": _from_body,
        "from_body, every field read": _from_body_every_field,
        "from_dict, every field read": _from_dict_every_field,
        PYDANTIC: pydantic_only,
        "pydantic, every field read": pydantic_every_field,
    }


def _check_answers(contenders: dict[str, Callable[[bytes], object]], body: bytes) -> None:
    """Every contender reads the body as the others do, or the numbers would compare nothing."""
    expected = json.loads(body)
    answers = {name: parse(body) for name, parse in contenders.items()}
    problems = []
    if answers["json.loads"] != expected:
        problems.append("json.loads")
    eager = GetCampaignResponse.from_dict(expected)
    for name in ("from_body", "from_body, every field read", "from_dict, every field read"):
        if answers[name] != eager or cast(Any, answers[name]).to_dict() != expected:
            problems.append(name)
    for name in (PYDANTIC, "pydantic, every field read"):
        if _values(answers[name]) != _values(eager):
            problems.append(name)
    if problems:
        raise UnexpectedAnswer(f"these read the campaign body otherwise than from_dict: {problems}")


class UnexpectedAnswer(Exception):
    """A contender parsed other values than the rest: its time would mean nothing."""


def _microseconds_per_parse(parse: Callable[[bytes], object], body: bytes) -> Callable[[], float]:
    timer = timeit.Timer(lambda: parse(body))
    # autorange runs the parse until a batch takes 0.2 s: the warm-up, and the batch size.
    number, _ = timer.autorange()
    return lambda: timer.timeit(number) / number * 1e6


def measure(*, rounds: int) -> Section:
    with pydantic_models() as peer_models:
        contenders = _contenders(peer_models.GetCampaignResponse)
        return _measure(contenders, rounds=rounds)


def _measure(contenders: dict[str, Callable[[bytes], object]], *, rounds: int) -> Section:
    rows: list[list[str]] = []
    ratios: list[Ratio] = []
    names = list(contenders)
    for agents in ROUTING_AGENTS:
        body = campaign_body(routing_agents=agents)
        _check_answers(contenders, body)
        times = alternating(
            {name: _microseconds_per_parse(parse, body) for name, parse in contenders.items()},
            rounds,
        )
        plain = median(times["json.loads"])
        row = [str(agents), f"{len(body):,}"]
        for name in names:
            row.append(f"{median(times[name]):,.1f} ({spread(times[name])})")
        for name in names[1:]:
            ratio = median(times[name]) / plain
            row.append(f"{ratio:.2f}")
            ceiling = LAZY_CEILING if name == "from_body" else None
            ratios.append(
                Ratio(
                    f"parse: {name} / json.loads, routing agents: {agents}", ratio, ceiling=ceiling
                )
            )
        full_read = median(times["from_body, every field read"]) / median(times[PYDANTIC])
        row.append(f"{full_read:.2f}")
        ratios.append(
            Ratio(
                f"parse: from_body, every field read / {PYDANTIC}, routing agents: {agents}",
                full_read,
                ceiling=FULL_READ_CEILING,
            )
        )
        rows.append(row)
    headers = [
        "routing agents",
        "bytes",
        *(f"{name} (µs)" for name in names),
        *(f"{name} / json.loads" for name in names[1:]),
        f"from_body, every field read / {PYDANTIC}",
    ]
    body_text = f"""
Microseconds per parse (median of {rounds} alternating rounds; each round is a batch of
at least 0.2 s, sized and warmed up by `timeit.Timer.autorange`; ± is half the range of
the rounds), on the load core. The body is the GET campaign 200 `seed` example of
openapi.yaml, serialised with `json.dumps`, with the one agent of
`campaign.transferConfig.routingConfig.agents` repeated 1, 10 or 100 times. Each
contender starts from the bytes, and before any timing each one's answer is checked:
ours must equal `from_dict`'s model and write the body back as it came, pydantic's must
hold the same values, field by field.

- **json.loads**: `json.loads(body)` alone, the unit of the ratios.
- **from_body**: what the generated client does with a 200 body,
  `GetCampaignResponse.from_body(decode_json(body))` (`decode_json` is orjson, falling
  back to json): the whole body checked against the model's JSON Schema (jsonschema-rs),
  the top model's own values read, the models in it on first use. Target: at most
  {LAZY_CEILING:g}x json.loads.
- **from_body, every field read**: the same, then every attribute of every model read
  once, as a caller that uses the whole response would (a walk by each class's attribute
  names, the same walk as for pydantic's models). Target: at most {FULL_READ_CEILING:g}x
  `{PYDANTIC}` of the same bytes.
- **from_dict, every field read**: `GetCampaignResponse.from_dict(decode_json(body))`,
  which reads and checks every field at once, then the same walk.
- **{PYDANTIC}**: the peer, pydantic v2 (pydantic-core, in Rust) models generated from
  openapi.yaml by datamodel-code-generator at bench time, into a temporary directory, with
  `{" ".join(OPTIONS)}`. They check the same types and formats (and, unlike ours, the
  integer ranges and e-mail addresses), and ignore fields the spec does not list.
- **pydantic, every field read**: the same, then the same walk over its models.

{table(headers, rows)}"""
    return Section("3. Parse cost", body_text, ratios)
