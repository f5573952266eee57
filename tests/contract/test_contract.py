"""openapi.yaml, checked by schemathesis against the API (see targets.py for where).

Every check schemathesis has, positive and negative data, its examples, coverage and
fuzzing phases per operation, then the stateful phase along the spec's links (a PATCH
that changed a status leads to the GET of its campaign). Deterministic: a fixed seed,
derandomized generation, no example database, bounded examples.

One setting differs from schemathesis' defaults, on purpose, and comes from the
repository's schemathesis.toml, which `schemathesis run` reads too:
`positive_data_acceptance` also accepts 400, since the spec documents a business rule
that a schema-valid PATCH to a non-terminal status is a 400 STATUS_NOT_TERMINAL.

Random UUIDs almost never name a seeded campaign, so hooks mix seeded ids (of every
organisation, to cross tenancy too) into valid generated ids: operations then reach
their 200s and the stateful phase changes and reads real state.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import hypothesis
import jsonschema_rs
import pytest
import schemathesis
import yaml
from hypothesis import strategies as st
from starlette.applications import Starlette

from carecycle_mock import MockConfig, create_app
from carecycle_mock.data import load_dataset
from carecycle_mock.spec import default_spec_path

from .targets import REMOTE, api_key, request_rate

Case = schemathesis.Case[Any]
TestFunction = TypeVar("TestFunction", bound=Callable[..., None])
SPEC_PATH = default_spec_path()
SEED = 20251125
MAX_EXAMPLES = 15 if REMOTE else 60
STATEFUL_SCENARIOS = 5 if REMOTE else 25
# At careCycle's pace a remote run takes many minutes, beyond the suite's usual timeout.
pytestmark = [pytest.mark.timeout(3600)] if REMOTE else []

CHECKS = tomllib.loads((Path(__file__).parents[2] / "schemathesis.toml").read_text())["checks"]
CONFIG = schemathesis.Config.from_dict(
    {
        "seed": SEED,
        "generation": {
            "mode": "all",
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            "database": "none",
        },
        "checks": CHECKS,
        "phases": {"stateful": {"max-steps": 6}},
        "auth": {"openapi": {"apiKey": {"api_key": api_key()}}},
        **({"rate-limit": rate} if (rate := request_rate()) else {}),
    }
)

DATASET = load_dataset()
CAMPAIGN_IDS = [campaign.id for campaign in DATASET.campaigns]
ENROLLED = [(e.customer_id, e.campaign_id) for e in DATASET.enrollments]
_UUID = jsonschema_rs.validator_for(
    yaml.safe_load(SPEC_PATH.read_text())["components"]["schemas"]["Uuid"]
)


def _is_uuid(value: object) -> bool:
    return isinstance(value, str) and _UUID.is_valid(value)


def flatmap_path_parameters(
    context: schemathesis.HookContext, path_parameters: dict[str, Any] | None
) -> st.SearchStrategy[dict[str, Any] | None]:
    """A valid generated campaign id stays, or becomes a seeded one."""
    if not (path_parameters and _is_uuid(generated := path_parameters.get("campaignId"))):
        return st.just(path_parameters)
    return st.sampled_from([generated, *CAMPAIGN_IDS]).map(
        lambda campaign_id: {**path_parameters, "campaignId": campaign_id}
    )


def flatmap_body(context: schemathesis.HookContext, body: Any) -> st.SearchStrategy[Any]:
    """Valid generated ids stay, or become a seeded enrollment's customer and campaign."""
    if not (
        isinstance(body, dict)
        and _is_uuid(body.get("customerId"))
        and _is_uuid(body.get("campaignId"))
    ):
        return st.just(body)
    pairs = [(body["customerId"], body["campaignId"]), *ENROLLED]
    return st.sampled_from(pairs).map(
        lambda pair: {**body, "customerId": pair[0], "campaignId": pair[1]}
    )


def load_schema(app: Starlette | None = None) -> schemathesis.BaseSchema:
    """The spec for schemathesis; with `app`, every request (probes too) goes in process."""
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=CONFIG)
    schema.app = app
    schema.hook(flatmap_path_parameters)
    schema.hook(flatmap_body)
    return schema


def each_case(schema: schemathesis.BaseSchema) -> Callable[[TestFunction], TestFunction]:
    """`schema.parametrize()`, typed."""
    decorator: Callable[[TestFunction], TestFunction] = schema.parametrize()
    return decorator


def run_stateful(schema: schemathesis.BaseSchema, call_kwargs: dict[str, Any]) -> None:
    class Workflow(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: Case) -> dict[str, Any]:
            return call_kwargs

    settings = hypothesis.settings(
        max_examples=STATEFUL_SCENARIOS, deadline=None, derandomize=True, database=None
    )
    Workflow.run(settings=settings)


over_http = load_schema()


@each_case(over_http)
def test_each_operation_conforms_over_http(case: Case, base_url: str) -> None:
    case.call_and_validate(base_url=base_url)


def test_sequences_along_links_conform_over_http(base_url: str) -> None:
    run_stateful(over_http, {"base_url": base_url})


if not REMOTE:
    APP = create_app(MockConfig(rate_limit=None))
    in_process = load_schema(APP)

    @pytest.fixture(scope="module", autouse=True)
    def _close_in_process_app() -> Iterator[None]:
        yield
        APP.state.mock.close()

    @each_case(in_process)
    def test_each_operation_conforms_in_process(case: Case) -> None:
        case.call_and_validate()

    def test_sequences_along_links_conform_in_process() -> None:
        run_stateful(in_process, {})


if not REMOTE:

    def test_stock_schemathesis_cli_finds_nothing(base_url: str, tmp_path: Path) -> None:
        """`schemathesis run openapi.yaml --checks all`, as the README says, with the
        repository's schemathesis.toml and nothing else (run elsewhere: its cache stays out)."""
        result = subprocess.run(
            [
                Path(sys.executable).with_name("schemathesis"),
                "--config-file",
                Path(__file__).parents[2] / "schemathesis.toml",
                "--no-color",
                "run",
                SPEC_PATH,
                "--checks",
                "all",
                "--url",
                base_url,
                "--header",
                f"x-api-key: {api_key()}",
                "--max-examples",
                "20",
                "--seed",
                str(SEED),
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert " passed" in result.stdout
