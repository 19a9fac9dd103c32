"""Parser for "Inspection of safeguarding and looked after children services" (SLAC), 2009-2012.

A SLAC report reads:

- the title, then the authority as printed, on the title's line ("... children services
  Liverpool") or the next ("Knowsley"); "Inspection dates 1 -12 February 2010" (or
  "Inspection dates: 21 February 2011 to 04 March 2011", "25 June – 6 July 2012"),
  "Reporting inspector Martin Ayres HMI" (sometimes on the dates line) and "Published: 12
  March 2010" (or "Age group:AllPublished:8 April 2011");
- a contents page and the boilerplate grade key ("Outstanding (Grade 1)\\tA service that
  ..."), neither of them judgements;
- two parts, "Safeguarding services" and "Services for looked after children" (in 2010
  "The inspection outcomes: Safeguarding services" / "...: services for looked after
  children"), each with overall effectiveness, capacity for improvement, outcome, quality of
  provision and leadership and management judgements (the list changed between 2010 and
  2012). Body headings carry most grades inline: "Grade: 2 (Good)" or "Grade 2 (good)" on
  the heading's line or the next, glued to a wrapped heading's last word ("young people
  safeGrade 1 (outstanding)"), inside markdown bold, and once stranded mid-section after a
  page break;
- "Areas for improvement" in each part, grouped under "Immediately:", "Within three months:"
  and "Within six months:";
- a "Record of main findings" table at the end that repeats every grade as a word, under
  the two part names, with heading rows that carry no grade ("Outcomes for children and young
  people", "How good are outcomes for looked after children and care leavers?").

Choices, applied the same way to every report:

- Sections are the two part names as :data:`SAFEGUARDING` and :data:`LOOKED_AFTER`, for
  judgements and recommendations alike.
- The Record of main findings is the table. Judgements come in its order, with its labels
  as printed (wrapped labels joined, words split across cells re-joined). Each inline body
  grade is matched to a record row of the same part (same label, or the same last or first
  five words: the 2010 body says "The effectiveness of services in taking reasonable steps to
  ensure that children and young people are safe" where the record prints "Children and
  young people are safe: effectiveness of services ..."): one judgement once. Where they
  disagree the record's grade is kept and a warning names both.
- ``grade_as_printed`` is the grade as printed where it was read: the record's word
  ("Good", "outstanding") when the record grades the row, otherwise the body's inline grade
  ("Grade: 2 (Good)") or, failing that, the word of the body's opening sentence ("good").
- A record row left blank is a judgement when the body grades it (inline, or in the
  opening sentence under its heading: "Leadership and management are good"), kept with the
  body's grade and a warning. A blank outcomes heading row is not a judgement. Any other
  blank row is kept with grade None and a warning: never guessed.
- A label printed twice in one part of the record ("Ambition and prioritization" /
  "Ambition and prioritisation") is one judgement: the first row is kept, with a warning.
- An inline grade with no record row is kept with a warning; a grade line with no heading
  before it belongs to the last heading of its part that has no grade yet.
- Recommendations: kind "area for improvement", the timescale of their list; "There are no
  recommendations for immediate action" means none. Bullets and paragraph numbers (also a
  number stranded mid-sentence, "a very 65. effective") are stripped, wrapped lines joined,
  and two recommendations run together are split where a sentence ends and the next starts
  with an imperative ("... and plans. Undertake a review ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from vocabulary import Framework, InspectionType, RecommendationKind, read_grade

from ..document import Document, Line
from . import common
from .base import ParsedJudgement, ParsedRecommendation, ParsedReport, ParserSpec
from .common import FrontPage, FrontPageFields, Row
from .judgements import judgement
from .lists import Item, looks_like_heading, recommendations, timescale_of

FRAMEWORK = Framework.SLAC
SPEC = ParserSpec(
    version="slac-2",
    kinds=(FRAMEWORK,),
    titles=(r"inspection of safeguarding and looked after children services",),
)
_fail = common.parse_failure("inspection of safeguarding and looked after children services")

SAFEGUARDING = "Safeguarding services"
LOOKED_AFTER = "Services for looked after children"
# Section of record rows printed before either part's name (a damaged record).
RECORD_SECTION = "Record of main findings"

_TITLE = re.compile(
    r"inspection of safeguarding and looked after children['’]?s? services", re.IGNORECASE
)
_HEADER_FIELDS = re.compile(
    r"\b(?:inspection dates?|inspector|published|age group|crown copyright|contents)\b|©",
    re.IGNORECASE,
)
_HEADER_LINES = 40

# Part headings of the body and the record, as label keys.
_SECTION_KEYS = {
    "safeguarding services": SAFEGUARDING,
    "inspection outcomes safeguarding services": SAFEGUARDING,
    "services for looked after children": LOOKED_AFTER,
    "inspection outcomes services for looked after children": LOOKED_AFTER,
}
_SECTION_FIRST_WORDS = ("safeguarding", "services", "the inspection", "inspection")
# A part heading that wrapped: "Services for looked after" / "children".
_SECTION_STARTS = ("services for looked after", "inspection outcomes services for looked after")
# Record rows that group outcome judgements; not judgements unless the body grades them.
_OUTCOME_HEADING = re.compile(r"^(?:safeguarding )?outcomes for\b|^how good are outcomes\b")

# --------------------------------------------------------------------------- layout pieces
# What this layout prints, read without knowing sections or frameworks:
# - INLINE_GRADE finds an inline grade; GRADE_CELL recognises a table grade cell;
# - is_page_furniture tells page numbers and running headers from text; label_key
#   normalises a label for matching (never for display);
# - find_record_heading and read_record_rows read the "Record of main findings" into
#   RecordRow objects: a label that wraps is joined back, a word split across cells
#   ("young per\tople") re-joined, page furniture skipped;
# - read_timescale_lists, clean_recommendation, split_run_together and NO_RECOMMENDATIONS
#   read the timescale lists of recommendations.
# The 2012-2013 looked-after-children reports look alike but read differently (see
# ingest/parsers/lac.py), so these are this parser's own.

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
    if common.PAGE_NUMBER.match(plain):
        return True
    return (
        len(cells) > 1
        and common.PAGE_NUMBER.match(cells[-1]) is not None
        and "inspection of" in plain.lower()
    )


def label_key(label: str) -> str:
    """A printed label normalised for matching only: lower-case, no punctuation or markup,
    British spelling of "-ization", no leading "the"."""
    text = common.clean_text(label).lower().replace("&", " and ")
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
    return common.normalise_space(text)


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
        return common.join_wrapped(self.label_parts)

    @property
    def key(self) -> str:
        return label_key(self.label)

    @property
    def page(self) -> int | None:
        return self.lines[0].page if self.lines else None

    @property
    def source_text(self) -> str:
        return common.normalise_space(
            " ".join(" ".join(common.line_cells(line)) for line in self.lines)
        )


def find_record_heading(rows: Sequence[Row], start: int = 0) -> int | None:
    """Index of the last "Record of main findings" heading at or after ``start``, or None.

    The contents page's "Record of main findings\\t27" (a page number) is not the heading.
    """
    found = None
    for index in range(start, len(rows)):
        text = rows[index].line.text
        if "ecord of main" not in text and "ECORD OF MAIN" not in text:
            continue  # cheap pre-check: most lines never get near the regex
        cells = rows[index].cells
        match = _RECORD_HEADING.match(" ".join(cells))
        if match and not common.PAGE_NUMBER.match(match["rest"] or "x"):
            found = index
    return found


def read_record_rows(
    rows: Sequence[Row],
    start: int,
    stop: int | None = None,
    is_word: Callable[[str], bool] | None = None,
) -> list[RecordRow]:
    """The rows of a "Record of main findings" table in ``rows[start:stop]``.

    A row is "label\\tgrade" or a label alone (a heading, or a grade left blank). A row that
    starts in lower case continues the previous row's label (a label that wraps in its cell,
    "Leadership and\\tGood" / "management"); a lone grade cell completes a previous row that
    had none. The last cell is the grade only if it is a grade (:data:`GRADE_CELL`): a word
    fragment in the grade column ("ople") belongs to the label. A numbered paragraph or a
    long line of prose without a grade ends the table.
    """
    record: list[RecordRow] = []
    current: RecordRow | None = None
    for row in rows[start:stop]:
        cells, line = row.cells, row.line
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
        record.append(current)
    return record


# --------------------------------------------------------------------------- recommendations


def read_timescale_lists(
    rows: Sequence[Row],
    start: int,
    stop: int,
    is_heading: Callable[[str], bool],
) -> list[Item]:
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
    items: list[Item] = []
    timescale: str | None = None
    fresh = False  # just after a timescale heading: the next line starts an item
    for row in rows[start:stop]:
        if not row.cells or is_page_furniture(row.cells):
            continue
        plain, line = row.plain, row.line
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
        bullet = common.BULLET.match(plain)
        text = plain[bullet.end() :] if bullet else plain
        if bullet or last is None:
            items.append(
                Item(
                    [text], line, kind=RecommendationKind.AREA_FOR_IMPROVEMENT, timescale=timescale
                )
            )
            fresh = False
        else:
            last.parts.append(text)
    return items


def _ends_list(plain: str, last: Item | None, is_heading: Callable[[str], bool]) -> bool:
    if is_heading(plain) or INLINE_GRADE.search(plain) or PARAGRAPH_START.match(plain):
        return True
    if common.BULLET.match(plain) or last is None:
        return False
    # A short capitalised line without closing punctuation after a finished item: a
    # heading the caller does not know by name.
    return last.finished and looks_like_heading(plain, longest=80)


def clean_recommendation(text: str) -> str:
    """An item's text without bullet, paragraph numbers (leading or stray) or markup."""
    text = common.clean_text(text)
    text = common.BULLET.sub("", text, count=1)
    text = re.sub(r"^\(?\d{1,3}[.)]\s+", "", text)
    text = _STRAY_NUMBER.sub(" ", text)
    return common.normalise_space(text)


