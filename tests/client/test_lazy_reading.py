"""Reading a response body lazily, as the client does (`Model.from_body`): the body is checked
against the model's JSON Schema at once and each field is read on first use. The result must
be the model `from_dict` reads, and a bad body must fail `from_body` itself with the error
`from_dict` gives, never a later attribute read."""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecycle_client import APIResponseValidationError
from carecycle_client._parsing import (
    parse_date,
    parse_datetime,
    parse_int,
    parse_uuid,
    read_checked_date,
    read_checked_datetime,
    read_checked_int,
    read_checked_uuid,
)
from carecycle_client.models import (
    Campaign,
    CampaignStatus,
    ErrorBody,
    GetCampaignResponse,
    RateLimitErrorBody,
    UpdateCustomerCampaignStatusResponse,
    ValidationErrorBody,
)
from carecycle_client.types import JsonModel
from tests.repository import SPEC

from .examples import SEED_CAMPAIGN, SEED_UPDATE


def _error_seeds() -> Iterator[tuple[type[JsonModel], dict[str, Any]]]:
    """Every example error body of the spec, with the model that reads it."""
    models = {
        "Error": ErrorBody,
        "ValidationError": ValidationErrorBody,
        "RateLimitError": RateLimitErrorBody,
    }
    for response in SPEC["components"]["responses"].values():
        content = response.get("content", {}).get("application/json", {})
        model = models.get(content.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1])
        if model is not None:
            yield from (
                (model, example["value"]) for example in content.get("examples", {}).values()
            )


SEEDS: list[tuple[type[JsonModel], dict[str, Any]]] = [
    (GetCampaignResponse, SEED_CAMPAIGN),
    (UpdateCustomerCampaignStatusResponse, SEED_UPDATE),
    *_error_seeds(),
]


def test_every_model_of_a_body_has_seeds() -> None:
    assert {model for model, _ in SEEDS} == {
        GetCampaignResponse,
        UpdateCustomerCampaignStatusResponse,
        ErrorBody,
        ValidationErrorBody,
        RateLimitErrorBody,
    }


@pytest.mark.parametrize(("model", "body"), SEEDS)
def test_a_seed_body_reads_as_from_dict_does_and_round_trips(
    model: type[JsonModel], body: dict[str, Any]
) -> None:
    lazy = model.from_body(copy.deepcopy(body))
    assert type(lazy) is model
    assert lazy == model.from_dict(body)
    assert json.dumps(lazy.to_dict()) == json.dumps(body)


