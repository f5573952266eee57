"""`make docs` builds a site that documents what a consuming team looks for."""

from __future__ import annotations

import html
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import carecycle_client
from carecycle_client import errors
from carecycle_tools.docs import PAGES
from carecycle_tools.mock_api import surfaces
from tests.built_packages import VERSION
from tests.repository import ROOT


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "carecycle_tools.docs", "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return out


def page(site: Path, name: str) -> str:
    path = site / name
    assert path.is_file(), f"make docs wrote no {name}"
    return path.read_text(encoding="utf-8")


def test_the_http_reference_has_both_operations(site: Path) -> None:
    reference = page(site, "http-api.html")
    for operation in ("getCampaign", "updateCustomerCampaignStatus"):
        assert operation in reference
    for path in ("/v2/campaigns/{campaignId}", "/v2/customers/campaign-status"):
        assert path in reference


def test_every_public_class_of_the_error_tree_is_documented(site: Path) -> None:
    reference = page(site, "python/carecycle_client/errors.html")
    tree = [
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value)
        and issubclass(value, errors.CareCycleError)
        and not name.startswith("_")
    ]
    assert "NotFoundError" in tree
    assert "APIConnectionError" in tree
    for name in tree:
        assert f'id="{name}"' in reference, name
        assert name in carecycle_client.__all__, f"{name} is not exported by carecycle_client"


def test_both_facade_methods_are_documented(site: Path) -> None:
    assert 'id="Campaigns.get"' in page(site, "python/carecycle_client/api/campaigns.html")
    assert 'id="Customers.update_campaign_status"' in page(
        site, "python/carecycle_client/api/customers.html"
    )
    facade = page(site, "python/carecycle_client/api.html")
    assert 'id="CareCycle"' in facade
    assert 'id="AsyncCareCycle"' in facade


def test_every_admin_endpoint_of_the_mock_is_documented(site: Path) -> None:
    manual = page(site, "mock.html")
    endpoints = surfaces(ROOT / "mock")["admin"]
    assert "PUT /_mock/faults" in endpoints
    for endpoint in endpoints:
        assert endpoint.replace("/", "&#x2F;") in manual or endpoint in manual, endpoint


def test_the_readmes_and_the_changelog_are_pages_linked_from_the_index(site: Path) -> None:
    index = page(site, "index.html")
    for _, name, source in PAGES:
        headings = re.findall(r"^#{1,3} (.+)$", (ROOT / source).read_text(), flags=re.MULTILINE)
        rendered = page(site, name)
        for heading in headings:
            assert html.escape(heading.replace("`", ""), quote=False) in re.sub(
                r"</?code>", "", rendered
            ), (name, heading)
        assert f'href="{name}"' in index
    assert f"## {VERSION}" in (ROOT / "CHANGELOG.md").read_text()
    for reference in (
        "http-api.html",
        "python/carecycle_client.html",
        "python/carecycle_mock.html",
    ):
        assert f'href="{reference}"' in index


def test_the_mock_fixtures_are_documented(site: Path) -> None:
    plugin = page(site, "python/carecycle_mock/pytest_plugin.html")
    for fixture in ("carecycle_mock", "carecycle", "async_carecycle"):
        assert f'id="{fixture}"' in plugin, fixture
    for control in ("requests", "assert_requested", "set_faults", "enrollment_status"):
        assert f'id="CareCycleMock.{control}"' in plugin, control
    transports = page(site, "python/carecycle_mock/transport.html")
    assert 'id="MockTransport"' in transports
