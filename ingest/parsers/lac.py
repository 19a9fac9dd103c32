"""Parser for the 2012-2013 "Inspection of looked after children services" reports.

These inspections judged services for looked after children only (the 2009-2012 inspections
of *safeguarding and* looked after children judged both). A report reads:

- page 1: the title ("Inspection of looked after children" / "services", which may wrap),
  the authority as printed ("Norfolk County Council"), "Inspection dates: 8 – 12 July 2013",
  "Reporting inspector Gary Lamb HMI", "Published: 16 August 2013";
- a contents page ("Capacity to improve\\t4") and the boilerplate grade key ("Outstanding
  (Grade 1) A service that ..."), neither of which holds judgements;
- body headings each followed by an inline grade: "Overall effectiveness of services for
  looked" / "after children and young people" / "Grade 4 (inadequate)"; also "Capacity to
  improve", "Outcomes for looked after children and young people", "Quality of provision",
  "Leadership and management" (a heading and its grade may also share one line:
  "Being healthy Grade 2 (Good)");
- "Areas for improvement", an introductory paragraph, then bullet lists under
  "Immediately:", "Within three months:" and "Within six months:";
- a "Record of main findings" table at the end repeating every grade in words, under the
  section row "Services for looked after children".

Choices, applied the same way to every report:

- The Record of main findings is the reference. Each judgement is reported once, with the
  record's label, grade and page; the inline grade of the same judgement is only compared with
  it, and a disagreement is a warning naming both (the record's grade is kept). A grade stated
  only in the body is kept, with a warning when a record exists; a record row whose grade is
  blank takes the body's grade, with a warning. Without a record the body headings are the
  judgements.
- Judgements and areas for improvement take the record's section row ("Services for looked
  after children") as their section, or :data:`SECTION` when the report has no record.
- Areas for improvement are of kind area-for-improvement with the timescale of the list they
  are printed under (none stated when the report prints no timescale headings); "There are no
  recommendations for immediate action" means the list is empty.
- Prose is never read for grades: only a grade standing alone on a line or at the end of a
  heading is a judgement, so "judged inadequate at that time" and the grade key are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from vocabulary import Framework, InspectionType, RecommendationKind, Timescale, read_grade

from ..document import Document, Line
from . import common
from .base import ParsedJudgement, ParsedRecommendation, ParsedReport, ParserSpec
from .common import FrontPage, FrontPageFields, Row
from .judgements import judgement
from .lists import Item, recommendations, split_inline_bullets, split_timescale

FRAMEWORK = Framework.LAC
SPEC = ParserSpec(
    version="lac-1",
    kinds=(FRAMEWORK,),
    titles=(r"inspection of looked after children services",),
)
_fail = common.parse_failure("inspection of looked after children services report")

SECTION = "Services for looked after children"

# The title's words ("Inspection of looked after children"), which the running header
# repeats.
_TITLE_WORDS = rf"inspection of looked after children(?:{common.APOSTROPHE}s)?"
_TITLE = re.compile(rf"^{_TITLE_WORDS}(?:\s+services)?\b", re.IGNORECASE)
# The running header of every page after the first: "<authority> Inspection of looked after
# children services<tab>4".
_RUNNING_HEADER = re.compile(
    rf"^\S.{{0,80}}?\s+{_TITLE_WORDS} services(?:\s+\d{{1,3}})?$", re.IGNORECASE
)
_HEADER_LINES = 40

# An inline grade: "Grade 4 (inadequate)", "Grade: 2 (Good)", "safeGrade 1 (outstanding)".
# The grade key prints "Outstanding (Grade 1)": a number followed by ")" or a "Grade"
# preceded by "(" is the key, not a grade. Not slac.INLINE_GRADE: that one needs one
# of the four grade words in brackets after the number and takes "GRADE" in any case; this
# one also reads a bare "Grade 4" and any word in brackets, which read_grade then judges.
_INLINE_GRADE = re.compile(
    r"(?:(?<![A-Za-z(])[Gg]rade|(?<=[a-z])Grade)\s*:?\s*(?P<number>[1-4])(?!\s*\))(?![\d.])"
    r"(?:\s*\(\s*(?P<word>[A-Za-z ]{3,30}?)\s*\))?"
)
# The boilerplate grade key describes each grade: "A service that significantly exceeds ...".
_GRADE_KEY = re.compile(r"^a service that\b")
_RECORD_HEADING = re.compile(r"^record of main findings\s*:?$")
_SECTION_ROW = re.compile(
    r"^(?:services for looked after children|safeguarding services)(?: and young people)?$"
)
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}\.\s*")
_MID_PARAGRAPH_NUMBER = re.compile(r"(?<=[a-z,]) \d{1,3}\. (?=[a-z])")
_TERMINAL = (".", "!", "?", ";", ":", ",")
# Prose that ends the record table: the back page, or a numbered paragraph.
_RECORD_END = re.compile(
    r"^(?:©|any complaints|the office for standards|if you would like|you may copy|\d{1,3}\.\s)",
    re.IGNORECASE,
)

_AREAS_HEADING = re.compile(r"^areas? for improvement\s*:?$")
# Not slac.NO_RECOMMENDATIONS, which finds the phrase anywhere in an item: here only
# an item that starts with it is no item.
_NO_ITEMS = re.compile(
    r"^there (?:are|were) no (?:recommendations|areas for improvement)\b", re.IGNORECASE
)
# Headings that end an areas-for-improvement list even when the last item has no full stop.
_LIST_END_HEADINGS = re.compile(
    r"^(?:outcomes for|how good are|being healthy|staying safe|enjoying and achieving"
    r"|making a positive contribution|economic well-?being|quality of provision"
    r"|leadership and management|ambition and prioriti|performance management"
    r"|partnership working|equality and diversity|capacity (?:for|to) improve"
    r"|overall effectiveness|record of main findings|service information)",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- rows


def _rows(lines: Sequence[Line]) -> list[Row]:
    """The rows of body text: blank rows, table rules, page numbers and running headers
    left out. A row's identity is its line number; its place in this list is not."""
    rows: list[Row] = []
    for line in lines:
        row = Row.of(line)
        if not row.cells:
            continue  # blank, or a markdown table rule under a heading
        plain, key = row.plain, row.key
        if (plain[0].isdigit() and common.PAGE_NUMBER.match(plain)) or (
            "inspection of looked after" in key and _RUNNING_HEADER.match(key)
        ):
            continue
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- entry point


