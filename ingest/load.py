"""Store parsed reports: one report, one transaction.

:func:`prepare` reads and parses a file without touching the database (safe in a worker
process). :func:`load` stores the result: an inspection is identified by the SHA-256 of its
file and by authority, framework and dates, so ingesting the same report twice, or the text
and the PDF of one report, never stores it twice. Manual corrections survive re-parsing:
rows an admin edited or added (``edited_at`` set) are kept, rows an admin deleted
(:class:`~inspections.models.DeletedRow`) stay deleted, and where the new parse disagrees
with either the conflict is reported.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from authorities.models import Authority, UnknownAuthorityName
from inspections.models import Inspection
from vocabulary import PublishedSource

from . import corrections, parsers
from .document import Document
from .errors import FileNotStored, IngestError, ParseError, UnknownAuthority
from .parsers.base import ParsedReport
from .parsers.common import implausible_dates
from .reading import Reading


class Status(StrEnum):
    CREATED = "created"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"
    FAILED = "failed"
    WOULD_CREATE = "would be created"
    WOULD_REPLACE = "would be replaced"


@dataclass
class Prepared:
    """A file read and parsed, ready to load. ``error`` is set instead of ``report`` on failure."""

    name: str
    sha256: str
    report: ParsedReport | None = None
    error: str = ""
    seconds_extract: float = 0.0
    seconds_parse: float = 0.0
    from_cache: bool = False  # the layout text came from the cache, not from extraction
    out_of_time: bool = False  # not read (or not read whole) before a caller's deadline


@dataclass
class IngestResult:
    name: str
    status: Status
    message: str = ""
    inspection: Inspection | None = None
    report: ParsedReport | None = None
    conflicts: list[str] = field(default_factory=list)
    seconds_extract: float = 0.0
    seconds_parse: float = 0.0
    seconds_load: float = 0.0
    out_of_time: bool = False  # failed only because a caller's deadline came first

    @property
    def failed(self) -> bool:
        return self.status == Status.FAILED

    @property
    def reason(self) -> str:
        """The message without the file's name in front, for a page or a line that shows
        the name beside it."""
        return without_name(self.name, self.message)


def without_name(name: str, message: str) -> str:
    """Every layer writes "<file name>: what happened"; this is what happened."""
    prefix = f"{name}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


@dataclass(frozen=True)
class Listing:
    """What Ofsted's listing says of a file, beside the report itself.

    ILACS reports print no publication date: the listing's date is the best source there.
    Where the report prints one, the report wins.
    """

    published_on: date | None = None
    url: str = ""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def prepare(data: bytes, name: str, cache: Path | None | bool = True) -> Prepared:
    """Extract and parse one file's bytes. Never raises for bad input: see ``Prepared.error``.

    ``cache``: the layout-text cache folder; True uses ``settings.INGEST_LAYOUT_CACHE``,
    None or False reads without one.
    """
    prepared = Prepared(name=name, sha256=sha256_of(data))
    root = _cache_root(cache)
    started = time.perf_counter()
    try:
        reading = Reading(data, name, sha256=prepared.sha256, cache=root)
        document = reading.needed()
        prepared.from_cache = reading.from_cache
        prepared.seconds_extract = time.perf_counter() - started
        started = time.perf_counter()
        prepared.report = _parse_part(document)
        prepared.seconds_parse = time.perf_counter() - started
        # A parser given too few pages says so: it gets the next page, until it has enough
        # (a list that runs on one page further) or the whole report.
        while not document.complete and (
            prepared.report is None or prepared.report.needs_more_pages
        ):
            started = time.perf_counter()
            document = reading.more(document)  # only the page not read yet is extracted
            prepared.from_cache = reading.from_cache
            prepared.seconds_extract += time.perf_counter() - started
            started = time.perf_counter()
            prepared.report = _parse_part(document)
            prepared.seconds_parse += time.perf_counter() - started
    except IngestError as error:
        prepared.error = str(error)
    except Exception as error:  # a bug, but one file must not stop a batch
        prepared.error = (
            f"{name}: unexpected error while reading ({error.__class__.__name__}: {error})"
        )
    return prepared


def _parse_part(document: Document) -> ParsedReport | None:
    """The parse of ``document``; None where only part of the report was read and the
    parser could not read it from that part: the whole report may read."""
    try:
        return parsers.parse(document)
    except ParseError:
        if document.complete:
            raise
        return None


def _cache_root(cache: Path | None | bool) -> Path | None:
    if cache is True:
        from django.conf import settings

        return settings.INGEST_LAYOUT_CACHE
    return cache or None


def ingest_bytes(data: bytes, name: str, **options) -> IngestResult:
    """Read, parse and store one file; see :func:`load` for the options."""
    return load(prepare(data, name), data, **options)


def load(
    prepared: Prepared,
    data: bytes | None,
    *,
    replace: bool = False,
    restore_deleted: bool = False,
    dry_run: bool = False,
    publish: bool = True,
    uploaded_by=None,
    listing: Listing | None = None,
    authority: Authority | None = None,
    reparse_of: Inspection | None = None,
) -> IngestResult:
    """Store a prepared report in one transaction and say what happened.

    - ``replace``: re-read an inspection already stored (same file, or same authority,
      framework and dates), keeping rows corrected or added by hand and leaving out rows
      deleted by hand; what the new parse says about them is in ``conflicts``.
    - ``restore_deleted``: with ``replace``, bring back rows deleted by hand.
    - ``dry_run``: check everything, write nothing.
    - ``publish``: False holds a new inspection as a draft.
    - ``listing``: Ofsted's listing of the file (publication date, address), if known.
    - ``authority``: the authority, where it is known already (the national dataset); by
      default it is resolved from the name the report prints.
    - ``reparse_of``: a re-parse of this inspection from its stored file: the file must be
      the one it was read from (its SHA-256), and nothing else is rewritten or created.

    ``data`` is the file's bytes, stored beside the inspection; None (the national dataset,
    which carries no files) stores none and keeps any file already stored.
    """
    started = time.perf_counter()
    result = _load(
        prepared,
        data,
        replace=replace,
        restore_deleted=restore_deleted,
        dry_run=dry_run,
        publish=publish,
        uploaded_by=uploaded_by,
        listing=listing or Listing(),
        authority=authority,
        reparse_of=reparse_of,
    )
    result.seconds_extract = prepared.seconds_extract
    result.seconds_parse = prepared.seconds_parse
    result.seconds_load = time.perf_counter() - started
    return result


def _load(
    prepared: Prepared,
    data: bytes | None,
    *,
    replace: bool,
    restore_deleted: bool,
    dry_run: bool,
    publish: bool,
    uploaded_by,
    listing: Listing,
    authority: Authority | None,
    reparse_of: Inspection | None,
) -> IngestResult:
    name = prepared.name
    if prepared.error:
        return IngestResult(name, Status.FAILED, prepared.error)

    same_file = _same_file(prepared.sha256)
    if reparse_of is not None and (same_file is None or same_file.pk != reparse_of.pk):
        # Another report's bytes would rewrite that report; unstored bytes would create one.
        return IngestResult(
            name, Status.FAILED, not_its_file(name, reparse_of, prepared.sha256, same_file)
        )
    if same_file and not replace:
        return IngestResult(
            name,
            Status.UNCHANGED,
            f"already stored as {describe(same_file)}",
            same_file,
            prepared.report,
        )

    report = prepared.report
    assert report is not None
    try:
        authority = authority or _resolve_authority(report, name)
        _check_dates(report, name)
    except IngestError as error:
        return IngestResult(name, Status.FAILED, str(error), report=report)

    # Dates no inspection can bear (year 0001 or 2099) were misread or misprinted: such an
    # inspection is stored for an admin to check, never published by the ingest.
    odd_dates = implausible_dates(report)
    report.warnings.extend(warning for warning in odd_dates if warning not in report.warnings)
    held = bool(odd_dates) and publish

    existing = same_file or _same_inspection(authority, report)
    if existing and not replace:
        return IngestResult(
            name,
            Status.UNCHANGED,
            f"same inspection as {describe(existing)} (from {existing.source_filename}); not stored twice",
            existing,
            report,
        )
    if dry_run:
        status = Status.WOULD_REPLACE if existing else Status.WOULD_CREATE
        message = f"{authority.name}: {_counts(report)}"
        if held and not existing:
            message += "; would be held as a draft: its dates are out of range"
        return IngestResult(name, status, message, existing, report)

    stored_name = None
    try:
        with transaction.atomic():
            inspection = existing or Inspection(
                authority=authority, is_published=publish and not held, uploaded_by=uploaded_by
            )
            if data is None:
                old_file = None
                if not existing:
                    inspection.source_filename = name
                    inspection.sha256 = prepared.sha256
            elif not existing or existing.sha256 != prepared.sha256:
                old_file = existing.source_file.name if existing else None
                stored_name, created_file = _store_file(
                    _storage_name(authority, report, prepared, name), data, prepared.sha256, name
                )
                inspection.source_file.name = stored_name
                if not created_file:
                    stored_name = None  # not ours to discard if this transaction fails
                inspection.source_filename = name
                inspection.sha256 = prepared.sha256
            else:
                old_file = None
            copy_report_fields(inspection, authority, report, listing)
            inspection.save()
            conflicts = corrections.store_rows(
                inspection,
                report,
                replacing=existing is not None,
                restore_deleted=restore_deleted,
            )
            if conflicts:
                inspection.parse_warnings = [*inspection.parse_warnings, *conflicts]
                inspection.save(update_fields=["parse_warnings"])
            if old_file:
                transaction.on_commit(lambda: default_storage.delete(old_file))
    except IntegrityError as error:
        _discard(stored_name)
        # Another ingest of the same report (a second upload, a parallel command) committed
        # first: this one found nothing and tried to store it again.
        winner = _same_file(prepared.sha256) or _same_inspection(authority, report)
        if winner is not None:
            return IngestResult(
                name,
                Status.UNCHANGED,
                f"stored meanwhile by another ingest as {describe(winner)}; not stored twice",
                winner,
                report,
            )
        return IngestResult(
            name,
            Status.FAILED,
            f"{name}: could not be stored: it conflicts with an inspection already stored "
            f"({_constraint(error)})",
            report=report,
        )
    except IngestError as error:
        _discard(stored_name)
        return IngestResult(name, Status.FAILED, str(error), report=report)
    except BaseException:
        _discard(stored_name)
        raise

    status = Status.REPLACED if existing else Status.CREATED
    message = f"{describe(inspection)}: {_counts(report)}"
    if held and not existing:
        message += "; held as a draft: its dates are out of range (see its warnings)"
    return IngestResult(name, status, message, inspection, report, conflicts)


def not_its_file(
    name: str, inspection: Inspection, sha256: str, holder: Inspection | None = None
) -> str:
    """Why a re-parse of ``inspection`` refuses the bytes (SHA-256 ``sha256``) its stored
    file ``name`` holds now; ``holder`` is the inspection read from those bytes, if any."""
    if sha256 == inspection.sha256:
        return f"{name}: {describe(inspection)} is no longer stored (deleted meanwhile); nothing was changed"
    if holder is not None:
        whose = f"they are the file of {describe(holder)}"
    else:
        whose = "no inspection was read from them"
    return (
        f"{name}: the stored file is not the one {describe(inspection)} was read from: its "
        f"SHA-256 is {sha256[:12]}…, the inspection's {inspection.sha256[:12]}… ({whose}). "
        "Nothing was changed; upload the report again to replace the stored file"
    )


def _same_file(sha256: str) -> Inspection | None:
    return Inspection.objects.filter(sha256=sha256).select_related("authority").first()


def _same_inspection(authority: Authority, report: ParsedReport) -> Inspection | None:
    """The inspection stored with this report's identity: authority, framework, dates."""
    return (
        Inspection.objects.filter(
            authority=authority,
            framework=report.framework,
            start_date=report.start_date,
            end_date=report.end_date,
        )
        .select_related("authority")
        .first()
    )


