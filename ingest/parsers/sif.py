"""Parser for single inspection framework (SIF) reports, 2013-2018, and their re-inspections.

A SIF report ("Inspection of services for children in need of help and protection, children
looked after and care leavers", or "Re-inspection of ..." for a re-inspection) reads:

- the authority as printed ("Knowsley Council") on the line above the title; the title, which
  may wrap and, when the report includes the review of the Local Safeguarding Children Board
  (LSCB), continues "and Review of the effectiveness of the local safeguarding children
  board" with a footnote mark ("board1");
- "Inspection date: 29 April – 21 May 2014" and "Report published: 30 June 2014";
- a headline block with no heading of its own: the overall judgement as a sentence
  ("Children's services in Knowsley require improvement to be good"; in 2013-2014 "The
  overall judgement is inadequate"), a numbered table ("1. Children who need help and
  protection\\tInadequate", "2.1 Adoption performance\\tGood", ...) whose labels wrap in a PDF,
  and in combined reports the LSCB's grade as a sentence ("The effectiveness of the Local
  Safeguarding Children Board (LSCB) is inadequate");
- body sections whose headings restate the grades ("Leadership, management and governance
  are inadequate", "The experiences and progress of ...\\tRequires improvement", "The graded
  judgement for adoption performance is that it is good", "The effectiveness of the LSCB is
  inadequate");
- recommendations: a numbered "Recommendations" list (2015 on), or in 2013-2014 "What does
  the local authority need to improve?" with "Priority and immediate action" and "Areas for
  improvement" lists; the LSCB section has its own lists;
- "Information about this inspection" naming the "Lead inspector: ...".

Choices, applied the same way to every report:

- The headline block has no printed heading, so its judgements get the section
  :data:`SUMMARY_SECTION` ("Summary of judgements"). The LSCB judgement belongs to the LSCB
  section: its body heading as printed without "Section 2:" numbering ("The effectiveness of
  the Local Safeguarding Children Board"), or :data:`LSCB_SECTION` when the body has none.
- Table labels drop their numbering ("1.", "2.1"): "Adoption performance".
- Sentence judgements (overall, LSCB) keep the whole sentence as the label, as printed
  without its full stop, and the grade words as ``grade_as_printed``
  ("require improvement to be good").
- A body heading restating a grade is reconciled with the headline judgement of the same
  area: one judgement, the headline's grade kept, a warning when they disagree. A grade
  stated only in the body is kept as a judgement, with a warning.
- Sentences about earlier inspections ("was judged to be inadequate", "which was inadequate
  at the last inspection") are never read: only whole headings in the present tense are.
- Recommendations of "Recommendations" lists: timescale none stated, kind recommendation,
  section "Recommendations". In 2013-2014 reports the section is the list's parent heading
  ("What does the local authority need to improve?"); "Priority and immediate action" items
  are recommendations to act immediately and "Areas for improvement" items are areas for
  improvement with no timescale. LSCB lists take the LSCB section as their section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from inspections.grades import (
    Area,
    Framework,
    InspectionType,
    RecommendationKind,
    Timescale,
    area_for,
    read_grade,
)

from ..document import Document, Line
from .base import ParsedJudgement, ParsedRecommendation, ParsedReport
from .common import (
    APOSTROPHE,
    FOOTNOTE,
    FOUR_WORD_GRADE,
    FOUR_WORD_GRADE_CELL,
    INSPECTION_DATES,
    LEAD_INSPECTOR,
    PAGE_NUMBER,
    PUBLISHED,
    Row,
    Statement,
    clean_person_name,
    columns,
    join_wrapped,
    normalise_space,
    parse_date,
    parse_date_range,
    parse_failure,
    read_grade_or_warn,
    read_statements,
    squash,
)

PARSER_VERSION = "sif-1"

FRAMEWORK = Framework.SIF

SUMMARY_SECTION = "Summary of judgements"
LSCB_SECTION = "Review of the Local Safeguarding Children Board"

_fail = parse_failure("single inspection framework report")

# The end of a grade that wrapped in its cell ("Requires" / "improvement to be good").
_GRADE_TAIL = re.compile(r"improvement(?:\s+to\s+be\s+good)?|(?:to\s+)?be\s+good", re.IGNORECASE)

_TITLE = re.compile(
    r"^(?P<re>re-?\s*inspection|inspection) of services for children", re.IGNORECASE
)
# Where the headline block ends: the first heading of the report proper.
_HEADER_END = re.compile(
    r"^(?:contents|executive summary|summary of key findings|section \d|the local authority$"
    r"|recommendations$|information about this)",
    re.IGNORECASE,
)
_HEADER_MAX_LINES = 80

# A headline table row: "1. Children who need help and protection", "2.1 Adoption performance".
_TABLE_ROW = re.compile(r"^(?:\d\.\d{1,2}\.?|\d\.)\s+(?P<label>\S.*)$")

# Sentence judgements of the headline block. Each must match a whole (possibly wrapped)
# sentence, so that prose mentioning a grade is never read as a judgement.
_OVERALL_SENTENCES = (
    re.compile(
        rf"children{APOSTROPHE}?s services in (?P<name>.+?)(?:\s+(?:are|is))?"
        rf"\s+(?P<grade>{FOUR_WORD_GRADE})\.?",
        re.IGNORECASE,
    ),
    re.compile(rf"the overall judge?ment (?:is\s+)?(?P<grade>{FOUR_WORD_GRADE})\.?", re.IGNORECASE),
)
_LSCB_LABEL = (
    r"(?:the effectiveness of )?the (?:local safeguarding children board|lscb)(?: \(lscb\))?"
)
_LSCB_SENTENCE = re.compile(
    rf"{_LSCB_LABEL}(?:\s+(?:is|are))?\s+(?P<grade>{FOUR_WORD_GRADE})\.?", re.IGNORECASE
)

# Body headings that restate a grade, in the present tense only ("were judged to be" and
# "was that it was" describe an earlier inspection and do not match).
_BODY_LABELS = (
    r"the experiences? and progress of children who need help and protection",
    r"the experiences? and progress of children looked after and achieving permanence",
    r"the graded judge?ments? (?:for|about|on) (?:the )?adoption performance",
    r"the graded judge?ments? (?:for|about|on) the experiences? and progress of care leavers",
    r"leadership,? management and governance",
    _LSCB_LABEL,
)
_BODY_LABEL = re.compile(rf"(?:{'|'.join(_BODY_LABELS)})", re.IGNORECASE)
_BODY_SENTENCE = re.compile(
    rf"(?P<label>{'|'.join(_BODY_LABELS)})"
    rf"(?:\s+(?:is that (?:it|they)(?: is| are)?|is|are))?\s+(?P<grade>{FOUR_WORD_GRADE})\.?",
    re.IGNORECASE,
)
_BODY_STARTS = (
    "the experience",
    "the graded judg",
    "leadership",
    "the effectiveness of the",
    "the local safeguarding children board",
    "the lscb",
)

# The LSCB part of a combined report: "Section 2: The effectiveness of the Local
# Safeguarding Children Board" (which wraps), "Review of the effectiveness of the LSCB".
_LSCB_HEADING_START = re.compile(
    r"^(?:section \d+\s*:?\s*)?(?:review of )?the effectiveness of the (?:local safeguarding|lscb)"
    r"|^(?:section \d+\s*:?\s*)?review of the local safeguarding",
    re.IGNORECASE,
)
_LSCB_HEADING = re.compile(
    r"(?:section \d+\s*:?\s*)?(?:review of (?:the effectiveness of )?|the effectiveness of )"
    r"the (?:local safeguarding children board|lscb)(?: \(lscb\))?",
    re.IGNORECASE,
)
_SECTION_NUMBER = re.compile(r"^section \d+\s*:?\s*", re.IGNORECASE)

# Recommendation lists and the lines inside them.
_LIST_HEADINGS: dict[str, tuple[str, str]] = {
    "recommendations": (Timescale.NONE_STATED, RecommendationKind.RECOMMENDATION),
    "priority and immediate action": (Timescale.IMMEDIATELY, RecommendationKind.RECOMMENDATION),
    "areas for improvement": (Timescale.NONE_STATED, RecommendationKind.AREA_FOR_IMPROVEMENT),
}
_IMPROVE_HEADING = re.compile(r"^what does the local authority need to improve\??$")
_SUB_LISTS = ("priority and immediate action", "areas for improvement")
_ITEM = re.compile(r"^(?P<number>\d{1,3})\.\s*(?P<text>\S.*)$")
# Bullets: "•", pdfminer's "(cid:127)", symbol-font glyphs in the private use area, a dash.
# Not common.BULLET: without its middle dot "·" (taking it would change what SIF lists read).
_BULLET = re.compile(r"^(?:\(cid:\d+\)|[•●▪■◦‣∙\uf000-\uf0ff]|[-–—](?=\s))\s*")
_NO_ITEMS = re.compile(
    r"\b(?:did not (?:find|identify) any|there (?:are|were) no)\b.*\b(?:priority|recommendations?"
    r"|areas? for improvement|immediate action)\b",
    re.IGNORECASE,
)
# Headings that end a recommendation list: prefixes (lower-case, single-spaced) and whole
# headings short enough to begin a sentence of a recommendation.
_KNOWN_HEADINGS = (
    "summary for children",
    "information about this",
    "key strengths and weaknesses",
    "the experiences and progress of",
    "the experience and progress of",
    "leadership, management and governance",
    "what the inspection judg",
    "summary of key findings",
    "the local authority has the following strengths",
    "the graded judg",
    "review of the effectiveness",
    "the effectiveness of the local safeguarding children board",
)
_KNOWN_WHOLE_HEADINGS = frozenset(
    {"contents", "executive summary", "inspection findings", "the local authority"}
)
_SECTION_HEADING = re.compile(r"^section \d+\s*:")

_TERMINAL = (".", "!", "?")


def parse(document: Document) -> ParsedReport:
    """Parse a SIF report (or re-inspection) into a ParsedReport.

    Raises ParseError when the title, the inspection dates or the headline judgements
    cannot be found.
    """
    lines = list(document.lines())
    rows = [Row.of(line) for line in lines]
    header = _header(document, rows)
    report = ParsedReport(
        framework=FRAMEWORK,
        inspection_type=InspectionType.REINSPECTION if header.reinspection else InspectionType.FULL,
        authority_name=header.authority,
        title=header.title,
        start_date=header.start,
        end_date=header.end,
        published_on=header.published,
        lead_inspector="",
        parser_version=PARSER_VERSION,
    )
    if header.published is None:
        report.warnings.append("No 'Report published' date found: publication date left blank.")
    layout = _Layout.build(rows, header.end_index)
    report.lead_inspector = _lead_inspector(rows, header.end_index, report.warnings)

    headline = _headline_judgements(document, rows, header, layout, report.warnings)
    body = read_statements(
        rows,
        header.end_index,
        _BODY_STARTS,
        lambda index: _statement_at(rows, index, _BODY_LABEL, _BODY_SENTENCE),
    )
    report.judgements.extend(_reconcile(headline, body, layout, report.warnings))
    report.recommendations.extend(_recommendations(rows, header.end_index, layout))
    return report


# --------------------------------------------------------------------------- header


@dataclass
class _Header:
    title: str
    reinspection: bool
    authority: str
    start: date | None
    end: date | None
    published: date | None
    body_start: int  # first line after the dates: where the headline block starts
    end_index: int  # first line of the report proper (contents, executive summary...)


def _header(document: Document, rows: Sequence[Row]) -> _Header:
    """Title, authority, dates and where the headline block lies."""
    title_index = next(
        (index for index, row in enumerate(rows[:200]) if row.cells and _TITLE.match(row.key)),
        None,
    )
    if title_index is None:
        raise _fail(document, "has no title naming the inspection of services for children")
    title_parts: list[str] = []
    start = end = published = None
    dates_found = False
    body_start = title_index + 1
    index = title_index
    while index < min(len(rows), title_index + 12):
        row = rows[index]
        index += 1
        if not row.cells:
            continue
        dates = INSPECTION_DATES.match(row.plain)
        if dates:
            dates_found = True
            start, end = parse_date_range(dates["rest"] or _next_text(rows, index))
            body_start = index
            continue
        published_match = PUBLISHED.match(row.plain)
        if published_match:
            published = parse_date(published_match["rest"] or _next_text(rows, index))
            body_start = index
            continue
        if dates_found or published is not None:
            break
        title_parts.append(row.plain)
    if not dates_found or start is None or end is None:
        raise _fail(document, "has no readable 'Inspection date' line")
    title = join_wrapped(title_parts)
    # "... local safeguarding children board1": a footnote mark glued to the last word.
    title = re.sub(r"(?<=[a-z])\d+$", "", title)
    end_index = next(
        (
            number
            for number in range(body_start, min(len(rows), body_start + _HEADER_MAX_LINES))
            if rows[number].cells and _HEADER_END.match(rows[number].key)
        ),
        min(len(rows), body_start + _HEADER_MAX_LINES),
    )
    authority = _authority(rows, title_index) or _authority_from_overall(rows[body_start:end_index])
    if not authority:
        raise _fail(document, "does not name the local authority above its title")
    return _Header(
        title=title,
        reinspection=bool(_TITLE.match(rows[title_index].key)["re"].lower().startswith("re")),
        authority=authority,
        start=start,
        end=end,
        published=published,
        body_start=body_start,
        end_index=end_index,
    )


def _next_text(rows: Sequence[Row], index: int) -> str:
    """The next non-blank line's text (a value printed under its label)."""
    for row in rows[index : index + 3]:
        if row.cells:
            return row.plain
    return ""


