"""Reports uploaded through the admin: check, parse in a worker, load like ``manage.py ingest``.

The admin upload and the ``ingest`` command share one code path: :func:`ingest.load.prepare`
(run here in a worker process with a time limit, see :mod:`ingest.sandbox`) and
:func:`ingest.load.load` (in the web process, one transaction per file). What this module
adds is the checks made before any parsing (size, type) and a per-file outcome in the
words the result page shows.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from inspections.models import Inspection

from .errors import IngestError
from .extract import SUPPORTED_SUFFIXES, sniff
from .load import IngestResult, Listing, Prepared, Status, load
from .sandbox import prepare_isolated

logger = logging.getLogger(__name__)


# A file is not started with less time than this left before the upload's deadline.
MIN_PARSE_SECONDS = 1.0


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
    seconds: float = 0.0

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
    """:func:`ingest_upload` for several files, in the order given.

    The files are parsed side by side (each in its own worker process, at most
    ``settings.INGEST_PARALLEL_PARSES`` at a time), then loaded one by one in this process:
    the database sees them in order, one transaction each.

    All of it fits in ``settings.INGEST_UPLOAD_DEADLINE_SECONDS``, which a deployment sets
    below its web server's request timeout: a file's parse gets at most the time left, and
    a file not started by then is refused saying so, so the page always answers.
    """
    deadline = time.monotonic() + settings.INGEST_UPLOAD_DEADLINE_SECONDS
    workers = max(1, settings.INGEST_PARALLEL_PARSES)
    # Threads only wait for the worker processes; the parsing happens in those.
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="upload") as pool:
        checked = list(pool.map(lambda uploaded: _check_and_parse(uploaded, deadline), files))
    return [_store(item, user=user, publish=publish, listing=listing) for item in checked]


def ingest_upload(
    uploaded: UploadedFile, *, user, publish: bool = False, listing: Listing | None = None
) -> UploadResult:
    """Check, parse and store one uploaded file; never raises for a bad file.

    A refused file changes nothing: the checks come first, and :func:`load` stores the
    inspection, its rows and its file in one transaction or not at all.
    """
    return ingest_uploads([uploaded], user=user, publish=publish, listing=listing)[0]


@dataclass
class _Checked:
    name: str
    started: float
    data: bytes = b""
    prepared: Prepared | None = None
    refusal: str = ""


def _check_and_parse(uploaded: UploadedFile, deadline: float) -> _Checked:
    """The part without the database: checks, then the parse in a worker process, within
    the upload's ``deadline`` (a ``time.monotonic()`` value)."""
    item = _Checked(name=Path(uploaded.name or "unnamed").name, started=time.perf_counter())
    left = deadline - time.monotonic()
    if left < MIN_PARSE_SECONDS:
        item.refusal = (
            f"{item.name}: not read: this upload took all the time one upload may take "
            f"({settings.INGEST_UPLOAD_DEADLINE_SECONDS:g} seconds) before this file's turn; "
            "upload it again on its own or with fewer files"
        )
        return item
    try:
        check_before_parsing(item.name, uploaded.size)
        item.data = b"".join(uploaded.chunks())
        sniff(item.data, item.name)  # an HTML page or an image is refused before any parsing
    except IngestError as error:
        item.refusal = str(error)
        return item
    item.prepared = prepare_isolated(
        item.data, item.name, timeout=min(settings.INGEST_PARSE_TIMEOUT_SECONDS, left)
    )
    return item


def _store(item: _Checked, *, user, publish: bool, listing: Listing | None) -> UploadResult:
    name, started, prepared, data = item.name, item.started, item.prepared, item.data
    if item.refusal:
        return _refused(name, item.refusal, started)
    try:
        result = load(prepared, data, publish=publish, uploaded_by=user, listing=listing)
    except Exception:  # a bug; one bad file must not lose the others' results
        logger.exception("loading an uploaded report failed: %s", name)
        return _refused(
            name, f"{name}: an unexpected error stopped the upload; nothing was stored", started
        )
    return _describe(name, result, started)


def refused_upload(name: str, message: str) -> UploadResult:
    """The result of a file refused before it reached the pipeline (over the size limit
    while it streamed in)."""
    return _refused(name, message, time.perf_counter())


def _refused(name: str, message: str, started: float) -> UploadResult:
    return UploadResult(
        name=name,
        outcome=Outcome.REFUSED,
        reason=without_name(name, message),
        message=message,
        seconds=time.perf_counter() - started,
    )


def without_name(name: str, message: str) -> str:
    """Ingest messages start with "<file name>: "; the result page shows the name apart."""
    prefix = f"{name}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _describe(name: str, result: IngestResult, started: float) -> UploadResult:
    if result.status == Status.FAILED:
        return _refused(name, result.message, started)
    inspection = result.inspection
    outcome = Outcome.CREATED if result.status == Status.CREATED else Outcome.PRESENT
    return UploadResult(
        name=name,
        outcome=outcome,
        message=without_name(name, result.message),
        inspection=inspection,
        judgement_count=inspection.judgements.count(),
        recommendation_count=inspection.recommendations.count(),
        warnings=list(inspection.parse_warnings),
        seconds=time.perf_counter() - started,
    )
