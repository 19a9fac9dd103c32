"""CPU time of a command and of every process it starts, for the benchmark scripts.

``RUSAGE_CHILDREN`` counts a child only once it has been waited for, and a grandchild only
if the child waited for it. The ingest command's sandbox workers are neither: they are
forked by multiprocessing's fork server, which reaps them, but the fork server itself is
never waited for (it outlives the command by a moment and is adopted by init). So the
workers' CPU, nearly all of an ingest's, never reached the benchmark that ran the command,
which counted about a third of it.

:func:`run_measured` makes the measuring process a *child subreaper* (Linux): a process
orphaned below it (the fork server, a worker left behind) is adopted by it instead of init,
and it waits for every one of them before reading ``RUSAGE_CHILDREN``; each level's
waited-for children are then in the total. Where that is not possible (another system),
the result says the count is the command's own and its waited-for children only.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_PR_SET_CHILD_SUBREAPER = 36
# How long adopted descendants get to finish after the command did: sandbox workers notice
# their caller is gone within half a second, and the fork server as soon as it is.
_ADOPTED_EXIT_SECONDS = 10.0


@dataclass(frozen=True)
class Measured:
    completed: subprocess.CompletedProcess
    wall: float  # seconds
    cpu: float  # user + system seconds of the command and its descendants
    # False where descendants orphaned by the command could not be counted (no subreaper
    # on this system, or one still running when the wait ended).
    every_process: bool

    @property
    def cores_busy(self) -> float:
        return self.cpu / self.wall if self.wall else 0.0

    def describe(self) -> str:
        """ "123.4 s CPU (all processes)" or a plain warning that workers were missed."""
        scope = "all processes" if self.every_process else "command only: workers not counted"
        return f"{self.cpu:.1f} s CPU ({scope})"


def children_cpu() -> float:
    """CPU seconds of this process's children (and their waited-for children) that ended
    and were waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(arguments: Sequence[str], **options: Any) -> Measured:
    """``subprocess.run(arguments, **options)``, with its wall time and the CPU time of
    every process it started, however deep, once all of them have ended."""
    adopting = _set_subreaper(True)
    try:
        own = _children()  # this process's own children, never waited for here
        before = children_cpu()
        started = time.perf_counter()
        completed = subprocess.run(arguments, **options)
        wall = time.perf_counter() - started
        every = _reap_adopted(own) if adopting else False
        return Measured(completed, wall, children_cpu() - before, every)
    finally:
        if adopting:
            _set_subreaper(False)


def _set_subreaper(on: bool) -> bool:
    """Make this process adopt its orphaned descendants; False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        return libc.prctl(_PR_SET_CHILD_SUBREAPER, int(on), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _reap_adopted(own: set[int]) -> bool:
    """Wait for every child that is not one of ``own`` (descendants of the command, adopted
    as they were orphaned, some perhaps only while the others end); True when none is left
    running."""
    deadline = time.monotonic() + _ADOPTED_EXIT_SECONDS
    while adopted := _children() - own:
        for pid in adopted:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
        if time.monotonic() >= deadline:
            return not (_children() - own)
        time.sleep(0.02)
    return True


def _children() -> set[int]:
    """This process's children, ended or not, from /proc (each one's parent is the fourth
    field of its ``stat``, after the command name in brackets)."""
    me, found = os.getpid(), set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # ended meanwhile
            continue
        if len(fields) > 1 and int(fields[1]) == me:
            found.add(int(stat.parent.name))
    return found