def _authority(rows: Sequence[Row], title_index: int) -> str:
    """The authority as printed: the nearest non-blank line above the title."""
    for row in reversed(rows[max(0, title_index - 6) : title_index]):
        if not row.cells:
            continue
        if PAGE_NUMBER.match(row.plain) or len(row.plain) > 80:
            return ""
        return row.plain
    return ""


def _authority_from_overall(rows: Sequence[Row]) -> str:
    """The authority named in "Children's services in X are good" when none is above the title."""
    for row in rows:
        match = _OVERALL_SENTENCES[0].fullmatch(row.plain)
        if match:
            return match["name"]
    return ""


def _lead_inspector(rows: Sequence[Row], start: int, warnings: list[str]) -> str:
    """The lead inspector's name from "Lead inspector: X" (not the deputy lead inspector)."""
    for index in range(start, len(rows)):
        row = rows[index]
        if not row.cells:
            continue
        match = LEAD_INSPECTOR.match(row.plain)
        if match:
            name = clean_person_name(match["name"] or _next_text(rows, index + 1))
            if name:
                return name
    warnings.append("No 'Lead inspector:' line found: lead inspector left blank.")
    return ""


# --------------------------------------------------------------------------- layout


@dataclass
class _Layout:
    """Where the LSCB part starts and which headings the contents page lists."""

    lscb_index: int | None = None
    lscb_section: str = ""
    contents: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, rows: Sequence[Row], start: int) -> _Layout:
        layout = cls()
        contents_at: int | None = None
        index = start
        while index < len(rows):
            row = rows[index]
            index += 1
            if not row.cells:
                continue
            key = row.key
            if contents_at is None and key == "contents":
                contents_at = index
                layout.contents = _contents_entries(rows, index)
                continue
            if (
                layout.lscb_index is None
                and row.plain[:1].isupper()
                and _LSCB_HEADING_START.match(key)
                and not _is_contents(row)
            ):
                heading = row.plain
                # "Section 2: The effectiveness of the Local Safeguarding" / "Children Board".
                if "board" not in key and index < len(rows) and rows[index].cells:
                    heading = join_wrapped([heading, rows[index].plain])
                # Only a whole heading: not prose, not the graded sentence under it.
                if _LSCB_HEADING.fullmatch(heading):
                    layout.lscb_index = row.line.number
                    layout.lscb_section = _SECTION_NUMBER.sub("", heading)
        return layout