# What a response could hold instead of the right value: every JSON kind, and strings and
# numbers close to what a UUID, a date-time or an integer field accepts.
_TRICKY_STRINGS = [
    "",
    "497f6eca-6276-4993-bfeb-53cbbbba6f08",
    "497F6ECA-6276-4993-BFEB-53CBBBBA6F08",
    "497f6eca62764993bfeb53cbbbba6f08",
    "{497f6eca-6276-4993-bfeb-53cbbbba6f08}",
    "urn:uuid:497f6eca-6276-4993-bfeb-53cbbbba6f08",
    "497f6eca-6276-4993-bfeb-53cbbbba6f0",
    "497f6eca-6276-4993-bfeb-53cbbbba6f08 ",
    "2019-08-24T14:15:22Z",
    "2019-08-24t14:15:22z",
    "2019-08-24T14:15:22.123456789Z",
    "2019-08-24T14:15:22.5+05:30",
    "2016-12-31T23:59:60Z",
    "2019-08-24 14:15:22Z",
    "2019-08-24T14:15:22",
    "2019-02-30T14:15:22Z",
    "2019-08-24T24:00:00Z",
    "2019-08-24",
    "draft",
    "archived_v2",
]
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(),
    st.sampled_from([0.0, 1.0, -3.0, 1e300, 2.5]),
    st.sampled_from(_TRICKY_STRINGS),
    st.text(max_size=8),
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The path of every value inside `value`, objects' keys and arrays' indices."""
    children = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in children:
        yield (*prefix, key)
        yield from _paths(child, (*prefix, key))


def _container_of(body: Any, path: tuple[str | int, ...]) -> tuple[Any, str | int]:
    """The object or array that holds the value at `path`, and its key or index there."""
    *parents, last = path
    for key in parents:
        body = body[key]
    return body, last


_MISSING = object()


@st.composite
def _mutated_seed(draw: st.DrawFn) -> tuple[type[JsonModel], Any]:
    """A seed body with up to three values replaced, removed, or added as unknown fields."""
    model, seed = draw(st.sampled_from(SEEDS))
    body: Any = copy.deepcopy(seed)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        if draw(st.integers(min_value=0, max_value=19)) == 0:
            body = draw(_JSON)  # not even an object
            continue
        paths = list(_paths(body))
        if not paths:
            continue
        target, last = _container_of(body, draw(st.sampled_from(paths)))
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "remove" and isinstance(target, dict):
            del target[last]
        elif action == "add" and isinstance(target, dict):
            target[draw(st.text(min_size=1, max_size=6))] = draw(_JSON)
        else:
            target[last] = draw(_JSON)
    return model, body


def _outcome(read: Any) -> str:
    """What `read` gives, read whole, as text: NaN equals NaN there, and a difference shows
    where it is. Only `read` may refuse the body: an error while reading the model's fields
    afterwards fails the test."""
    try:
        model = read()
    except APIResponseValidationError as error:
        return f"refused at {error.path}: {error.reason}"
    return json.dumps(model.to_dict(), sort_keys=True, default=repr)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_seed())
def test_the_schema_check_is_never_laxer_than_reading_every_field(
    case: tuple[type[JsonModel], Any],
) -> None:
    """Were the schema laxer than from_dict, a bad body would pass from_body and fail at an
    attribute read; this reads every attribute (to_dict) right after from_body."""
    model, body = case
    eager = _outcome(lambda: model.from_dict(copy.deepcopy(body)))
    lazy = _outcome(lambda: model.from_body(copy.deepcopy(body)))
    assert lazy == eager


_TRICKY_VALUES: list[Any] = [
    *_TRICKY_STRINGS,
    None,
    True,
    False,
    0,
    -1,
    2**70,
    1.0,
    -3.0,
    2.5,
    1e300,
    float("nan"),
    float("inf"),
    [],
    [1],
    [None],
    {},
    {"a": 1},
    _MISSING,
]


@pytest.mark.parametrize(("model", "seed"), list(dict(SEEDS).items()))  # one seed a model
def test_every_tricky_value_at_every_place_of_a_seed_reads_the_same_either_way(
    model: type[JsonModel], seed: dict[str, Any]
) -> None:
    """Every value of the seed in turn replaced by each tricky value (or removed): the
    exhaustive counterpart of the random test above, for the values most likely to split
    a schema from a parse function (3.0 as an integer, a leap second, a braced UUID)."""
    differences = []
    for path in _paths(seed):
        for value in _TRICKY_VALUES:
            body = copy.deepcopy(seed)
            target, last = _container_of(body, path)
            if value is _MISSING:
                del target[last]
            else:
                target[last] = value
            eager = _outcome(lambda: model.from_dict(copy.deepcopy(body)))  # noqa: B023
            lazy = _outcome(lambda: model.from_body(copy.deepcopy(body)))  # noqa: B023
            if lazy != eager:
                differences.append(
                    f"{path} = {value!r}: from_body {lazy[:80]}, from_dict {eager[:80]}"
                )
    assert differences == []


def test_a_value_set_before_it_is_read_is_kept() -> None:
    parsed = GetCampaignResponse.from_body(copy.deepcopy(SEED_CAMPAIGN))
    campaign = parsed.campaign
    campaign.name = "Renamed"
    campaign.status = CampaignStatus.ACTIVE
    assert campaign.description == SEED_CAMPAIGN["campaign"]["description"]
    assert campaign.name == "Renamed"
    assert campaign.to_dict()["status"] == "active"


def test_a_lazy_model_behaves_as_a_model() -> None:
    eager = GetCampaignResponse.from_dict(SEED_CAMPAIGN)

    def lazy() -> GetCampaignResponse:
        return GetCampaignResponse.from_body(copy.deepcopy(SEED_CAMPAIGN))

    assert pickle.loads(pickle.dumps(lazy())) == eager
    assert copy.deepcopy(lazy()) == eager
    assert copy.copy(lazy()) == eager
    assert attrs.evolve(lazy().campaign, name="x") == attrs.evolve(eager.campaign, name="x")
    assert attrs.asdict(lazy()) == attrs.asdict(eager)
    assert repr(lazy()) == repr(eager)
    assert isinstance(lazy().campaign, Campaign)


@pytest.mark.parametrize("make", [GetCampaignResponse.from_body, GetCampaignResponse.from_dict])
def test_an_attribute_the_model_does_not_have_is_an_attribute_error(make: Any) -> None:
    parsed = make(copy.deepcopy(SEED_CAMPAIGN))
    assert not hasattr(parsed, "campaing")
    with pytest.raises(
        AttributeError, match="'GetCampaignResponse' object has no attribute 'campaing'"
    ):
        _ = parsed.campaing


@pytest.mark.parametrize(
    "odd",
    [
        float("nan"),
        float("inf"),
        2**200,
        [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
    ],
)
def test_a_value_the_schema_checker_cannot_take_is_read_by_from_dict(odd: Any) -> None:
    body = copy.deepcopy(SEED_CAMPAIGN)
    body["campaign"]["campaignAutomations"] = [odd]
    body["campaign"]["outboundExtras"] = odd
    lazy, eager = GetCampaignResponse.from_body(body), GetCampaignResponse.from_dict(body)
    assert json.dumps(lazy.to_dict()) == json.dumps(eager.to_dict())


@pytest.mark.parametrize(
    ("read", "parse", "good", "bad"),
    [
        (
            read_checked_uuid,
            parse_uuid,
            "497F6ECA-6276-4993-bfeb-53cbbbba6f08",
            "497f6eca-6276-4993-bfeb-53cbbbba6f0g",
        ),
        (
            read_checked_uuid,
            parse_uuid,
            "497f6eca-6276-4993-bfeb-53cbbbba6f08",
            "{497f6eca-6276-4993-bfeb-53cbbbba6f}",
        ),
        (read_checked_datetime, parse_datetime, "2026-12-02t01:02:03.5z", "2026-02-30T01:02:03Z"),
        (read_checked_date, parse_date, "2026-12-02", "2026-02-30"),
        (read_checked_int, parse_int, 3.0, 2.5),
    ],
)
def test_a_checked_reader_reads_as_its_parser_and_explains_what_it_cannot_convert(
    read: Any, parse: Any, good: Any, bad: Any
) -> None:
    """The readers of checked values only convert; one handed a value the schema should
    have refused still raises the parser's explained error, not a ValueError."""
    assert read(good) == parse(good)
    assert type(read(good)) is type(parse(good))
    with pytest.raises(APIResponseValidationError) as raised:
        read(bad)
    assert raised.value.reason.startswith("expected ")


