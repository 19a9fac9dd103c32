"""Parser for single inspection framework (SIF) reports, 2013-2018, and their re-inspections.

A SIF report ("Inspection of services for children in need of help and protection, children
looked after and care leavers", or "Re-inspection of ..." for a re-inspection) reads:

- the authority as printed ("Knowsley Council") in the block above the title, which may wrap
  ("London Borough of Barking and" / "Dagenham"); the title, which may wrap and, when the
  report includes the review of the Local Safeguarding Children Board (LSCB), continues "and
  Review of the effectiveness of the local safeguarding children board" with a footnote mark
  ("board1");
- "Inspection date: 29 April – 21 May 2014" (also "12/09/2016 to 06/10/2016", or two spells
  that wrap: "19 November-11 December 2013 and 28 – 30" / "January 2014") and "Report
  published: 30 June 2014" (early 2014 reports print none);
- a headline block with no heading of its own: the overall judgement as a sentence
  ("Children's services in Knowsley require improvement to be good"; in 2013-2015 "The
  overall judgement is inadequate" or "The overall judgement is that children's services
  require" / "improvement.2", which wraps and carries a footnote mark), a numbered table
  ("1. Children who need help and protection\\tInadequate", "2.1 Adoption performance\\tGood",
  ...) whose labels wrap and whose grades wrap inside their cells: a PDF centres a wrapped
  grade on its label, so "Requires" can print above the label's row and "improvement" on it
  or below it; and in combined reports the LSCB's grade as a sentence ("The effectiveness
  of the Local Safeguarding Children Board (LSCB) is inadequate");
- body sections whose headings restate the grades ("Leadership, management and governance
  are inadequate", "The experiences and progress of ...\\tRequires improvement", "The graded
  judgement for adoption performance is that it is good", "The effectiveness of the LSCB is
  inadequate"); from 2015 the LSCB part opens "The Local Safeguarding Children Board (LSCB)"
  / "The Local Safeguarding Children Board is good" and the headline block has no LSCB grade;
- recommendations: a numbered "Recommendations" list (2015 on), or in 2013-2015 "What does
  the local authority need to improve?" with "Priority and immediate action" and "Areas for
  improvement" lists, often under thematic sub-headings ("Outcomes for care leavers"); the
  LSCB part has its own lists ("Recommendations", "What does the LSCB need to improve?",
  "Priority actions"); lists run over page breaks and their numbering continues the body's
  paragraph numbers;
- "Information about this inspection" naming the "Lead inspector: ...".

Choices, applied the same way to every report:

- The headline block has no printed heading, so its judgements get the section
  :data:`SUMMARY_SECTION` ("Summary of judgements"). The LSCB judgement belongs to the LSCB
  section: its body heading as printed without "Section 2:" numbering ("The effectiveness of
  the Local Safeguarding Children Board", "The Local Safeguarding Children Board (LSCB)"), or
  :data:`LSCB_SECTION` when the body has none.
- Table labels drop their numbering ("1.", "2.1"): "Adoption performance". The table's grade
  words are read in the order printed and paired with its rows only when they make exactly
  one whole grade per row; otherwise each row keeps what is printed beside it, and a grade
  that cannot be read is None with a warning. "Not judged" is kept as printed, with no grade.
- Sentence judgements (overall, LSCB) keep the whole sentence as the label, as printed
  without its full stop or footnote mark, and the grade words as ``grade_as_printed``
  ("require improvement to be good").
- A body heading restating a grade is reconciled with the headline judgement of the same
  area: one judgement, the headline's grade kept, a warning when they disagree. A grade
  stated only in the body is kept as a judgement, with a warning, except the LSCB's grade
  stated at the head of the LSCB part, which is where the 2015-2018 layout states it.
- Sentences about earlier inspections ("was judged to be inadequate", "which was inadequate
  at the last inspection") are never read: only whole headings in the present tense are.
- Recommendations of "Recommendations" lists: timescale none stated, kind recommendation,
  section "Recommendations". In 2013-2015 reports the section is the lists' parent heading
  ("What does the local authority need to improve?"), or the list's own heading where no
  parent is printed; "Priority and immediate action" (and "Priority actions") items are
  recommendations to act immediately and "Areas for improvement" items are areas for
  improvement with no timescale. Every list in the LSCB part takes the LSCB section.
  Thematic sub-headings inside a list are skipped, as are page numbers and footnotes; an
  introduction before the first numbered item is not an item; bullets under a numbered item
  ("... by:") belong to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from vocabulary import Area, Framework, InspectionType, RecommendationKind, Timescale, area_for

from ..document import Document, Line
from . import common
from .base import ParsedJudgement, ParsedRecommendation, ParsedReport, ParserSpec
from .common import FrontPage, Row
from .judgements import (
    FOUR_WORD_GRADE,
    FOUR_WORD_GRADE_CELL,
    SUMMARY_SECTION,
    Statement,
    columns,
    judgement,
    read_statements,
    reconcile,
    ungraded_warning,
)
from .lists import CLOSING, Item, ListRows, ends_sentence, looks_like_heading, recommendations

FRAMEWORK = Framework.SIF
SPEC = ParserSpec(
    version="sif-2",
    kinds=(FRAMEWORK,),
    titles=(
        r"inspection of services for children in need of help and protection,? "
        r"children looked after and care leavers",
    ),
)
_fail = common.parse_failure("single inspection framework report")

LSCB_SECTION = "Review of the Local Safeguarding Children Board"

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
_AUTHORITY_MAX_LINES = 3

# Dashes some covers print between dates ("20 June 2017 ─ 13 July 2017"); common's date
# patterns know "-", "–" and "—".
_ODD_DASHES = str.maketrans(dict.fromkeys("─‒―−", "–"))
_ENDS_WITH_YEAR = re.compile(r"(?:\d{4}|\d{1,2}/\d{1,2}/\d{4})\.?$")
# "Lead inspector: X" and "Lead inspector on site: X" (not "Deputy lead inspector: Y", nor
# "the lead inspector attended ..." in prose: the colon is required).
_LEAD_INSPECTOR = re.compile(r"^lead\s+inspector(?:\s+on\s+site)?\s*:\s*(?P<name>.*)$", re.I)
# "Marie McGuinness Senior HMI": clean_person_name takes "HMI" off and leaves "Senior".
_SENIOR_HMI = re.compile(r"\bsenior\s+hmi\b", re.IGNORECASE)
_SENIOR = re.compile(r",?\s+senior$", re.IGNORECASE)

# --------------------------------------------------------------------------- headline patterns

# A headline table row: "1. Children who need help and protection", "2.1 Adoption performance".
_TABLE_ROW = re.compile(r"^(?:\d\.\d{1,2}\.?|\d\.)\s+(?P<label>\S.*)$")
_TABLE_NUMBER = re.compile(r"\d\.\d{1,2}\.?|\d\.")  # the number alone in its own cell
# The words a grade cell can hold, whole or as the part of a wrapped grade on one line
# ("Requires", "improvement to be", "good"), and "Not judged".
_GRADE_WORD = r"(?:requires?|improvement|to|be|good|inadequate|outstanding|not|judged)"
_GRADE_FRAGMENT = re.compile(rf"{_GRADE_WORD}(?:\s+{_GRADE_WORD})*\.?", re.IGNORECASE)
_NOT_JUDGED = r"not\s+judged"
# One whole grade in a run of grade words, read from the front.
_GRADE_TOKEN = re.compile(rf"\s*(?P<grade>{FOUR_WORD_GRADE}|{_NOT_JUDGED})\.?", re.IGNORECASE)
_NOT_JUDGED_CELL = re.compile(rf"{_NOT_JUDGED}\.?", re.IGNORECASE)
# A whole grade printed at the end of a one-cell table row, where the PDF gave no tab:
# "3. Leadership, management and governance Requires improvement".
_TRAILING_GRADE = re.compile(
    rf"^(?P<label>.*?\S)\s+(?P<grade>(?:{FOUR_WORD_GRADE}|{_NOT_JUDGED}))\.?$", re.IGNORECASE
)

# The end of a headline sentence: its full stop and a footnote mark ("improvement.2").
_SENTENCE_END = r"\.?\d?"
_FOOTNOTE_MARK = re.compile(r"(?<=[a-z.])\d$")
# An authority's name inside "Children's services in X are good": no grade verb in it.
_NAME = r"(?:(?!\b(?:are|is|require|requires)\b).)+?"

# Sentence judgements of the headline block. Each must match a whole (possibly wrapped)
# sentence, so that prose mentioning a grade is never read as a judgement.
_OVERALL_SENTENCES = (
    re.compile(
        rf"children{common.APOSTROPHE}?s services? in (?P<name>{_NAME})(?:\s+(?:are|is))?"
        rf"\s+(?P<grade>{FOUR_WORD_GRADE}){_SENTENCE_END}",
        re.IGNORECASE,
    ),
    # "Children's services require improvement to be good", naming no authority.
    re.compile(
        rf"children{common.APOSTROPHE}?s services?(?:\s+(?:are|is))?\s+(?P<grade>{FOUR_WORD_GRADE})"
        rf"{_SENTENCE_END}",
        re.IGNORECASE,
    ),
    # 2013-2015: "The overall judgement is inadequate", "The overall judgement is that
    # children's services require improvement", "... that children's services are good".
    re.compile(
        rf"the overall judge?ment (?:is\s+)?(?:that children{common.APOSTROPHE}?s services?"
        rf"(?:\s+(?:are|is))?\s+)?(?P<grade>{FOUR_WORD_GRADE}){_SENTENCE_END}",
        re.IGNORECASE,
    ),
)
# Somerset 2015 prints "The Local Safeguarding Children is inadequate" (sic).
_LSCB_LABEL = (
    r"(?:the judge?ment (?:for|on|about) )?(?:the effectiveness of )?"
    r"the (?:local safeguarding children(?: board)?|lscb)(?: \(lscb\))?"
)
_LSCB_SENTENCE = re.compile(
    rf"{_LSCB_LABEL}(?:\s+(?:is|are))?\s+(?P<grade>{FOUR_WORD_GRADE}){_SENTENCE_END}",
    re.IGNORECASE,
)

# Body headings that restate a grade, in the present tense only ("were judged to be" and
# "was that it was" describe an earlier inspection and do not match).
_BODY_LABELS = (
    r"the experiences? and progress of children who need help and protection",
    r"the experiences? and progress of children looked after and achieving permanence",
    r"the graded judge?ments? (?:for|about|on) (?:the )?adoption(?: performance)?",
    r"adoption performance",
    r"the graded judge?ments? (?:for|about|on) (?:the experiences? and progress of )?care leavers",
    r"(?:the )?experiences? and progress of care leavers",
    r"leadership,? management and governance",
    _LSCB_LABEL,
)
_BODY_LABEL = re.compile(rf"(?:{'|'.join(_BODY_LABELS)})", re.IGNORECASE)
_BODY_SENTENCE = re.compile(
    rf"(?P<label>{'|'.join(_BODY_LABELS)})"
    rf"(?:\s+(?:is that (?:it|they)?(?: ?is| ?are)?|is|are))?\s+(?P<grade>{FOUR_WORD_GRADE})\.?",
    re.IGNORECASE,
)
_BODY_STARTS = (
    "adoption performance",
    "experience",
    "the experience",
    "the graded judg",
    "leadership",
    "the effectiveness of the",
    "the local safeguarding children",
    "the lscb",
)

# The number some reports print before the LSCB part's heading: "Section 2: ".
_SECTION = r"section \d+\s*:?\s*"
_SECTION_NUMBER = re.compile(rf"^{_SECTION}", re.IGNORECASE)
# The LSCB part of a combined report: "Section 2: The effectiveness of the Local
# Safeguarding Children Board" (which wraps), "Review of the effectiveness of the LSCB",
# and from 2015 "The Local Safeguarding Children Board (LSCB)".
_LSCB_HEADING_START = re.compile(
    rf"^(?:{_SECTION})?(?:(?:review|inspection) of )?the effectiveness (?:of )?(?:the )?"
    r"(?:local safeguarding|lscb)"
    rf"|^(?:{_SECTION})?review of the local safeguarding"
    r"|^(?:the )?local safeguarding children board",
    re.IGNORECASE,
)
_LSCB_HEADING = re.compile(
    rf"(?:{_SECTION})?(?:(?:review|inspection) of (?:the effectiveness of )?"
    r"|the effectiveness (?:of )?)?(?:the )?(?:local safeguarding children board|lscb)"
    r"(?: \(lscb\))?",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- list patterns

# Recommendation lists and the lines inside them. The four wordings of the priority list
# all mean recommendations to act on at once.
_PRIORITY_HEADINGS = (
    "priority and immediate action",
    "priority and immediate actions",
    "priority actions",
    "areas for priority action",
)
_LIST_HEADINGS: dict[str, tuple[str, str]] = {
    "recommendations": (Timescale.NONE_STATED, RecommendationKind.RECOMMENDATION),
    **dict.fromkeys(_PRIORITY_HEADINGS, (Timescale.IMMEDIATELY, RecommendationKind.RECOMMENDATION)),
    "areas for improvement": (Timescale.NONE_STATED, RecommendationKind.AREA_FOR_IMPROVEMENT),
}
_IMPROVE_HEADING = re.compile(r"^what does the (?:local authority|lscb|board) need to improve\??$")
_ITEM = re.compile(r"^(?P<number>\d{1,3})\.\s*(?P<text>\S.*)$")
# Bullets: "•", pdfminer's "(cid:127)", symbol-font glyphs in the private use area, a dash.
# Not common.BULLET: without its middle dot "·" (taking it would change what SIF lists read).
_BULLET = re.compile(r"^(?:\(cid:\d+\)|[•●▪■◦‣∙\uf000-\uf0ff]|[-–—](?=\s))\s*")
# "The inspection did not find any areas for priority and immediate action", "16. There are
# no areas of priority action": a list printed over nothing.
_NO_ITEMS = re.compile(
    r"^(?:\d{1,3}\.\s*)?(?:the inspection (?:did not (?:find|identify) any)|there (?:are|were) no)"
    r"\b.*\b(?:priority|recommendations?|areas? for improvement|immediate action)",
    re.IGNORECASE,
)
# Headings that always end a recommendation list, even after an item that does not end in
# a full stop ("... (paragraph 85)"): prefixes (lower-case, single-spaced) and whole headings.
# None of them is ever a thematic sub-heading inside a list.
_ENDING_HEADINGS = (
    "summary for children",
    "information about this",
    "the local authority's strengths",
    "the local authority has the following strengths",
    "the lscb's strengths",
    "progress since the last inspection",
    "inspection findings",
    "inspection judgements about",
    "inspection judgement about",
    "inspection judgments about",
    "key strengths and weaknesses",
    "what the inspection judg",
    "what the lscb inspection judg",
    "summary of key findings",
    "summary of findings",
    "executive summary",
    "the experiences and progress of",
    "the experience and progress of",
    "the graded judg",
    "review of the effectiveness",
    "the effectiveness of the local safeguarding children board",
)
_ENDING_WHOLE_HEADINGS = frozenset(
    {"contents", "the local authority", "the lscb", "the local safeguarding children board"}
)
_SECTION_HEADING = re.compile(r"^section \d+\s*:")
_HEADING_MAX = 100  # longer lines are prose, not headings


def parse(document: Document) -> ParsedReport:
    """Parse a SIF report (or re-inspection) into a ParsedReport.

    Raises ParseError when the title, the inspection dates or the headline judgements
    cannot be found.
    """
    lines = list(document.lines())
    rows = [Row.of(line) for line in lines]
    header = _header(document, rows)
    report = header.report(
        FRAMEWORK,
        InspectionType.REINSPECTION if header.reinspection else InspectionType.FULL,
        SPEC.version,
    )
    if header.published is None:
        report.warnings.append(
            "No 'Report published' date found in the report: the date comes from Ofsted's "
            "listing where one is given, else it is left blank."
        )
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
class _Header(FrontPage):
    reinspection: bool
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
        dates = common.INSPECTION_DATES.match(row.plain)
        if dates:
            dates_found = True
            text, index = common.field_value(rows, index, dates["rest"])
            text, index = _wrapped_dates(rows, index, text)
            start, end = _date_span(text)
            body_start = index
            continue
        published_match = common.PUBLISHED.match(row.plain)
        if published_match:
            text, index = common.field_value(rows, index, published_match["rest"])
            published = common.parse_date(text)
            body_start = index
            continue
        if dates_found or published is not None:
            break
        title_parts.append(row.plain)
    if not dates_found or start is None or end is None:
        raise _fail(document, "has no readable 'Inspection date' line")
    title = common.join_wrapped(title_parts)
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


def _wrapped_dates(rows: Sequence[Row], index: int, text: str) -> tuple[str, int]:
    """Dates that wrap: "19 November-11 December 2013 and 28 – 30" / "January 2014"."""
    text = text.translate(_ODD_DASHES)
    if not text or _ENDS_WITH_YEAR.search(text):
        return text, index
    for number in range(index, min(len(rows), index + 3)):
        row = rows[number]
        if not row.cells:
            continue
        following = row.plain.translate(_ODD_DASHES)
        if (
            len(following) <= 40
            and not common.PUBLISHED.match(following)
            and _ENDS_WITH_YEAR.search(following)
        ):
            return f"{text} {following}", number + 1
        break
    return text, index


def _date_span(text: str) -> tuple[date | None, date | None]:
    """The first and last day of the inspection: two spells joined by "and" give the start
    of the first and the end of the last."""
    pieces = re.split(r"\s+and\s+", text)
    if len(pieces) > 1:
        spans = [common.parse_date_range(piece) for piece in pieces]
        # A spell that runs backwards is not hidden inside the whole: read as one phrase.
        if all(start and end and start <= end for start, end in spans):
            return min(start for start, _ in spans), max(end for _, end in spans)
    return common.parse_date_range(text)


def _authority(rows: Sequence[Row], title_index: int) -> str:
    """The authority as printed: the block of lines just above the title, which may wrap
    ("London Borough of Barking and" / "Dagenham")."""
    parts: list[str] = []
    title_page = rows[title_index].line.page
    for row in reversed(rows[max(0, title_index - 6) : title_index]):
        if not row.cells:
            if parts:
                break  # a blank line above the name: text reports
            continue
        if (
            row.line.page != title_page
            or common.PAGE_NUMBER.match(row.plain)
            or len(row.plain) > 80
            or ends_sentence(row.plain)
        ):
            break
        parts.append(row.plain)
        if len(parts) == _AUTHORITY_MAX_LINES:
            break
    return common.join_wrapped(reversed(parts))


def _authority_from_overall(rows: Sequence[Row]) -> str:
    """The authority named in "Children's services in X are good" when none is above the title."""
    for row in rows:
        match = _OVERALL_SENTENCES[0].fullmatch(row.plain)
        if match:
            return match["name"]
    return ""


def _lead_inspector(rows: Sequence[Row], start: int, warnings: list[str]) -> str:
    """The lead inspector's name from "Lead inspector: X" (not the deputy lead inspector)."""
    for raw in common.labelled_values(rows, _LEAD_INSPECTOR, start):
        name = common.clean_person_name(raw)
        if _SENIOR_HMI.search(raw):
            name = _SENIOR.sub("", name)
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
    running: set[str] = field(default_factory=set)  # running headers and footers

    @classmethod
    def build(cls, rows: Sequence[Row], start: int) -> _Layout:
        layout = cls(running=_running_lines(rows))
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
                following = common.next_row(rows, index, within=6, skip_page_numbers=True)
                if (
                    "board" not in key
                    and "lscb" not in key
                    and following is not None
                    and following.line.page == row.line.page
                ):
                    heading = common.join_wrapped([heading, following.plain])
                # Only a whole heading: not prose, not the graded sentence under it.
                if _LSCB_HEADING.fullmatch(heading):
                    layout.lscb_index = row.line.number
                    layout.lscb_section = _SECTION_NUMBER.sub("", heading)
        return layout