def _is_contents(row: Row) -> bool:
    """A contents-page entry: a heading with a page number in its last cell."""
    return len(row.cells) > 1 and row.cells[-1].isdigit()


def _contents_entries(rows: Sequence[Row], start: int) -> set[str]:
    """The headings listed on the contents page, lower-case and single-spaced."""
    entries: list[str] = []
    pending: list[str] = []
    misses = 0
    for row in rows[start : start + 60]:
        if not row.cells or PAGE_NUMBER.match(row.plain):
            continue
        if _is_contents(row):
            entries.append(squash(" ".join([*pending, *row.cells[:-1]])))
            pending = []
            misses = 0
            continue
        misses += 1
        if misses > 2:
            break
        if entries and not pending and row.plain[:1].islower():
            # An entry that wraps after its page number: "... achieving\t11" / "permanence".
            entries[-1] = f"{entries[-1]} {squash(row.plain)}"
        else:
            pending.append(row.plain)  # an entry that wraps before its page number
    return set(entries)


# --------------------------------------------------------------------------- judgements


@dataclass
class _TableRow:
    label_parts: list[str]
    grade_parts: list[str]
    rows: list[Row]

    @property
    def grade(self) -> str:
        return normalise_space(" ".join(self.grade_parts))


def _window(rows: Sequence[Row], start: int, size: int) -> list[Row] | None:
    """``size`` non-blank rows from ``start`` (blank rows skipped), or None past the end."""
    window: list[Row] = []
    index = start
    while len(window) < size and index < len(rows) and index < start + size + 3:
        if rows[index].cells:
            window.append(rows[index])
        index += 1
    return window if len(window) == size else None