def test_a_checked_body_without_a_required_field_is_an_explained_error() -> None:
    body = copy.deepcopy(SEED_CAMPAIGN["campaign"])
    del body["name"]
    with pytest.raises(APIResponseValidationError, match="required") as raised:
        Campaign.from_checked(body)
    assert raised.value.path == "name"


@pytest.mark.parametrize(
    ("key", "value", "path", "reason"),
    [
        ("id", "497f6eca-6276-4993-bfeb-53cbbbba6f0g", "id", "expected a UUID"),
        ("createdAt", "2026-02-30T01:02:03Z", "createdAt", "expected an RFC 3339 date-time"),
        ("maxAttempts", 2.5, "maxAttempts", "expected an integer"),
        (
            "transferConfigIds",
            ["497f6eca-6276-4993-bfeb-53cbbbba6f08", "497f6eca-6276-4993-bfeb-53cbbbba6f0g"],
            "transferConfigIds[1]",
            "expected a UUID",
        ),
    ],
)
def test_a_value_the_compiled_reader_cannot_convert_is_explained(
    key: str, value: Any, path: str, reason: str
) -> None:
    """The compiled reader converts ids, times and integers inline; one handed a value the
    schema should have refused names the field as `from_dict` does, never a ValueError."""
    body = copy.deepcopy(SEED_CAMPAIGN["campaign"])
    body[key] = value
    with pytest.raises(APIResponseValidationError) as raised:
        Campaign.from_checked(body)
    assert raised.value.path == path
    assert raised.value.reason.startswith(reason)


def test_a_lower_case_date_time_reads_as_from_dict_reads_it() -> None:
    """RFC 3339 allows `t` and `z`, which the compiled reader's fromisoformat refuses: the
    model is read by from_dict then, to the same value."""
    body = copy.deepcopy(SEED_CAMPAIGN)
    body["campaign"]["createdAt"] = "2026-12-02t01:02:03.5z"
    lazy = GetCampaignResponse.from_body(copy.deepcopy(body))
    assert lazy == GetCampaignResponse.from_dict(body)
    assert lazy.campaign.created_at == parse_datetime("2026-12-02T01:02:03.5Z")
