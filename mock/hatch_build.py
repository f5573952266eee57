"""Build hooks of carecycle-mock: it is released in lockstep with carecycle-client.

- Its version is `info.version` of openapi.yaml, and it requires the carecycle-client of
  that same version: one pin gives a consumer a matching pair.
- openapi.yaml travels inside the package. In the repository it is `../openapi.yaml`;
  in the sdist it is already `carecycle_mock/openapi.yaml`, so a wheel built from the
  sdist finds it there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

PACKAGED_SPEC = Path("carecycle_mock") / "openapi.yaml"
REPOSITORY_SPEC = Path("..") / "openapi.yaml"


def spec_source(root: str) -> Path:
    """The spec to package: the sdist's copy when there is one, else the repository's."""
    for candidate in (PACKAGED_SPEC, REPOSITORY_SPEC):
        if (Path(root) / candidate).is_file():
            return Path(root) / candidate
    raise FileNotFoundError(
        f"carecycle-mock needs openapi.yaml: neither {PACKAGED_SPEC} nor {REPOSITORY_SPEC}"
        f" exists under {root}"
    )


class LockstepMetadataHook(MetadataHookInterface):
    """`version` and the carecycle-client pin, from the spec's info.version."""

    def update(self, metadata: dict[str, Any]) -> None:
        spec = yaml.safe_load(spec_source(self.root).read_text(encoding="utf-8"))
        version = str(spec["info"]["version"])
        metadata["version"] = version
        shared = self.config.get("dependencies", [])
        metadata["dependencies"] = [f"carecycle-client=={version}", *shared]


class PackagedSpecHook(BuildHookInterface):  # type: ignore[type-arg]
    """Put the repository's openapi.yaml into the sdist and wheel as carecycle_mock/openapi.yaml."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        source = spec_source(self.root)
        if source.resolve() != (Path(self.root) / PACKAGED_SPEC).resolve():
            build_data["force_include"][str(source)] = str(PACKAGED_SPEC)