def parse(document: Document) -> ParsedReport:
    """Parse an inspection of looked after children services (2012-2013) into a ParsedReport.

    Raises ParseError when the title or every judgement cannot be found.
    """
    rows = _rows(list(document.lines()))
    header = _header(document, rows)
    report = header.report(FRAMEWORK, InspectionType.FULL, SPEC.version, lead_inspector=header.lead)
    for missing, what in (
        (header.start is None, "inspection dates"),
        (header.published is None, "publication date"),
        (not header.lead, "lead inspector"),
    ):
        if missing:
            report.warnings.append(f"No {what} found on the report's first page: left blank.")

    record_start = next(
        (position for position, row in enumerate(rows) if _RECORD_HEADING.match(row.key)), None
    )
    body_rows = (
        rows[header.body_start : record_start]
        if record_start is not None
        else rows[header.body_start :]
    )
    record_rows = rows[record_start + 1 :] if record_start is not None else []

    body, heading_rows = _body_grades(body_rows, report.warnings)
    record = _record(record_rows)
    section = record.section or SECTION
    report.judgements.extend(
        _reconcile(
            record.judgements,
            body,
            section,
            has_record=record_start is not None,
            warnings=report.warnings,
        )
    )
    if not report.judgements:
        raise _fail(
            document, "has no judgements: no 'Grade 1-4' headings and no Record of main findings"
        )
    report.recommendations.extend(_areas_for_improvement(body_rows, heading_rows, section))
    return report


