"""Layout text cached by the SHA-256 of the file it was extracted from.

Extraction (pdfminer, pure Python) is about 98% of an ingest's time, and it depends only on
the file's bytes and on how :mod:`ingest.extract` rebuilds rows. So after a parser change,
``ingest --replace`` reads the layout text from here instead of extracting again.

One file per report: ``<root>/<EXTRACTOR_VERSION>/<sha[:2]>/<sha>.txt``, pages separated by
form feeds (layout text never contains one), and beside it ``<entry>.warnings.json`` when
reading the PDF lost text; ``<sha>.opening.txt`` where only some pages were read (see
:mod:`ingest.reading`), with ``<entry>.extent.json`` beside it saying how many pages the PDF
has and which of those up to the last read were skipped (empty in the text). An entry is
served only to a reader it holds enough for; a reader that needs more extracts the rest and
stores the whole. A change to how rows are rebuilt must bump :data:`EXTRACTOR_VERSION`,
which leaves the old entries unread.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .document import Document

# Bump whenever ingest/extract.py would produce different layout text for the same bytes.
EXTRACTOR_VERSION = "1"

PAGE_BREAK = "\f"


def _entry(root: Path, sha256: str, *, complete: bool = True) -> Path:
    suffix = ".txt" if complete else ".opening.txt"
    return root / EXTRACTOR_VERSION / sha256[:2] / f"{sha256}{suffix}"


def get(root: Path | None, sha256: str, *, name: str) -> Document | None:
    """The cached layout of the file with this SHA-256 (the whole PDF's, else its opening
    pages'), or None."""
    if root is None or not sha256:
        return None
    for complete in (True, False):
        try:
            text = _entry(root, sha256, complete=complete).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        pages = tuple(text.split(PAGE_BREAK))
        entry = _entry(root, sha256, complete=complete)
        warnings = _read_warnings(entry)
        extent = {} if complete else _read_extent(entry)
        if warnings is None or extent is None:
            continue
        return Document(
            pages=pages,
            paginated=True,
            name=name,
            complete=complete,
            warnings=warnings,
            unread=tuple(extent.get("unread", ())),
            page_count=extent.get("page_count"),
        )
    return None


def _extent_file(entry: Path) -> Path:
    return entry.with_name(entry.name + ".extent.json")


def _read_extent(entry: Path) -> dict | None:
    """What a partial entry holds (page count, pages skipped); {} for an entry written
    before extents were kept (its opening pages, none skipped); None when unreadable."""
    path = _extent_file(entry)
    if not path.exists():
        return {}
    try:
        extent = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(extent, dict) or not all(
        isinstance(number, int) for number in extent.get("unread", ())
    ):
        return None
    return extent


def _warnings_file(entry: Path) -> Path:
    return entry.with_name(entry.name + ".warnings.json")


def _read_warnings(entry: Path) -> tuple[str, ...] | None:
    """The reading warnings kept beside an entry; None when they cannot be read."""
    path = _warnings_file(entry)
    if not path.exists():
        return ()
    try:
        return tuple(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def put(root: Path | None, sha256: str, document: Document) -> None:
    """Store a PDF's layout text; a cache that cannot be written is skipped, not an error."""
    if root is None or not sha256 or not document.paginated:
        return
    entry = _entry(root, sha256, complete=document.complete)
    parts: list[str] = []
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        # Written whole then renamed: a reader never sees half an entry or half its warnings.
        text = _write_part(entry.parent, PAGE_BREAK.join(document.pages), parts)
        _put_beside(_warnings_file(entry), list(document.warnings), parts)
        if not document.complete:
            extent = {"page_count": document.page_count, "unread": list(document.unread)}
            _put_beside(_extent_file(entry), extent, parts)
        os.replace(text, entry)
        if document.complete:
            opening = _entry(root, sha256, complete=False)
            opening.unlink(missing_ok=True)
            _extent_file(opening).unlink(missing_ok=True)
            _warnings_file(opening).unlink(missing_ok=True)
    except OSError:
        # A full disk (or a read-only one): the entry is skipped, and what was begun for it
        # goes, so that no empty ".part" file is left per report.
        for part in parts:
            Path(part).unlink(missing_ok=True)


def _put_beside(path: Path, value: list | dict, parts: list[str]) -> None:
    """``value`` as JSON in ``path``; an empty list removes the file (no warnings)."""
    if value or isinstance(value, dict):
        os.replace(_write_part(path.parent, json.dumps(value), parts), path)
    else:
        path.unlink(missing_ok=True)


def _write_part(folder: Path, text: str, parts: list[str]) -> str:
    """``text`` in a new ".part" file in ``folder``, named in ``parts`` as soon as it exists."""
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
    parts.append(temporary)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    return temporary
