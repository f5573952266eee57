# Generated from openapi.yaml (its values read by tools/carecycle_tools/render.py) by make generate: edit that, not this file.
"""The values of the OpenAPI document that the runtime needs."""

PACKAGE_NAME = "carecycle_client"
VERSION = "2.0.0"
"""The package's version: info.version of the OpenAPI document."""
DEFAULT_BASE_URL = "https://api.carecycle.ai"
"""The server of the OpenAPI document."""
API_KEY_HEADER = "x-api-key"
"""The header of the OpenAPI document's API key scheme; the key goes in it without prefix."""
