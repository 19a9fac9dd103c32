"""Parser for standalone reviews of the effectiveness of Local Safeguarding Children Boards.

From 2013 to 2017 Ofsted reviewed each Local Safeguarding Children Board (LSCB), usually
alongside the single inspection of the local authority (those combined reports are read by
:mod:`ingest.parsers.sif`); some reviews were published on their own. A standalone review reads:

- page 1: the board's name ("Surrey Safeguarding Children Board"), the title "Review of the
  effectiveness of the Local Safeguarding Children Board" (which may wrap),
  "Inspection date: 15 June 2015 – 17 June 2015", "Report published: 3 August 2015", then
  the single judgement as a sentence, "The Local Safeguarding Children Board requires
  improvement", followed by a sentence restating it for the board's evaluation arrangements
  ("The arrangements in place to evaluate the effectiveness of what is done ... require
  improvement");
- a contents page, "Information about this area", an "Executive summary";
- "Recommendations": bulleted items, each ending with a cross-reference "(paragraph 4)";
- "Inspection findings" in numbered paragraphs; "Information about this review" naming the
  "Lead inspector: Dominic Stevens, HMI".

Choices, applied the same way to every report:

- The authority is the place the board is named after, as printed: "Surrey" from "Surrey
  Safeguarding Children Board" (the loader resolves it to the local authority). A board not
  named on page 1 is taken from the text "<name> County Council" etc. of the body.
- The judgement keeps the whole sentence as its label, as printed without its full stop, the
  grade words as ``grade_as_printed`` ("requires improvement") and the section
  :data:`SUMMARY_SECTION`, as the headline block of a combined SIF report does.
- The restating sentence about the board's evaluation arrangements is not a second
  judgement; when its grade differs from the board's, a warning names both.
- Recommendations: section "Recommendations", timescale none stated, kind recommendation;
  the "(paragraph 4)" cross-references are part of the text as printed and are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vocabulary import Framework, InspectionType, read_grade

from ..document import Document
from . import common
from .base import ParsedJudgement, ParsedRecommendation, ParsedReport, ParserSpec
from .common import FrontPage, Row
from .judgements import FOUR_WORD_GRADE, SUMMARY_SECTION, judgement
from .lists import Item, ListRows, looks_like_heading, recommendations, split_inline_bullets

FRAMEWORK = Framework.LSCB_REVIEW
SPEC = ParserSpec(
    version="lscb-1",
    kinds=(FRAMEWORK,),
    titles=(r"review of the effectiveness of the local safeguarding children board",),
)
_fail = common.parse_failure("review of the Local Safeguarding Children Board")

RECOMMENDATIONS_SECTION = "Recommendations"

_TITLE = re.compile(
    r"^review of the effectiveness of the local safeguarding children(?:'?s)?(?:\s+board)?",
    re.IGNORECASE,
)
_BOARD_NAME = re.compile(
    r"^(?P<place>\S.*?)\s+(?:local\s+)?safeguarding\s+children(?:['’]?s)?\s+(?:board|partnership)\b",
    re.IGNORECASE,
)
_COUNCIL = re.compile(
    r"\b(?P<name>(?:[A-Z][a-z'’.-]+ ){1,3}(?:County |City |Borough |Metropolitan Borough |District )?Council)\b"
)
_NOT_A_PLACE = frozenset(
    {"The", "A", "An", "Local", "County", "City", "Borough", "District", "Each", "Every"}
)
# The judgement sentence: "The Local Safeguarding Children Board requires improvement",
# "The Local Safeguarding Children Board (LSCB) is good", "The effectiveness of the LSCB
# is inadequate", "The Surrey Safeguarding Children Board is good": the subject, then a verb
# whose grade words may wrap onto the next line.
_SUBJECT = re.compile(
    r"^(?:the effectiveness of )?the (?:(?:[\w'’-]+ ){0,3}safeguarding children(?:['’]?s)? board|lscb)"
    r"(?:\s*\(lscb\))?"
    r"(?: in [a-z ,'’-]+?)?\s+(?=(?:is|are|requires?|require)\b)",
    re.IGNORECASE,
)
_ARRANGEMENTS = re.compile(r"^the arrangements in place to evaluate\b.*", re.IGNORECASE)
_GRADE_WORDS = re.compile(rf"\b(?:{FOUR_WORD_GRADE})\b", re.IGNORECASE)
_HEADLINE_END = re.compile(r"^(?:contents|executive summary|information about this)", re.IGNORECASE)
_HEADLINE_MAX_ROWS = 60

_RECOMMENDATIONS_HEADING = re.compile(r"^recommendations\s*:?$", re.IGNORECASE)
_LIST_END = re.compile(
    r"^(?:inspection findings|information about this|executive summary|key findings|contents"
    r"|the inspection team|children living in this area|summary)\b",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^(?P<number>\d{1,2})[.)]\s+(?=\S)")


def _rows(document: Document) -> list[Row]:
    """The report's rows with text, page numbers and table rules left out (common.Row: this
    parser reads each row as one text, ``plain``, and never its cells)."""
    rows = []
    for line in document.lines():
        row = Row.of(line)
        if row.plain and not common.PAGE_NUMBER.match(row.plain):
            rows.append(row)
    return rows


def parse(document: Document) -> ParsedReport:
    """Parse a standalone LSCB review into a ParsedReport with its one judgement.

    Raises ParseError when the title or the judgement on the board cannot be found.
    """
    rows = _rows(document)
    title_index = next((i for i, row in enumerate(rows[:40]) if _TITLE.match(row.key)), None)
    if title_index is None:
        raise _fail(
            document,
            "has no title 'Review of the effectiveness of the Local Safeguarding Children Board'",
        )
    title, after_title = _title(rows, title_index)
    headline_end = next(
        (
            i
            for i in range(after_title, min(len(rows), after_title + _HEADLINE_MAX_ROWS))
            if _HEADLINE_END.match(rows[i].key)
        ),
        min(len(rows), after_title + _HEADLINE_MAX_ROWS),
    )
    headline = rows[after_title:headline_end]

    start = end = published = None
    for row in headline:
        dates = common.INSPECTION_DATES.match(row.plain)
        if dates and start is None:
            start, end = common.parse_date_range(dates["rest"])
        published_match = common.PUBLISHED.match(row.plain)
        if published_match and published is None:
            published = common.parse_date(published_match["rest"])

    front = FrontPage(title, _authority(document, rows, title_index), start, end, published)
    report = front.report(
        FRAMEWORK, InspectionType.FULL, SPEC.version, lead_inspector=_lead_inspector(rows)
    )
    for missing, what in (
        (start is None, "'Inspection date'"),
        (published is None, "'Report published' date"),
        (not report.lead_inspector, "lead inspector"),
    ):
        if missing:
            report.warnings.append(f"No {what} found: left blank.")
    report.judgements.append(_judgement(document, headline, report.warnings))
    report.recommendations.extend(_recommendations(rows))
    return report


def _title(rows: Sequence[Row], index: int) -> tuple[str, int]:
    """The title as printed, joined when it wraps ("... Children" / "Board"); the next row."""
    title = rows[index].plain
    following = index + 1
    wrapped = following < len(rows) and re.match(r"board\d*$", rows[following].key)
    if wrapped and not re.search(r"board\b", rows[index].key):
        title = f"{title} {rows[following].plain}"
        following += 1
    # A footnote mark on the last word ("Board1") is not part of the title.
    return common.normalise_space(re.sub(r"(?<=[a-z])\d$", "", title)), following


def _authority(document: Document, rows: Sequence[Row], title_index: int) -> str:
    """The place the board is named after, or else the first council the body names."""
    for row in reversed(rows[max(0, title_index - 3) : title_index]):
        match = _BOARD_NAME.match(row.plain)
        if match:
            return match["place"].strip(" ,:")
    for row in rows:
        for council in _COUNCIL.finditer(row.plain):
            if council["name"].split()[0] not in _NOT_A_PLACE:
                return council["name"]
    raise _fail(document, "does not name the board or its local authority")


def _lead_inspector(rows: Sequence[Row]) -> str:
    return next(
        (
            common.clean_person_name(raw)
            for raw in common.labelled_values(rows, common.LEAD_INSPECTOR)
        ),
        "",
    )


def _sentence_from(rows: Sequence[Row], start: int, offset: int, *, until_grade: bool) -> str:
    """Text from ``rows[start]`` on, joined across at most three rows, to the full stop.

    With ``until_grade`` the joining also stops once grade words have been read after
    ``offset``: the judgement often stands as a heading with no full stop of its own.
    """
    text = rows[start].plain
    for row in rows[start + 1 : start + 3]:
        tail = text[offset:]
        if "." in tail or (until_grade and _GRADE_WORDS.search(tail)):
            break
        text = f"{text} {row.plain}"
    stop = text.find(".", offset)
    return common.normalise_space(text if stop < 0 else text[:stop])


def _judgement(document: Document, headline: Sequence[Row], warnings: list[str]) -> ParsedJudgement:
    """The judgement sentence of the headline block; its grade None (with a warning) if unreadable."""
    found = next(
        ((i, m) for i, row in enumerate(headline) if (m := _SUBJECT.match(row.plain))), None
    )
    if found is None:
        raise _fail(
            document, "has no judgement sentence 'The Local Safeguarding Children Board is ...'"
        )
    index, subject = found
    row = headline[index]
    sentence = _sentence_from(headline, index, subject.end(), until_grade=True)
    predicate = sentence[subject.end() :]
    words = _GRADE_WORDS.search(predicate)
    if words:
        printed = common.normalise_space(words.group(0))
        label = common.normalise_space(sentence[: subject.end() + words.end()])
    else:
        printed, label = common.normalise_space(predicate), sentence
    board = judgement(
        FRAMEWORK, SUMMARY_SECTION, label, printed, page=row.line.page, source=sentence
    )
    if not words:
        board.grade = None  # no grade words: whatever the sentence says is not read as one
    grade = board.grade
    if grade is None:
        warnings.append(
            f"The grade of the Local Safeguarding Children Board could not be read ('{label}'): kept blank."
        )
    for position, other in enumerate(headline):
        if not _ARRANGEMENTS.match(other.plain):
            continue
        restated = _GRADE_WORDS.findall(_sentence_from(headline, position, 0, until_grade=False))
        restated_grade = read_grade(FRAMEWORK, restated[-1]) if restated else None
        if restated_grade is not None and restated_grade != grade:
            warnings.append(
                f"The board is judged '{printed}' but its arrangements to evaluate the "
                f"effectiveness of what is done '{common.normalise_space(restated[-1])}'; the "
                "board's judgement is kept."
            )
    return board


def _recommendations(rows: Sequence[Row]) -> list[ParsedRecommendation]:
    """Items of the "Recommendations" list: bulleted or numbered, wrapped lines joined."""
    start = next(
        (i for i, row in enumerate(rows) if _RECOMMENDATIONS_HEADING.match(row.plain)), None
    )
    if start is None:
        return []
    items: list[Item] = []

    def add(text: str, row: Row) -> None:
        items.append(Item([text], row.line, RECOMMENDATIONS_SECTION))

    reader = ListRows(rows, start + 1)
    for row in reader:
        text = row.plain
        if _LIST_END.match(row.key) or _RECOMMENDATIONS_HEADING.match(text):
            break
        marker = common.BULLET.match(text) or _NUMBERED.match(text)
        if marker:
            for part in split_inline_bullets(text[marker.end() :]):
                add(part, row)
            continue
        if common.FOOTNOTE.match(text) and items and items[-1].finished:
            break  # a footnote at the foot of the page, after the list
        if not items:
            add(text, row)  # the first item lost its bullet
            continue
        if items[-1].finished and text[:1].isupper():
            if looks_like_heading(
                text, longest=60, following=common.next_row(rows, reader.index, within=1)
            ):
                break  # a heading after the list
            add(text, row)  # an item whose bullet was lost
        else:
            items[-1].parts.append(text)
    return recommendations(items, lambda item: [item.text.strip(" ;")])
