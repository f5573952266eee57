"""The templates derive the facade from the spec: a new operation or tag appears on
regeneration, and what they cannot express fails the generation instead of half-working."""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from carecycle_tools.generate import GenerationError, generate_into
from carecycle_tools.render import CONFIG, RUNTIME, SPEC, TEMPLATES
from tests.repository import ROOT
from tests.repository import SPEC as THE_SPEC

_OBJECT_RESPONSE = {
    "description": "ok",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Campaign"}}},
}


def _generate(tmp_path: Path, spec: dict[str, Any]) -> Path:
    """Generate from `spec` with the repository's templates and config; the package's path."""
    shutil.copytree(ROOT / TEMPLATES, tmp_path / TEMPLATES)
    shutil.copytree(ROOT / RUNTIME, tmp_path / RUNTIME)
    shutil.copyfile(ROOT / CONFIG, tmp_path / CONFIG)
    (tmp_path / SPEC).write_text(yaml.safe_dump(spec, sort_keys=False))
    generate_into(tmp_path / "out", root=tmp_path)
    return tmp_path / "out"


def test_new_operations_and_tags_appear_on_the_facade(tmp_path: Path) -> None:
    spec = copy.deepcopy(THE_SPEC)
    spec["tags"].append({"name": "Appointments", "description": "Booked appointments."})
    spec["paths"]["/v2/campaigns/{campaignId}/pause"] = {
        "post": {
            "operationId": "pauseCampaign",
            "tags": ["Campaigns"],
            "summary": "Pause a campaign",
            "parameters": [spec["paths"]["/v2/campaigns/{campaignId}"]["get"]["parameters"][0]],
            "responses": {"200": _OBJECT_RESPONSE},
        }
    }
    spec["paths"]["/v2/appointments/reminders"] = {
        "post": {
            "operationId": "sendAppointmentReminders",
            "tags": ["Appointments"],
            "summary": "Send reminders",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["campaignId"],
                            "properties": {
                                "campaignId": {"$ref": "#/components/schemas/Uuid"},
                                "dryRun": {"type": "boolean"},
                            },
                        }
                    }
                },
            },
            "responses": {"200": _OBJECT_RESPONSE},
        }
    }
    package = _generate(tmp_path, spec)
    probe = """
import inspect
from carecycle_client import AsyncCareCycle, CareCycle
for facade in (CareCycle("cc_probe_key_0000"), AsyncCareCycle("cc_probe_key_0000")):
    print(sorted(n for n in dir(facade.campaigns) if not n.startswith("_")))
    parameters = inspect.signature(facade.appointments.send_reminders).parameters
    print([(p.name, p.kind.name, p.default is p.empty) for p in parameters.values()])
"""
    shown = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(package)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    reminders = str(
        [
            ("campaign_id", "KEYWORD_ONLY", True),
            ("dry_run", "KEYWORD_ONLY", False),
            ("timeout", "KEYWORD_ONLY", False),
            ("max_retries", "KEYWORD_ONLY", False),
            ("deadline", "KEYWORD_ONLY", False),
            ("extra_headers", "KEYWORD_ONLY", False),
        ]
    )
    assert shown == ["['get', 'pause']", reminders] * 2


def test_an_operation_the_facade_cannot_express_fails_the_generation(tmp_path: Path) -> None:
    spec = copy.deepcopy(THE_SPEC)
    spec["paths"]["/v2/campaigns"] = {
        "get": {
            "operationId": "listCampaigns",
            "tags": ["Campaigns"],
            "responses": {
                "200": {
                    "description": "A bare list",
                    "content": {"application/json": {"schema": {"type": "array", "items": {}}}},
                }
            },
        }
    }
    with pytest.raises(
        GenerationError, match="returns only a JSON object success body; list_campaigns has another"
    ):
        _generate(tmp_path, spec)


def test_a_spec_without_a_server_fails_the_generation(tmp_path: Path) -> None:
    spec = copy.deepcopy(THE_SPEC)
    del spec["servers"]
    with pytest.raises(GenerationError, match=r"has no servers\[0\]\.url"):
        _generate(tmp_path, spec)
