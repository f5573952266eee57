"""Build hooks of carecycle-mock: it is released in lockstep with carecycle-client.

- Its version is `info.version` of openapi.yaml, and it requires the carecycle-client of
  that same version: one pin gives a consumer a matching pair.
- openapi.yaml travels inside the package. In the repository it is `../openapi.yaml`;
  in the sdist it is already `carecycle_mock/openapi.yaml`, so a wheel built from the
  sdist finds it there.
- The wheel also carries it as `carecycle_mock/openapi.json`, written from it here: the
  installed mock reads that at start, without PyYAML (spec.py, `ApiSpec.load`).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

PACKAGED_SPEC = Path("carecycle_mock") / "openapi.yaml"
PACKAGED_JSON = Path("carecycle_mock") / "openapi.json"
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
    """Put the repository's openapi.yaml into the sdist and wheel as carecycle_mock/openapi.yaml,
    and into the wheel as carecycle_mock/openapi.json too."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        source = spec_source(self.root)
        if source.resolve() != (Path(self.root) / PACKAGED_SPEC).resolve():
            build_data["force_include"][str(source)] = str(PACKAGED_SPEC)
        # A wheel, not the sdist (whose wheel writes its own) nor an editable install
        # (which reads the repository's openapi.yaml).
        if self.target_name == "wheel" and version == "standard":
            self._scratch = Path(tempfile.mkdtemp(prefix="carecycle-mock-build-"))
            converted = self._scratch / PACKAGED_JSON.name
            document = yaml.safe_load(source.read_text(encoding="utf-8"))
            converted.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
            build_data["force_include"][str(converted)] = str(PACKAGED_JSON)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch: Path | None = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
