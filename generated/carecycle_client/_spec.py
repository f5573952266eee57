# Generated from openapi.yaml (its values read by tools/carecycle_tools/render.py) by make generate: edit that, not this file.
"""The values of the OpenAPI document that the runtime needs."""

PACKAGE_NAME = "carecycle_client"
VERSION = "2.1.4"
"""The package's version: info.version of the OpenAPI document."""
DEFAULT_BASE_URL = "https://api.carecycle.ai"
"""The server of the OpenAPI document."""
API_KEY_HEADER = "x-api-key"
"""The header of the OpenAPI document's API key scheme; the key goes in it without prefix."""
UUID_PATTERN = "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$"
"""The pattern of the OpenAPI document's Uuid schema: the ids the API accepts."""