def split_run_together(text: str) -> list[str]:
    """Split two recommendations printed as one ("... and plans. Undertake a review ...").

    A new recommendation is recognised where a sentence ends and the next begins with an
    imperative verb ("Ensure", "Review", "Undertake", ...).
    """
    return [part.strip() for part in _RUN_ON.split(text) if part.strip()]


# --------------------------------------------------------------------------- this parser's headings

# Headings SLAC reports grade, for reports whose record does not list them.
_KNOWN_KEYS = frozenset(
    label_key(label)
    for label in (
        "Overall effectiveness",
        "Capacity for improvement",
        "Capacity to improve",
        "Quality of provision",
        "Leadership and management",
        "Ambition and prioritisation",
        "Performance management and quality assurance",
        "Partnership working",
        "Partnerships",
        "Equality and diversity",
        "User engagement",
        "Value for money",
        "Being healthy",
        "Staying safe",
        "Enjoying and achieving",
        "Making a positive contribution",
        "Making a positive contribution, including user engagement",
        "Economic well-being",
        "Children and young people are safe and feel safe",
        "The contribution of health agencies to keeping children and young people safe",
    )
)
# Body labels and record labels that share this many first or last words are one judgement.
_SHARED_WORDS = 5
# The first word of a line, after markup and a leading "The".
_FIRST_WORD = re.compile(r"[\s*#_]*(?:the\s+)?([A-Za-z]+)", re.IGNORECASE)
_MAX_LABEL = 250