def _statement_at(
    rows: Sequence[Row], start: int, label_pattern: re.Pattern[str], sentence: re.Pattern[str]
) -> Statement | None:
    """A graded heading starting at ``start`` and spanning up to three rows, or None.

    The heading must match a whole pattern: either a label column whose grade column holds
    only grade words, or a sentence ending in the grade words.
    """
    for size in (1, 2, 3):
        window = _window(rows, start, size)
        if window is None:
            return None
        label, grade = columns(window)
        if grade:
            if label_pattern.fullmatch(label) and FOUR_WORD_GRADE_CELL.fullmatch(grade):
                return Statement(label, grade.rstrip("."), window)
            continue
        match = sentence.fullmatch(label)
        if match:
            return Statement(label.rstrip(". "), match["grade"], window)
    return None


def _headline_judgements(
    document: Document,
    rows: Sequence[Row],
    header: _Header,
    layout: _Layout,
    warnings: list[str],
) -> list[ParsedJudgement]:
    """The headline block: overall sentence, numbered table, LSCB sentence, in order."""
    judgements: list[ParsedJudgement] = []
    table: list[_TableRow] = []
    current: _TableRow | None = None
    index = header.body_start
    while index < header.end_index:
        row = rows[index]
        if not row.cells:
            current = None  # a blank line ends a table row in text reports
            index += 1
            continue
        first = row.cells[0]
        numbered = _TABLE_ROW.match(first)
        if numbered or (
            len(row.cells) > 1
            and FOUR_WORD_GRADE_CELL.fullmatch(row.cells[-1])
            and not _ends_sentence(first)
        ):
            label_cells = [numbered["label"] if numbered else first, *row.cells[1:-1]]
            if len(row.cells) == 1:
                label_cells, grade_cells = [numbered["label"]], []
            else:
                grade_cells = [row.cells[-1]]
            current = _TableRow(label_cells, grade_cells, [row])
            table.append(current)
            index += 1
            continue
        if current is not None and _continues(current, row):
            index += 1
            continue
        current = None
        statement = _statement_at(rows, index, _LSCB_SENTENCE, _LSCB_SENTENCE)
        if statement is not None:
            judgements.append(_judgement(statement, layout.lscb_section or LSCB_SECTION, warnings))
            index = statement.rows[-1].line.number + 1
            continue
        for pattern in _OVERALL_SENTENCES:
            statement = _statement_at(rows, index, pattern, pattern)
            if statement is not None:
                break
        if statement is not None:
            judgements.append(_judgement(statement, SUMMARY_SECTION, warnings))
            index = statement.rows[-1].line.number + 1
            continue
        index += 1
    for table_row in table:
        label = join_wrapped(table_row.label_parts)
        statement = Statement(label, table_row.grade, table_row.rows)
        judgement = _judgement(statement, SUMMARY_SECTION, warnings)
        if judgement.area == Area.LSCB:
            judgement.section = layout.lscb_section or LSCB_SECTION
        judgements.append(judgement)
    if not any(j.section == SUMMARY_SECTION for j in judgements):
        raise _fail(document, "has no table of judgements under its title")
    # Headline order as printed: overall, the numbered table, then the LSCB.
    order = {Area.OVERALL: 0, Area.LSCB: 2}
    judgements.sort(key=lambda j: order.get(j.area, 1))
    if not any(j.area == Area.OVERALL for j in judgements):
        warnings.append("No overall judgement sentence found above the table of judgements.")
    return judgements


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


