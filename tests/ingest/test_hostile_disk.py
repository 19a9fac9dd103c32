"""A full disk (issue 21, medium 8): with the media folder full no file is left behind and
a retry stores the report under its own name; a full layout cache leaves no ".part" file.
Writes under a folder raise OSError(ENOSPC) as they would on a full disk."""

from __future__ import annotations

import errno
import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command

from ingest import layout_cache
from ingest.document import Document
from ingest.load import Status, ingest_bytes, sha256_of
from inspections.models import Inspection
from tests.samples import sample_path

K2017 = "text/knowsley-2017-services-for-children-reinspection.txt"
TEXTS = [
    "text/knowsley-2006-annual-performance-assessment.txt",
    "text/knowsley-2010-safeguarding-and-looked-after-children.txt",
    K2017,
]


class _FullDisk:
    """A file opened on a full disk: opening worked, writing does not."""

    def __init__(self, fd: int):
        self._fd = fd

    def write(self, data) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def fileno(self) -> int:
        return self._fd

    def flush(self) -> None:
        pass

    def close(self) -> None:
        os.close(self._fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def fill(monkeypatch, folder: Path) -> None:
    """Every file opened for writing under ``folder`` fails to be written, as on a full
    disk (the file itself is created, empty, as the system would)."""
    real_fdopen = os.fdopen

    def fdopen(fd, mode="r", *args, **kwargs):
        path = os.readlink(f"/proc/self/fd/{fd}")
        if any(flag in mode for flag in "wax") and path.startswith(str(folder)):
            return _FullDisk(fd)
        return real_fdopen(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)


def files_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


@pytest.mark.django_db
def test_a_full_media_folder_leaves_no_file_and_a_retry_stores_under_its_own_name(monkeypatch):
    data = sample_path(K2017).read_bytes()
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    fill(monkeypatch, media)

    result = ingest_bytes(data, "knowsley-2017.txt")

    assert result.status == Status.FAILED
    assert result.message == (
        "knowsley-2017.txt: could not be stored: writing the report's file to the media "
        "folder failed (No space left on device); free some space there and try again"
    )
    assert files_under(media) == []
    assert not Inspection.objects.exists()

    monkeypatch.undo()  # space was freed
    retry = ingest_bytes(data, "knowsley-2017.txt")

    assert retry.status == Status.CREATED, retry.message
    expected = f"reports/2017/knowsley-sif-2017-03-13-{sha256_of(data)[:12]}.txt"
    assert retry.inspection.source_file.name == expected
    assert files_under(media) == [expected]
    assert default_storage.open(expected).read() == data


@pytest.mark.django_db
def test_a_file_left_half_written_by_an_earlier_run_is_replaced_not_suffixed():
    data = sample_path(K2017).read_bytes()
    expected = f"reports/2017/knowsley-sif-2017-03-13-{sha256_of(data)[:12]}.txt"
    leftover = Path(settings.MEDIA_ROOT) / expected
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"")  # what an older run killed by a full disk left

    result = ingest_bytes(data, "knowsley-2017.txt")

    assert result.status == Status.CREATED, result.message
    assert result.inspection.source_file.name == expected
    assert files_under(Path(settings.MEDIA_ROOT)) == [expected]
    assert leftover.read_bytes() == data


@pytest.mark.django_db
def test_the_command_on_a_full_media_folder_stores_nothing_and_leaves_nothing(
    monkeypatch, tmp_path
):
    reports = tmp_path / "reports"
    reports.mkdir()
    for relative in TEXTS:
        shutil.copy(sample_path(relative), reports)
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    fill(monkeypatch, media)
    out = StringIO()

    with pytest.raises(SystemExit) as exit_:
        call_command("ingest", str(reports), stdout=out)

    assert exit_.value.code == 1
    assert out.getvalue().count("No space left on device") == 3
    assert "0 created, 0 unchanged, 0 replaced, 3 failed" in out.getvalue()
    assert files_under(media) == []
    assert not Inspection.objects.exists()


def test_a_full_layout_cache_leaves_no_part_file(monkeypatch, tmp_path):
    fill(monkeypatch, tmp_path)
    document = Document(pages=("a\tb", "c"), paginated=True, name="x.pdf", warnings=("lost",))

    layout_cache.put(tmp_path, "ab" * 32, document)

    assert files_under(tmp_path) == []
    assert layout_cache.get(tmp_path, "ab" * 32, name="x.pdf") is None


def test_a_layout_cache_full_at_its_warnings_leaves_no_part_file(monkeypatch, tmp_path):
    real_fdopen = os.fdopen
    opened: list[int] = []

    def fdopen(fd, mode="r", *args, **kwargs):
        opened.append(fd)
        if len(opened) == 2:  # the page text fits; its warnings do not
            return _FullDisk(fd)
        return real_fdopen(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)
    document = Document(pages=("a",), paginated=True, name="x.pdf", warnings=("lost",))

    layout_cache.put(tmp_path, "cd" * 32, document)

    assert files_under(tmp_path) == []
