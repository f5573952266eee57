"""The pytest plugin: its fixtures here (the plugin is loaded in this suite as in any other,
through its entry point), and its configuration and isolation in pytester's sessions."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest

from carecycle_client import CareCycle, InternalServerError
from carecycle_mock import FaultPlan, StatusFault
from carecycle_mock.data import default_dataset_path
from carecycle_mock.pytest_plugin import CareCycleMock

pytest_plugins = ["pytester"]


def test_the_mock_is_on_a_loopback_port_with_the_seed(carecycle_mock: CareCycleMock) -> None:
    assert carecycle_mock.url.startswith("http://127.0.0.1:")
    tenant = carecycle_mock.dataset.tenant()
    campaign = tenant.campaign()
    response = httpx.get(
        f"{carecycle_mock.url}/v2/campaigns/{campaign.id}",
        headers={"x-api-key": tenant.read_only_key.key, "x-request-id": "from-the-test"},
    )
    assert response.json()["campaign"]["name"] == campaign.name
    (entry,) = carecycle_mock.requests("getCampaign", request_id="from-the-test")
    assert entry.key_label == tenant.read_only_key.label


def test_the_client_fixture_records_its_retry_waits(
    carecycle: CareCycle, carecycle_mock: CareCycleMock
) -> None:
    campaign = carecycle_mock.dataset.tenant().campaign()
    carecycle_mock.set_faults(script=[{"status": 500}, {"status": 429, "retryAfter": 7}])
    carecycle.campaigns.get(campaign.id)
    assert len(carecycle_mock.retry_waits) == 2
    assert carecycle_mock.retry_waits[1] == 7
    carecycle_mock.set_faults(FaultPlan(rates={"500": 1.0}))
    with pytest.raises(InternalServerError):
        carecycle.campaigns.get(campaign.id, max_retries=0)
    carecycle_mock.clear_faults()
    carecycle.campaigns.get(campaign.id)


def test_state_is_arranged_and_read_past_the_api(carecycle_mock: CareCycleMock) -> None:
    enrollment = carecycle_mock.dataset.tenant().enrollment(status="pending")
    ids = (enrollment.customer_id, enrollment.campaign_id)
    assert carecycle_mock.set_enrollment_status(*ids, "awaiting_call") == "pending"
    assert carecycle_mock.enrollment_status(*ids) == "awaiting_call"
    assert carecycle_mock.enrollment_status(*(i.upper() for i in ids)) == "awaiting_call"
    assert carecycle_mock.requests() == []
    with pytest.raises(ValueError, match="unknown status 'done'; known: awaiting_call"):
        carecycle_mock.set_enrollment_status(*ids, "done")
    other = carecycle_mock.dataset.tenants[1].campaign().id
    with pytest.raises(LookupError, match="is not enrolled"):
        carecycle_mock.enrollment_status(enrollment.customer_id, other)
    with pytest.raises(LookupError, match="is not enrolled"):
        carecycle_mock.set_enrollment_status(enrollment.customer_id, other, "failed")


@pytest.mark.parametrize(
    ("plan", "fields", "message"),
    [
        ({"script": [{"status": 418}]}, {}, "script/0/status: Invalid option"),
        (None, {"rates": {"500": 2}}, "rates/500: Too big"),
        (None, {"sript": []}, 'Unrecognized key(s): "sript"'),
        (FaultPlan(), {"seed": 1}, "a FaultPlan or the fields of one"),
        ("500", {}, "not '500'"),
    ],
)
def test_a_fault_plan_is_checked_as_the_admin_api_checks_it(
    carecycle_mock: CareCycleMock, plan: object, fields: dict[str, object], message: str
) -> None:
    with pytest.raises((ValueError, TypeError)) as raised:
        carecycle_mock.set_faults(plan, **fields)  # type: ignore[arg-type]
    assert message in str(raised.value)


def test_a_fault_plan_may_be_one_key_s(carecycle_mock: CareCycleMock) -> None:
    tenant = carecycle_mock.dataset.tenant()
    campaign = f"{carecycle_mock.url}/v2/campaigns/{tenant.campaign().id}"
    carecycle_mock.set_faults({"apiKey": tenant.read_only_key.key, "script": [{"status": 500}]})
    assert httpx.get(campaign, headers={"x-api-key": tenant.read_write_key.key}).status_code == 200
    assert httpx.get(campaign, headers={"x-api-key": tenant.read_only_key.key}).status_code == 500
    carecycle_mock.set_faults(FaultPlan(script=(StatusFault(404),)))
    assert httpx.get(campaign, headers={"x-api-key": tenant.read_only_key.key}).status_code == 404


@pytest.fixture
def paced_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARECYCLE_RATE_LIMIT", "1")  # the service's setting, exported in CI


def test_the_client_fixture_is_not_paced_by_the_environment(
    paced_environment: None, carecycle: CareCycle, carecycle_mock: CareCycleMock
) -> None:
    campaign = carecycle_mock.dataset.tenant().campaign()
    for _ in range(3):
        carecycle.campaigns.get(campaign.id)
    assert carecycle_mock.retry_waits == []  # a paced client would have "waited" 60 s each


ISOLATION = """
import httpx, pytest