def parse(document: Document) -> ParsedReport:
    """Parse a SLAC report into a ParsedReport.

    Raises ParseError when the title, the authority, the inspection dates or every
    judgement (no Record of main findings and no inline grade) cannot be found.
    """
    rows = [Row.of(line) for line in document.lines()]
    header = _header(document, rows)
    report = header.report(
        FRAMEWORK, InspectionType.FULL, SPEC.version, lead_inspector=header.inspector
    )
    warnings = report.warnings
    if header.published is None:
        warnings.append("No 'Published' date found: publication date left blank.")
    if not header.inspector:
        warnings.append("No 'Reporting inspector' found: lead inspector left blank.")

    record_index = find_record_heading(rows, header.end_index)
    body_end = record_index if record_index is not None else len(rows)
    sections = _sections(rows, header.end_index, body_end)
    if not sections:
        warnings.append(
            f"No '{SAFEGUARDING}' or '{LOOKED_AFTER}' heading found in the body: inline grades "
            "and areas for improvement were not read."
        )
    entries: list[_Entry] = []
    if record_index is None:
        warnings.append(
            "No 'Record of main findings' found: judgements read from the body's inline "
            "grades only."
        )
    else:
        record_rows = read_record_rows(
            rows, record_index + 1, is_word=document_vocabulary(document)
        )
        entries = _record_entries(record_rows, warnings)
    matcher = _Matcher(entries)
    body = _body_grades(rows, sections, matcher, warnings)
    report.judgements.extend(_reconcile(entries, body, matcher, rows, warnings))
    if not report.judgements:
        raise _fail(
            document, "has no judgements (no graded Record of main findings, no inline grades)"
        )
    report.recommendations.extend(_recommendations(rows, sections, matcher, warnings))
    return report


