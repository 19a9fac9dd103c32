"""Helpers shared by the framework parsers.

- Dates and names: :func:`parse_date`, :func:`parse_date_range`, :func:`implausible_dates`,
  :func:`clean_person_name`,
  and the front-page fields :data:`INSPECTION_DATES`, :data:`PUBLISHED`,
  :data:`LEAD_INSPECTOR`, read by :func:`field_value` and :func:`labelled_values` (a value
  on its label's row or the row under it); :class:`FrontPageFields` for a 2009-2013 front
  page that prints several fields on one row.
- Text of layout rows: :func:`clean_text`, :func:`line_cells`, :func:`join_wrapped`,
  :func:`normalise_space`, :func:`squash`, :func:`heading_key`, :class:`Row`,
  :func:`next_row`, :func:`previous_row`, and the
  patterns :data:`PAGE_NUMBER`, :data:`BULLET`, :data:`INNER_BULLET`, :data:`FOOTNOTE`,
  :data:`APOSTROPHE`.
- :func:`parse_failure`: the ParseError every parser raises, worded one way.

The rest of the toolkit: :mod:`ingest.parsers.lists` reads printed lists and knows where
they end; :mod:`ingest.parsers.judgements` reads graded headings and builds judgements.

Only what reads the same in every parser that uses it lives here; a framework's own
variant of a pattern stays in its module, with a comment saying how it differs. The parser
modules import the classes (:class:`Row`, :class:`FrontPage`, :class:`FrontPageFields`) by
name and reach everything else through the module (``from . import common``;
``common.join_wrapped``, ``common.BULLET``), so that a shared helper or pattern reads apart
from a parser's own variant (``_BULLET``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..document import Document, Line
from ..errors import ParseError
from .base import ParsedReport

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_DASH = r"\s*(?:-|–|—|to|and)\s*"

# "1 -12 February 2010", "25 June – 6 July 2012", "21 February 2011 to 04 March 2011",
# "13 March 2017 to 24 March 2017", "8 to 19 January 2018".
_RANGE = re.compile(
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<m1>{_MONTH})?\.?\s*(?P<y1>\d{{4}})?"
    rf"{_DASH}"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<m2>{_MONTH})\.?,?\s*(?P<y2>\d{{4}})",
    re.IGNORECASE,
)
_SINGLE = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<m>{_MONTH})\.?,?\s*(?P<y>\d{{4}})", re.IGNORECASE
)


# Some 2015-2016 SIF covers print dates as numbers, day first: "12/09/2016 to 06/10/2016".
_NUMERIC = r"(?P<{0}d>\d{{1,2}})/(?P<{0}m>\d{{1,2}})/(?P<{0}y>\d{{4}})"
_NUMERIC_SINGLE = re.compile(_NUMERIC.format(""))
_NUMERIC_RANGE = re.compile(_NUMERIC.format("a") + _DASH + _NUMERIC.format("b"))


def _make_date(day: str, month: str, year: str) -> date | None:
    try:
        number = int(month) if month.isdigit() else MONTHS[month.lower()]
        return date(int(year), number, int(day))
    except (KeyError, ValueError):
        return None


def parse_date(text: str) -> date | None:
    """The first full date ("12 March 2010", "25/11/2016") in ``text``, or None."""
    match = _SINGLE.search(text)
    if match:
        return _make_date(match["d"], match["m"], match["y"])
    match = _NUMERIC_SINGLE.search(text)
    return _make_date(match["d"], match["m"], match["y"]) if match else None


def parse_date_range(text: str) -> tuple[date | None, date | None]:
    """Start and end of an inspection-dates phrase; (None, None) if none is found.

    A single date gives the same start and end.
    """
    numeric = _NUMERIC_RANGE.search(text)
    if numeric:
        start = _make_date(numeric["ad"], numeric["am"], numeric["ay"])
        end = _make_date(numeric["bd"], numeric["bm"], numeric["by"])
        if start and end:
            return start, end
    match = _RANGE.search(text)
    if match:
        end = _make_date(match["d2"], match["m2"], match["y2"])
        start = _make_date(match["d1"], match["m1"] or match["m2"], match["y1"] or match["y2"])
        if (
            start
            and end
            and start > end
            and not match["y1"]
            and match["m1"]
            and MONTHS[match["m1"].lower()] > end.month
        ):
            # "29 December - 9 January 2015": the start is in the previous year. Only a
            # printed month later than the end's says so: "29 to 18 November 2024" runs
            # backwards as printed, and is returned so (the loader refuses it), never moved
            # into another year.
            start = _make_date(match["d1"], match["m1"], str(end.year - 1))
        if start and end:
            return start, end
    single = parse_date(text)
    return single, single


# The years a report's dates can fall in: the earliest reports the app reads are of 2006
# (the annual performance assessment; 2005 leaves room for its inspection dates), and a
# report is not dated later than next year. A date outside them was misread or misprinted.
EARLIEST_YEAR = 2005


def implausible_dates(report: ParsedReport, today: date | None = None) -> list[str]:
    """A warning for each of the report's dates (start, end, publication) outside
    :data:`EARLIEST_YEAR` to next year: "0001-01-01" and "2099-11-18" read as dates, but no
    inspection bears them. The loader holds such an inspection as a draft."""
    latest = (today or date.today()).year + 1
    fields = (
        ("start date", report.start_date),
        ("end date", report.end_date),
        ("publication date", report.published_on),
    )
    return [
        f"The {label} reads as {value.isoformat()}, outside the years a report can be dated "
        f"({EARLIEST_YEAR} to {latest}): check the report's dates."
        for label, value in fields
        if value is not None and not EARLIEST_YEAR <= value.year <= latest
    ]


_INSPECTOR_SUFFIXES = re.compile(
    r",?\s*(?:\(?\b(?:HMI|Her Majesty'?s Inspector|His Majesty'?s Inspector|"
    r"Social Care Regulatory Inspector|Ofsted Inspector|lead inspector)\b\)?\.?\s*)+$",
    re.IGNORECASE,
)


def clean_person_name(raw: str) -> str:
    """A name as printed, without titles like "HMI" and with odd spacing repaired.

    "Martin Ayres HMI" -> "Martin Ayres"; "Thomson -Jones" -> "Thomson-Jones".
    """
    text = raw.replace("’", "'").replace("\t", " ")
    text = re.sub(r"\s+", " ", text).strip(" :,.;")
    previous = None
    while previous != text:
        previous = text
        text = _INSPECTOR_SUFFIXES.sub("", text).strip(" :,.;")
    text = re.sub(r"\s*-\s*", "-", text)
    return text


# --------------------------------------------------------------------------- front page


@dataclass
class FrontPage:
    """What a report says about itself before its body: every parser reads this first
    (a parser's own header adds where its parts lie)."""

    title: str
    authority: str  # as printed; resolved against the reference data by the loader
    start: date | None
    end: date | None
    published: date | None

    def report(
        self, framework: str, inspection_type: str, parser_version: str, **fields: Any
    ) -> ParsedReport:
        """The ParsedReport this front page begins; ``fields`` are its other fields
        (lead_inspector, which is blank unless given, judgements, warnings ...)."""
        return ParsedReport(
            framework=framework,
            inspection_type=inspection_type,
            authority_name=self.authority,
            title=self.title,
            start_date=self.start,
            end_date=self.end,
            published_on=self.published,
            parser_version=parser_version,
            **{"lead_inspector": "", **fields},
        )


# Fields of a report's front page. ``match`` reads a field at the start of a line; the
# 2009-2013 parsers ``search`` for it, as those reports print several fields on one line
# ("Age group:AllPublished:8 April 2011").
# "Inspection dates: 1 -12 February 2010", "Inspection date 29 April – 21 May 2014".
INSPECTION_DATES = re.compile(r"\binspection dates?\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
# "Published: 12 March 2010", "Report published: 13 June 2017"; also "Publication date:"
# and "Published on", which the ILACS parser was written to read.
PUBLISHED = re.compile(
    r"(?:report\s+)?(?:published|publication date)\s*(?:on)?\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "Lead inspector: Dominic Stevens, HMI" (the name may be on the next line).
LEAD_INSPECTOR = re.compile(r"lead\s+inspector\s*:?\s*(?P<name>.*)$", re.IGNORECASE)


# The 2009-2013 front page's inspector: "Reporting inspector Martin Ayres HMI", "Lead
# inspector: Jo Smith", maybe followed on its row by another field.
REPORTING_INSPECTOR = re.compile(
    r"\b(?:reporting|lead)\s+inspector\s*:?\s*(?P<name>.*)$", re.IGNORECASE
)
# Another field after a value on the same row: "Martin Ayres HMI Age group: All".
_NEXT_FIELD = re.compile(r"\s*\b(?:age group|published|inspection dates?)\b.*$", re.IGNORECASE)


@dataclass
class FrontPageFields:
    """Dates, publication date and inspector of a front page that may print several fields
    on one row ("Age group:AllPublished:8 April 2011"): each is searched for anywhere in
    a row, and the first readable value of each is kept. ``after`` is the index of the row
    after the last one a field was taken from."""

    start: date | None = None
    end: date | None = None
    published: date | None = None
    inspector: str = ""
    after: int | None = None

    def take(self, index: int, text: str) -> None:
        """Take the fields the row ``rows[index]`` (its ``text``) prints and none before it did."""
        dates = INSPECTION_DATES.search(text)
        if dates and self.start is None:
            self.start, self.end = parse_date_range(dates["rest"])
            self.after = index + 1
        inspector = REPORTING_INSPECTOR.search(text)
        if inspector and not self.inspector:
            self.inspector = clean_person_name(_NEXT_FIELD.sub("", inspector["name"]))
            self.after = index + 1
        published = PUBLISHED.search(text)
        if published and self.published is None:
            self.published = parse_date(published["rest"])
            self.after = index + 1

    def front_page(self, title: str, authority: str) -> dict[str, Any]:
        """The :class:`FrontPage` fields of a report with this title and authority, for
        its parser's header."""
        return {
            "title": title,
            "authority": authority,
            "start": self.start,
            "end": self.end,
            "published": self.published,
        }


def field_value(rows: Sequence[Row], index: int, rest: str, *, within: int = 3) -> tuple[str, int]:
    """A front-page field's value and the index of the row after what was read.

    ``rest`` is what follows the label on its row; where that is empty, the value is the
    next row with text among the ``within`` rows from ``rows[index]`` (a value printed
    under its label: "Lead inspector:" / "Jo Smith HMI").
    """
    rest = rest.strip()
    if rest:
        return rest, index
    for number in range(index, min(len(rows), index + within)):
        if rows[number].cells:
            return rows[number].plain, number + 1
    return "", index


def labelled_values(
    rows: Sequence[Row],
    label: re.Pattern[str],
    start: int = 0,
    stop: int | None = None,
    *,
    group: str = "name",
    within: int = 3,
) -> Iterator[str]:
    """The value of each field in ``rows[start:stop]`` whose row ``label`` matches at its
    start: the match's ``group``, or the row under the label (:func:`field_value`)."""
    end = len(rows) if stop is None else min(stop, len(rows))
    for index in range(start, end):
        row = rows[index]
        if not row.cells:
            continue
        match = label.match(row.plain)
        if match:
            yield field_value(rows, index + 1, match[group] or "", within=within)[0]


# --------------------------------------------------------------------------- text of rows

# A bare page number: "12", "Page 3", "4 of 40".
PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.IGNORECASE)
# A bullet opening a line: "•", pdfminer's "(cid:127)", symbol-font glyphs in the private
# use area, the black squares of letters from 2019, a dash before a space.
BULLET = re.compile(r"^(?:\(cid:\d+\)|[•●▪■◼◾◦‣∙·\uf000-\uf0ff]|[-–—](?=\s))\s*")
# A bullet inside a line, where two items were printed as one ("... carers • ensure ...").
INNER_BULLET = re.compile(r"\s+(?:[•●▪■◦‣∙\uf000-\uf0ff]|\(cid:\d+\))\s+")
# The first line of a footnote at the foot of a page: "1 The Local Safeguarding ...".
FOOTNOTE = re.compile(r"^\d{1,2}\s+[A-Z][a-z]")
# An apostrophe as printed, for patterns: "children['’‘]s".
APOSTROPHE = "['’‘]"

# Markup and glyphs that are not text: HTML-like tags, markdown bold, pdfminer glyph codes.
_MARKUP = re.compile(r"<[^>]+>|\*\*|__|\(cid:\d+\)")
# A cell of a markdown table rule ("--\t-----") under a text report's heading.
_RULE_CHARS = "-–—=_|: "
_RULE = re.compile(rf"^[{_RULE_CHARS}]+$")


def clean_text(text: str) -> str:
    """``text`` single-spaced, without markup: HTML-like tags, markdown bold and pdfminer's
    glyph codes ("(cid:127)") become spaces."""
    if "<" in text or "**" in text or "__" in text or "(cid:" in text:
        text = _MARKUP.sub(" ", text)
    return " ".join(text.split())  # split() takes non-breaking spaces too


def line_cells(line: Line, clean: Callable[[str], str] = clean_text) -> list[str]:
    """The non-empty cells of a row, each cleaned by ``clean``; none for a blank row or a
    markdown table rule."""
    text = line.text
    if not text or text.isspace():
        return []
    cells = [cell for cell in map(clean, text.split("\t")) if cell]
    # Testing the first character first spares most rows the regex.
    if cells and cells[0][0] in _RULE_CHARS and all(_RULE.match(cell) for cell in cells):
        return []
    return cells


def join_wrapped(parts: Iterable[str]) -> str:
    """Lines of one paragraph joined; a word hyphenated at a line end is joined back."""
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if text.endswith("-") and part[:1].islower() and not text.endswith(" -"):
            text += part  # "multi-" + "agency" -> "multi-agency"
        else:
            text = f"{text} {part}" if text else part
    return normalise_space(text)


def normalise_space(text: str) -> str:
    """``text`` with each run of white space (non-breaking spaces too) as one space, stripped."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def squash(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces: for matching headings."""
    return normalise_space(text.replace("’", "'").replace("‘", "'")).lower()


def heading_key(plain: str) -> str:
    """:func:`squash` for text that is already single-spaced, such as :attr:`Row.plain`.

    Without squash's white-space pass: it runs on every line of a report.
    """
    return plain.lower().replace("’", "'").replace("‘", "'")


@dataclass(frozen=True)
class Row:
    """A line with its cells cleaned of markup; ``cells`` is empty for blank or rule lines.

    ``plain`` joins the cells with single spaces; ``key`` is ``plain`` as headings are matched
    (:func:`heading_key` unless the parser brings its own). Both are computed once per line.
    """

    line: Line
    cells: tuple[str, ...]
    plain: str
    key: str

    @classmethod
    def of(
        cls,
        line: Line,
        clean: Callable[[str], str] = clean_text,
        key: Callable[[str], str] = heading_key,
    ) -> Row:
        """The row of ``line``: cells cleaned by ``clean``, key made by ``key``."""
        cells = tuple(line_cells(line, clean))
        plain = " ".join(cells)
        return cls(line, cells, plain, key(plain) if plain else "")


def next_row(
    rows: Sequence[Row], index: int, *, within: int, skip_page_numbers: bool = False
) -> Row | None:
    """The first row with text from ``rows[index]`` on, looking at most ``within`` rows
    ahead (a value printed under its label, the line after a heading); None if none."""
    for row in rows[index : index + within]:
        if row.cells and not (skip_page_numbers and PAGE_NUMBER.match(row.plain)):
            return row
    return None


def previous_row(
    rows: Sequence[Row], index: int, *, within: int, skip_page_numbers: bool = False
) -> Row | None:
    """The nearest row with text before ``rows[index]``, looking at most ``within`` rows
    back (a signature's name above its role); None if none."""
    for row in reversed(rows[max(0, index - within) : index]):
        if row.cells and not (skip_page_numbers and PAGE_NUMBER.match(row.plain)):
            return row
    return None


# --------------------------------------------------------------------------- errors


def parse_failure(report: str) -> Callable[[Document, str], ParseError]:
    """One parser's ParseError builder: with ``report`` "ILACS report",
    ``fail(document, "has no title")`` is "<document name>: the ILACS report has no title"."""

    def fail(document: Document, reason: str) -> ParseError:
        return ParseError(f"{document.name}: the {report} {reason}")

    return fail