def _continues(current: _TableRow, row: Row) -> bool:
    """Add ``row`` to the table row being read if it continues its label or its grade."""
    cells = row.cells
    if len(cells) == 1:
        cell = cells[0]
        grade = current.grade
        if (
            grade
            and _GRADE_TAIL.fullmatch(cell)
            and FOUR_WORD_GRADE_CELL.fullmatch(f"{grade} {cell}")
        ):
            current.grade_parts.append(cell)  # a grade that wraps: "Requires" / "improvement"
        elif cell[:1].islower():
            current.label_parts.append(cell)  # a label that wraps: "protection"
        elif not grade and FOUR_WORD_GRADE_CELL.fullmatch(cell):
            current.grade_parts.append(cell)  # a grade that landed on the next row
        else:
            return False
        current.rows.append(row)
        return True
    if cells[0][:1].islower():
        current.label_parts.extend(cells[:-1])
        current.grade_parts.append(cells[-1])
        current.rows.append(row)
        return True
    return False


def _judgement(statement: Statement, section: str, warnings: list[str]) -> ParsedJudgement:
    label = re.sub(r"^\d(?:\.\d{1,2})?\.?\s+", "", statement.label)
    printed = statement.grade
    grade = read_grade_or_warn(FRAMEWORK, label, printed, warnings)
    first = statement.rows[0].line
    return ParsedJudgement(
        section=section,
        label=label,
        grade_as_printed=printed,
        grade=grade,
        area=area_for(FRAMEWORK, section, label),
        page=first.page,
        source_text=normalise_space(" ".join(row.plain for row in statement.rows)),
    )


