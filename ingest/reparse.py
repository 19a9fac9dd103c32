"""Re-read a stored inspection from its own file, without losing manual corrections.

:func:`ingest.load.load` with ``replace=True`` keeps every row an admin edited or added
(``edited_at`` set) and reports where the new parse disagrees with one. Two kinds of
manual correction leave no edited row behind, though: a row *deleted* by hand, and a row
whose label was corrected (the parse no longer finds it under the new label). Re-parsing
would quietly bring the parsed row back. So before loading, :func:`reparse` compares the
parse with what is stored; if the report reads rows that are not stored now and the
inspection was corrected by hand, it refuses and names them, unless the admin asked to
add them back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType

from inspections.models import Inspection

from .load import Status, _judgement_key, _recommendation_key, describe, load
from .parsers.base import ParsedReport
from .sandbox import prepare_isolated


@dataclass
class ReparseResult:
    inspection: Inspection
    ok: bool
    message: str
    conflicts: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def reparse(inspection: Inspection, *, add_back_missing: bool = False) -> ReparseResult:
    """Parse the inspection's stored file again and store the result, keeping corrections.

    Refuses (changing nothing) when the file cannot be read or parsed, or when the report
    reads rows that are not stored now on an inspection corrected by hand and
    ``add_back_missing`` is False.
    """
    label = describe(inspection)
    try:
        with inspection.source_file.open("rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError, ValueError):
        return ReparseResult(
            inspection,
            False,
            f"{label}: the stored file '{inspection.source_filename}' is missing, so it "
            "cannot be re-parsed; upload the report again",
        )

    prepared = prepare_isolated(data, inspection.source_filename)
    if prepared.error:
        return ReparseResult(inspection, False, f"{label}: not re-parsed: {prepared.error}")

    missing = rows_missing_now(inspection, prepared.report)
    if missing and not add_back_missing and was_corrected_by_hand(inspection):
        shown = "; ".join(missing[:5]) + (
            f"; and {len(missing) - 5} more" if len(missing) > 5 else ""
        )
        return ReparseResult(
            inspection,
            False,
            f"{label}: not re-parsed. The report reads {len(missing)} "
            f"row{'s' if len(missing) != 1 else ''} that {'are' if len(missing) != 1 else 'is'} "
            "not stored now, and this inspection was corrected by hand, so "
            f"{'they' if len(missing) != 1 else 'it'} may have been deleted or relabelled on "
            f"purpose: {shown}. Nothing was changed. To add them back anyway, use "
            "“Re-parse, adding back rows missing now”.",
            missing=missing,
        )

    result = load(prepared, data, replace=True)
    if result.status != Status.REPLACED:
        return ReparseResult(inspection, False, f"{label}: not re-parsed: {result.message}")
    message = f"Re-parsed {result.message}"
    if missing:
        message += (
            f"; added back {len(missing)} row{'s' if len(missing) != 1 else ''} not stored before"
        )
    return ReparseResult(result.inspection, True, message, result.conflicts, missing)


def rows_missing_now(inspection: Inspection, report: ParsedReport) -> list[str]:
    """Rows the report reads that the inspection does not store (matched as the loader does)."""
    stored_judgements = {
        _judgement_key(section, label)
        for section, label in inspection.judgements.values_list("section", "label")
    }
    stored_recommendations = {
        _recommendation_key(section, text)
        for section, text in inspection.recommendations.values_list("section", "text")
    }
    missing = [
        f"judgement '{parsed.label}' ({parsed.grade_as_printed or 'no grade'})"
        for parsed in report.judgements
        if _judgement_key(parsed.section, parsed.label) not in stored_judgements
    ]
    missing += [
        f"recommendation '{_shorten(parsed.text)}'"
        for parsed in report.recommendations
        if _recommendation_key(parsed.section, parsed.text) not in stored_recommendations
    ]
    return missing


def was_corrected_by_hand(inspection: Inspection) -> bool:
    """Whether an admin edited, added or deleted any of the inspection's rows.

    Edits and additions carry ``edited_at``; deletions are known from the admin's own log
    (the inspection's change entries list the rows deleted with it).
    """
    if (
        inspection.judgements.filter(edited_at__isnull=False).exists()
        or inspection.recommendations.filter(edited_at__isnull=False).exists()
    ):
        return True
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Inspection),
        object_id=str(inspection.pk),
        action_flag=CHANGE,
        change_message__contains='"deleted"',
    ).values_list("change_message", flat=True)
    return any(_logs_row_deletion(message) for message in entries)


def _logs_row_deletion(change_message: str) -> bool:
    try:
        changes = json.loads(change_message)
    except ValueError:
        return False
    return any(isinstance(change, dict) and "deleted" in change for change in changes or [])


def _shorten(text: str, length: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