# --------------------------------------------------------------------------- header


@dataclass
class _Header(FrontPage):
    lead: str
    body_start: int  # first row after the front page


def _header(document: Document, rows: Sequence[Row]) -> _Header:
    """Title, authority, dates and inspector from the front page."""
    title_index = next(
        (position for position, row in enumerate(rows[:_HEADER_LINES]) if _TITLE.match(row.key)),
        None,
    )
    if title_index is None:
        raise _fail(document, "has no title 'Inspection of looked after children services'")
    title_row = rows[title_index]
    # The key matched; plain differs from it only in case and apostrophes.
    match = _TITLE.match(title_row.plain) or _TITLE.match(title_row.key)
    title = match.group(0) if match else title_row.plain
    rest = title_row.plain[match.end() :].strip(" ,:-–") if match else ""
    index = title_index + 1
    # A wrapped title: "Inspection of looked after children" / "services".
    wrapped = index < len(rows) and re.match(r"services\b", rows[index].key)
    if wrapped and not re.search(r"services$", title, re.IGNORECASE):
        title = f"{title} services"
        rest = rows[index].plain[len("services") :].strip(" ,:-–")
        index += 1
    title = common.normalise_space(title)

    authority = rest
    fields = FrontPageFields()
    last = min(len(rows), title_index + 15)
    for position in range(title_index, last):
        row = rows[position]
        if row.key == "contents" or row.key.startswith("©"):
            last = position
            break
        if not authority and position >= index and not _is_front_field(row.key):
            authority = row.plain
        fields.take(position, row.plain)
    if not authority:
        authority = _authority_from_running_header(document)
    if not authority:
        raise _fail(document, "does not name the local authority on its front page")
    return _Header(
        **fields.front_page(title, authority),
        lead=fields.inspector,
        body_start=last,
    )


def _is_front_field(key: str) -> bool:
    return bool(
        re.match(
            r"(?:inspection dates?|reporting inspector|lead inspector|age group|published)\b", key
        )
    )


def _authority_from_running_header(document: Document) -> str:
    for line in document.lines():
        match = re.match(
            r"^(?P<name>\S.{0,80}?)\s+inspection of looked after children",
            " ".join(line.text.split()),
            re.I,
        )
        if match:
            return match["name"]
    return ""


# --------------------------------------------------------------------------- judgements


@dataclass
class _Statement:
    """A grade read from one place: the record table or a body heading."""

    label: str
    printed: str
    page: int | None
    source: str
    section: str = ""


def _body_grades(rows: Sequence[Row], warnings: list[str]) -> tuple[list[_Statement], set[int]]:
    """Inline grades of body headings, and the line numbers of the rows those headings occupy."""
    statements: list[_Statement] = []
    heading_rows: set[int] = set()
    for position, row in enumerate(rows):
        if "rade" not in row.plain:
            continue
        match = _INLINE_GRADE.search(row.plain)
        if match is None or row.plain[match.end() :].strip(" .*"):
            continue  # no grade, or a grade inside a sentence: prose, not a heading
        following = rows[position + 1].key if position + 1 < len(rows) else ""
        if _GRADE_KEY.match(following):
            continue  # the grade key printed as "Grade 1 (Outstanding)" / "A service that ..."
        before = row.plain[: match.start()].strip()
        label_rows: list[Row] = []
        if before:
            if _PARAGRAPH_NUMBER.match(before) or len(before.split()) > 30:
                continue
            # "Outcomes for children and young people**The effectiveness of ...": the
            # grade belongs to the last heading on the line.
            raw = row.line.text  # markdown kept, for splitting "heading**Grade"
            if "**" in raw:
                segments = [
                    common.clean_text(part) for part in raw.split("**") if common.clean_text(part)
                ]
                tail = [seg for seg in segments if _INLINE_GRADE.search(seg)]
                if tail:
                    before = tail[-1][: _INLINE_GRADE.search(tail[-1]).start()].strip() or before
            label = before
            if before[:1].islower():
                # The end of a heading that wrapped: "... keeping children and" /
                # "young people safeGrade 1 (outstanding)".
                label_rows = _heading_above(rows, position)
                if label_rows:
                    label = common.join_wrapped([r.plain for r in label_rows] + [before])
        else:
            label_rows = _heading_above(rows, position)
            label = common.join_wrapped([r.plain for r in label_rows])
        label = label.strip(" :-–")
        printed = common.normalise_space(match.group(0))
        source = common.join_wrapped([r.plain for r in label_rows] + [row.plain])
        if not label:
            warnings.append(f"A grade with no heading above it was kept unlabelled: '{source}'.")
        statements.append(_Statement(label, printed, row.line.page, source))
        heading_rows.update(r.line.number for r in label_rows)
        heading_rows.add(row.line.number)
    return statements, heading_rows