def _raw(line: Line) -> str:
    """The row's text with cells joined, tags and glyph codes removed, markdown bold kept."""
    text = line.text
    if "<" in text or "(cid:" in text:
        text = re.sub(r"<[^>]+>|\(cid:\d+\)", " ", text)
    return text.replace("\t", " ").replace("\u00a0", " ")


def _next_text_line(rows: Sequence[Row], index: int, stop: int) -> int | None:
    for position in range(index + 1, min(stop, len(rows))):
        cells = rows[position].cells
        if cells and not is_page_furniture(cells):
            return position
    return None


def _previous_text_line(rows: Sequence[Row], index: int, floor: int) -> int | None:
    for position in range(index - 1, floor, -1):
        cells = rows[position].cells
        if cells and not is_page_furniture(cells):
            return position
    return None


# --------------------------------------------------------------------------- header


@dataclass
class _Header(FrontPage):
    inspector: str
    end_index: int  # the first line after the title block


def _header(document: Document, rows: Sequence[Row]) -> _Header:
    """Title, authority, dates, publication date and reporting inspector."""
    found = _title(rows)
    if found is None:
        raise _fail(document, "has no title 'Inspection of safeguarding and looked after ...'")
    title, rest, title_index = found
    # A running header repeats the title with a page number: "... services Knowsley\t5".
    authority = re.sub(r"\s+\d{1,3}$", "", rest).strip(" :-–,")
    if not authority:
        position = _next_text_line(rows, title_index, title_index + 6)
        if position is not None:
            candidate = rows[position].plain
            if not _HEADER_FIELDS.search(candidate) and len(candidate) <= 80:
                authority = candidate
    if not authority:
        raise _fail(document, "names no local authority after its title")

    fields = FrontPageFields()
    for index in range(title_index, min(len(rows), title_index + _HEADER_LINES)):
        plain = rows[index].plain
        if not plain:
            continue
        if plain.lower() == "contents":
            break
        fields.take(index, plain)
    if fields.start is None:
        raise _fail(document, "has no readable 'Inspection dates' line")
    return _Header(
        **fields.front_page(title, authority),
        inspector=fields.inspector,
        end_index=fields.after or title_index + 1,
    )


def _title(rows: Sequence[Row]) -> tuple[str, str, int] | None:
    """The title as printed, the rest of its line, and its line; a wrapped title is joined."""
    for index, row in enumerate(rows[:200]):
        plain = row.plain
        if not plain.lower().startswith("inspection of safeguarding"):
            continue
        match = _TITLE.match(plain)
        if match is None:
            following = _next_text_line(rows, index, index + 3)
            if following is None:
                continue
            plain = f"{plain} {rows[following].plain}"
            match = _TITLE.match(plain)
            if match is None:
                continue
            index = following
        return common.normalise_space(match.group(0)), plain[match.end() :], index
    return None


