"""The one way into the pipeline, for ``manage.py ingest``, the admin upload and re-parse.

:func:`ingest` takes files (:class:`Source`) and options (:class:`Options`) and yields one
:class:`~ingest.load.IngestResult` per file, in the order given. Every caller gets the same
concurrency and the same limits:

- each file is checked (size, and that it is a PDF or text at all) and then read and parsed
  in a sandbox worker process (:mod:`ingest.sandbox`: time, memory and size limits), up to
  ``options.jobs`` files at once, at most :data:`LOOK_AHEAD_PER_JOB` per worker ahead of
  the file being stored;
- the results are stored one by one in this process, in the order given, one transaction
  each (:func:`ingest.load.load`), each as soon as it is read: a run stopped half-way
  keeps what it stored;
- a database that stops answering stops the run (:class:`DatabaseUnavailable`) rather
  than failing every file left, one by one;
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
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection

from .errors import IngestError
from .extract import sniff
from .load import IngestResult, Listing, Prepared, Status, load, sha256_of
from .sandbox import IsolatedReader

logger = logging.getLogger(__name__)

# A file is not started with less time than this left before the deadline.
MIN_PARSE_SECONDS = 1.0
# Files read ahead of the one being stored, per worker: enough that a worker is not idle
# while a large file is read, few enough that results are stored as the run goes (reading
# the whole list first stored nothing for minutes, and a kill lost all of it).
LOOK_AHEAD_PER_JOB = 2


class DatabaseUnavailable(OperationalError):
    """The database stopped answering while a file was being stored: every file after it
    would fail the same way, so the run stops here. Nothing of that file was stored (its
    transaction did not commit). An OperationalError, so that whatever answers a request
    during an outage answers this one too."""


@dataclass(frozen=True)
class Source:
    """One file to ingest: the name its messages give it, and how to get its bytes.

    ``read`` may raise OSError (a file that vanished, a stored file that is missing).
    """

    name: str
    read: Callable[[], bytes]
    listing: Listing | None = None
    # Not used to order the reading any more (files are read in the order given, a few
    # ahead, so that each is stored as soon as it is read); kept for callers that set it.
    size: int = 0
    # A file on disk may change between its parse and its store, and is checked again;
    # bytes already in memory (an upload, a stored file being re-parsed) cannot.
    may_change: bool = True
    # A re-parse: the one inspection these bytes may rewrite (ingest.load.load refuses
    # anything else, and never creates one). ``read`` may then raise an IngestError too.
    reparse_of: object = None


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
    stored for that file. Raises :class:`DatabaseUnavailable` when the database stops
    answering. Stopping early (closing the iterator) cancels what has not started.
    """
    jobs = max(1, options.jobs)
    ahead = jobs * LOOK_AHEAD_PER_JOB
    # Threads only wait for the worker processes; the reading happens in those.
    with (
        IsolatedReader() as reader,
        ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="ingest") as pool,
    ):
        upcoming = iter(sources)
        pending: deque[tuple[Source, Future[Prepared]]] = deque()
        try:
            while True:
                while len(pending) < ahead and (source := next(upcoming, None)) is not None:
                    pending.append(
                        (source, pool.submit(_prepare, reader, source, options.deadline))
                    )
                if not pending:
                    return
                source, future = pending.popleft()
                yield _store(reader, source, future.result(), options)
        except BaseException:
            for _, future in pending:
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
                out_of_time=True,
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
    except IngestError as error:  # a re-parse's stored file that is not the inspection's
        return Prepared(name=source.name, sha256="", error=str(error))
    try:
        sniff(data, source.name)  # an HTML page or an image is refused before any parsing
    except IngestError as error:
        return Prepared(name=source.name, sha256=sha256_of(data), error=str(error))
    prepared = reader.prepare(data, source.name, timeout=timeout)
    if prepared.error and deadline is not None and time.monotonic() >= deadline - 0.5:
        prepared.out_of_time = True  # stopped by the deadline, not by the file
    return prepared


def _store(
    reader: IsolatedReader, source: Source, prepared: Prepared, options: Options
) -> IngestResult:
    if prepared.error:
        return IngestResult(
            source.name, Status.FAILED, prepared.error, out_of_time=prepared.out_of_time
        )
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
            reparse_of=source.reparse_of,
        )
    except IngestError as error:  # a re-parse's stored file changed since it was read
        return IngestResult(source.name, Status.FAILED, str(error))
    except (OperationalError, InterfaceError) as error:
        if not database_reachable():
            raise DatabaseUnavailable(
                f"the database stopped answering while {source.name} was being stored "
                f"({_first_line(error)})"
            ) from error
        return _unexpected(source, error)
    except Exception as error:  # a bug, or a file gone; one bad file must not stop a batch
        return _unexpected(source, error)


def _unexpected(source: Source, error: Exception) -> IngestResult:
    logger.exception("storing %s failed", source.name)
    # No "nothing was stored" here: every failure stores nothing, and the pages that show
    # a failure say so once, themselves.
    return IngestResult(
        source.name,
        Status.FAILED,
        f"{source.name}: an unexpected error stopped it ({error.__class__.__name__}: "
        f"{_first_line(error)})",
    )


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [error.__class__.__name__])[0]


def database_reachable() -> bool:
    """Whether the database answers now. Outside a transaction a broken connection is
    dropped and a new one tried, so a database that was restarted meanwhile answers (and
    the run goes on); inside one (a test's) the open connection is asked."""
    try:
        if connection.in_atomic_block:
            return connection.connection is not None and connection.is_usable()
        # Closing a connection the server already dropped may fail: it is gone either way.
        with suppress(DatabaseError):
            connection.close()
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False