def _heading_above(rows: Sequence[Row], position: int) -> list[Row]:
    """The (possibly wrapped) heading printed just above a grade standing on its own line."""
    collected: list[Row] = []
    for back in range(position - 1, max(position - 4, -1), -1):
        row = rows[back]
        text = row.plain
        if (
            text.endswith(_TERMINAL)
            or _PARAGRAPH_NUMBER.match(text)
            or common.BULLET.match(text)
            or len(text) > 120
            or _INLINE_GRADE.search(text)
            or _AREAS_HEADING.match(row.key)
        ):
            break
        collected.insert(0, row)
        if _LIST_END_HEADINGS.match(text):
            break  # a known heading: no need to look further up
    # A heading starts with a capital: drop the tail of a paragraph caught above it.
    while collected and not collected[0].plain[:1].isupper():
        collected.pop(0)
    return collected


@dataclass
class _Record:
    section: str = ""
    judgements: list[_Statement] = field(default_factory=list)


def _record(rows: Sequence[Row]) -> _Record:
    """The rows of the "Record of main findings" table.

    Labels wrap in their cells ("Services for looked after" / "children", "Outcomes for looked
    after children\tInadequate" / "and young people"), so the rows are first grouped into
    entries and only then told apart: section rows, group headings ("How good are outcomes
    ...?"), and judgements, whose grade may be blank.

    Not slac.read_record_rows, which reads the SLAC record differently: it re-joins a
    word split across cells from the report's vocabulary ("young per" / "ople" -> "people"),
    where this keeps a space, and it ends the table at other lines.
    """
    entries: list[_Statement] = []
    for row in rows:
        if _RECORD_END.match(row.plain) or len(row.plain) > 160:
            break
        cells = list(row.cells)
        grade_cell = ""
        if len(cells) >= 2:
            last = cells[-1]
            if last[:1].islower() and read_grade(FRAMEWORK, last) is None:
                # A word split across cells ("children and young per" / "ople"): one label.
                cells = [" ".join(cells)]
            else:
                grade_cell = last
                cells = cells[:-1]
        label = " ".join(cells)
        if not grade_cell and label[:1].islower() and entries:
            entries[-1].label = f"{entries[-1].label} {label}"  # a label wrapped in its cell
            entries[-1].source = f"{entries[-1].source} {label}"
            continue
        entries.append(_Statement(label, grade_cell, row.line.page, row.plain))
    record = _Record()
    section = ""
    for entry in entries:
        if not entry.printed:
            key = entry.label.lower().replace("’", "'")
            if _SECTION_ROW.match(key):
                section = entry.label
                record.section = record.section or entry.label
                continue
            if entry.label.endswith(("?", ":")):
                continue  # a group heading ("How good are outcomes for ...?")
        entry.section = section
        record.judgements.append(entry)
    return record


