"""The one way into the pipeline, for ``manage.py ingest``, the admin upload and re-parse.

:func:`ingest` takes files (:class:`Source`) and options (:class:`Options`) and yields one
:class:`~ingest.load.IngestResult` per file, in the order given. Every caller gets the same
concurrency and the same limits:

- each file is checked (size, and that it is a PDF or text at all) and then read and parsed
  in a sandbox worker process (:mod:`ingest.sandbox`: time, memory and size limits), up to
  ``options.jobs`` files at once;
- the results are stored one by one in this process, in the order given, one transaction
  each (:func:`ingest.load.load`);
- with a ``deadline`` (an upload, which must answer before the web server gives up), a
  file's parse gets at most the time left, and a file whose turn comes too late is refused
  saying so.

Messages name the file first ("report.pdf: ..."), as every layer writes them;
:attr:`IngestResult.reason <ingest.load.IngestResult.reason>` is the same without the name,
for pages that show the name beside it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings

from .errors import IngestError
from .extract import sniff
from .load import IngestResult, Listing, Prepared, Status, load, sha256_of
from .sandbox import IsolatedReader

logger = logging.getLogger(__name__)

# A file is not started with less time than this left before the deadline.
MIN_PARSE_SECONDS = 1.0


@dataclass(frozen=True)
class Source:
    """One file to ingest: the name its messages give it, and how to get its bytes.

    ``read`` may raise OSError (a file that vanished, a stored file that is missing).
    """

    name: str
    read: Callable[[], bytes]
    listing: Listing | None = None
    size: int = 0  # the larger files are read first, so none is left running alone
    # A file on disk may change between its parse and its store, and is checked again;
    # bytes already in memory (an upload, a stored file being re-parsed) cannot.
    may_change: bool = True


@dataclass(frozen=True)
class Options:
    replace: bool = False
    restore_deleted: bool = False
    dry_run: bool = False
    publish: bool = True
    uploaded_by: object = None
    jobs: int = 1
    deadline: float | None = None  # a time.monotonic() value by which every parse must end
    # Ofsted's listing of files by SHA-256 (manage.py ingest --manifest), for sources that
    # do not carry their own.
    listings: Mapping[str, Listing] = field(default_factory=dict)


def ingest(sources: Sequence[Source], options: Options = Options()) -> Iterator[IngestResult]:
    """Check, read, parse and store each source; one result per source, in order.

    Never raises for a bad file: a refusal is a result with status ``failed`` and nothing
    stored for that file. Stopping early (closing the iterator) cancels what has not started.
    """
    # Threads only wait for the worker processes; the reading happens in those.
    with (
        IsolatedReader() as reader,
        ThreadPoolExecutor(max_workers=max(1, options.jobs), thread_name_prefix="ingest") as pool,
    ):
        futures = {
            index: pool.submit(_prepare, reader, source, options.deadline)
            for index, source in sorted(
                enumerate(sources), key=lambda item: item[1].size, reverse=True
            )
        }
        try:
            for index, source in enumerate(sources):
                yield _store(reader, source, futures[index].result(), options)
        except BaseException:
            for future in futures.values():
                future.cancel()
            raise


def ingest_one(source: Source, options: Options = Options()) -> IngestResult:
    return next(ingest([source], options))


def _prepare(reader: IsolatedReader, source: Source, deadline: float | None) -> Prepared:
    """The part without the database; never raises for a bad file."""
    timeout = None  # the reader's own limit, settings.INGEST_PARSE_TIMEOUT_SECONDS
    if deadline is not None:
        left = deadline - time.monotonic()
        if left < MIN_PARSE_SECONDS:
            return Prepared(
                name=source.name,
                sha256="",
                error=f"{source.name}: not read: this upload took all the time one upload "
                f"may take ({settings.INGEST_UPLOAD_DEADLINE_SECONDS:g} seconds) before this "
                "file's turn; upload it again on its own or with fewer files",
            )
        timeout = left  # the reader keeps the shorter of this and its own limit
    try:
        data = source.read()
    except OSError as error:
        return Prepared(
            name=source.name,
            sha256="",
            error=f"{source.name}: cannot be read ({error.strerror or error})",
        )
    try:
        sniff(data, source.name)  # an HTML page or an image is refused before any parsing
    except IngestError as error:
        return Prepared(name=source.name, sha256=sha256_of(data), error=str(error))
    return reader.prepare(data, source.name, timeout=timeout)


def _store(
    reader: IsolatedReader, source: Source, prepared: Prepared, options: Options
) -> IngestResult:
    if prepared.error:
        return IngestResult(source.name, Status.FAILED, prepared.error)
    try:
        data = source.read()
        if source.may_change and sha256_of(data) != prepared.sha256:  # changed meanwhile
            prepared = reader.prepare(data, source.name)
            if prepared.error:
                return IngestResult(source.name, Status.FAILED, prepared.error)
        return load(
            prepared,
            data,
            replace=options.replace,
            restore_deleted=options.restore_deleted,
            dry_run=options.dry_run,
            publish=options.publish,
            uploaded_by=options.uploaded_by,
            listing=source.listing or options.listings.get(prepared.sha256),
        )
    except Exception as error:  # a bug, or a file gone; one bad file must not stop a batch
        logger.exception("storing %s failed", source.name)
        return IngestResult(
            source.name,
            Status.FAILED,
            f"{source.name}: an unexpected error stopped it ({error.__class__.__name__}: "
            f"{error}); nothing was stored",
        )