# --------------------------------------------------------------------------- sections


@dataclass(frozen=True)
class _Section:
    name: str
    start: int  # the part's heading line
    end: int  # the next part's heading, or the record


def _sections(rows: Sequence[Row], start: int, stop: int) -> list[_Section]:
    """The body's parts, in order, from their headings (the contents page's carry page numbers)."""
    heads: list[tuple[str, int]] = []
    for index in range(start, stop):
        text = rows[index].line.text
        if len(text) > 90 or not text.lstrip(" *#").lower().startswith(_SECTION_FIRST_WORDS):
            continue
        key = label_key(rows[index].plain)
        name = _SECTION_KEYS.get(key)
        if name is None and key in _SECTION_STARTS:
            following = _next_text_line(rows, index, index + 3)
            if following is not None and label_key(rows[following].plain) == "children":
                name = LOOKED_AFTER
        if name is not None:
            heads.append((name, index))
    return [
        _Section(name, index, heads[number + 1][1] if number + 1 < len(heads) else stop)
        for number, (name, index) in enumerate(heads)
    ]


# --------------------------------------------------------------------------- record


@dataclass
class _Entry:
    """A judgement row of the Record of main findings, with the body grade matched to it."""

    section: str
    row: RecordRow
    label: str
    key: str
    grade: str  # as printed; "" = left blank
    body: _BodyGrade | None = None


def _record_entries(rows: Sequence[RecordRow], warnings: list[str]) -> list[_Entry]:
    """Record rows under their part's name; part-name rows dropped, duplicates merged."""
    entries: list[_Entry] = []
    seen: dict[tuple[str, str], _Entry] = {}
    section: str | None = None
    parts: set[str] = set()
    for row in rows:
        key = row.key
        name = _SECTION_KEYS.get(key)
        if name is not None and not row.grade:
            section = name
            parts.add(name)
            continue
        if section is None:
            section = RECORD_SECTION
            warnings.append(
                f"The Record of main findings lists '{row.label}' before naming "
                f"'{SAFEGUARDING}' or '{LOOKED_AFTER}'; its rows are filed under "
                f"'{RECORD_SECTION}'."
            )
        earlier = seen.get((section, key))
        if earlier is not None:
            disagree = row.grade and earlier.grade and _grade(row.grade) != _grade(earlier.grade)
            warnings.append(
                f"{section}: '{earlier.label}' and '{row.label}' are one judgement printed "
                "twice in the Record of main findings; kept once, as first printed"
                + (
                    f" (graded '{earlier.grade}' and '{row.grade}': kept '{earlier.grade}')."
                    if disagree
                    else "."
                )
            )
            if not earlier.grade and row.grade:
                earlier.grade, earlier.row = row.grade, row
            continue
        entry = _Entry(section, row, row.label, key, row.grade)
        entries.append(entry)
        seen[(section, key)] = entry
    for name in (SAFEGUARDING, LOOKED_AFTER):
        if entries and name not in parts:
            warnings.append(f"The Record of main findings has no '{name}' part.")
    return entries


class _Matcher:
    """Finds the record row a body heading restates, within one part."""

    def __init__(self, entries: Sequence[_Entry]) -> None:
        self.by_section: dict[str, list[_Entry]] = {}
        for entry in entries:
            self.by_section.setdefault(entry.section, []).append(entry)
        self.keys = frozenset(entry.key for entry in entries) | _KNOWN_KEYS
        self.has_record = bool(entries)
        # First words of the headings: a cheap test that rules out most lines of prose.
        self.first_words = frozenset(key.split()[0] for key in self.keys if key)

    def may_be_heading(self, text: str) -> bool:
        """A cheap pre-test for :meth:`is_heading` on a raw line."""
        match = _FIRST_WORD.match(text)
        return match is not None and match.group(1).lower() in self.first_words

    def find(self, section: str, key: str) -> _Entry | None:
        candidates = self.by_section.get(section, [])
        for entry in candidates:
            if entry.key == key:
                return entry
        words = key.split()
        if len(words) < _SHARED_WORDS:
            return None
        best: tuple[int, _Entry] | None = None
        for entry in candidates:
            shared = max(
                _shared(words, entry.key.split()), _shared(words[::-1], entry.key.split()[::-1])
            )
            if shared >= _SHARED_WORDS and (best is None or shared > best[0]):
                best = (shared, entry)
        return best[1] if best else None

    def is_heading(self, key: str) -> bool:
        return key in self.keys

    def accepts(self, section: str, key: str) -> bool:
        """Whether a line before a lone grade line is a heading this report grades."""
        return key in _KNOWN_KEYS or self.find(section, key) is not None or not self.has_record


