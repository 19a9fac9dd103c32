"""From a file's bytes to the layout text its parser needs, through the cache.

Extraction is nearly all of an ingest's time. Two things spare it: the layout cache (a file
read before is not extracted again) and reading only the pages a report's parser needs (an
ILACS report's opening pages; a focused visit letter's opening pages and its last), or
those that already show the file is of a kind the app refuses (a monitoring visit letter).
The parser is handed the same pages either way, so a report reads the same from the cache
as from its PDF; where they are not enough it says so, and the rest is read.
"""

from __future__ import annotations

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
    for a parser that found the pages it was given were not enough
    (:attr:`~ingest.parsers.base.ParsedReport.needs_more_pages`).

    Raises an :class:`~ingest.errors.IngestError` for a file that is not a report.
    """
    reading = Reading(data, name, sha256=sha256, cache=cache)
    document = reading.whole() if whole else reading.needed()
    return document, reading.from_cache


class Reading:
    """One file's layout text: first the pages its parser needs, then, if the parser finds
    they are not enough, more (the next page, or the rest), extracting only the pages not
    read yet (in this reading or, through the cache, an earlier one)."""

    def __init__(self, data: bytes, name: str, *, sha256: str, cache: Path | None):
        self.data, self.name, self.sha256, self.cache = data, name, sha256, cache
        self.from_cache = False  # whether the last document came from the cache whole
        self._reader: PdfReader | None = None
        self._cached: Document | None = None
        self._looked_up = False

    def needed(self) -> Document:
        cached = self._lookup()
        if cached is not None and (enough := _enough(cached)) is not None:
            self.from_cache = True
            return enough
        self.from_cache = False
        if sniff(self.data, self.name) == "text":
            return text_to_document(self.data, name=self.name)
        reader = self._pdf()
        try:
            needed = _pages_needed(reader)
        except OtherReportKind as refusal:
            layout_cache.put(self.cache, self.sha256, refusal.document)
            raise
        except UnknownReportKind:
            needed = None  # no title in the opening pages: read on, and let the parser decide
        numbers = needed.numbers(reader.page_count) if needed is not None else None
        document = reader.read(None) if numbers is None else reader.read_pages(numbers)
        layout_cache.put(self.cache, self.sha256, document)
        return document

    def more(self, document: Document) -> Document:
        """``document`` (read in part) with its first page not read added: for a parser
        that found the pages it was given were not enough."""
        numbers = document.read_pages() | {document.first_unread() or 1}
        cached = self._lookup()
        if cached is not None and cached.complete:
            self.from_cache = True
            return cached.only({number for number in numbers if number <= len(cached.pages)})
        self.from_cache = False
        extended = self._pdf().read_pages(numbers)
        layout_cache.put(self.cache, self.sha256, extended)
        return extended

    def whole(self) -> Document:
        cached = self._lookup()
        if cached is not None and cached.complete:
            self.from_cache = True
            return cached
        self.from_cache = False
        if sniff(self.data, self.name) == "text":
            return text_to_document(self.data, name=self.name)
        document = self._pdf().read(None)
        layout_cache.put(self.cache, self.sha256, document)
        return document

    def _lookup(self) -> Document | None:
        if not self._looked_up:
            self._cached = layout_cache.get(self.cache, self.sha256, name=self.name)
            self._looked_up = True
        return self._cached

    def _pdf(self) -> PdfReader:
        """The PDF, opened once, holding the pages a cached partial reading has already."""
        if self._reader is None:
            self._reader = PdfReader(self.data, name=self.name)
            if self._cached is not None and not self._cached.complete:
                self._reader.keep(self._cached)
        return self._reader


def _pages_needed(reader: PdfReader) -> parsers.PagesNeeded | None:
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


def _needed_judging_by(opening: Document) -> parsers.PagesNeeded | None:
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
    return needed.taken_from(cached)