def _store_file(storage_name: str, data: bytes, sha256: str, name: str) -> tuple[str, bool]:
    """Save the report's file under its name (which carries its SHA-256); True if saved.

    A file already there with the same bytes is used as it is: one left by an ingest killed
    before its transaction committed, or being stored by a parallel ingest of the same
    report. Saving again would store it twice, under a suffixed name. A write that fails (a
    full disk) leaves nothing behind and raises :class:`~ingest.errors.FileNotStored`.
    """
    if default_storage.exists(storage_name):
        if _stored_sha256(storage_name) == sha256:
            return storage_name, False
        if Inspection.objects.filter(source_file=storage_name).exists():
            # Another report whose SHA-256 begins the same: this one takes its full hash.
            path = Path(storage_name)
            storage_name = str(path.with_name(f"{path.stem}-{sha256}{path.suffix}"))
            if default_storage.exists(storage_name) and _stored_sha256(storage_name) == sha256:
                return storage_name, False
    try:
        return _write_new(storage_name, data, sha256)
    except OSError as error:
        full = error.errno in (errno.ENOSPC, errno.EDQUOT)
        raise FileNotStored(
            f"{name}: could not be stored: writing the report's file to the media folder "
            f"failed ({error.strerror or error})"
            + ("; free some space there and try again" if full else "")
        ) from error


