"""Files of the base are copied out of git the same way on every supported Python."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from carecycle_tools import baseline
from carecycle_tools.baseline import Base, BaseUnavailable

from .repo import Repo


@pytest.fixture(params=["data filter", "without it (3.11.0 to 3.11.3)"])
def extraction(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of extracting: the `data` filter, and the checks made where it is missing."""
    if request.param != "data filter":
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    return str(request.param)


def test_export_copies_the_files_at_the_ref(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extraction: str
) -> None:
    monkeypatch.chdir(repo.path)
    out = tmp_path / "out"
    Base.open("HEAD").export(["openapi.yaml", "templates"], out)

    assert (out / "openapi.yaml").read_text() == (repo.path / "openapi.yaml").read_text()
    assert (out / "templates" / "model.py.jinja").is_file()


@pytest.mark.parametrize("name", ["../escaped", "/absolute", "link"])
def test_an_archive_entry_outside_the_destination_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.delattr(tarfile, "data_filter", raising=False)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        member = tarfile.TarInfo(name)
        if name == "link":
            member.type, member.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(member, io.BytesIO(b""))
    buffer.seek(0)
    with (
        tarfile.open(fileobj=buffer) as tar,
        pytest.raises(BaseUnavailable, match="unexpected entry"),
    ):
        baseline._extract(tar, tmp_path / "out")
    assert not (tmp_path / "out").exists()