def _shared(a: Sequence[str], b: Sequence[str]) -> int:
    count = 0
    for left, right in zip(a, b, strict=False):
        if left != right:
            break
        count += 1
    return count


# --------------------------------------------------------------------------- body


@dataclass
class _BodyGrade:
    """A grade stated in the body: inline ("Grade 2 (good)") or in an opening sentence."""

    section: str
    label: str
    key: str
    printed: str
    lines: list[Line] = field(default_factory=list)
    sentence: str = ""  # for a grade read from a sentence: that sentence

    @property
    def source_text(self) -> str:
        if self.sentence:
            return self.sentence
        return common.normalise_space(
            " ".join(common.clean_text(_raw(line)) for line in self.lines)
        )

    @property
    def page(self) -> int | None:
        return self.lines[-1].page if self.lines else None


@dataclass
class _Body:
    grades: list[_BodyGrade]
    headings: dict[tuple[str, str], int]  # (section, key) -> line of the heading
    section_ends: dict[int, int]  # heading line -> end of its part


def _body_grades(
    rows: Sequence[Row], sections: Sequence[_Section], matcher: _Matcher, warnings: list[str]
) -> _Body:
    """Every inline grade of the body with the heading it belongs to, and where headings are."""
    body = _Body([], {}, {})
    for section in sections:
        last: tuple[str, int] | None = None  # the last heading of this part without a grade
        for index in range(section.start + 1, section.end):
            row = rows[index]
            line = row.line
            if not line.text.strip():
                continue
            raw = _raw(line)
            match = INLINE_GRADE.search(raw)
            if match is None:
                if len(raw) <= 150 and matcher.may_be_heading(raw):
                    key = label_key(row.plain)
                    if row.cells and matcher.is_heading(key):
                        body.headings.setdefault((section.name, key), index)
                        body.section_ends[index] = section.end
                        last = (row.plain, index)
                continue
            printed = common.clean_text(match.group(0))
            if re.search(r"[A-Za-z]", common.clean_text(raw[match.end() :])):
                continue  # prose quoting a grade ("... was Grade 3 (adequate) in 2008.")
            label, first, same_line = _label_before(
                rows, index, raw[: match.start()], section.start
            )
            if same_line and label is None:
                continue  # prose quoting a grade ("- 12. ... was Grade 3 (adequate)")
            # A heading read from other lines (the previous line, or a wrapped heading's
            # first part) must be one this report grades: a PDF's prose lines look alike.
            if (
                label is not None
                and (not same_line or first != index)
                and not matcher.accepts(section.name, label_key(label))
            ):
                if same_line:
                    continue  # a wrapped line of prose, not a heading
                label = None
            if label is None and last is not None:
                label, first = last  # a grade stranded below its heading's paragraphs
                source = [line]
            elif label is None:
                warnings.append(
                    f"{section.name}: the grade '{printed}' (\"{common.clean_text(raw)}\") "
                    "follows no heading; not kept as a judgement."
                )
                continue
            else:
                source = [
                    rows[position].line
                    for position in range(first, index + 1)
                    if rows[position].line.text.strip()
                ]
            key = label_key(label)
            body.headings.setdefault((section.name, key), first)
            body.section_ends[first] = section.end
            body.grades.append(_BodyGrade(section.name, label, key, printed, source))
            last = None
    return body


