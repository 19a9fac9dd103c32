"""Read and parse report files in worker processes, with time, memory and size limits.

Reading a PDF is CPU-bound pure Python, and a hostile or broken PDF can make pdfminer run
forever (a page whose content refers to itself) or eat memory (a compression bomb). So
every file is read by :func:`ingest.load.prepare` (which never touches the database) in a
worker process: ``manage.py ingest``, the admin upload and re-parse alike, with the same
limits (``settings.INGEST_PARSE_TIMEOUT_SECONDS``, ``INGEST_PARSE_MEMORY_BYTES``,
``INGEST_MAX_UPLOAD_BYTES``). Only the parsed result comes back; the database load stays
in the calling process.

A :class:`Worker` is a long-lived process that reads one file at a time: one that runs
past its time limit is killed and replaced, one that fails is replaced, and one whose
parent dies dies with it. :class:`IsolatedReader` keeps one worker per calling thread, so
N threads read N files at once. Workers come from a ``forkserver`` (a clean process started
once, with Django set up and the parsers imported by :mod:`ingest.sandbox_boot`), never from
a ``fork`` of the multi-threaded web process. Where forkserver is not available, ``spawn``
is used.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat

from .errors import IngestError, ParseTimeout

logger = logging.getLogger(__name__)

# What a worker runs, as "module:function" so that it is imported inside the worker,
# after Django is set up. Tests point this at a deliberately slow function.
PREPARE_FUNCTION = "ingest.load:prepare"

# How long to wait for a worker to exit after it was told to stop or was killed.
_JOIN_SECONDS = 5
# How often a worker checks that the process it reads for is still there.
_WATCH_SECONDS = 0.5

_MEMORY_MESSAGE = "reading this file needed more memory than allowed and was stopped"


class WorkerFailed(IngestError):
    """The worker process stopped without a result (killed by the system, crashed)."""


def _start_method() -> str:
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context(_start_method())
    if context.get_start_method() == "forkserver":
        # Imported once in the fork server, so each worker starts in a few milliseconds.
        context.set_forkserver_preload(["ingest.sandbox_boot"])
    return context


class Worker:
    """One worker process calling ``function_path`` ("module:function"), one call at a time."""

    def __init__(self, function_path: str, *, memory_limit: int | None):
        context = _context()
        self._connection, child = context.Pipe(duplex=True)
        self._process = context.Process(
            target=_serve,
            args=(child, function_path, memory_limit, os.getpid()),
            name="ingest-sandbox",
            daemon=True,
        )
        self._process.start()
        child.close()  # only the worker holds its end now: its death reads as end-of-file

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    def call(self, *args: Any, timeout: float, description: str) -> Any:
        """The function's result for ``args``. Raises :class:`ParseTimeout` past ``timeout``
        seconds and :class:`WorkerFailed` when the worker dies or the function raises; after
        either the worker is stopped (a caller makes a new one)."""
        try:
            self._connection.send(args)
            if not self._connection.poll(timeout):
                self.stop()
                raise ParseTimeout(
                    f"{description}: this file could not be read within {_seconds(timeout)} "
                    "and reading it was stopped. The file may be damaged or unusually "
                    "complex; try another copy of the report."
                )
            outcome, value = self._connection.recv()
        except (EOFError, OSError) as error:
            self.stop()
            raise WorkerFailed(
                f"{description}: reading this file stopped unexpectedly "
                f"(worker exit code {self._process.exitcode}); the file may be damaged or too "
                "large to read"
            ) from error
        if outcome == "error":
            self.stop()
            raise WorkerFailed(f"{description}: {value}")
        return value

    def stop(self) -> None:
        self._connection.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join(_JOIN_SECONDS)


def _seconds(seconds: float) -> str:
    """ "30 seconds" for a limit of 29.858 (the time an upload had left): whole seconds,
    but for a limit under one second (set so only in tests), which is given as it is."""
    if seconds < 1:
        return f"{seconds:g} seconds"
    whole = round(seconds)
    return f"{whole} second{'' if whole == 1 else 's'}"


def run_isolated(
    function_path: str,
    *args: Any,
    timeout: float,
    description: str,
    memory_limit: int | None = None,
) -> Any:
    """Call ``function_path`` with ``args`` once, in a worker process of its own; see
    :meth:`Worker.call` for what it raises. ``description`` names the work in messages."""
    worker = Worker(function_path, memory_limit=memory_limit)
    try:
        return worker.call(*args, timeout=timeout, description=description)
    finally:
        worker.stop()


class IsolatedReader:
    """Reads files with :func:`ingest.load.prepare` in sandbox workers, one per calling
    thread, kept between files; use it as a context manager so the workers are stopped."""

    def __init__(self, *, timeout: float | None = None):
        self.timeout = settings.INGEST_PARSE_TIMEOUT_SECONDS if timeout is None else timeout
        self._local = threading.local()
        self._workers: list[Worker] = []
        self._lock = threading.Lock()

    def __enter__(self) -> IsolatedReader:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            for worker in self._workers:
                worker.stop()
            self._workers.clear()

    def _worker(self) -> Worker:
        worker = getattr(self._local, "worker", None)
        if worker is None or not worker.alive:
            worker = Worker(PREPARE_FUNCTION, memory_limit=settings.INGEST_PARSE_MEMORY_BYTES)
            self._local.worker = worker
            with self._lock:
                self._workers.append(worker)
        return worker

    def prepare(self, data: bytes, name: str, *, timeout: float | None = None):
        """Like ``prepare``, never raises for bad input: a file over the size limit, a
        timeout or a dead worker comes back as a Prepared with ``error`` set. ``timeout``
        shortens this file's time limit (an upload's deadline is near)."""
        from .load import Prepared, sha256_of  # the caller has Django ready here

        limit = settings.INGEST_MAX_UPLOAD_BYTES
        if len(data) > limit:
            return Prepared(
                name=name,
                sha256=sha256_of(data),
                error=f"{name}: the file is {filesizeformat(len(data))}, larger than the "
                f"limit of {filesizeformat(limit)}",
            )
        try:
            # The cache folder is passed, not read from settings in the worker: a worker's
            # settings are the fork server's, not any override of the calling process.
            return self._worker().call(
                data,
                name,
                settings.INGEST_LAYOUT_CACHE,
                timeout=self.timeout if timeout is None else min(timeout, self.timeout),
                description=name,
            )
        except IngestError as error:
            logger.warning("isolated parse failed: %s", error)
            return Prepared(name=name, sha256=sha256_of(data), error=str(error))


def prepare_isolated(data: bytes, name: str, *, timeout: float | None = None):
    """:func:`ingest.load.prepare` for one file in a worker process with the limits."""
    with IsolatedReader(timeout=timeout) as reader:
        return reader.prepare(data, name)


def _serve(
    connection: Connection, function_path: str, memory_limit: int | None, caller: int
) -> None:
    """A worker's life: set up, then answer calls until the caller hangs up or dies."""
    _die_with_caller(caller)
    _limit_memory(memory_limit)
    try:
        _ensure_django()
        module_name, _, function_name = function_path.partition(":")
        function = getattr(importlib.import_module(module_name), function_name)
    except Exception as error:
        function = None
        setup_error = f"the reader could not start ({error.__class__.__name__}: {error})"
    while True:
        try:
            args = connection.recv()
        except (EOFError, OSError):
            return
        if function is None:
            connection.send(("error", setup_error))
            return
        try:
            message = ("ok", function(*args))
        except MemoryError:
            message = ("error", _MEMORY_MESSAGE)
        except Exception as error:  # sent back to the caller as a plain message
            message = (
                "error",
                f"unexpected error while reading ({error.__class__.__name__}: {error})",
            )
        result = message[1]
        if message[0] == "ok" and "MemoryError" in (getattr(result, "error", "") or ""):
            # prepare() turns every exception into a message; say what happened plainly.
            result.error = f"{result.name}: {_MEMORY_MESSAGE}"
        connection.send(message)
        if message[0] == "error" or "MemoryError" in str(getattr(result, "error", "")):
            return  # a worker that failed may be in a bad state: the caller starts another


def _die_with_caller(caller: int) -> None:
    """End this worker when the process it reads for dies (a killed ``ingest``, a web
    worker recycled mid-upload), so that no parse runs on unwatched and unlimited.

    The worker's parent is the fork server, not the caller, and the fork server lives as
    long as any worker does; so a thread watches the caller itself. It gets its turn even
    while a parse loops in pure Python, as threads share the interpreter by time slices.
    """

    def watch() -> None:
        while True:
            time.sleep(_WATCH_SECONDS)
            try:
                os.kill(caller, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # alive, under another user
                pass

    threading.Thread(target=watch, name="caller-watch", daemon=True).start()


def _limit_memory(limit: int | None) -> None:
    if not limit:
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: the time limit remains
        pass


def _ensure_django() -> None:
    from django.apps import apps

    if not apps.ready:
        import django

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        django.setup()
