"""Functions run inside sandbox workers by the tests (module level, so a worker can import them)."""

from __future__ import annotations

import os
import time


def sleep_forever(*args):
    """A parse that never finishes, as a hostile PDF might."""
    time.sleep(600)


def crash(*args):
    """A worker that dies without a word, as one killed by the system would."""
    os._exit(3)


def raise_error(*args):
    raise RuntimeError("parser exploded")


def allocate(size: int):
    """Try to hold ``size`` bytes at once."""
    block = bytearray(size)
    return len(block)


def echo(*args):
    return args