def _label_before(
    rows: Sequence[Row], index: int, before: str, floor: int
) -> tuple[str | None, int, bool]:
    """The heading an inline grade belongs to: (label, its first line, on the grade's line).

    The text before the grade on its line, or else the previous line; a heading that
    wrapped (the part starts in lower case) takes in the lines above it; in markdown bold
    ("Outcomes for ...**The effectiveness ... safe. Grade: 2 (Good)**") the bold part is the
    heading. None when that text is a paragraph rather than a heading.
    """
    same_line = bool(common.clean_text(before).strip(" .:-–*"))
    parts = [before]
    first = index
    if not same_line:
        previous = _previous_text_line(rows, index, floor)
        if previous is None:
            return None, index, False
        parts, first = [_raw(rows[previous].line)], previous
    for _ in range(3):
        if not common.clean_text(parts[0]).lstrip(" *")[:1].islower():
            break
        previous = _previous_text_line(rows, first, floor)
        if previous is None:
            break
        parts.insert(0, _raw(rows[previous].line))
        first = previous
    segments = [
        part for part in " ".join(parts).split("**") if common.clean_text(part).strip(" .:-–")
    ]
    if not segments:
        return None, first, same_line
    label = common.clean_text(segments[-1]).strip(" .:-–")
    if (
        not label[:1].isupper()
        or PARAGRAPH_START.match(label)
        or common.BULLET.match(label)
        or len(label) > _MAX_LABEL
    ):
        return None, first, same_line
    return label, first, same_line


def _sentence_grade(rows: Sequence[Row], body: _Body, section: str, key: str) -> _BodyGrade | None:
    """The grade of the opening sentence under a heading: "Leadership and management are good"."""
    heading = body.headings.get((section, key))
    if heading is None:
        return None
    stop = body.section_ends.get(heading, len(rows))
    texts: list[str] = []
    used: list[Line] = []
    position: int | None = heading
    for _ in range(3):
        position = _next_text_line(rows, position, stop) if position is not None else None
        if position is None:
            break
        texts.append(rows[position].plain)
        used.append(rows[position].line)
    if not texts:
        return None
    text = clean_recommendation(" ".join(texts))
    words = r"[\W_]+".join(re.escape(word) for word in key.split())
    # "Leadership and management are good", "Ambition and prioritisation for looked after
    # children are good"; only the present tense (an earlier inspection's grade is "was").
    match = re.match(
        rf"(?:the\s+)?{words}(?:\s+(?:of|for|in)\b[^.]{{0,100}}?)?\s+(?:is|are)\s+"
        r"(?:judged\s+(?:to\s+be\s+)?)?"
        r"(?P<grade>outstanding|good|adequate|inadequate)\b",
        text,
        re.IGNORECASE,
    )
    if match is None:
        return None
    sentence = match.group(0) + "."
    return _BodyGrade(section, match.group(0), key, match["grade"], used[:1], sentence)


# --------------------------------------------------------------------------- reconcile


def _grade(printed: str) -> str | None:
    return read_grade(FRAMEWORK, printed) if printed else None


def _judgement(
    section: str,
    label: str,
    printed: str,
    page: int | None,
    source_text: str,
    warnings: list[str],
) -> ParsedJudgement:
    built = judgement(FRAMEWORK, section, label, printed, page=page, source=source_text)
    if printed and built.grade is None:
        warnings.append(
            f"{section}: {label}: the grade '{printed}' could not be read; kept without a grade."
        )
    return built


