"""Results derived from the whole data set, computed once per data version and shared by
every web worker: England's counts as at a date, Ofsted's published figures reproduced,
every authority's latest grades.

Each costs tens of milliseconds of Python to compute and is the same for every visitor
until the data changes. The first worker to need one under the current data version
computes it and writes it to the export store (``EXPORT_CACHE_DIR``, in the version's
folder; :mod:`inspections.export_store`): a file lock makes a worker that finds it being
computed wait for it rather than compute it again, and the file is renamed into place
whole, so no worker reads half of one. The others read the file; every process also keeps
the current version's results in memory, so a worker reads each file once per version.
With no store (``EXPORT_CACHE_DIR`` empty, as in the tests) each process computes its own.

The version is the data version and the newest judgement's id: bulk writes that send no
signal (synthetic data; a test's rows, whose transaction never commits) move the id.
"""

from __future__ import annotations

import logging
import pickle
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from . import export_store
from .export_store import DataVersionNow

logger = logging.getLogger(__name__)

T = TypeVar("T")

# Part of every file's key: change it when the shape of a stored result changes, so that a
# deployment never reads the files its predecessor wrote under the same data version.
FORMAT = "1"

MEMORY_ENTRIES = 256
_memory: dict[tuple[str, Hashable], Any] = {}
_memory_version: str | None = None
_lock = threading.Lock()


@dataclass(frozen=True)
class Version:
    """The data version and the newest judgement's id: what shared results are kept under."""

    data: DataVersionNow
    last_judgement: int | None

    @property
    def key(self) -> str:
        return f"{self.data.key}.{self.last_judgement}"


def version() -> Version:
    """The version the shared results are kept under: one small query (every page that
    reads a shared result asks it first)."""
    from .models import Judgement
    from .paging import state

    number, changed_at, last = state(Judgement)
    row = None if number is None else (number, changed_at)
    return Version(export_store.data_version_of(row), last)


def shared(name: str, key: Hashable, compute: Callable[[], T], at: Version | None = None) -> T:
    """``compute()`` for the data version ``at`` (default: the current one), computed
    once for all workers. ``name`` and ``key`` say which result: ``key`` is made of dates,
    strings and numbers (its ``repr`` names the file), and ``compute`` reads only the
    database."""
    global _memory_version
    at = at or version()
    with _lock:
        if _memory_version != at.key:
            _memory.clear()  # an older version's results: never asked for again
            _memory_version = at.key
        if (name, key) in _memory:
            return _memory[(name, key)]
    value = _stored(at, name, key, compute)
    with _lock:
        if _memory_version == at.key:
            if len(_memory) >= MEMORY_ENTRIES:
                _memory.clear()  # keys of many dates asked for: keep memory bounded
            _memory[(name, key)] = value
    return value


def _stored(at: Version, name: str, key: Hashable, compute: Callable[[], T]) -> T:
    computed: list[T] = []

    def build(path: Path) -> None:
        computed.append(compute())
        with open(path, "wb") as handle:
            pickle.dump(computed[0], handle, protocol=pickle.HIGHEST_PROTOCOL)

    # In the folder of the data version the exports use (the store keeps one version's
    # folder at a time), the newest judgement in the file's key.
    path = export_store.stored(
        at.data, ("shared", FORMAT, name, repr(key), str(at.last_judgement)), ".pickle", build
    )
    if computed:
        return computed[0]
    if path is not None:
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError) as error:
            # Written by this app into its own folder, so only a damaged file or one from
            # a deployment that forgot to change FORMAT lands here: compute it afresh.
            logger.warning("shared result %s %r unreadable (%s): computing it", name, key, error)
    return compute()


def forget() -> None:
    """Drop what this process keeps in memory (tests roll the database back under it)."""
    global _memory_version
    with _lock:
        _memory.clear()
        _memory_version = None