def _furniture_key(row: Row) -> str:
    """A line as running headers repeat it: without its page number."""
    return re.sub(r"\s*\d+\s*", " ", row.key).strip()


def _running_lines(rows: Sequence[Row]) -> set[str]:
    """Running headers and footers: the first or last line of three pages or more, page
    numbers aside, printed with a page number ("Inspection of the effectiveness of the local
    safeguarding children board: Hull 3")."""
    edges: dict[int | None, list[Row]] = {}
    for row in rows:
        if row.cells and not common.PAGE_NUMBER.match(row.plain):
            edges.setdefault(row.line.page, []).append(row)
    if None in edges:
        return set()  # a text report: no pages
    counts: dict[str, int] = {}
    for page_rows in edges.values():
        for row in {page_rows[0], page_rows[-1]}:
            key = _furniture_key(row)
            if key != row.key:  # with its page number: not a heading that opens pages
                counts[key] = counts.get(key, 0) + 1
    return {key for key, count in counts.items() if count >= 3 and len(key) > 3}


def _is_contents(row: Row) -> bool:
    """A contents-page entry: a heading with a page number in its last cell, or at the end
    of its only cell ("What does the local authority need to improve? 4")."""
    if len(row.cells) > 1:
        return row.cells[-1].isdigit()
    return bool(re.search(r"[a-z?)]\s+\d{1,3}$", row.plain))


