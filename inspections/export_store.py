"""Whole exports built once per data version, kept as files every web worker shares.

A national export (no filter) is the same for every visitor until the data changes, and
building it costs a second or more; so it is written once under the data version
(:class:`~inspections.models.DataVersion`, bumped by every change) in
``EXPORT_CACHE_DIR`` and then served from the file by any worker. A worker that finds the
file being built waits for it (a file lock) rather than building it again. Files are
written beside their final name and renamed into place, so no reader ever sees half a
file; a failed build leaves nothing behind. Folders of older versions are removed once no
request can still be reading them. A full disk or an unwritable folder is not an error for
the visitor: the export is then built for the request as if there were no store.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings

try:
    import fcntl
except ImportError:  # not on Windows: builds there may run twice, which is only slower
    fcntl = None

logger = logging.getLogger(__name__)

# A version's folder is removed this long after it was last written to: long enough for
# any request still streaming one of its files (an open file survives its removal anyway).
KEEP_OLD_VERSIONS_SECONDS = 300


@dataclass(frozen=True)
class DataVersionNow:
    """The data version as one query reads it: its key and when it changed."""

    key: str
    number: int
    changed_at: datetime | None


def data_version() -> DataVersionNow:
    from .models import DataVersion

    row = DataVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    return data_version_of(row)


def data_version_of(row: tuple[int, datetime] | None) -> DataVersionNow:
    """The data version of the row's (version, changed_at); None: no row yet."""
    if row is None:
        return DataVersionNow("0", 0, None)
    number, changed_at = row
    # The time as well as the number: a database restored to an older state, whose number
    # may come round again, does not meet files built from the newer one.
    return DataVersionNow(f"{number}.{changed_at.timestamp():.6f}", number, changed_at)


def digest(text: str, length: int) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:length]


def root() -> Path | None:
    value = getattr(settings, "EXPORT_CACHE_DIR", None)
    return Path(value) if value else None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(path, "a+b") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def stored(
    version: DataVersionNow, key: Sequence[str], suffix: str, build: Callable[[Path], None]
) -> Path | None:
    """The file of ``key`` for this data version, built by ``build(path)`` if it is not
    there yet; None when there is no store (off, or the disk would not take the file).

    Errors of ``build`` other than the file system's (the database failing) propagate,
    leaving nothing behind.
    """
    base = root()
    if base is None:
        return None
    folder = base / digest(version.key, 16)
    path = folder / f"{digest(chr(31).join(key), 24)}{suffix}"
    if path.exists():
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _locked(folder / f".{path.name}.lock"):
            if path.exists():  # built by another worker while this one waited
                return path
            _build(folder, path, suffix, build)
    except OSError as error:
        logger.warning("export store unavailable (%s): building %s for this request", error, key)
        return None
    _remove_old_versions(base, keep=folder)
    return path


def _build(folder: Path, path: Path, suffix: str, build: Callable[[Path], None]) -> None:
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".building-", suffix=suffix)
    os.close(handle)
    try:
        build(Path(temporary))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _remove_old_versions(base: Path, keep: Path) -> None:
    cutoff = time.time() - KEEP_OLD_VERSIONS_SECONDS
    with contextlib.suppress(OSError):
        for folder in base.iterdir():
            if folder != keep and folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
