"""The generated model classes by name, filled in as each class is defined.

The runtime reads some models it does not import: the lazy reading compiles a body's
schema with every model's schema as a definition, and `errors` reads a 422's issues as
`ValidationIssue`s. The models import the runtime, so the runtime finds them here instead.
"""

from __future__ import annotations

from typing import Any

MODELS: dict[str, type[Any]] = {}


def register_model(model: type[Any]) -> None:
    MODELS[model.__name__] = model
