"""Pieces shared by the 2009-2013 inspections that print "Grade 1 (Outstanding)" ... "Grade 4".

The inspection of safeguarding and looked after children services (SLAC, 2009-2012) and the
inspection of looked after children services (2012-2013) share a layout: body headings carry
an inline grade ("Grade: 2 (Good)", "Grade 2 (good)", glued to the heading's last word as in
"young people safeGrade 1 (outstanding)", or inside markdown bold), a "Record of main
findings" table at the end repeats the grades as words, and "Areas for improvement" are
grouped by timescale ("Immediately:", "Within three months:", "Within six months:").

This module reads those pieces and knows nothing about sections or frameworks (the
helpers every parser shares, such as :func:`~ingest.parsers.common.line_cells`, are in
:mod:`ingest.parsers.common`):

- :data:`INLINE_GRADE` finds an inline grade; :data:`GRADE_CELL` recognises a table grade cell.
- :func:`is_page_furniture` tells page numbers and running headers from text.
- :func:`label_key` normalises a label for matching (never for display).
- :func:`find_record_heading` and :func:`read_record_rows` read the "Record of main findings"
  into :class:`RecordRow` objects: a label that wraps onto following rows is joined back, a
  word split across cells ("young per\\tople") is re-joined, page furniture is skipped.
- :func:`split_timescale` and :func:`timescale_of` read a timescale heading;
  :func:`read_timescale_lists`, :func:`clean_recommendation`, :func:`split_run_together` and
  :data:`NO_RECOMMENDATIONS` read the recommendation lists.

The SLAC parser uses all of it. The looked-after-children parser reads its record table and
lists its own way (see :mod:`ingest.parsers.lac`) and uses only :func:`split_timescale`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from vocabulary import Timescale

from ..document import Document, Line
from .common import BULLET, PAGE_NUMBER, clean_text, join_wrapped, line_cells, normalise_space

__all__ = [
    "GRADE_CELL",
    "INLINE_GRADE",
    "NO_RECOMMENDATIONS",
    "PARAGRAPH_START",
    "RecordRow",
    "TimedItem",
    "clean_recommendation",
    "document_vocabulary",
    "find_record_heading",
    "is_page_furniture",
    "join_cells",
    "label_key",
    "read_record_rows",
    "read_timescale_lists",
    "split_run_together",
    "split_timescale",
    "timescale_of",
]

_GRADE_WORD = r"outstanding|good|adequate|inadequate"

# "Grade: 2 (Good)", "Grade 2 (good)", "safeGrade 1 (outstanding)". No word boundary before
# "Grade": one report glues it to the heading's last word. The grade key's "Outstanding
# (Grade 1)" has no "(word)" after the number and never matches.
INLINE_GRADE = re.compile(
    rf"Grade\s*:?\s*(?P<number>[1-4])\s*\(\s*(?P<word>{_GRADE_WORD})\s*\)", re.IGNORECASE
)

# A whole table cell that is a grade: "Good", "outstanding", "Grade 2 (Good)", "2".
GRADE_CELL = re.compile(
    rf"(?:grade\s*:?\s*[1-4]\s*\(\s*)?(?:{_GRADE_WORD})\s*\)?\.?|grade\s*:?\s*[1-4]|[1-4]",
    re.IGNORECASE,
)

# A numbered paragraph of the body, with or without a bullet: "- 12. The ...", "47. There".
# Not a stray number that a PDF wrapped to the start of a line ("65. effective workforce").
PARAGRAPH_START = re.compile(r"^(?:[-•–]\s*)?\d{1,3}\.\s+[A-Z‘'\"“(]")
# "There are no recommendations for immediate action." means the list is empty.
NO_RECOMMENDATIONS = re.compile(
    r"\bthere (?:are|were) no (?:recommendations|areas? for improvement)\b"
    r"|^\s*no recommendations\b",
    re.IGNORECASE,
)

_RECORD_HEADING = re.compile(r"^record of main findings\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
# A timescale heading, "Immediately:", "Within three months:", "Within 6 months", maybe
# followed on its line by the first item.
_TIMESCALE = re.compile(
    r"^(?:(?P<now>immediately)|within\s+(?P<months>three|3|six|6)\s+months)\s*(?::|$)\s*",
    re.IGNORECASE,
)
_TERMINAL = (".", "!", "?")
_MAX_ROW_LABEL = 160  # longer than any printed record label without a grade
_IZE = re.compile(r"(?<=[a-z]{3})iz(?=ation|e\b|ed\b|es\b|ing\b)")
_NOT_WORD = re.compile(r"[^a-z0-9]+")

# Recommendations are imperatives. Where one ends and the next begins on the same line
# ("... and plans. Undertake a review ..."), the next starts with one of these verbs.
_IMPERATIVES = [
    "Accelerate",
    "Agree",
    "Build",
    "Complete",
    "Conduct",
    "Consolidate",
    "Continue",
    "Develop",
    "Embed",
    "Ensure",
    "Establish",
    "Evaluate",
    "Extend",
    "Implement",
    "Improve",
    "Include",
    "Increase",
    "Introduce",
    "Monitor",
    "Provide",
    "Reduce",
    "Review",
    "Secure",
    "Seek",
    "Strengthen",
    "Undertake",
]
_RUN_ON = re.compile(rf"(?<=[.;])\s+(?=(?:{'|'.join(_IMPERATIVES)})\s)")
# A paragraph number that landed mid-sentence: "a very 65. effective workforce strategy".
_STRAY_NUMBER = re.compile(r"(?<=[a-z,;]) \d{1,3}\. (?=[a-z])")


# --------------------------------------------------------------------------- text


def is_page_furniture(cells: Sequence[str]) -> bool:
    """A page number, or a running header/footer ("Norfolk County Council Inspection of ...\\t4")."""
    if not cells:
        return False
    plain = " ".join(cells)
    if PAGE_NUMBER.match(plain):
        return True
    return (
        len(cells) > 1
        and PAGE_NUMBER.match(cells[-1]) is not None
        and "inspection of" in plain.lower()
    )


def label_key(label: str) -> str:
    """A printed label normalised for matching only: lower-case, no punctuation or markup,
    British spelling of "-ization", no leading "the"."""
    text = clean_text(label).lower().replace("&", " and ")
    text = _IZE.sub("is", text)
    text = _NOT_WORD.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


def document_vocabulary(document: Document) -> Callable[[str], bool]:
    """A test "is this lower-case word printed somewhere in ``document``?" (for :func:`join_cells`).

    Only a few words per report are ever asked about, so each is looked up in the text on
    demand (and remembered) rather than building a set of every word.
    """
    text: list[str] = []

    @cache
    def is_word(word: str) -> bool:
        if not text:
            text.append(document.text.lower())
        return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text[0]) is not None

    return is_word


def join_cells(cells: Sequence[str], is_word: Callable[[str], bool] | None = None) -> str:
    """Label cells of one table row joined, re-joining a word split across cells.

    A table cell may end mid-word and the next cell carry the rest ("young per" + "ople",
    "children a" + "and care leavers?"). Given ``is_word`` (see :func:`document_vocabulary`)
    the word is rebuilt when the second fragment is not a word on its own, and a first
    fragment that merely repeats the start of the next word is dropped. Without it, cells
    are joined with spaces.
    """
    if not cells:
        return ""
    text = cells[0]
    for cell in cells[1:]:
        text = _join_pair(text, cell, is_word)
    return normalise_space(text)


def _join_pair(left: str, right: str, is_word: Callable[[str], bool] | None) -> str:
    if left.endswith("-") and right[:1].islower():
        return left + right
    tail = re.search(r"[A-Za-z]+$", left)
    head = re.match(r"[a-z]+", right)
    if is_word is None or tail is None or head is None:
        return f"{left} {right}"
    a, b = tail.group(0).lower(), head.group(0)
    if is_word(b):
        if len(a) < len(b) and b.startswith(a):
            return left[: tail.start()] + right  # "children a" + "and care leavers?"
        return f"{left} {right}"
    # The second fragment is not a word: rebuild the split one ("per" + "ople" -> "people").
    if is_word(a + b):
        return left + right
    if len(a) > 1 and is_word(a[:-1] + b):
        return left[:-1] + right
    if len(b) > 1 and is_word(a + b[1:]):
        return left + right[1:]
    return left + right


# --------------------------------------------------------------------------- record


@dataclass
class RecordRow:
    """One logical row of a "Record of main findings": label parts, the grade cell, its lines."""

    label_parts: list[str]
    grade: str  # as printed; "" when the row has no grade (a heading, or left blank)
    lines: list[Line] = field(default_factory=list)

    @property
    def label(self) -> str:
        return join_wrapped(self.label_parts)

    @property
    def key(self) -> str:
        return label_key(self.label)

    @property
    def page(self) -> int | None:
        return self.lines[0].page if self.lines else None

    @property
    def source_text(self) -> str:
        return normalise_space(" ".join(" ".join(line_cells(line)) for line in self.lines))


def find_record_heading(lines: Sequence[Line], start: int = 0) -> int | None:
    """Index of the last "Record of main findings" heading at or after ``start``, or None.

    The contents page's "Record of main findings\\t27" (a page number) is not the heading.
    """
    found = None
    for index in range(start, len(lines)):
        text = lines[index].text
        if "ecord of main" not in text and "ECORD OF MAIN" not in text:
            continue  # cheap pre-check: most lines never get near the regex
        cells = line_cells(lines[index])
        match = _RECORD_HEADING.match(" ".join(cells))
        if match and not PAGE_NUMBER.match(match["rest"] or "x"):
            found = index
    return found


def read_record_rows(
    lines: Sequence[Line],
    start: int,
    stop: int | None = None,
    is_word: Callable[[str], bool] | None = None,
) -> list[RecordRow]:
    """The rows of a "Record of main findings" table in ``lines[start:stop]``.

    A row is "label\\tgrade" or a label alone (a heading, or a grade left blank). A row that
    starts in lower case continues the previous row's label (a label that wraps in its cell,
    "Leadership and\\tGood" / "management"); a lone grade cell completes a previous row that
    had none. The last cell is the grade only if it is a grade (:data:`GRADE_CELL`): a word
    fragment in the grade column ("ople") belongs to the label. A numbered paragraph or a
    long line of prose without a grade ends the table.
    """
    rows: list[RecordRow] = []
    current: RecordRow | None = None
    for line in lines[start:stop]:
        cells = line_cells(line)
        if not cells or is_page_furniture(cells):
            continue
        if len(cells) == 1 and GRADE_CELL.fullmatch(cells[0]):
            if current is not None and not current.grade:
                current.grade = cells[0]
                current.lines.append(line)
            continue
        grade = ""
        label_cells = cells
        if len(cells) > 1 and GRADE_CELL.fullmatch(cells[-1]):
            grade, label_cells = cells[-1], cells[:-1]
        label = join_cells(label_cells, is_word)
        if current is not None and label[:1].islower() and not (grade and current.grade):
            current.label_parts.append(label)
            current.grade = current.grade or grade
            current.lines.append(line)
            continue
        if not grade and (len(label) > _MAX_ROW_LABEL or PARAGRAPH_START.match(label)):
            break  # prose after the table (an annex): the table has ended
        current = RecordRow([label], grade, [line])
        rows.append(current)
    return rows


# --------------------------------------------------------------------------- recommendations


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


@dataclass
class TimedItem:
    """One item of a timescale list, as read (possibly two recommendations run together)."""

    timescale: str
    parts: list[str]
    line: Line

    @property
    def text(self) -> str:
        return join_wrapped(self.parts)


def read_timescale_lists(
    lines: Sequence[Line],
    start: int,
    stop: int,
    is_heading: Callable[[str], bool],
) -> list[TimedItem]:
    """The items of the timescale lists that follow an "Areas for improvement" heading.

    Reading starts at ``start`` (just after the heading; the introduction "In order to
    improve ..." is skipped until the first timescale heading) and ends at ``stop``, at a
    line ``is_heading`` recognises, at a line with an inline grade, at a numbered paragraph,
    or at a short capitalised line without closing punctuation after a finished item.

    An item starts at a bullet or, where the bullet was lost, at the first line under a
    timescale heading; other lines continue the item being read (a PDF wraps each item over
    several lines). Items are returned as read: clean them with :func:`clean_recommendation`
    and split them with :func:`split_run_together`.
    """
    items: list[TimedItem] = []
    timescale: str | None = None
    fresh = False  # just after a timescale heading: the next line starts an item
    for line in lines[start:stop]:
        cells = line_cells(line)
        if not cells or is_page_furniture(cells):
            continue
        plain = " ".join(cells)
        heading = timescale_of(plain)
        if heading is not None:
            timescale, fresh = heading, True
            continue
        if timescale is None:
            if is_heading(plain) or INLINE_GRADE.search(plain):
                break  # no timescale lists under this heading
            continue
        last = None if fresh or not items else items[-1]
        if _ends_list(plain, last, is_heading):
            break
        bullet = BULLET.match(plain)
        text = plain[bullet.end() :] if bullet else plain
        if bullet or last is None:
            items.append(TimedItem(timescale, [text], line))
            fresh = False
        else:
            last.parts.append(text)
    return items


def _ends_list(plain: str, last: TimedItem | None, is_heading: Callable[[str], bool]) -> bool:
    if is_heading(plain) or INLINE_GRADE.search(plain) or PARAGRAPH_START.match(plain):
        return True
    if BULLET.match(plain) or last is None:
        return False
    # A short capitalised line without closing punctuation after a finished item: a
    # heading the caller does not know by name.
    return (
        last.text.endswith(_TERMINAL)
        and len(plain) <= 80
        and plain[:1].isupper()
        and not plain.endswith((*_TERMINAL, ",", ";", ":", ")"))
    )


def clean_recommendation(text: str) -> str:
    """An item's text without bullet, paragraph numbers (leading or stray) or markup."""
    text = clean_text(text)
    text = BULLET.sub("", text, count=1)
    text = re.sub(r"^\(?\d{1,3}[.)]\s+", "", text)
    text = _STRAY_NUMBER.sub(" ", text)
    return normalise_space(text)


def split_run_together(text: str) -> list[str]:
    """Split two recommendations printed as one ("... and plans. Undertake a review ...").

    A new recommendation is recognised where a sentence ends and the next begins with an
    imperative verb ("Ensure", "Review", "Undertake", ...).
    """
    return [part.strip() for part in _RUN_ON.split(text) if part.strip()]
