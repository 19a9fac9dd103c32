"""Helpers shared by the framework parsers: dates, names, text clean-up."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ..document import Line

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


def _make_date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), MONTHS[month.lower()], int(day))
    except (KeyError, ValueError):
        return None


def parse_date(text: str) -> date | None:
    """The first full date ("12 March 2010") in ``text``, or None."""
    match = _SINGLE.search(text)
    return _make_date(match["d"], match["m"], match["y"]) if match else None


def parse_date_range(text: str) -> tuple[date | None, date | None]:
    """Start and end of an inspection-dates phrase; (None, None) if none is found.

    A single date gives the same start and end.
    """
    match = _RANGE.search(text)
    if match:
        end = _make_date(match["d2"], match["m2"], match["y2"])
        start = _make_date(match["d1"], match["m1"] or match["m2"], match["y1"] or match["y2"])
        if start and end and start > end and not match["y1"]:
            # "29 December - 9 January 2015": the start is in the previous year.
            start = _make_date(match["d1"], match["m1"] or match["m2"], str(end.year - 1))
        if start and end:
            return start, end
    single = parse_date(text)
    return single, single


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


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def squash(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces: for matching headings."""
    return normalise_space(text.replace("’", "'").replace("‘", "'")).lower()


def first_match(
    pattern: re.Pattern[str], lines: Iterable[Line]
) -> tuple[re.Match[str], Line] | None:
    for line in lines:
        match = pattern.search(line.plain)
        if match:
            return match, line
    return None
