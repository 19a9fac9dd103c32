"""The layout text every parser reads: pages of rows, cells separated by tabs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Line:
    """One row of a page. ``cells`` are the tab-separated cells with empty ones dropped."""

    page: int | None
    number: int  # 0-based index over the whole document
    text: str

    @property
    def cells(self) -> list[str]:
        return [cell.strip() for cell in self.text.split("\t") if cell.strip()]

    @property
    def plain(self) -> str:
        """The row as one string: cells joined by single spaces."""
        return " ".join(self.cells)


@dataclass(frozen=True)
class Document:
    """Layout text of one report.

    ``pages`` holds one string per page (rows joined by newlines, cells by tabs). A text
    report is one page unless it contains form feeds; its ``paginated`` flag is False so
    that nobody cites page numbers a reader cannot find.
    """

    pages: tuple[str, ...]
    paginated: bool
    name: str = ""
    # False when only the opening pages were read: a parser that needs no more than those
    # (see ingest.parsers.pages_needed) is spared the extraction of the rest.
    complete: bool = True
    # What was lost or doubtful in reading the file (a damaged page, bytes that were not
    # text); the parser passes them on as the report's warnings.
    warnings: tuple[str, ...] = ()
    # Pages (numbered from 1) that were skipped because the parser needs nothing on them (a
    # focused visit letter's middle pages): each is an empty string in ``pages``, so that
    # the pages after it keep their numbers. A parser reaching one says it needs more.
    unread: tuple[int, ...] = ()
    # How many pages the PDF has, where only some were read (``pages`` holds fewer) and
    # that is known; a document read whole has ``len(pages)``.
    page_count: int | None = None

    def first_unread(self) -> int | None:
        """The number of the first page not read (a gap, or the page after the last read),
        or None when the document was read whole."""
        if self.unread:
            return self.unread[0]
        return None if self.complete else len(self.pages) + 1

    def read_pages(self) -> set[int]:
        """The numbers of the pages read (text, or an empty page, as printed)."""
        return set(range(1, len(self.pages) + 1)) - set(self.unread)

    def only(self, numbers: set[int]) -> Document:
        """This document as it reads from only the pages ``numbers`` (all of them read):
        the pages up to the last of them, the others empty and named as unread."""
        count = len(self.pages) if self.complete else self.page_count
        last = max(numbers)
        unread = tuple(number for number in range(1, last + 1) if number not in numbers)
        whole = last == count and not unread
        return replace(
            self,
            pages=tuple(
                text if number in numbers else ""
                for number, text in enumerate(self.pages[:last], start=1)
            ),
            unread=unread,
            complete=whole,
            page_count=None if whole else count,
        )

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def lines(self) -> Iterator[Line]:
        number = 0
        for index, page in enumerate(self.pages, start=1):
            for row in page.split("\n"):
                yield Line(page=index if self.paginated else None, number=number, text=row)
                number += 1

    @classmethod
    def from_text(cls, text: str, name: str = "") -> Document:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\f" in text:
            return cls(pages=tuple(text.split("\f")), paginated=True, name=name)
        return cls(pages=(text,), paginated=False, name=name)
