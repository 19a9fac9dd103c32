"""Paths to the sample reports, and a cache so each PDF is extracted once per test run."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ingest.document import Document
from ingest.extract import read_document

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_REPORTS = REPO_ROOT / "sample_data" / "reports"


def sample_path(relative: str) -> Path:
    """``relative`` is under sample_data/reports, e.g. "text/knowsley-2010-....txt"."""
    path = SAMPLE_REPORTS / relative
    if not path.exists():
        raise FileNotFoundError(path)
    return path


@cache
def sample_document(relative: str) -> Document:
    return read_document(sample_path(relative))
