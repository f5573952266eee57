"""The example bodies openapi.yaml carries: the ones the pages show."""

from __future__ import annotations

import copy
from typing import Any

from tests.repository import SPEC

_GET = SPEC["paths"]["/v2/campaigns/{campaignId}"]["get"]
_PATCH = SPEC["paths"]["/v2/customers/campaign-status"]["patch"]


def _seed(content: dict[str, Any]) -> dict[str, Any]:
    """The example the page shows for a body."""
    example: dict[str, Any] = content["application/json"]["examples"]["seed"]["value"]
    return example


CAMPAIGN_ID = _GET["parameters"][0]["example"]
SEED_CAMPAIGN = _seed(_GET["responses"]["200"]["content"])
SEED_UPDATE = _seed(_PATCH["responses"]["200"]["content"])
SEED_UPDATE_REQUEST = _seed(_PATCH["requestBody"]["content"])


def seed_campaign() -> dict[str, Any]:
    """The page's full GET example, free to change."""
    return copy.deepcopy(SEED_CAMPAIGN)