def _reconcile(
    entries: Sequence[_Entry],
    body: _Body,
    matcher: _Matcher,
    rows: Sequence[Row],
    warnings: list[str],
) -> list[ParsedJudgement]:
    """One judgement per record row (in the record's order), then body-only grades."""
    extras: list[_BodyGrade] = []
    for statement in body.grades:
        entry = matcher.find(statement.section, statement.key)
        if entry is None:
            extras.append(statement)
        elif entry.body is None:
            entry.body = statement
        elif _grade(entry.body.printed) != _grade(statement.printed):
            warnings.append(
                f"{entry.section}: {entry.label}: the body states two grades, "
                f"'{entry.body.printed}' and '{statement.printed}' (\"{statement.source_text}\")."
            )

    by_section: dict[str, list[ParsedJudgement]] = {}
    for entry in entries:
        judgement = _entry_judgement(entry, body, rows, warnings)
        if judgement is not None:
            by_section.setdefault(entry.section, []).append(judgement)
    for statement in extras:
        warnings.append(
            f"{statement.section}: {statement.label}: graded '{statement.printed}' in the body "
            "but not in the Record of main findings; kept the body's grade."
            if matcher.has_record
            else f"{statement.section}: {statement.label}: graded '{statement.printed}' in "
            "the body (no Record of main findings to check it against)."
        )
        by_section.setdefault(statement.section, []).append(
            _judgement(
                statement.section,
                statement.label,
                statement.printed,
                statement.page,
                statement.source_text,
                warnings,
            )
        )
    return [judgement for judgements in by_section.values() for judgement in judgements]


def _entry_judgement(
    entry: _Entry, body: _Body, rows: Sequence[Row], warnings: list[str]
) -> ParsedJudgement | None:
    """The judgement of one record row, checked against (or completed by) the body."""
    section, label, stated = entry.section, entry.label, entry.body
    if entry.grade:
        judgement = _judgement(
            section, label, entry.grade, entry.row.page, entry.row.source_text, warnings
        )
        if stated is not None and _grade(stated.printed) != judgement.grade:
            warnings.append(
                f"{section}: {label}: the Record of main findings gives '{entry.grade}' but "
                f"the body says '{stated.printed}' (\"{stated.source_text}\"); kept the "
                "record's grade."
            )
        return judgement
    if stated is None:
        if _OUTCOME_HEADING.match(entry.key):
            return None  # a heading over the outcome judgements, not a judgement
        stated = _sentence_grade(rows, body, section, entry.key)
    if stated is None:
        warnings.append(
            f"{section}: {label}: the Record of main findings leaves the grade blank and the "
            "body states none; kept without a grade."
        )
        return _judgement(section, label, "", entry.row.page, entry.row.source_text, warnings)
    warnings.append(
        f"{section}: {label}: the Record of main findings leaves the grade blank; kept the "
        f"body's grade '{stated.printed}' (\"{stated.source_text}\")."
    )
    return _judgement(section, label, stated.printed, stated.page, stated.source_text, warnings)


# --------------------------------------------------------------------------- recommendations


def _heading_test(matcher: _Matcher) -> Callable[[str], bool]:
    def is_heading(plain: str) -> bool:
        if len(plain) > 150:
            return False
        key = label_key(plain)
        return (
            key in _SECTION_KEYS
            or key == "areas for improvement"
            or key.startswith("record of main findings")
            or _OUTCOME_HEADING.match(key) is not None
            or matcher.is_heading(key)
        )

    return is_heading


def _recommendations(
    rows: Sequence[Row],
    sections: Sequence[_Section],
    matcher: _Matcher,
    warnings: list[str],
) -> list[ParsedRecommendation]:
    """The areas for improvement of each part, in order."""
    is_heading = _heading_test(matcher)
    items: list[Item] = []
    for section in sections:
        found = False
        for index in range(section.start + 1, section.end):
            text = rows[index].line.text
            # A cheap test first: most lines are paragraphs, far longer than the heading.
            if len(text) > 40 or label_key(rows[index].plain) != "areas for improvement":
                continue
            found = True
            for item in read_timescale_lists(rows, index + 1, section.end, is_heading):
                item.section = section.name
                items.append(item)
        if not found:
            warnings.append(f"{section.name}: no 'Areas for improvement' found.")
    return recommendations(items, _item_texts)


def _item_texts(item: Item) -> list[str]:
    """An item's recommendations: none for "There are no recommendations ...", two where
    two were printed run together."""
    text = clean_recommendation(item.text)
    if not text or (NO_RECOMMENDATIONS.search(text) and len(text) < 150):
        return []
    return split_run_together(text)


__all__ = ["FRAMEWORK", "LOOKED_AFTER", "SAFEGUARDING", "SPEC", "parse"]