def _key(label: str) -> str:
    """What makes two printed labels the same judgement ("Overall effectiveness of services
    for looked after children" is the record's "Overall effectiveness")."""
    text = label.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^a-z' ]+", " ", text)
    text = " ".join(text.split())
    text = re.sub(r"^(?:the|how good are) ", "", text)
    text = re.sub(r"iz(ation|e|ing)\b", r"is\1", text)
    for pattern, key in (
        (r"^overall effectiveness\b", "overall effectiveness"),
        (r"^capacity (?:for|to) improve", "capacity to improve"),
        (r"^outcomes for (?:looked after children|children looked after)\b", "outcomes"),
        (r"^quality of provision\b", "quality of provision"),
        (r"^leadership and management\b", "leadership and management"),
    ):
        if re.match(pattern, text):
            return key
    return text


def _reconcile(
    record: Sequence[_Statement],
    body: Sequence[_Statement],
    section: str,
    *,
    has_record: bool,
    warnings: list[str],
) -> list[ParsedJudgement]:
    """One judgement per section and label: the record's where it has one, the body's otherwise.

    A body heading is matched with the first record row of the same label not matched yet,
    so that a report judging the same label in two sections pairs them in order.
    """
    chosen: dict[tuple[str, str], _Statement] = {}
    unmatched: dict[str, list[tuple[str, str]]] = {}
    for statement in record:
        key = (statement.section.lower(), _key(statement.label))
        kept = chosen.get(key)
        if kept is None:
            chosen[key] = statement
            unmatched.setdefault(key[1], []).append(key)
        elif _differs(kept.printed, statement.printed):
            warnings.append(
                f"The Record of main findings prints '{kept.label}' twice with different grades: "
                f"'{kept.printed}' and '{statement.printed}'; the first is kept."
            )
        # Otherwise the same judgement printed twice ("prioritization"/"prioritisation"): one.
    matched: dict[str, tuple[str, str]] = {}
    for number, statement in enumerate(body):
        label_key = _key(statement.label) if statement.label else f"unlabelled {number}"
        queue = unmatched.get(label_key)
        from_record = bool(queue) or label_key in matched
        if queue:
            matched[label_key] = queue.pop(0)
        key = matched.get(label_key, ("", label_key))
        kept = chosen.get(key)
        where = "the Record of main findings" if from_record else "an earlier heading"
        if kept is None:
            chosen[key] = statement
            if has_record:
                warnings.append(
                    f"'{statement.label}' is graded in the body ('{statement.printed}') but not in "
                    "the Record of main findings; the body's grade is kept."
                )
        elif from_record and not kept.printed:
            warnings.append(
                f"'{kept.label}' has no grade in the Record of main findings; the body's grade "
                f"'{statement.printed}' is kept."
            )
            kept.printed = statement.printed
            kept.source = f"{kept.source} / {statement.source}"
        elif _differs(kept.printed, statement.printed):
            warnings.append(
                f"'{kept.label}' is '{kept.printed}' in {where} but '{statement.printed}' in the "
                f"body ('{statement.label}'); the grade in {where} is kept."
            )
    judgements: list[ParsedJudgement] = []
    for statement in chosen.values():
        built = judgement(
            FRAMEWORK,
            statement.section or section,
            statement.label,
            statement.printed,
            page=statement.page,
            source=statement.source,
        )
        if built.grade is None:
            reason = (
                f"could not be read ('{statement.printed}')" if statement.printed else "is blank"
            )
            warnings.append(f"The grade of '{statement.label}' {reason}: kept blank.")
        judgements.append(built)
    return judgements


def _differs(first: str, second: str) -> bool:
    return read_grade(FRAMEWORK, first) != read_grade(FRAMEWORK, second)


# --------------------------------------------------------------------------- areas for improvement


