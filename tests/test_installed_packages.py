"""The two packages as a consuming team installs them: only the built wheels, in a fresh venv.

Nothing from the workspace is on the path: the environments are made from a bare
interpreter, and everything else comes from the package index, as for a consumer.
"""

from __future__ import annotations

import json
import re
import selectors
import signal
import subprocess
import tarfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.built_packages import VERSION, Venv, Wheels, create_venv
from tests.repository import SPEC

READY = re.compile(r"carecycle-mock listening on (http://\S+)")

# Runs inside the consumer's environment, with the mock's URL as its argument.
CONSUMER = """
import json, sys
from carecycle_client import CareCycle, PermissionDeniedError
from carecycle_mock.data import load_dataset

dataset = load_dataset()
read_write_key = dataset.key(permissions={"read", "write"})
read_only_key = dataset.key(permissions={"read"}, organisation_id=read_write_key.organisation_id)
enrollment = dataset.enrollments_of(read_write_key.organisation_id)[0]
with CareCycle(api_key=read_write_key.key, base_url=sys.argv[1]) as carecycle:
    campaign = carecycle.campaigns.get(enrollment.campaign_id).campaign
    update = carecycle.customers.update_campaign_status(
        customer_id=enrollment.customer_id, campaign_id=enrollment.campaign_id, status="completed"
    )
with CareCycle(api_key=read_only_key.key, base_url=sys.argv[1]) as carecycle:
    try:
        carecycle.customers.update_campaign_status(
            customer_id=enrollment.customer_id, campaign_id=enrollment.campaign_id, status="failed"
        )
        refused = None
    except PermissionDeniedError as error:
        refused = error.status_code
print(json.dumps({
    "campaign": str(campaign.id), "wanted": enrollment.campaign_id,
    "new_status": str(update.new_status), "refused": refused,
}))
"""


def test_make_build_writes_four_files_carrying_info_version(wheels: Wheels) -> None:
    built = sorted(path.name for path in wheels.directory.iterdir() if path.name != ".gitignore")
    assert built == [
        f"carecycle_client-{VERSION}-py3-none-any.whl",
        f"carecycle_client-{VERSION}.tar.gz",
        f"carecycle_mock-{VERSION}-py3-none-any.whl",
        f"carecycle_mock-{VERSION}.tar.gz",
    ]


def test_the_mock_sdist_carries_the_spec_and_the_data_set_into_its_wheel(wheels: Wheels) -> None:
    # make build makes each wheel from its sdist, so the wheel proves the sdist whole.
    with tarfile.open(wheels.directory / f"carecycle_mock-{VERSION}.tar.gz") as sdist:
        in_sdist = set(sdist.getnames())
    with zipfile.ZipFile(wheels.mock) as wheel:
        in_wheel = set(wheel.namelist())
        metadata = wheel.read(f"carecycle_mock-{VERSION}.dist-info/METADATA").decode()
    for packaged in ("openapi.yaml", "default_dataset.json", "dataset.schema.json", "py.typed"):
        assert f"carecycle_mock-{VERSION}/carecycle_mock/{packaged}" in in_sdist
        assert f"carecycle_mock/{packaged}" in in_wheel
    assert f"Version: {VERSION}\n" in metadata
    assert f"Requires-Dist: carecycle-client=={VERSION}\n" in metadata
    # The README is the package's long description.
    assert "Description-Content-Type: text/markdown" in metadata
    assert "## The admin API" in metadata


@pytest.mark.parametrize("first", ["client", "mock"])
def test_installing_both_in_either_order_moves_no_version_the_other_installed(
    wheels: Wheels, tmp_path: Path, first: str
) -> None:
    venv = create_venv(tmp_path / "venv")
    order = [wheels.client, wheels.mock] if first == "client" else [wheels.mock, wheels.client]
    venv.install(order[0], find_links=wheels.directory)
    before = venv.versions()
    venv.install(order[1], find_links=wheels.directory)
    after = venv.versions()

    assert {name: after.get(name) for name in before} == before
    assert after["carecycle-client"] == after["carecycle-mock"] == VERSION


@pytest.fixture(scope="module")
def consumer(wheels: Wheels, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    venv = create_venv(tmp_path_factory.mktemp("consumer") / "venv")
    venv.install(f"carecycle-mock=={VERSION}", find_links=wheels.directory)
    return venv


@pytest.fixture
def served(consumer: Venv) -> Iterator[str]:
    """`carecycle-mock --port 0` from the consumer's environment; its URL."""
    process = subprocess.Popen(
        [consumer.script("carecycle-mock"), "--port", "0", "--rate-limit", "0"],
        env=consumer.environment(),
        cwd=consumer.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    seen: list[str] = []
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            deadline = time.monotonic() + 60
            while not (match := READY.search("".join(seen))):
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"no listening line within 60 s: {''.join(seen)}"
                if selector.select(remaining):
                    line = process.stdout.readline()
                    assert line, f"carecycle-mock exited: {''.join(seen)}"
                    seen.append(line)
        yield match.group(1)
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=30)
        process.stdout.close()
    assert code == 0


def test_the_installed_mock_says_its_version(consumer: Venv) -> None:
    result = consumer.run(consumer.script("carecycle-mock"), "--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"carecycle-mock {VERSION}")


# What the installed mock reads at start: the spec it loads by default, and whether it
# needed PyYAML for it.
LOADED_SPEC = """
import json, sys
from carecycle_mock.app import create_app
app = create_app()
print(json.dumps({"document": app.state.mock.spec.document, "yaml": "yaml" in sys.modules}))
"""


def test_the_mock_wheel_carries_the_spec_as_json_too(wheels: Wheels) -> None:
    with zipfile.ZipFile(wheels.mock) as wheel:
        packaged_yaml = yaml.safe_load(wheel.read("carecycle_mock/openapi.yaml"))
        packaged_json = json.loads(wheel.read("carecycle_mock/openapi.json"))

    assert packaged_json == packaged_yaml == SPEC


def test_the_installed_mock_serves_the_spec_without_parsing_yaml(consumer: Venv) -> None:
    result = consumer.run(consumer.python, "-I", "-c", LOADED_SPEC)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)

    assert loaded == {"document": SPEC, "yaml": False}


def test_the_installed_client_calls_the_installed_mock(consumer: Venv, served: str) -> None:
    result = consumer.run(consumer.python, "-I", "-c", CONSUMER, served)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["campaign"] == outcome["wanted"]
    assert outcome["new_status"] == "completed"
    assert outcome["refused"] == 403
    assert "cc_" not in result.stdout + result.stderr


def test_the_installed_client_has_the_carecycle_command(consumer: Venv) -> None:
    result = consumer.run(consumer.script("carecycle"), "--version")
    assert (result.returncode, result.stdout.strip()) == (
        0,
        f"carecycle (carecycle_client {VERSION})",
    )
    shown = consumer.run(consumer.script("carecycle"), "bulk-update", "--help")
    assert shown.returncode == 0, shown.stderr
    assert "--resume JOURNAL" in shown.stdout