def _write_new(storage_name: str, data: bytes, sha256: str) -> tuple[str, bool]:
    """Write the file whole beside its name, then link it there: a reader (or a retry)
    never finds half a file under the name, and a write cut short removes its own part.
    A file already under the name with other bytes, which no inspection refers to, is
    what an older write cut short left: it is replaced."""
    try:
        final = Path(default_storage.path(storage_name))
    except NotImplementedError:  # a storage without local paths: its own save
        return default_storage.save(storage_name, ContentFile(data)), True
    final.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=final.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        mode = default_storage.file_permissions_mode
        os.chmod(temporary, 0o644 if mode is None else mode)
        try:
            os.link(temporary, final)  # fails if the name is taken: never two writers
        except FileExistsError:
            if _stored_sha256(storage_name) == sha256:
                return storage_name, False  # a parallel ingest of the report stored it
            os.replace(temporary, final)
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP):
                raise
            # A file system without hard links: checked, then moved into place.
            if final.exists() and _stored_sha256(storage_name) == sha256:
                return storage_name, False
            os.replace(temporary, final)
        return storage_name, True
    finally:
        Path(temporary).unlink(missing_ok=True)


def _stored_sha256(storage_name: str) -> str:
    with default_storage.open(storage_name, "rb") as handle:
        return sha256_of(handle.read())