def _areas_for_improvement(
    rows: Sequence[Row], heading_rows: set[int], section: str
) -> list[ParsedRecommendation]:
    """Every "Areas for improvement" list of the body, item by item."""
    items: list[Item] = []
    position = 0
    while position < len(rows):
        if _AREAS_HEADING.match(rows[position].key):
            position = _read_list(rows, position + 1, heading_rows, section, items)
        else:
            position += 1
    return recommendations(items, _item_texts)


def _item_texts(item: Item) -> list[str]:
    text = _item_text(item.parts)
    return [text] if text and not _NO_ITEMS.match(text) else []


def _read_list(
    rows: Sequence[Row], start: int, heading_rows: set[int], section: str, items: list[Item]
) -> int:
    """Read one list from ``start``; return the index of the first row after it."""
    has_timescales = False
    for row in rows[start : start + 80]:
        if row.line.number in heading_rows:
            break
        if split_timescale(row.plain)[0]:
            has_timescales = True
            break
    # Before the first timescale heading (or, without any, before the first item) comes the
    # introduction: "15. In order to improve ... should take the following action."
    timescale: str | None = None if has_timescales else Timescale.NONE_STATED
    in_intro = not has_timescales and bool(
        start < len(rows) and re.match(r"^(?:\d{1,3}\.\s*)?in order to\b", rows[start].key)
    )
    current: Item | None = None
    for position in range(start, len(rows)):
        row = rows[position]
        if (
            row.line.number in heading_rows
            or _AREAS_HEADING.match(row.key)
            or _RECORD_HEADING.match(row.key)
        ):
            return position
        new_timescale, text = split_timescale(row.plain)
        if new_timescale is not None:
            timescale, current = new_timescale, None
            if not text:
                continue
        if timescale is None:
            continue
        if in_intro:
            in_intro = not text.endswith((".", ":"))
            continue
        bullet = common.BULLET.match(text)
        if _NO_ITEMS.match(text[bullet.end() :] if bullet else text):
            current = None  # "There are no recommendations for immediate action": none
            continue
        if current is not None and not bullet:
            if _PARAGRAPH_NUMBER.match(text):
                return position  # the next numbered paragraph of the body
            ended = current.parts[-1].endswith((".", "!", "?"))
            if not (ended and text[:1].isupper()):
                current.parts.append(text)  # a wrapped line of the current item
                continue
            if _LIST_END_HEADINGS.match(text) or _is_heading(rows, position, heading_rows):
                return position
            # Otherwise a new sentence after a finished item: an item whose bullet was lost.
        elif current is None and not bullet and _PARAGRAPH_NUMBER.match(text):
            return position
        for part in split_inline_bullets(text):
            current = Item(
                [part], row.line, section, RecommendationKind.AREA_FOR_IMPROVEMENT, timescale
            )
            items.append(current)
    return len(rows)


def _is_heading(rows: Sequence[Row], position: int, heading_rows: set[int]) -> bool:
    """A short unpunctuated line followed by a graded heading or a numbered paragraph."""
    text = rows[position].plain
    if text.endswith(_TERMINAL) or len(text.split()) > 12:
        return False
    following = rows[position + 1] if position + 1 < len(rows) else None
    return (
        following is None
        or following.line.number in heading_rows
        or bool(_PARAGRAPH_NUMBER.match(following.plain))
    )


def _item_text(parts: Sequence[str]) -> str:
    """An item's text: lines joined, bullet and paragraph numbers (leading or stray) removed.

    Not slac.clean_recommendation, which differs in ways that change some texts: it
    takes "12)" and "(12)" for paragraph numbers but needs a space after "12.", removes a
    stray number after ";" too, and keeps a trailing ";".
    """
    text = common.join_wrapped(parts)
    text = common.BULLET.sub("", text, count=1)
    text = _PARAGRAPH_NUMBER.sub("", text, count=1)
    text = _MID_PARAGRAPH_NUMBER.sub(" ", text)
    return common.normalise_space(text).strip(" ;")
