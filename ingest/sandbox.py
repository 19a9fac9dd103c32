"""Read and parse an uploaded file in a separate process, with a time and memory limit.

Reading a PDF is CPU-bound pure Python, and a hostile or broken PDF can make pdfminer run
for minutes or eat memory. The web process must stay responsive, so the admin upload runs
:func:`ingest.load.prepare` (which never touches the database) in a worker process and
kills it past ``settings.INGEST_PARSE_TIMEOUT_SECONDS``. Only the parsed result comes back;
the database load stays in the web process.

Workers come from a ``forkserver`` (a clean process started once, with Django set up and
the parsers imported by :mod:`ingest.sandbox_boot`), never from a ``fork`` of the
multi-threaded web process. Where forkserver is not available, ``spawn`` is used.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
from multiprocessing.connection import Connection
from typing import Any

from django.conf import settings

from .errors import IngestError, ParseTimeout

logger = logging.getLogger(__name__)

# What a worker runs, as "module:function" so that it is imported inside the worker,
# after Django is set up. Tests point this at a deliberately slow function.
PREPARE_FUNCTION = "ingest.load:prepare"

# Address space a worker may use; a PDF built to exhaust memory fails instead of
# bringing the server down. Overridable with settings.INGEST_PARSE_MEMORY_BYTES.
DEFAULT_MEMORY_LIMIT_BYTES = 2 * 1024**3

# How long to wait for a worker to exit after it has sent its result or was killed.
_JOIN_SECONDS = 5


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


def run_isolated(
    function_path: str,
    *args: Any,
    timeout: float,
    description: str,
    memory_limit: int | None = None,
) -> Any:
    """Call ``function_path`` ("module:function") with ``args`` in a worker process.

    Returns the function's result (it must be picklable). Raises :class:`ParseTimeout`
    when it runs longer than ``timeout`` seconds (the worker is killed) and
    :class:`WorkerFailed` when the worker dies or the function raises. ``description``
    names the work in error messages ("knowsley.pdf").
    """
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_worker_main,
        args=(sender, function_path, args, memory_limit),
        name=f"ingest-sandbox {description}"[:60],
        daemon=True,
    )
    process.start()
    # Only the worker holds the sending end now, so its death reads as end-of-file.
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ParseTimeout(
                f"{description}: reading this file took longer than {timeout:g} seconds and "
                "was stopped. The file may be damaged or unusually complex; try another copy "
                "of the report."
            )
        try:
            outcome, value = receiver.recv()
        except (EOFError, OSError) as error:
            process.join(_JOIN_SECONDS)
            raise WorkerFailed(
                f"{description}: reading this file stopped unexpectedly "
                f"(worker exit code {process.exitcode}); the file may be damaged or too large "
                "to read"
            ) from error
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(_JOIN_SECONDS)
    if outcome == "error":
        raise WorkerFailed(f"{description}: {value}")
    return value


def prepare_isolated(data: bytes, name: str, *, timeout: float | None = None):
    """:func:`ingest.load.prepare` in a worker process with the configured limits.

    Like ``prepare`` it never raises for bad input: a timeout or a dead worker comes back
    as a :class:`~ingest.load.Prepared` with ``error`` set.
    """
    from .load import Prepared, sha256_of  # the web process has Django ready here

    limit = settings.INGEST_PARSE_TIMEOUT_SECONDS if timeout is None else timeout
    memory = getattr(settings, "INGEST_PARSE_MEMORY_BYTES", DEFAULT_MEMORY_LIMIT_BYTES)
    try:
        return run_isolated(
            PREPARE_FUNCTION, data, name, timeout=limit, description=name, memory_limit=memory
        )
    except IngestError as error:
        logger.warning("isolated parse failed: %s", error)
        return Prepared(name=name, sha256=sha256_of(data), error=str(error))


def _worker_main(
    sender: Connection, function_path: str, args: tuple, memory_limit: int | None
) -> None:
    """Entry point of a worker process: set up, call the function, send back the result."""
    try:
        _limit_memory(memory_limit)
        _ensure_django()
        module_name, _, function_name = function_path.partition(":")
        function = getattr(importlib.import_module(module_name), function_name)
        result = function(*args)
        message = ("ok", result)
    except MemoryError:
        message = ("error", "reading this file needed more memory than allowed and was stopped")
    except Exception as error:  # sent back to the web process as a plain message
        message = ("error", f"unexpected error while reading ({error.__class__.__name__}: {error})")
    if (
        message[0] == "ok"
        and getattr(message[1], "error", "")
        and "MemoryError" in getattr(message[1], "error", "")
    ):
        # prepare() turns every exception into a message; say what happened in plain words.
        message[
            1
        ].error = (
            f"{message[1].name}: reading this file needed more memory than allowed and was stopped"
        )
    sender.send(message)
    sender.close()


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