def test_a_changes_everything(carecycle, carecycle_mock):
    enrollment = carecycle_mock.dataset.tenant().enrollment(status="pending")
    carecycle.customers.update_campaign_status(
        customer_id=enrollment.customer_id, campaign_id=enrollment.campaign_id, status="failed"
    )
    carecycle_mock.set_faults(script=[{"status": 500}] * 5)
    carecycle_mock.set_rate_limit(1)
    carecycle_mock.retry_waits.append(1.0)

def test_b_starts_from_the_seed(carecycle_mock):
    enrollment = carecycle_mock.dataset.tenant().enrollment(status="pending")
    assert carecycle_mock.enrollment_status(enrollment.customer_id, enrollment.campaign_id) == "pending"
    assert carecycle_mock.requests() == [] and carecycle_mock.retry_waits == []
    key = carecycle_mock.dataset.read_write_key.key
    url = f"{carecycle_mock.url}/v2/campaigns/{enrollment.campaign_id}"
    assert [httpx.get(url, headers={"x-api-key": key}).status_code for _ in range(3)] == [200] * 3
"""


def test_every_test_starts_from_the_seed(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nfilterwarnings = error\n")
    pytester.makepyfile(test_isolation=ISOLATION)
    before = set(threading.enumerate())
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)
    assert set(threading.enumerate()) <= before  # its servers stopped with its session


CONFIGURED = """
import httpx, pytest

def statuses(carecycle_mock, count):
    tenant = carecycle_mock.dataset.tenant()
    url = f"{carecycle_mock.url}/v2/campaigns/{tenant.campaign().id}"
    return [
        httpx.get(url, headers={"x-api-key": tenant.read_write_key.key}).status_code
        for _ in range(count)
    ]

def test_the_ini_sets_the_data_set_and_the_rate_limit(carecycle_mock):
    assert carecycle_mock.dataset.tenant().name == "Only Org"
    assert statuses(carecycle_mock, 3) == [200, 200, 429]

@pytest.mark.carecycle_mock(rate_limit=0)
def test_a_marker_turns_the_limit_off(carecycle_mock):
    assert statuses(carecycle_mock, 4) == [200] * 4

@pytest.mark.carecycle_mock(faults={"script": [{"status": 500}]})
class TestMarkers:
    @pytest.mark.carecycle_mock(data="seed/default.json")
    def test_a_marker_sets_the_data_set_and_the_class_s_faults(self, carecycle_mock):
        assert carecycle_mock.dataset.tenant().name == "Harbor Family Dental"
        assert statuses(carecycle_mock, 3) == [500, 200, 200]

    @pytest.mark.carecycle_mock(faults=None)
    def test_the_closest_marker_wins(self, carecycle_mock):
        assert statuses(carecycle_mock, 1) == [200]

def test_the_other_data_set_s_server_was_reset_too(carecycle_mock):
    assert carecycle_mock.requests() == []