def _constraint(error: IntegrityError) -> str:
    """Which rule the database enforced, in words, without its raw message."""
    text = str(error).lower()
    if "sha256" in text:
        return "the same file"
    if "unique_inspection" in text or "start_date" in text:
        return "the same authority, framework and dates"
    return "a database constraint"


def _discard(stored_name: str | None) -> None:
    if stored_name:
        default_storage.delete(stored_name)


def _resolve_authority(report: ParsedReport, name: str) -> Authority:
    try:
        return Authority.objects.resolve(report.authority_name)
    except UnknownAuthorityName as error:
        raise UnknownAuthority(f"{name}: {error}") from error


def _check_dates(report: ParsedReport, name: str) -> None:
    if report.start_date is None or report.end_date is None:
        raise ParseError(f"{name}: no inspection dates found in the report")
    if report.start_date > report.end_date:
        raise ParseError(
            f"{name}: the inspection dates read from the report run backwards "
            f"({report.start_date} to {report.end_date})"
        )


def _storage_name(authority: Authority, report: ParsedReport, prepared: Prepared, name: str) -> str:
    suffix = Path(name).suffix.lower() or ".pdf"
    stem = slugify(f"{authority.slug} {report.framework} {report.start_date}")
    return f"reports/{report.start_date.year}/{stem}-{prepared.sha256[:12]}{suffix}"


def inspection_from_report(
    authority: Authority, report: ParsedReport, listing: Listing | None = None
) -> Inspection:
    """An unsaved inspection with what the report says (file, identity and state are the
    caller's: ``sha256``, ``source_filename``, ``is_published``)."""
    inspection = Inspection()
    copy_report_fields(inspection, authority, report, listing or Listing())
    return inspection


# What an inspection is and when, as its report's front page gives it: set from the report
# (below), exported in the national dataset and shown, not edited, in the review admin.
FRONT_PAGE_FIELDS = (
    "framework",
    "inspection_type",
    "title",
    "start_date",
    "end_date",
    "published_on",
)


def copy_report_fields(
    inspection: Inspection, authority: Authority, report: ParsedReport, listing: Listing
) -> None:
    """Set the fields a report decides (a re-parse rewrites them)."""
    inspection.authority = authority
    inspection.framework = report.framework
    inspection.inspection_type = report.inspection_type
    inspection.title = report.title[:300]
    inspection.start_date = report.start_date
    inspection.end_date = report.end_date
    if report.published_on:
        inspection.published_on = report.published_on
        inspection.published_on_source = PublishedSource.REPORT
    elif listing.published_on:
        inspection.published_on = listing.published_on
        inspection.published_on_source = PublishedSource.LISTING
    elif inspection.published_on_source != PublishedSource.LISTING:
        # A re-parse without the listing keeps the date the listing gave before.
        inspection.published_on = None
        inspection.published_on_source = ""
    if listing.url:
        inspection.ofsted_url = listing.url
    inspection.lead_inspector = report.lead_inspector[:120]
    inspection.focus = report.focus
    inspection.parser_version = report.parser_version
    inspection.parse_warnings = list(report.warnings)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _counts(report: ParsedReport) -> str:
    text = f"{_plural(len(report.judgements), 'judgement')}, {_plural(len(report.recommendations), 'recommendation')}"
    if report.warnings:
        text += f", {_plural(len(report.warnings), 'warning')}"
    return text


def describe(inspection: Inspection) -> str:
    """ "Knowsley 2010 Safeguarding and looked after children (#12)"."""
    return f"{inspection} (#{inspection.pk})"
