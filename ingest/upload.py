"""Reports uploaded through the admin, into the pipeline like ``manage.py ingest``.

The upload, the ``ingest`` command and re-parse all go through :func:`ingest.pipeline.ingest`
(checks, a sandbox worker per parse with the same limits, one transaction per file). What
this module adds is the checks an upload makes on a file's name and size before reading
it, and a per-file outcome in the words the result page shows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from inspections.models import Inspection

from . import pipeline
from .errors import IngestError
from .extract import SUPPORTED_SUFFIXES
from .load import IngestResult, Listing, Status, without_name
from .pipeline import Options, Source


class FileTooLarge(IngestError):
    """The upload is larger than ``settings.INGEST_MAX_UPLOAD_BYTES``."""


class UnsupportedFileType(IngestError):
    """The upload's name says it is neither a PDF nor a text file."""


class Outcome(StrEnum):
    CREATED = "created"
    PRESENT = "already present"
    REFUSED = "refused"


@dataclass
class UploadResult:
    """What happened to one uploaded file, for the result page."""

    name: str
    outcome: Outcome
    reason: str = ""  # refused: why, in plain words, without the file name
    message: str = ""
    inspection: Inspection | None = None
    judgement_count: int = 0
    recommendation_count: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return self.outcome == Outcome.REFUSED

    @property
    def reason_sentence(self) -> str:
        """The reason as a sentence: one full stop, none after a question mark."""
        reason = self.reason.rstrip(" .")
        return reason if reason.endswith(("?", "!")) else f"{reason}."


def max_upload_bytes() -> int:
    return int(settings.INGEST_MAX_UPLOAD_BYTES)


def check_before_parsing(name: str, size: int) -> None:
    """Refuse a file by its size and name before reading it; raises an IngestError."""
    limit = max_upload_bytes()
    if size > limit:
        raise FileTooLarge(
            f"{name}: the file is {filesizeformat(size)}, larger than the limit of "
            f"{filesizeformat(limit)}"
        )
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kind = f"a {suffix} file" if suffix else "a file without an extension"
        raise UnsupportedFileType(
            f"{name}: this is {kind}; upload the report as a PDF (or a .txt text copy)"
        )


def ingest_uploads(
    files: list[UploadedFile], *, user, publish: bool = False, listing: Listing | None = None
) -> list[UploadResult]:
    """:func:`ingest_upload` for several files, in the order given, through
    :func:`ingest.pipeline.ingest`: parsed side by side (at most
    ``settings.INGEST_PARALLEL_PARSES`` at a time), stored one by one, one transaction each.

    All of it fits in ``settings.INGEST_UPLOAD_DEADLINE_SECONDS``, which a deployment sets
    below its web server's request timeout: a file's parse gets at most the time left, and
    a file not started by then is refused saying so, so the page always answers.
    """
    options = Options(
        publish=publish,
        uploaded_by=user,
        jobs=settings.INGEST_PARALLEL_PARSES,
        deadline=time.monotonic() + settings.INGEST_UPLOAD_DEADLINE_SECONDS,
    )
    results: dict[int, UploadResult] = {}
    sources: list[tuple[int, Source]] = []
    for index, uploaded in enumerate(files):
        name = Path(uploaded.name or "unnamed").name
        try:
            check_before_parsing(name, uploaded.size)
        except IngestError as error:
            results[index] = refused_upload(name, str(error))
            continue
        sources.append((index, _source(uploaded, name, listing)))
    for (index, _), result in zip(
        sources, pipeline.ingest([source for _, source in sources], options), strict=True
    ):
        results[index] = _describe(result)
    return [results[index] for index in range(len(files))]


def ingest_upload(
    uploaded: UploadedFile, *, user, publish: bool = False, listing: Listing | None = None
) -> UploadResult:
    """Check, parse and store one uploaded file; never raises for a bad file.

    A refused file changes nothing: the checks come first, and :func:`load` stores the
    inspection, its rows and its file in one transaction or not at all.
    """
    return ingest_uploads([uploaded], user=user, publish=publish, listing=listing)[0]


def _source(uploaded: UploadedFile, name: str, listing: Listing | None) -> Source:
    data = b"".join(uploaded.chunks())
    return Source(name=name, read=lambda: data, listing=listing, size=len(data), may_change=False)


def refused_upload(name: str, message: str) -> UploadResult:
    """The result of a file refused before it reached the pipeline (over the size limit
    while it streamed in, or by its name)."""
    return UploadResult(
        name=name, outcome=Outcome.REFUSED, reason=without_name(name, message), message=message
    )


def _describe(result: IngestResult) -> UploadResult:
    if result.status == Status.FAILED:
        return refused_upload(result.name, result.message)
    inspection = result.inspection
    outcome = Outcome.CREATED if result.status == Status.CREATED else Outcome.PRESENT
    return UploadResult(
        name=result.name,
        outcome=outcome,
        message=result.reason,
        inspection=inspection,
        judgement_count=inspection.judgements.count(),
        recommendation_count=inspection.recommendations.count(),
        warnings=list(inspection.parse_warnings),
    )