def _contents_entries(rows: Sequence[Row], start: int) -> set[str]:
    """The headings listed on the contents page, lower-case and single-spaced."""
    entries: list[str] = []
    pending: list[str] = []
    misses = 0
    for row in rows[start : start + 60]:
        if not row.cells or common.PAGE_NUMBER.match(row.plain):
            continue
        if _is_contents(row):
            cells = row.cells[:-1] if len(row.cells) > 1 else [row.plain.rsplit(" ", 1)[0]]
            entries.append(common.squash(" ".join([*pending, *cells])))
            pending = []
            misses = 0
            continue
        misses += 1
        if misses > 2:
            break
        if entries and not pending and row.plain[:1].islower():
            # An entry that wraps after its page number: "... achieving\t11" / "permanence".
            entries[-1] = f"{entries[-1]} {common.squash(row.plain)}"
        else:
            pending.append(row.plain)  # an entry that wraps before its page number
    return set(entries)


# --------------------------------------------------------------------------- judgements


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
    only grade words, or a sentence ending in the grade words. The longest match wins, so
    that a grade wrapping onto the next line ("requires improvement" / "to be good") is
    read whole.
    """
    found: Statement | None = None
    for size in (1, 2, 3):
        window = _window(rows, start, size)
        if window is None:
            break
        label, grade = columns(window)
        if grade:
            if label_pattern.fullmatch(label) and FOUR_WORD_GRADE_CELL.fullmatch(grade):
                found = Statement(label, grade.rstrip("."), window)
            continue
        match = sentence.fullmatch(label)
        if match:
            label = _FOOTNOTE_MARK.sub("", label)
            found = Statement(label.rstrip(". "), match["grade"], window)
    return found


@dataclass
class _TableRow:
    label_parts: list[str]
    grade_parts: list[str]  # grade words beside the label, and those above or below it
    rows: list[Row]
    inline: list[str] = field(default_factory=list)  # grade words beside the label only


@dataclass
class _Table:
    rows: list[_TableRow] = field(default_factory=list)
    grade_words: list[str] = field(default_factory=list)  # every grade word, in print order
    loose: bool = False  # grade words printed on lines of their own


def _is_fragment(text: str) -> bool:
    return bool(_GRADE_FRAGMENT.fullmatch(text))


def _is_table_start(rows: Sequence[Row], index: int, end: int) -> bool:
    """Whether a table row starts at ``index``: a numbered row, or grade words printed
    above the first numbered row ("Requires" / "1. Children who need ...\\timprovement")."""
    row = rows[index]
    if _numbered(row) is not None:
        return True
    if not all(_is_fragment(cell) for cell in row.cells):
        return False
    for number in range(index + 1, min(end, index + 4)):
        following = rows[number]
        if not following.cells:
            continue
        if _numbered(following) is not None:
            return True
        if not all(_is_fragment(cell) for cell in following.cells):
            return False
    return False


def _numbered(row: Row) -> list[str] | None:
    """The cells of a numbered table row with the number dropped, or None."""
    cells = list(row.cells)
    if len(cells) > 1 and _TABLE_NUMBER.fullmatch(cells[0]):
        cells = [f"{cells[0]} {cells[1]}", *cells[2:]]
    match = _TABLE_ROW.match(cells[0])
    if match is None:
        return None
    return [match["label"], *cells[1:]]


def _read_table(rows: Sequence[Row], index: int, end: int) -> tuple[_Table, int]:
    """The headline table from ``rows[index]``, and the index after it."""
    table = _Table()
    pending: list[Row] = []  # grade words printed above the next row's label
    while index < end:
        row = rows[index]
        if not row.cells:
            index += 1
            continue
        cells = _numbered(row)
        if cells is not None:
            grade_parts: list[str] = []
            if len(cells) > 1:
                grade_parts.append(cells[-1])  # the grade cell, whatever it holds
                cells = cells[:-1]
            elif len(cells) == 1:
                trailing = _TRAILING_GRADE.match(cells[0])
                if trailing and not _is_fragment(trailing["label"]):
                    cells = [trailing["label"]]
                    grade_parts.append(trailing["grade"])
            table.grade_words.extend(grade_parts)
            above = [cell for pending_row in pending for cell in pending_row.cells]
            table.rows.append(
                _TableRow(cells, [*above, *grade_parts], [*pending, row], list(grade_parts))
            )
            pending = []
            index += 1
            continue
        if all(_is_fragment(cell) for cell in row.cells):
            # Grade words alone: the end of the last row's grade, or the start of the next's.
            table.grade_words.extend(row.cells)
            table.loose = True
            last = table.rows[-1] if table.rows else None
            if last is not None and not _GRADE_TOKEN.fullmatch(" ".join(last.grade_parts)):
                last.grade_parts.extend(row.cells)
                last.rows.append(row)
            else:
                pending.append(row)
            index += 1
            continue
        if table.rows and row.cells[0][:1].islower():
            # A label that wraps ("permanence"), perhaps beside the end of its grade.
            last = table.rows[-1]
            if len(row.cells) > 1 and _is_fragment(row.cells[-1]):
                last.label_parts.extend(row.cells[:-1])
                last.grade_parts.append(row.cells[-1])
                last.inline.append(row.cells[-1])
                table.grade_words.append(row.cells[-1])
            else:
                last.label_parts.extend(row.cells)
            last.rows.append(row)
            index += 1
            continue
        resume = _table_resumes(rows, index, end) if table.rows else None
        if resume is None:
            break
        index = resume
    if pending and table.rows:
        table.rows[-1].rows.extend(pending)
    return table, index


def _table_resumes(rows: Sequence[Row], index: int, end: int) -> int | None:
    """Where the table goes on after a footnote at the foot of its page ("1 Ofsted produces
    this report ...") and the page break: the next page's first row, if it is numbered."""
    row = rows[index]
    if row.line.page is None or not common.FOOTNOTE.match(row.plain):
        return None
    for number in range(index + 1, end):
        following = rows[number]
        if following.line.page == row.line.page or not following.cells:
            continue
        if common.PAGE_NUMBER.match(following.plain):
            continue
        return number if _numbered(following) is not None else None
    return None


def _table_grades(table: _Table) -> list[str] | None:
    """One whole grade per row, read in print order, or None when the words do not make
    exactly one grade per row."""
    text = common.normalise_space(" ".join(table.grade_words))
    grades: list[str] = []
    position = 0
    while position < len(text):
        match = _GRADE_TOKEN.match(text, position)
        if match is None:
            return None
        grades.append(match["grade"])
        position = match.end()
    return grades if len(grades) == len(table.rows) else None


def _sentence_at(rows: Sequence[Row], index: int) -> tuple[Statement, bool] | None:
    """A headline sentence (overall or LSCB) starting at ``rows[index]``: the statement and
    whether it is the LSCB's."""
    if _numbered(rows[index]) is not None:
        return None
    statement = _statement_at(rows, index, _LSCB_SENTENCE, _LSCB_SENTENCE)
    if statement is not None:
        return statement, True
    for pattern in _OVERALL_SENTENCES:
        statement = _statement_at(rows, index, pattern, pattern)
        if statement is not None:
            return statement, False
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
    table: _Table | None = None
    lscb_section = layout.lscb_section or LSCB_SECTION
    index = header.body_start
    while index < header.end_index:
        row = rows[index]
        if not row.cells:
            index += 1
            continue
        found = _sentence_at(rows, index)
        if found is not None:
            statement, is_lscb = found
            section = lscb_section if is_lscb else SUMMARY_SECTION
            judgements.append(_judgement(statement, section, warnings))
            index = statement.rows[-1].line.number + 1
            continue
        if table is None and _is_table_start(rows, index, header.end_index):
            table, index = _read_table(rows, index, header.end_index)
            continue
        index += 1
    if table is not None:
        judgements.extend(_table_judgements(table, lscb_section, warnings))
    if not any(j.section == SUMMARY_SECTION for j in judgements):
        raise _fail(document, "has no table of judgements under its title")
    # Headline order as printed: overall, the numbered table, then the LSCB.
    order = {Area.OVERALL: 0, Area.LSCB: 2}
    judgements.sort(key=lambda j: order.get(j.area, 1))
    if not any(j.area == Area.OVERALL for j in judgements):
        warnings.append("No overall judgement sentence found above the table of judgements.")
    return judgements


def _table_judgements(
    table: _Table, lscb_section: str, warnings: list[str]
) -> list[ParsedJudgement]:
    """The table's judgements. When its grade words do not make one whole grade per row,
    no row takes words printed on lines of their own (which row they belong to is a guess):
    each keeps the words beside its label, and is None with a warning if they are no grade."""
    grades = _table_grades(table)
    if grades is None and table.loose:
        warnings.append(
            "The grades in the table of judgements could not be paired with its rows "
            f"({common.normalise_space(' '.join(table.grade_words))}); each row keeps only the "
            "words printed beside its label."
        )
    judgements = []
    for number, table_row in enumerate(table.rows):
        label = common.join_wrapped(table_row.label_parts)
        if grades is not None:
            printed = common.normalise_space(grades[number])
        else:
            printed = common.normalise_space(" ".join(table_row.inline)).rstrip(".")
        statement = Statement(label, printed, table_row.rows)
        section = SUMMARY_SECTION
        if _area(section, label) == Area.LSCB:
            section = lscb_section
        judgements.append(_judgement(statement, section, warnings))
    return judgements


def _area(section: str, label: str) -> Area:
    area = area_for(FRAMEWORK, section, label)
    if area == Area.OTHER and _LSCB_SENTENCE.fullmatch(label):
        return Area.LSCB  # "The Local Safeguarding Children is inadequate" (sic)
    return area


def _judgement(statement: Statement, section: str, warnings: list[str]) -> ParsedJudgement:
    label = re.sub(r"^\d(?:\.\d{1,2})?\.?\s+", "", statement.label)
    printed = statement.grade
    source = common.normalise_space(" ".join(row.plain for row in statement.rows))
    if printed and printed.lower() not in source.lower():
        source = f"{source} {printed}"  # a grade wrapped across its cell's lines
    built = judgement(
        FRAMEWORK,
        section,
        label,
        printed,
        page=statement.rows[0].line.page,
        source=source,
        area=_area(section, label),
    )
    if _NOT_JUDGED_CELL.fullmatch(printed):
        # "Not judged" (the Isles of Scilly had no children looked after to judge): no grade.
        built.grade = None
        warnings.append(f"{label}: printed '{printed}'; kept without a grade.")
    elif built.grade is None:
        warnings.append(ungraded_warning(label, printed))
    return built


def _reconcile(
    headline: list[ParsedJudgement],
    body: Sequence[Statement],
    layout: _Layout,
    warnings: list[str],
) -> list[ParsedJudgement]:
    """One judgement per area: the headline's, checked against the body's headings."""

    def body_judgement(statement: Statement, area: str) -> ParsedJudgement:
        section = (layout.lscb_section or LSCB_SECTION) if area == Area.LSCB else statement.label
        return _judgement(statement, section, warnings)

    def in_lscb_part(statement: Statement, area: str) -> bool:
        """The LSCB part grades the board in its own heading: no table row to check."""
        return (
            area == Area.LSCB
            and layout.lscb_index is not None
            and statement.rows[0].line.number >= layout.lscb_index
        )

    return reconcile(
        headline,
        body,
        framework=FRAMEWORK,
        area_of=lambda statement: _area("", statement.label),
        key=lambda area, label: area,
        body_judgement=body_judgement,
        expected_in_body_only=in_lscb_part,
        warnings=warnings,
    )


# --------------------------------------------------------------------------- recommendations


@dataclass
class _Item(Item):
    number: int | None = None  # "3. Ensure ...": the number as printed
    bulleted: bool = False
    sub_bullets: bool = False  # bullets under a numbered item ("... by:" / "• ...")


@dataclass
class _List:
    section: str
    timescale: str
    kind: str
    items: list[_Item] = field(default_factory=list)

    def add(
        self, text: str, line: Line, number: int | None = None, bulleted: bool = False
    ) -> _Item:
        item = _Item(
            [text], line, self.section, self.kind, self.timescale, number=number, bulleted=bulleted
        )
        self.items.append(item)
        return item


def _recommendations(
    rows: Sequence[Row], start: int, layout: _Layout
) -> list[ParsedRecommendation]:
    """Every item of the recommendation lists, in order."""
    items: list[_Item] = []
    current: _List | None = None
    parent: str | None = None  # "What does the local authority need to improve?"
    last_number: int | None = None  # numbering runs on across the lists under one parent
    reader = ListRows(
        rows,
        start,
        is_furniture=lambda row: (
            bool(common.PAGE_NUMBER.match(row.plain)) or _furniture_key(row) in layout.running
        ),
    )
    for row in reader:
        line = row.line
        in_lscb = layout.lscb_index is not None and line.number >= layout.lscb_index
        if layout.lscb_index is not None and line.number == layout.lscb_index:
            current, parent, last_number = None, None, None  # the LSCB part starts
            continue
        key = row.key.rstrip(" :")
        lscb_section = layout.lscb_section or LSCB_SECTION
        if _IMPROVE_HEADING.match(key):
            parent = lscb_section if in_lscb else row.plain.rstrip(" :")
            current = _List(parent, Timescale.NONE_STATED, RecommendationKind.RECOMMENDATION)
            last_number = None
            continue
        if key in _LIST_HEADINGS:
            timescale, kind = _LIST_HEADINGS[key]
            if in_lscb:
                section = lscb_section
            elif parent and key != "recommendations":
                section = parent
            else:
                section = row.plain.rstrip(" :")
                if key == "recommendations":
                    parent = section
                last_number = None
            current = _List(section, timescale, kind)
            continue
        if current is None:
            continue
        plain = row.plain
        if line.page is not None and common.FOOTNOTE.match(plain) and not _ITEM.match(plain):
            reader.skip_rest_of_page(row)  # footnotes sit at the foot of the page
            continue
        if _NO_ITEMS.search(plain) and len(plain) <= _HEADING_MAX + 20:
            continue  # "The inspection did not find any areas for priority and immediate action."
        last = current.items[-1] if current.items else None
        numbered = _ITEM.match(plain)
        if numbered and (last_number is None or int(numbered["number"]) > last_number):
            number = int(numbered["number"])
            if (
                last is not None
                and last.number is None
                and not last.bulleted
                and len(current.items) == 1
            ):
                # "The following recommendations are those that inspectors considered to
                # be the priorities ...": an introduction, not an item.
                items.remove(last)
                current.items.clear()
            items.append(current.add(numbered["text"], line, number=number))
            last_number = number
            continue
        bullet = _BULLET.match(plain)
        if bullet:
            text = plain[bullet.end() :]
            if last is not None and text[:1].isupper() and _is_numbered_theme(last):
                # "1. Quality and effectiveness of practice" / "• Ensure ...": the number
                # heads a theme whose bullets are the items.
                items.remove(last)
                current.items.remove(last)
                last = None
            if (
                last is not None
                and last.number is not None
                and (last.sub_bullets or last.text.endswith(":") or text[:1].islower())
            ):
                last.parts.append(text)  # a bullet under a numbered item: "... by:" / "• ..."
                last.sub_bullets = True
                continue
            items.append(current.add(text, line, bulleted=True))
            continue
        if len(plain) <= _HEADING_MAX and plain[:1].isupper() and _ends_list(row):
            current, parent, last_number = None, None, None
            continue
        following = common.next_row(rows, reader.index, within=6, skip_page_numbers=True)
        if _is_heading(row, following):
            finished = last is None or _item_finished(last)
            if finished and _starts_item(following, last, last_number):
                continue  # a thematic sub-heading inside the list
            if (finished and not _item_follows(rows, reader.index, last_number)) or (
                not finished and row.key.rstrip(" :?") in layout.contents
            ):
                current, parent, last_number = None, None, None  # a heading after the list
                continue
            # Otherwise a line of the item that happens to break like a heading.
        if last is None:
            if plain.endswith(":"):
                continue  # an introduction: "The local authority should:"
            items.append(current.add(plain, line))
            continue
        last.parts.append(plain)  # a wrapped line of the item
    return recommendations(items, _split_run_together)


def _is_numbered_theme(item: _Item) -> bool:
    """A numbered line that reads as a heading, not an item: short, one line, no closing
    punctuation."""
    text = item.text
    return (
        item.number is not None
        and not item.sub_bullets
        and len(item.parts) == 1
        and len(text) <= 80
        and not text.endswith(CLOSING)
        and ";" not in text
    )


def _item_finished(item: _Item) -> bool:
    """Whether an item's text is complete: it ends a sentence or a paragraph reference
    ("... (paragraph 85)", "... (Paras 111, 117)")."""
    text = item.text.rstrip()
    return ends_sentence(text) or bool(
        re.search(r"\((?:page|para|paragraph)s?\b[^()]*\)$", text, re.I)
    )


def _item_follows(rows: Sequence[Row], index: int, last_number: int | None) -> bool:
    """Whether the list's next numbered item comes within a few lines, before any heading
    of the report proper."""
    if last_number is None:
        return False
    seen = 0
    for row in rows[index : index + 12]:
        if not row.cells or common.PAGE_NUMBER.match(row.plain):
            continue
        seen += 1
        if seen > 6 or _ends_list(row):
            return False
        numbered = _ITEM.match(row.plain)
        if numbered and int(numbered["number"]) == last_number + 1:
            return True
    return False


def _starts_item(row: Row | None, last: _Item | None, last_number: int | None) -> bool:
    """Whether ``row`` opens the next item of the list: the next number, or a bullet in a
    bulleted list."""
    if row is None:
        return False
    numbered = _ITEM.match(row.plain)
    if numbered:
        return last_number is None or int(numbered["number"]) == last_number + 1
    return bool(_BULLET.match(row.plain)) and (last is None or last.number is None)


def _is_heading(row: Row, following: Row | None) -> bool:
    """Whether ``row`` looks like a heading: a short capitalised line without closing
    punctuation, not continued in lower case on the next line."""
    if _ITEM.match(row.plain):
        return False
    return looks_like_heading(row.plain, longest=_HEADING_MAX, following=following)


def _ends_list(row: Row) -> bool:
    """Whether a heading always ends a recommendation list: a heading of the report proper."""
    key = row.key
    return (
        key.startswith(_ENDING_HEADINGS)
        or key.rstrip(" :?") in _ENDING_WHOLE_HEADINGS
        or _SECTION_HEADING.match(key) is not None
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
