"""Reading a printed list item by item, and knowing where it ends.

Every kind of report prints lists of recommendations, areas for improvement or priority
actions under a heading, one item per bullet (or number), each item wrapped over several
lines and the list often running on past a page break. Each parser reads them with the
pieces here, so that how an item continues, how page furniture between pages is passed
over and how the end of a list is recognised are written once:

- :class:`ListRows` walks the rows of a list: rows with text, without page numbers and the
  running headers or footers a parser names, and (once a parser has seen a footnote) without
  the rest of the page, so that an item or a list continues across a page break.
- :class:`Item` collects an item's lines; :func:`ends_sentence` says whether its text is
  complete.
- :func:`looks_like_heading` is the end test every parser shares: after a finished item, a
  short capitalised line without closing punctuation that the next row does not continue in
  lower case is a heading, not an item. Headings a parser knows by name end its lists too.
- :func:`split_inline_bullets` splits items printed on one line ("... carers • ensure ...");
  :func:`recommendations` turns items into what the parser returns.
- :func:`split_timescale` and :func:`timescale_of` read the timescale headings that group
  the 2009-2013 lists ("Immediately:", "Within three months:").

What differs between layouts (numbered items, timescale headings, an item's own sub-list)
stays in the parser that meets it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from vocabulary import RecommendationKind, Timescale

from ..document import Line
from .base import ParsedRecommendation
from .common import INNER_BULLET, PAGE_NUMBER, Row, join_wrapped

# The punctuation that closes a sentence: an item ending so is finished.
TERMINAL = (".", "!", "?")
# Punctuation a heading never ends with: a line ending so is text, not a heading.
CLOSING = (*TERMINAL, ",", ";", ":", ")")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (white space at its end aside)."""
    return text.rstrip().endswith(TERMINAL)


def looks_like_heading(plain: str, *, longest: int, following: Row | None = None) -> bool:
    """Whether a row's text reads as a heading: it starts with a capital, is at most
    ``longest`` characters, does not end with :data:`CLOSING` punctuation, and the row
    ``following`` it (when given) does not go on in lower case.

    Only after a finished item is this the end of a list: within an item, a line may break
    anywhere.
    """
    return (
        plain[:1].isupper()
        and len(plain) <= longest
        and not plain.endswith(CLOSING)
        and not (following is not None and following.plain[:1].islower())
    )


def is_page_number(row: Row) -> bool:
    return PAGE_NUMBER.match(row.plain) is not None


class ListRows:
    """The rows of a list from ``rows[start]`` on, in order: rows with text only, and
    none that ``is_furniture`` (by default, a bare page number).

    A parser that meets a footnote at the foot of a page calls :meth:`skip_rest_of_page`:
    the rows left on that page are passed over and reading goes on at the next page, where
    the list, or the item, continues. ``rows`` holds one Row per line of the document, so
    :attr:`index` (the row to read next) is a line number.
    """

    def __init__(
        self,
        rows: Sequence[Row],
        start: int,
        *,
        is_furniture: Callable[[Row], bool] = is_page_number,
    ) -> None:
        self.rows = rows
        self.index = start
        self.is_furniture = is_furniture
        self._skipped_page: int | None = None

    def __iter__(self) -> Iterator[Row]:
        rows = self.rows
        while self.index < len(rows):
            row = rows[self.index]
            self.index += 1
            if not row.cells:
                continue
            if self._skipped_page is not None and row.line.page == self._skipped_page:
                continue
            if self.is_furniture(row):
                continue
            yield row

    def skip_rest_of_page(self, row: Row) -> None:
        """Pass over the rest of ``row``'s page (nothing, in a text report without pages)."""
        self._skipped_page = row.line.page

    def stop_skipping(self) -> None:
        """Read every row again (a new list starts, on the page being passed over)."""
        self._skipped_page = None

    def rows_left_on_page(self, row: Row) -> int:
        """How many rows of ``row``'s page come after it: few, for a footnote at its foot."""
        page = row.line.page
        count = 0
        for other in self.rows[row.line.number + 1 :]:
            if other.line.page != page:
                break
            count += 1
        return count


@dataclass
class Item:
    """One item of a list as read: its lines (wrapped, not yet joined), the line it starts
    on, and the list it belongs to."""

    parts: list[str]
    line: Line
    section: str = ""
    kind: str = RecommendationKind.RECOMMENDATION
    timescale: str = Timescale.NONE_STATED

    @property
    def text(self) -> str:
        return join_wrapped(self.parts)

    @property
    def finished(self) -> bool:
        """Whether the item's last line ends a sentence."""
        return bool(self.parts) and ends_sentence(self.parts[-1])


def split_inline_bullets(text: str) -> list[str]:
    """Items printed on one line ("... carers • ensure ...") as separate texts."""
    return [part for part in INNER_BULLET.split(text) if part.strip()]


def recommendations(
    items: Iterable[Item], texts: Callable[[Item], Iterable[str]] = lambda item: [item.text]
) -> list[ParsedRecommendation]:
    """One recommendation per text of each item (``texts``: by default the item's text;
    a parser splits items printed run together), empty texts left out."""
    return [
        ParsedRecommendation(
            section=item.section,
            timescale=item.timescale,
            kind=item.kind,
            text=text,
            page=item.line.page,
        )
        for item in items
        for text in texts(item)
        if text
    ]


# --------------------------------------------------------------------------- timescales

# A timescale heading, "Immediately:", "Within three months:", "Within 6 months", maybe
# followed on its line by the first item.
_TIMESCALE = re.compile(
    r"^(?:(?P<now>immediately)|within\s+(?P<months>three|3|six|6)\s+months)\s*(?::|$)\s*",
    re.IGNORECASE,
)


def split_timescale(text: str) -> tuple[str | None, str]:
    """The :class:`Timescale` a line like "Within three months:" announces, and any text after
    it on the line ("Immediately: ensure that ..." -> the first item); (None, ``text``) for a
    line that is not a timescale heading."""
    match = _TIMESCALE.match(text)
    if match is None:
        return None, text
    if match["now"]:
        timescale = Timescale.IMMEDIATELY
    elif match["months"].lower() in ("three", "3"):
        timescale = Timescale.WITHIN_THREE_MONTHS
    else:
        timescale = Timescale.WITHIN_SIX_MONTHS
    return timescale, text[match.end() :].strip()


def timescale_of(text: str) -> str | None:
    """The :class:`Timescale` of a line that is only a timescale heading, else None."""
    timescale, rest = split_timescale(text.strip())
    return None if rest else timescale
