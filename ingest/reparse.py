"""Re-read a stored inspection from its own file, without losing manual corrections.

The safeguards live in :func:`ingest.load.load` (``replace=True``), so the admin's
re-parse and ``manage.py ingest --replace`` behave the same: rows edited or added by hand
are kept, rows deleted by hand stay deleted, and each disagreement is reported. This
module adds what only a stored inspection needs: its file is read back from storage and
goes through :func:`ingest.pipeline.ingest` like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from inspections.models import Inspection

from . import pipeline
from .load import Status, describe


@dataclass
class ReparseResult:
    inspection: Inspection
    ok: bool
    message: str
    conflicts: list[str] = field(default_factory=list)


def reparse(inspection: Inspection, *, restore_deleted: bool = False) -> ReparseResult:
    """Parse the inspection's stored file again and store the result, keeping corrections.

    Refuses (changing nothing) when the file is missing or cannot be parsed. With
    ``restore_deleted``, rows an admin deleted come back if the report still reads them.
    """
    label = describe(inspection)

    try:
        with inspection.source_file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):  # ValueError: no file recorded at all
        return ReparseResult(
            inspection,
            False,
            f"{label}: the stored file '{inspection.source_filename}' is missing, so it "
            "cannot be re-parsed; upload the report again",
        )

    deleted_before = inspection.deleted_rows.count() if restore_deleted else 0
    result = pipeline.ingest_one(
        pipeline.Source(name=inspection.source_filename, read=lambda: data, may_change=False),
        pipeline.Options(replace=True, restore_deleted=restore_deleted),
    )
    if result.status != Status.REPLACED:
        return ReparseResult(inspection, False, f"{label}: not re-parsed: {result.message}")
    message = f"Re-parsed {result.message}"
    if deleted_before:
        message += (
            f"; rows deleted by hand ({deleted_before}) were restored where the report reads them"
        )
    return ReparseResult(result.inspection, True, message, result.conflicts)