"""


def one_organisation(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    organisation = "5f0c8a52-7d53-4c11-9a8e-2f6b1d3e4a01"
    campaign = "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    path.write_text(
        f"""{{
        "organisations": [{{"id": "{organisation}", "name": "Only Org", "smsCompanyName": "O"}}],
        "apiKeys": [{{"label": "only", "key": "cc_only_key_1", "organisationId": "{organisation}",
                      "permissions": ["read", "write"]}}],
        "customers": [],
        "campaigns": [{{"organisationId": "{organisation}",
                        "campaign": {{"id": "{campaign}", "name": "C", "status": "active"}}}}],
        "enrollments": []
    }}"""
    )


def test_ini_options_and_markers_configure_the_mock(pytester: pytest.Pytester) -> None:
    one_organisation(pytester.path / "data" / "only.json")
    seed = pytester.path / "tests" / "seed"
    seed.mkdir(parents=True)
    (seed / "default.json").write_text(default_dataset_path().read_text())
    pytester.makeini(
        "[pytest]\nfilterwarnings = error\naddopts = --strict-markers\n"
        "carecycle_mock_data = data/only.json\ncarecycle_mock_rate_limit = 2\n"
    )
    (pytester.path / "tests" / "test_configured.py").write_text(CONFIGURED)
    pytester.runpytest("-p", "no:cacheprovider", "-p", "no:randomly").assert_outcomes(passed=5)


@pytest.mark.parametrize(
    ("ini", "message"),
    [
        (
            "carecycle_mock_rate_limit = lots",
            "carecycle_mock_rate_limit = 'lots': expected a whole",
        ),
        ("carecycle_mock_journal_size = -1", "carecycle_mock_journal_size = '-1': expected"),
        ("carecycle_mock_data = missing.json", "carecycle_mock_data = 'missing.json': no file"),
    ],
)
def test_a_bad_ini_option_is_a_usage_error(
    pytester: pytest.Pytester, ini: str, message: str
) -> None:
    pytester.makeini(f"[pytest]\n{ini}\n")
    pytester.makepyfile("def test_it(carecycle_mock):\n    pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.stdout.fnmatch_lines([f"*{message}*"])
    assert result.ret != 0


MISUSED = """
import pytest

@pytest.mark.carecycle_mock(rate=0)
def test_unknown_option(carecycle_mock):
    pass

def test_nothing_matches(carecycle, carecycle_mock):
    carecycle.campaigns.get(carecycle_mock.dataset.tenant().campaign().id)
    carecycle_mock.assert_requested("updateCustomerCampaignStatus", body={"status": "completed"})
"""


def test_mistakes_are_explained(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_misused=MISUSED)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1, errors=1)
    output = result.stdout.str()
    assert (
        "@pytest.mark.carecycle_mock: unknown options ['rate']; known: data, rate_limit, faults"
        in output
    )
    assert (
        "AssertionError: expected a request with operation='updateCustomerCampaignStatus', "
        'body={"status": "completed"}; 0 matched, of 1 in the journal:' in output
    )
    assert " -> 200 [Harbor Family Dental: read and write, " in output
    assert "pytest_plugin.py" not in output  # the test's line is shown, not the plugin's
    assert "cc_mock_" not in result.stdout.str()


ASYNC = """
import pytest

@pytest.mark.anyio
@pytest.mark.carecycle_mock(faults=[{"drop": True}, {"status": 500}])
async def test_async_retries(async_carecycle, carecycle_mock):
    tenant = carecycle_mock.dataset.tenant()
    enrollment = tenant.enrollment(status="pending")
    answer = await async_carecycle.customers.update_campaign_status(
        customer_id=enrollment.customer_id, campaign_id=enrollment.campaign_id, status="completed"
    )
    assert str(answer.previous_status) == "pending"
    assert len(carecycle_mock.retry_waits) == 2
    assert [e.status for e in carecycle_mock.requests()] == [None, 500, 200]
"""


def test_the_async_client_fixture_fits_an_async_test(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nfilterwarnings = error\n")
    pytester.makepyfile(test_async=ASYNC)
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_it_loads_with_p_when_plugins_do_not_autoload(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(
        "def test_it(carecycle, carecycle_mock):\n"
        "    carecycle.campaigns.get(carecycle_mock.dataset.tenant().campaign().id)\n"
    )
    pytester.runpytest_subprocess(
        "-p", "carecycle_mock.pytest_plugin", "-p", "no:cacheprovider"
    ).assert_outcomes(passed=1)


def test_the_client_fixtures_say_what_is_missing_without_the_client(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeconftest("import sys\nsys.modules['carecycle_client'] = None\n")
    pytester.makepyfile("def test_it(carecycle):\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixtures need carecycle-client: install it beside*"])