def _reconcile(
    headline: list[ParsedJudgement],
    body: Sequence[Statement],
    layout: _Layout,
    warnings: list[str],
) -> list[ParsedJudgement]:
    """One judgement per area: the headline's, checked against the body's headings."""
    judgements = list(headline)
    by_area: dict[str, ParsedJudgement] = {}
    for judgement in judgements:
        by_area.setdefault(judgement.area, judgement)
    for statement in body:
        area = area_for(FRAMEWORK, "", statement.label)
        grade = read_grade(FRAMEWORK, statement.grade)
        source = normalise_space(" ".join(row.plain for row in statement.rows))
        known = by_area.get(area)
        if known is None:
            section = (
                (layout.lscb_section or LSCB_SECTION) if area == Area.LSCB else statement.label
            )
            judgement = _judgement(statement, section, warnings)
            warnings.append(
                f"{statement.label}: graded '{statement.grade}' in the body but not in the "
                "table of judgements; kept the body's grade."
            )
            judgements.append(judgement)
            by_area[area] = judgement
            continue
        if grade != known.grade:
            warnings.append(
                f"{known.label}: the table of judgements gives '{known.grade_as_printed}' but "
                f"the body says '{statement.grade}' (\"{source}\"); kept the table's grade."
            )
    return judgements


# --------------------------------------------------------------------------- recommendations


@dataclass
class _Item:
    section: str
    timescale: str
    kind: str
    number: int | None
    parts: list[str]
    line: Line

    @property
    def text(self) -> str:
        return join_wrapped(self.parts)


@dataclass
class _List:
    section: str
    timescale: str
    kind: str


