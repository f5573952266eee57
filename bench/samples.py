"""Response bodies the benchmarks serve and parse: the seed examples of openapi.yaml."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SPEC = Path(__file__).resolve().parent.parent / "openapi.yaml"


@cache
def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC.read_text())
    return spec


def _seed_example(path: str, method: str) -> Any:
    response = _spec()["paths"][path][method]["responses"]["200"]
    return response["content"]["application/json"]["examples"]["seed"]["value"]


def campaign_body(routing_agents: int = 1) -> bytes:
    """The seed's full GET campaign response, its routing config holding `routing_agents` agents."""
    response = copy.deepcopy(_seed_example("/v2/campaigns/{campaignId}", "get"))
    routing = response["campaign"]["transferConfig"]["routingConfig"]
    (agent,) = routing["agents"]
    routing["agents"] = [copy.deepcopy(agent) for _ in range(routing_agents)]
    return json.dumps(response).encode()


def status_update_body() -> bytes:
    """The seed's PATCH campaign-status response."""
    return json.dumps(_seed_example("/v2/customers/campaign-status", "patch")).encode()
