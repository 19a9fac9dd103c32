"""From a file's bytes to the layout text its parser needs, through the cache.

Extraction is nearly all of an ingest's time. Two things spare it: the layout cache (a file
read before is not extracted again) and reading only the opening pages where they are all a
report's parser needs (an ILACS report) or where they already show the file is of a kind the
app refuses (a focused visit letter). The parser is handed the same pages either way, so a
report reads the same from the cache as from its PDF.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import layout_cache, parsers
from .document import Document
from .errors import OtherReportKind, UnknownReportKind
from .extract import PdfReader, sniff, text_to_document

# Pages read before deciding how many more are needed. The first page's title decides the
# kind of report in nearly every case, so a letter of a kind the app refuses costs one page.
FIRST_PAGES = 1


def read_report(
    data: bytes, name: str, *, sha256: str, cache: Path | None, whole: bool = False
) -> tuple[Document, bool]:
    """The layout text to parse, and whether it came from the cache; ``whole``: every page,
    for a parser that found the opening pages were not enough
    (:attr:`~ingest.parsers.base.ParsedReport.needs_more_pages`).

    Raises an :class:`~ingest.errors.IngestError` for a file that is not a report.
    """
    cached = layout_cache.get(cache, sha256, name=name)
    if cached is not None:
        enough = (cached if cached.complete else None) if whole else _enough(cached)
        if enough is not None:
            return enough, True
    if sniff(data, name) == "text":
        return text_to_document(data, name=name), False
    reader = PdfReader(data, name=name)
    if whole:
        document = reader.read(None)
        layout_cache.put(cache, sha256, document)
        return document, False
    try:
        needed = _pages_needed(reader)
    except OtherReportKind as refusal:
        layout_cache.put(cache, sha256, refusal.document)
        raise
    except UnknownReportKind:
        needed = None  # no title in the opening pages: read on, and let the parser decide
    document = reader.read(needed)
    layout_cache.put(cache, sha256, document)
    return document, False


def _pages_needed(reader: PdfReader) -> int | None:
    """What the report's parser needs, judged from as few opening pages as will tell: the
    first page, or as many as detection looks at when the first names no kind."""
    opening = reader.read(FIRST_PAGES)
    try:
        return _needed_judging_by(opening)
    except OtherReportKind:
        raise
    except UnknownReportKind:
        if opening.complete:
            raise
    return _needed_judging_by(reader.read(parsers.DETECTION_PAGES))


def _needed_judging_by(opening: Document) -> int | None:
    try:
        return parsers.pages_needed(opening)
    except OtherReportKind as refusal:
        refusal.document = opening  # what was read, for the cache
        raise


def _enough(cached: Document) -> Document | None:
    """The cached pages the parser needs, or None when the cache holds too few."""
    try:
        needed = parsers.pages_needed(cached)
    except OtherReportKind:
        return cached  # refused from its opening pages, as when it was first read
    except UnknownReportKind:
        return cached if cached.complete else None
    if needed is None:
        return cached if cached.complete else None
    if len(cached.pages) < needed and not cached.complete:
        return None
    return replace(
        cached,
        pages=cached.pages[:needed],
        complete=cached.complete and len(cached.pages) <= needed,
    )