def _recommendations(
    rows: Sequence[Row], start: int, layout: _Layout
) -> list[ParsedRecommendation]:
    """Every item of the recommendation lists, in order."""
    items: list[_Item] = []
    current: _List | None = None
    parent: str | None = None  # "What does the local authority need to improve?"
    skip_page: int | None = None
    for index in range(start, len(rows)):
        row = rows[index]
        if not row.cells:
            continue
        line = row.line
        in_lscb = layout.lscb_index is not None and line.number >= layout.lscb_index
        if layout.lscb_index is not None and line.number == layout.lscb_index:
            current, parent = None, None  # the LSCB part starts
            continue
        key = row.key.rstrip(" :")
        if _IMPROVE_HEADING.match(key) and not in_lscb:
            parent = row.plain
            current = _List(parent, Timescale.NONE_STATED, RecommendationKind.RECOMMENDATION)
            continue
        if key in _LIST_HEADINGS and (key == "recommendations" or parent or in_lscb):
            timescale, kind = _LIST_HEADINGS[key]
            if in_lscb:
                section = layout.lscb_section or LSCB_SECTION
            elif key in _SUB_LISTS and parent:
                section = parent
            else:
                section = row.plain.rstrip(" :")
            current = _List(section, timescale, kind)
            continue
        if current is None:
            continue
        if skip_page is not None and line.page == skip_page:
            continue
        plain = row.plain
        if PAGE_NUMBER.match(plain):
            continue
        if line.page is not None and FOOTNOTE.match(plain) and not _ITEM.match(plain):
            skip_page = line.page  # footnotes sit at the foot of the page
            continue
        if _NO_ITEMS.search(plain) and _ends_sentence(plain):
            continue  # "The inspection did not find any areas for priority and immediate action."
        last = items[-1] if items and items[-1].section == current.section else None
        finished = last is None or _ends_sentence(last.text)
        if finished and _is_heading(row, _next_row(rows, index + 1), layout):
            current, parent = None, None
            continue
        numbered = _ITEM.match(plain)
        if numbered and (
            last is None or last.number is None or int(numbered["number"]) > last.number
        ):
            number = int(numbered["number"])
            items.append(
                _Item(
                    current.section,
                    current.timescale,
                    current.kind,
                    number,
                    [numbered["text"]],
                    line,
                )
            )
            continue
        bullet = _BULLET.match(plain)
        same_list = last is not None and (last.kind, last.timescale) == (
            current.kind,
            current.timescale,
        )
        if bullet or not same_list:
            text = plain[bullet.end() :] if bullet else plain
            if not bullet and text.endswith(":"):
                continue  # an introduction: "The local authority should:"
            items.append(
                _Item(current.section, current.timescale, current.kind, None, [text], line)
            )
            continue
        last.parts.append(plain)  # a wrapped line of the item
    return [
        ParsedRecommendation(
            section=item.section,
            timescale=item.timescale,
            kind=item.kind,
            text=text,
            page=item.line.page,
        )
        for item in items
        for text in _split_run_together(item)
        if text
    ]


def _next_row(rows: Sequence[Row], index: int) -> Row | None:
    for row in rows[index : index + 4]:
        if row.cells and not PAGE_NUMBER.match(row.plain):
            return row
    return None


def _is_heading(row: Row, following: Row | None, layout: _Layout) -> bool:
    """Whether ``row``, after a finished item, is a heading that ends a recommendation list."""
    plain = row.plain
    if not plain[:1].isupper() or _ITEM.match(plain):
        return False
    key = row.key
    bare = key.rstrip(" :?")
    if (
        key.startswith(_KNOWN_HEADINGS)
        or bare in _KNOWN_WHOLE_HEADINGS
        or bare in layout.contents
        or _SECTION_HEADING.match(key)
    ):
        return True
    # A short line without closing punctuation, not continued in lower case on the next
    # line: a heading the parser does not know by name.
    return (
        len(plain) <= 60
        and not plain.endswith((*_TERMINAL, ",", ";", ":", ")"))
        and not (following is not None and following.plain[:1].islower())
    )


def _split_run_together(item: _Item) -> list[str]:
    """An item's text, split where the next numbered item runs on in the same line."""
    text = item.text
    if item.number is None:
        return [text]
    texts: list[str] = []
    expected = item.number + 1
    while True:
        match = re.search(rf"(?<=[.;!?])\s+{expected}\.\s+(?=[A-Z‘'\"“])", text)
        if not match:
            break
        texts.append(text[: match.start()].strip())
        text = text[match.end() :]
        expected += 1
    texts.append(text.strip())
    return texts
