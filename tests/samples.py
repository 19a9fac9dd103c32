"""Paths to the sample reports, and a cache so each PDF is extracted once per test run.

Sources named "corpus/<name>" are reports of the national corpus (``../shared/corpus``),
kept in the repository as their layout text (``tests/fixtures/corpus/<name>.txt``, pages
separated by form feeds, written by ``scripts/corpus_fixture.py``): smaller than the PDFs,
and the tests need no ``../shared``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ingest.document import Document
from ingest.extract import read_document

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_REPORTS = REPO_ROOT / "sample_data" / "reports"
CORPUS_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "corpus"


def sample_path(relative: str) -> Path:
    """``relative`` is under sample_data/reports, e.g. "text/knowsley-2010-....txt"."""
    path = SAMPLE_REPORTS / relative
    if not path.exists():
        raise FileNotFoundError(path)
    return path


@cache
def sample_document(relative: str) -> Document:
    if relative.startswith("corpus/"):
        name = relative.removeprefix("corpus/")
        text = (CORPUS_FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
        return Document.from_text(text, name=f"{name}.pdf")
    return read_document(sample_path(relative))
