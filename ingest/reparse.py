"""Re-read stored inspections from their own files, without losing manual corrections.

The safeguards live in :func:`ingest.load.load` (``replace=True``), so the admin's
re-parse and ``manage.py ingest --replace`` behave the same: rows edited or added by hand
are kept, rows deleted by hand stay deleted, and each disagreement is reported. This
module adds what only a stored inspection needs: its file is read back from storage, must
be the file the inspection was read from (its SHA-256: a stored file replaced by another
report's bytes would otherwise rewrite that report, or create a new inspection), and goes
through :func:`ingest.pipeline.ingest` like any other. :func:`reparse_many` does many
within a deadline, saying which were left for lack of time.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings

from inspections.models import Inspection

from . import pipeline
from .errors import IngestError
from .load import Status, describe, not_its_file, sha256_of

# The clock the deadline is held to (a test moves it on).
_now = time.monotonic


@dataclass
class ReparseResult:
    inspection: Inspection
    ok: bool
    message: str
    conflicts: list[str] = field(default_factory=list)


@dataclass
class ReparseBatch:
    """What :func:`reparse_many` did: a result for each inspection it got to, in the order
    given, and those ``left`` untouched because the deadline came first."""

    results: list[ReparseResult]
    left: list[Inspection]


class StoredFileRefused(IngestError):
    """The stored file is missing, or is not the file the inspection was read from."""


def reparse(inspection: Inspection, *, restore_deleted: bool = False) -> ReparseResult:
    """Parse the inspection's stored file again and store the result, keeping corrections.

    Refuses (changing nothing) when the file is missing, is not the file the inspection was
    read from, or cannot be parsed. With ``restore_deleted``, rows an admin deleted come
    back if the report still reads them.
    """
    return reparse_many([inspection], restore_deleted=restore_deleted).results[0]


def reparse_many(
    inspections: Sequence[Inspection],
    *,
    restore_deleted: bool = False,
    deadline: float | None = None,
    jobs: int | None = None,
) -> ReparseBatch:
    """:func:`reparse` for each inspection, in order, read ``jobs`` at a time
    (``settings.INGEST_PARALLEL_PARSES`` by default). With a ``deadline`` (a
    ``time.monotonic()`` value), none is begun or stored after it and a parse gets at most
    the time left: those not done are ``left``, unchanged."""
    deleted_before = {
        inspection.pk: inspection.deleted_rows.count() if restore_deleted else 0
        for inspection in inspections
    }
    # The SHA-256 each stored file held where it was not the inspection's. Files are read
    # in the pipeline's threads, which do not query the database: whose file it is, is
    # looked up here afterwards.
    wrong: dict[int, str] = {}
    sources = [
        pipeline.Source(
            name=inspection.source_filename or f"inspection #{inspection.pk}",
            read=partial(_stored_bytes, inspection, describe(inspection), wrong),
            may_change=False,
            reparse_of=inspection,
        )
        for inspection in inspections
    ]
    options = pipeline.Options(
        replace=True,
        restore_deleted=restore_deleted,
        jobs=settings.INGEST_PARALLEL_PARSES if jobs is None else jobs,
        deadline=deadline,
    )
    results: list[ReparseResult] = []
    stream = pipeline.ingest(sources, options)
    try:
        for inspection in inspections:
            if deadline is not None and _now() >= deadline:
                break
            result = next(stream)
            if result.out_of_time:
                break
            if inspection.pk in wrong:
                result.message = _wrong_file(inspection, wrong[inspection.pk])
            results.append(_described(inspection, result, deleted_before[inspection.pk]))
    finally:
        stream.close()  # what was not begun is cancelled
    return ReparseBatch(results, list(inspections[len(results) :]))


def _stored_bytes(inspection: Inspection, label: str, wrong: dict[int, str]) -> bytes:
    """The inspection's stored file, if it is the file the inspection was read from; if not,
    its SHA-256 goes in ``wrong``. No database query: this runs in a reading thread."""
    try:
        with inspection.source_file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError) as error:  # ValueError: no file recorded at all
        raise StoredFileRefused(
            f"{label}: the stored file '{inspection.source_filename}' is missing, so it "
            "cannot be re-parsed; upload the report again"
        ) from error
    sha256 = sha256_of(data)
    if sha256 != inspection.sha256:
        wrong[inspection.pk] = sha256
        # Worded in full by _wrong_file, which may ask the database whose file it is.
        raise StoredFileRefused(f"{label}: the stored file is not the one it was read from")
    return data


def _wrong_file(inspection: Inspection, sha256: str) -> str:
    holder = Inspection.objects.filter(sha256=sha256).select_related("authority").first()
    return not_its_file(inspection.source_filename, inspection, sha256, holder)


def _described(inspection: Inspection, result, deleted_before: int) -> ReparseResult:
    label = describe(inspection)
    if result.status != Status.REPLACED:
        reason = result.reason if result.message.startswith(f"{result.name}: ") else result.message
        if reason.startswith(f"{label}: "):
            return ReparseResult(inspection, False, reason)
        return ReparseResult(inspection, False, f"{label}: not re-parsed: {reason}")
    message = f"Re-parsed {result.message}"
    if deleted_before:
        message += (
            f"; rows deleted by hand ({deleted_before}) were restored where the report reads them"
        )
    return ReparseResult(result.inspection, True, message, result.conflicts)
