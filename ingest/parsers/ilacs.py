"""Parser for ILACS reports: inspections of local authority children's services, 2018 on.

An ILACS report (Framework.ILACS, and Framework.ILACS_2026 after the April 2026 change)
reads:

- a title: in 2018-2020 "Inspection of children's social care services" or "Inspection of
  local authority children's services" with the authority as printed on the line above
  ("Bolton", "Liverpool City Council"), itself wrapping ("City of Bradford Metropolitan
  District" / "Council"); once "Inspection of local authority children's social care" /
  "services" (Tameside 2019); later "Inspection of <authority> local authority children's
  services", which may wrap ("Inspection of Knowsley Council local" / "authority children's
  services"), or "Inspection of Kent County Council" / "children's services", or a trust's
  name with nothing after it ("Inspection of Bradford Children and" / "Families Trust").
  The phrase returns as a running footer ("Inspection of Knowsley local authority
  children's services 18 to 29 November 2024\\t2");
- "Inspection dates: 8 to 19 January 2018" (also "17 March to 21 March 2025", "23 April
  2018 to 04 May 2018", split visits "8 July 2019 to 12 July 2019 and 7 August 2019 to
  8 August 2019"); a publication date only where one is printed (most have none);
- "Lead inspector: Paula Thomson-Jones, Her Majesty's Inspector" (the title may sit on the
  next line, and the name may be spaced oddly: "Thomson -Jones"); once two: "Lead
  inspectors: A, His Majesty's Inspector, and B," / "His Majesty's Inspector"; two 2025
  reports name no inspector at all;
- a "Judgement / Grade" table: the impact of leaders on social work practice with children
  and families; the experiences and progress of children who need help and protection; of
  children in care and care leavers (from 2023: of children in care, and separately of care
  leavers); overall effectiveness (none from April 2026). In a PDF a label wraps in its cell
  and a grade may wrap too ("Requires improvement" / "to be good"); once label and grade
  share one cell ("The experiences and progress of children in care Good");
- "What needs to improve" (later "What needs to improve?", with a footnote mark from 2026:
  "What needs to improve?1"; 2018-2019 "What needs to improve:"), a bulleted list that may
  run on past a page break, whose items may carry lists of their own ("The quality of
  oversight of:" / "− permanence for children" / "− private fostering."); older reports may
  head it "What needs to improve in this local authority?" or "Areas for improvement";
- body sections whose headings restate each grade: 2018 "The experiences and progress of
  children in care and care leavers is / good.", later "The experiences and progress of
  children in care: requires / improvement to be good", 2019-2020 "... care leavers are: /
  good", and a few without "The" or "and progress".

Choices, applied the same way to every report:

- All graded judgements get the section :data:`JUDGEMENTS_SECTION` ("Judgements"), whether
  read from the table or, exceptionally, only from a body heading; labels are printed
  labels with wrapping undone (a full stop after a label dropped).
- Authority: as printed, whole where it wraps; "Bristol City of", the reference data's
  "Bristol, City of" printed without its comma, gets the comma back. Two lead inspectors
  are both named ("A and B"); none printed leaves the lead blank with a warning.
- A body heading restating a grade is reconciled with the table's judgement of the same
  area: one judgement, the table's grade kept, a warning naming both when they disagree. A
  grade stated only in the body is kept (with a warning).
- Framework: a report with no overall effectiveness judgement whose publication or
  inspection (end) date is in or after April 2026 is :attr:`Framework.ILACS_2026`. A
  missing overall judgement in an earlier report leaves it :attr:`Framework.ILACS` with a
  warning: the framework is never switched silently.
- Inspection type: "standard" or "short" where the report says so ("Short inspection" in
  the header, "This was a short inspection"). Reports rarely say it, so otherwise the type
  is inferred from the inspection dates: a short inspection has one week on site (Monday to
  Friday), a standard one two weeks. Up to :data:`SHORT_MAX_DAYS` calendar days on site
  (summed over the ranges of a split visit) is "short", anything longer "standard".
- Recommendations: every item of the "What needs to improve" list, timescale none stated,
  kind recommendation ("Areas for improvement" lists: kind area for improvement); section =
  the heading as printed without a footnote mark. The national framework theme printed
  with an item ("(Outcome 4, national framework)") is read out of its text into its
  ``national_framework`` (:mod:`.themes`); the entries of an item's own list stay part of
  its text (joined with semicolons where nothing separates them). A list ends at a body heading or a numbered paragraph even where its last item
  has no full stop.
- No publication date is printed on most ILACS reports, so a missing one is normal (None)
  and not warned about.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from vocabulary import Area, Framework, InspectionType, RecommendationKind, area_for

from ..document import Document, Line
from ..errors import UnknownReportKind
from . import common
from .base import ParsedJudgement, ParsedRecommendation, ParsedReport, ParserSpec
from .common import FrontPage, Row
from .judgements import (
    FOUR_WORD_GRADE,
    FOUR_WORD_GRADE_CELL,
    Statement,
    columns,
    judgement,
    read_statements,
    reconcile,
    ungraded_warning,
)
from .lists import Item, ListRows, looks_like_heading, recommendations
from .themes import take_themes

SPEC = ParserSpec(
    version="ilacs-3",
    kinds=(Framework.ILACS, Framework.ILACS_2026),  # the parser tells them apart (_framework)
    titles=(
        r"inspection of children'?s social care services",
        r"local authority children'?s services",
        # "Inspection of local authority children's social care services" (Tameside 2019),
        # "Inspection of Kent County Council children's services" (Kent 2022, whose first
        # page mentions an earlier focused visit), a trust's running footer "Inspection of
        # Bradford Children and Families Trust children's services" (its title has no
        # "children's services").
        r"inspection of local authority children'?s social care services",
        r"inspection of (?:the )?[a-z][a-z ,'&-]{1,80}? children'?s services\b",
    ),
    # Checked over the corpus: every ILACS report parses to the same judgements and
    # recommendations from its first three pages as from all of them (from two, 34 of 321
    # lose recommendations that start on or run to page 3). A report whose list of what
    # needs to improve has not ended by the last page read is read whole
    # (ParsedReport.needs_more_pages). What is not read is the body past those pages, whose
    # headings only restate the table's grades.
    pages_needed=3,
)
_fail = common.parse_failure("ILACS report")

JUDGEMENTS_SECTION = "Judgements"
# From April 2026 ILACS reports carry no overall effectiveness judgement.
REFORM_DATE = date(2026, 4, 1)
# A short inspection is one week on site, a standard one two (Monday to Friday of each).
SHORT_MAX_DAYS = 8

# How far into the document the header parts are looked for (rows).
_TITLE_SEARCH_ROWS = 60
_HEADER_ROWS = 15
_TABLE_SEARCH_ROWS = 40

_APOS_CHARS = "'’‘`"
_APOS = f"[{_APOS_CHARS}]"

# --------------------------------------------------------------------------- patterns

_TITLE_START = re.compile(r"^inspection of\b", re.IGNORECASE)
_TITLE_END = re.compile(r"children's (?:social care )?services\b")
# "inspection of knowsley council local authority children's services"
_TITLE_NAMED = re.compile(
    r"^inspection of (?:the )?(?P<name>.+?)(?:'s)? local authority children's services\b"
)
# 2018-2020: "inspection of children's social care services", "inspection of local
# authority children's services": the authority is printed above the title.
_TITLE_UNNAMED = re.compile(
    r"^inspection of (?:local authority )?children's (?:social care )?services\b"
)
# A named title of another shape, for trusts: "inspection of x children's trust".
_TITLE_OTHER = re.compile(r"^inspection of (?:the )?(?P<name>.+?)\s*$")
# The authority's name above a 2018-2020 title: at most three rows of words, no sentence.
_NAME_ROWS = 3
_NAME_ROW = re.compile(rf"^[A-Z][\w{_APOS_CHARS},.&()\- ]{{0,60}}$")
_CITY_OF = re.compile(r"(?P<name>[^,]+?)\s+(?P<of>City of|County of)", re.IGNORECASE)
# "Lead inspector:", and "Lead inspectors:" where two share the lead (not
# common.LEAD_INSPECTOR, which reads "s: A, HMI, and B" as one name).
_LEAD_INSPECTOR = re.compile(r"^lead\s+inspector(?P<s>s)?\s*:?\s*(?P<name>.*)$", re.IGNORECASE)
_INSPECTOR_TITLE = re.compile(rf"\b(?:(?:her|his) majesty{_APOS}?s inspector|hmi)\b", re.IGNORECASE)
_SEVERAL_NAMES = re.compile(r"\s*(?:,|\band\b)\s*", re.IGNORECASE)
_NOT_INSPECTIONS = (
    (re.compile(r"\bfocused visit\b"), "a focused visit letter"),
    (re.compile(r"\bmonitoring visit\b"), "a monitoring visit letter"),
    (re.compile(r"joint targeted area inspection"), "a joint targeted area inspection letter"),
    (re.compile(r"\bassurance visit\b"), "an assurance visit letter"),
)

_MAJESTY = re.compile(r"^(?:her|his) majesty's inspector\.?$|^hmi$")
# "X, His Majesty's Inspector" or "X HMI" standing alone, where no "Lead inspector:" label.
_SIGNED = re.compile(
    rf"^(?P<name>[A-Z][\w{_APOS_CHARS}.\- ]{{2,60}}?),?\s+"
    rf"(?:(?:Her|His) Majesty{_APOS}?s Inspector|HMI)\.?$"
)
_ENDS_WITH_YEAR = re.compile(r"\b\d{4}\W*$")
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
# "1 9 June 2019": a day number printed with a space inside it.
_SPLIT_DAY = re.compile(rf"\b([0-3]) ([0-9])(?=\s+{_MONTH_WORD}\b)", re.IGNORECASE)

# The end of a grade that wrapped in its cell ("Requires improvement" / "to be good").
_GRADE_TAIL_WORDS = re.compile(r"(?:(?:improvement|to|be|good)\s*)+\.?", re.IGNORECASE)
_RI_PHRASE = "requires improvement to be good"

# The judgements as printed (lower-case, straight apostrophes). Used to recognise table
# rows and body headings, and to repair a word split across cells.
_LABELS = (
    r"the impact of leaders on social work practice with children and families",
    r"the impact of leaders on practice with children and families",
    r"the experiences? and progress of children who need help and protection",
    r"the experiences? and progress of children in care and care leavers",
    r"the experiences? and progress of children in care",
    r"the experiences? and progress of care leavers",
    r"the experiences? and progress of children looked after(?: and care leavers)?",
    r"overall effectiveness",
)
_LABEL = re.compile(rf"(?:{'|'.join(_LABELS)})")
# The same, spelt out, to tell a table row whose label wraps ("The experiences and progress
# of" / "children in care") from a sentence of prose that begins like a label.
_PLAIN_LABELS = tuple(
    label.replace("experiences?", experiences)
    for label in (
        "the impact of leaders on social work practice with children and families",
        "the experiences? and progress of children who need help and protection",
        "the experiences? and progress of children in care and care leavers",
        "the experiences? and progress of care leavers",
        "the experiences? and progress of children looked after and care leavers",
        "overall effectiveness",
    )
    for experiences in ("experiences", "experience")
)
_LABEL_START = re.compile(
    r"^(?:the impact of leaders\b|the experiences? and progress of\b|overall effectiveness\b)"
)
_LABEL_THEN_GRADE = re.compile(
    rf"(?P<label>(?:the|overall) .+?)\s+(?P<grade>{FOUR_WORD_GRADE})\.?", re.IGNORECASE
)
_TABLE_HEADER = re.compile(r"^judge?ments?\s+grades?$")
# A body heading restating a grade: "<label> is good", "<label> requires improvement to be
# good" (2018), "<label>: requires improvement to be good". Whole headings only, so prose
# mentioning a grade is never read.
# Body headings also drop "The" ("Experiences and progress of children who need help and
# protection: good", Lewisham 2024) or "and progress" ("The experiences of children in
# care: outstanding", Manchester 2025), and join label and grade with "is:" / "are:"
# ("... care leavers are: good", 2019-2020).
_BODY_LABELS = tuple(
    label.replace("the ", "(?:the )?", 1).replace(" and progress", "(?: and progress)?")
    for label in _LABELS
)
_BODY_SENTENCE = re.compile(
    rf"(?P<label>{'|'.join(_BODY_LABELS)})(?:\s*[:–—-]\s*|\s+(?:is|are)\s*:?\s*|\s+)"
    rf"(?P<grade>{FOUR_WORD_GRADE})\.?"
)
# The colon form with something other than a grade after it: kept and flagged.
_BODY_COLON = re.compile(
    rf"(?P<label>{'|'.join(_BODY_LABELS)})\s*(?:(?:is|are)\s*)?:\s*"
    rf"(?P<grade>[a-z][a-z ,]{{1,40}})\.?"
)
_BODY_STARTS = (
    "the impact of leaders",
    "the experience",
    "overall effectiveness",
    "impact of leaders",
    "experiences and progress",
)

# Recommendation list headings (lower-case, without closing punctuation / footnote mark).
_LIST_HEADINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^what needs to improve(?: in this local authority)?\s*[?:]?$"),
        RecommendationKind.RECOMMENDATION,
    ),
    (re.compile(r"^areas for priority action\s*:?$"), RecommendationKind.RECOMMENDATION),
    (re.compile(r"^areas for improvement\s*:?$"), RecommendationKind.AREA_FOR_IMPROVEMENT),
)
_FOOTNOTE_MARK = re.compile(r"(?<=[?:a-z])\s?\d{1,2}$")
# Bullets: "•", pdfminer's "(cid:127)", symbol-font glyphs in the private use area
# ("\uf06e" in 2018 reports), the black square of later ones, a dash.
_BULLET_CHARS = "•●▪■◼◾◆◦‣∙·\uf000-\uf0ff"
_BULLET = re.compile(rf"^(?:\(cid:\d+\)|[{_BULLET_CHARS}]|[-–—*](?=\s))\s*")
# The bullets of a list inside an item ("The quality of oversight of:" / "− permanence for
# children" / "− private fostering."): dashes (a minus sign, the combining long stroke
# of some 2019 reports), a hollow bullet or "o". They belong to the item above them.
_SUB_BULLET = re.compile(r"^(?:[-–—−\u0336o◦](?=\s)|[−\u0336◦])\s*")
_INNER_BULLET = re.compile(rf"\s+(?:\(cid:\d+\)|[{_BULLET_CHARS}])\s+")
_SUSPENDED_HYPHEN = re.compile(r"(?<=\d)-(?=(?:and|or|to)\b)")
_PARAGRAPH = re.compile(r"^\d{1,3}\.\s*\S")
_FOOTNOTE = re.compile(r"^\d{1,2}\s+[A-Z‘'\"“]")
_NO_ITEMS = re.compile(
    r"\bthere (?:are|were) no\b.*\b(?:recommendations?|areas? for (?:improvement|priority action)"
    r"|immediate action)\b",
    re.IGNORECASE,
)
# A running footer: "Inspection of Knowsley local authority children's services (11 to 22
# October 2021) 2": it ends with the page number or the dates, unlike a sentence.
_FOOTER = re.compile(r"^inspection of .{0,80}children's (?:social care )?services\b.{0,60}[\d)]$")
# Where the header states the kind: "Short inspection", "(standard inspection)"; in the
# body only "This was a short inspection" (other sentences may describe earlier ones).
_STATED_TYPE = re.compile(
    r"^(?P<a>short|standard) inspection\b|\((?P<b>short|standard) inspection\)"
    r"|\b(?:this|the|it) (?:was|is) an? (?P<c>short|standard) inspection\b"
)
_STATED_TYPE_BODY = re.compile(r"\bthis (?:was|is) an? (?P<a>short|standard) inspection\b")

# Not common.clean_text's markup: a glyph code followed by a space ("(cid:127) Ensure") is
# kept, and _BULLET and _INNER_BULLET read it as a bullet.
_TAG = re.compile(r"<[^>]+>")
_MARKUP = re.compile(r"\*\*|__|\(cid:\d+\)(?=\S)")


def parse(document: Document) -> ParsedReport:
    """Parse an ILACS report into a ParsedReport.

    Raises ParseError when the title, the authority, the inspection dates or the table of
    judgements cannot be found, and UnknownReportKind for a focused or monitoring visit
    letter that names local authority children's services without being an inspection.
    """
    rows = [Row.of(line, clean=_clean, key=_key) for line in document.lines()]
    header = _header(document, rows)
    warnings: list[str] = []
    table, table_end = _table(document, rows, header.body_start)
    lead = _lead_inspector(rows, header, warnings)

    judgements = _table_judgements(table, warnings)
    body = read_statements(
        rows, table_end, _BODY_STARTS, lambda index: _statement_at(rows, index, table_end)
    )
    judgements = _reconcile(judgements, body, warnings)

    framework = _framework(judgements, header, warnings)
    recommendations, list_open = _recommendations(
        rows, table_end, {statement.rows[0].line.number for statement in body}
    )
    warnings.extend(take_themes(recommendations))
    return header.report(
        framework,
        _inspection_type(rows, header),
        SPEC.version,
        lead_inspector=lead,
        judgements=judgements,
        recommendations=recommendations,
        warnings=warnings,
        # Read from its opening pages only, a report whose list of what needs to improve
        # had not ended, or not begun, by the last of them must be read further.
        needs_more_pages=not document.complete and (list_open or not recommendations),
    )


# --------------------------------------------------------------------------- text


# ILACS rows (common.Row) are made with their own key and clean-up, which differ from
# common.heading_key and common.clean_text as said below.


def _key(text: str) -> str:
    """``text`` lower-cased with straight apostrophes, a backquote among them, for matching."""
    return re.sub(_APOS, "'", text).lower() if text else ""


def _clean(text: str) -> str:
    """``text`` without markup, single-spaced; a glyph code before a space is kept (a bullet)."""
    if "<" in text or "*" in text or "_" in text or "(cid:" in text:
        text = _MARKUP.sub(" ", _TAG.sub(" ", text))
    return " ".join(text.replace("\u00a0", " ").split())


def _is_furniture(row: Row, title_rows: int) -> bool:
    """A running footer or a bare page number: not part of the report's text."""
    if common.PAGE_NUMBER.match(row.plain):
        return True
    return row.line.number >= title_rows and bool(_FOOTER.match(row.key))


# --------------------------------------------------------------------------- header


@dataclass
class _Header(FrontPage):
    ranges: list[tuple[date, date]]
    title_index: int
    title_end: int  # first row after the title
    body_start: int  # first row after the dates / lead inspector lines


def _header(document: Document, rows: Sequence[Row]) -> _Header:
    """Title, authority, dates and publication date from the opening rows."""
    content = [index for index, row in enumerate(rows) if row.cells][:_TITLE_SEARCH_ROWS]
    found = None
    for candidate in content:
        if _TITLE_START.match(rows[candidate].key):
            found = _title_at(rows, candidate)
            if found is not None:
                break
    if found is None:
        opening = " ".join(rows[i].key for i in content)
        for pattern, kind in _NOT_INSPECTIONS:
            if pattern.search(opening):
                raise UnknownReportKind(
                    f"{document.name}: this looks like {kind}, not an inspection report with "
                    "judgements"
                )
        raise _fail(document, "has no title 'Inspection of ... children's services'")
    title_index = candidate
    parts, index = found
    title = common.join_wrapped(parts)
    title_end = index
    authority = _authority(rows, title, title_index)
    if not authority:
        raise _fail(document, "does not name the local authority in its title")

    start = end = published = None
    ranges: list[tuple[date, date]] = []
    body_start = title_end
    for index in range(title_end, min(len(rows), title_end + _HEADER_ROWS)):
        row = rows[index]
        if not row.cells:
            continue
        dates = common.INSPECTION_DATES.match(row.plain)
        if dates and not ranges:
            text = dates["rest"]
            ranges = _date_ranges(text) if _ENDS_WITH_YEAR.search(text) else []
            if not ranges:
                # The dates wrapped onto the next row ("11 November 2019 to 22" / "November
                # 2019"): read them together.
                following = common.next_row(rows, index + 1, within=4)
                if following is not None:
                    ranges = _date_ranges(f"{text} {following.plain}")
            body_start = index + 1
            continue
        match = common.PUBLISHED.match(row.plain)
        if match and published is None:
            following = common.next_row(rows, index + 1, within=4)
            published = common.parse_date(match["rest"]) or (
                common.parse_date(following.plain) if following is not None else None
            )
    if not ranges:
        raise _fail(document, "has no readable 'Inspection dates' line under its title")
    start = min(r[0] for r in ranges)
    end = max(r[1] for r in ranges)
    return _Header(
        title=title,
        authority=authority,
        start=start,
        end=end,
        ranges=ranges,
        published=published,
        title_index=title_index,
        title_end=title_end,
        body_start=body_start,
    )


def _title_at(rows: Sequence[Row], start: int) -> tuple[list[str], int] | None:
    """The title's rows from ``start`` and the index after them, or None if this is not it.

    The title may wrap over up to three rows and ends with "children's services" (or
    "children's social care services").
    """
    parts: list[str] = []
    index = start
    while index < min(len(rows), start + 6) and len(parts) < 3:
        row = rows[index]
        if row.cells:
            if parts and common.INSPECTION_DATES.match(row.plain):
                # A trust's title need not end with "children's services" ("Inspection
                # of Bradford Children and" / "Families Trust"): the dates end it.
                return (parts, index) if _TITLE_OTHER.match(_key(" ".join(parts))) else None
            if parts and _LEAD_INSPECTOR.match(row.plain):
                return None
            parts.append(row.plain)
            if _TITLE_END.search(_key(" ".join(parts))):
                return parts, index + 1
        index += 1
    return None


def _authority(rows: Sequence[Row], title: str, title_index: int) -> str:
    """The authority as printed: named in the title, or (2018-2020) on the row above it."""
    key = _key(title)
    named = _TITLE_NAMED.match(key)
    if named:
        return _slice_as_printed(title, named.start("name"), named.end("name"))
    if _TITLE_UNNAMED.match(key):
        above = _name_above(rows, title_index)
        if above:
            return above
        # No name above the title: the running footer may carry it.
        for row in rows[title_index + 1 :]:
            footer = _TITLE_NAMED.match(row.key)
            if footer:
                return _slice_as_printed(row.plain, footer.start("name"), footer.end("name"))
        return ""
    other = _TITLE_OTHER.match(re.sub(r"\s*children's (?:social care )?services$", "", key))
    if other:
        return _slice_as_printed(title, other.start("name"), other.end("name"))
    return ""


def _name_above(rows: Sequence[Row], title_index: int) -> str:
    """The authority printed above a 2018-2020 title, whole where it wraps ("City of
    Bradford Metropolitan District" / "Council", "Royal Borough of Kensington and" /
    "Chelsea"); "" if none.

    The rows directly above the title on its page, up to :data:`_NAME_ROWS` of them; a
    blank row (in a text report) ends the name once part of it is read.
    """
    parts: list[str] = []
    page = rows[title_index].line.page
    for index in range(title_index - 1, max(-1, title_index - _NAME_ROWS - 3), -1):
        row = rows[index]
        if row.line.page != page:
            break
        if not row.cells:
            if parts:
                break
            continue
        if common.PAGE_NUMBER.match(row.plain) or row.key == "ofsted":
            continue
        if len(parts) == _NAME_ROWS or not _NAME_ROW.match(row.plain):
            break
        parts.insert(0, row.plain)
    return _comma_city_of(common.join_wrapped(parts).strip(" :,"))


def _comma_city_of(name: str) -> str:
    """ "Bristol City of" (the reference data's "Bristol, City of" printed without its
    comma) with the comma put back, so that it reads as the reference name."""
    match = _CITY_OF.fullmatch(name)
    return f"{match['name']}, {match['of']}" if match else name


def _slice_as_printed(text: str, start: int, end: int) -> str:
    """``text[start:end]``: the key is the same length as the printed text (only the case
    and apostrophes differ), so offsets found in the key slice the printed text."""
    return text[start:end].strip(" ,:")


def _date_ranges(text: str) -> list[tuple[date, date]]:
    """Every date range of an 'Inspection dates' phrase, in order.

    A split visit ("8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019") gives
    two ranges; a phrase that does not split cleanly is read as one.
    """
    text = _SPLIT_DAY.sub(r"\1\2", text.replace("\u00a0", " ")).strip(" .")
    if not text:
        return []
    pieces = re.split(r"\s+and\s+|;\s*", text)
    ranges: list[tuple[date, date]] = []
    if len(pieces) > 1:
        for piece in pieces:
            start, end = common.parse_date_range(piece)
            if start is None or end is None or end < start:
                ranges = []
                break
            ranges.append((start, end))
        if ranges:
            return ranges
    start, end = common.parse_date_range(text)
    if start is None or end is None:
        return []
    # A range that runs backwards as printed ("29 to 18 November 2024") is kept as read:
    # the loader refuses it, naming the dates.
    return [(start, end)]


def _lead_inspector(rows: Sequence[Row], header: _Header, warnings: list[str]) -> str:
    """The lead inspector's name, without "HMI" or "His Majesty's Inspector".

    Where two share the lead ("Lead inspectors: A, His Majesty's Inspector, and B," /
    "His Majesty's Inspector") both are named: "A and B".
    """
    for index in range(header.title_end, min(len(rows), header.title_end + _HEADER_ROWS)):
        match = _LEAD_INSPECTOR.match(rows[index].plain)
        if not match:
            continue
        name = match["name"]
        following = common.next_row(rows, index + 1, within=4)
        if not name.strip(" :") or (match["s"] and name.rstrip().endswith((",", " and"))):
            name = f"{name} {following.plain}" if following is not None else name
        if match["s"]:
            names = [
                common.clean_person_name(part)
                for part in _SEVERAL_NAMES.split(_INSPECTOR_TITLE.sub(",", name))
            ]
            name = " and ".join(part for part in names if part)
        else:
            name = common.clean_person_name(name)
        if name and not _MAJESTY.match(_key(name)):
            return name
    # No "Lead inspector:" label: a signature "X, His Majesty's Inspector" names the lead.
    for row in rows[header.title_end :]:
        if len(row.cells) == 1 and len(row.plain) < 90:
            signed = _SIGNED.match(row.plain.replace("’", "'"))
            if signed and not _LEAD_INSPECTOR.match(row.plain):
                return common.clean_person_name(signed["name"])
    warnings.append("No lead inspector found: lead inspector left blank.")
    return ""


# --------------------------------------------------------------------------- judgements


@dataclass
class _TableRow:
    label_cells: list[list[str]]  # the label's cells, row by row
    grade_parts: list[str]
    rows: list[Row] = field(default_factory=list)

    @property
    def grade(self) -> str:
        return common.normalise_space(" ".join(self.grade_parts))

    @property
    def label(self) -> str:
        # "... with children and families." (Cheshire East 2020): the full stop is no part
        # of the label.
        return _join_label(self.label_cells).rstrip(" .")


def _join_label(label_cells: Sequence[Sequence[str]]) -> str:
    """A table label from its rows of cells, with a word split across cells re-joined.

    Text reports sometimes split a word across two cells ("children and young peo\\tople").
    Cells are joined with spaces unless joining two of them without one turns the label
    into a judgement the parser knows.
    """
    rows = [" ".join(cells) for cells in label_cells]
    plain = common.join_wrapped(rows)
    if _LABEL.fullmatch(_key(plain)):
        return plain
    flat = [cell for cells in label_cells for cell in cells]
    for cut in range(1, len(flat)):
        left = " ".join(flat[:cut])
        right = " ".join(flat[cut:])
        candidate = common.normalise_space(left + right)
        if left[-1:].isalpha() and right[:1].islower() and _LABEL.fullmatch(_key(candidate)):
            return candidate
    return plain


def _table(document: Document, rows: Sequence[Row], start: int) -> tuple[list[_TableRow], int]:
    """The table of judgements under the header, and the index of the row after it.

    A row starts an entry when it begins with a judgement's label (or, under the table's
    "Judgement / Grade" header, when it ends with a grade); a row in lower case continues
    the entry's label, and a grade's wrapped tail ("to be good") continues its grade. The
    first row that is neither ends the table. A grade standing alone on a row after a
    complete entry (a PDF centring it beside a long label) is held for the next entry.
    """
    title_rows = start
    table: list[_TableRow] = []
    current: _TableRow | None = None
    pending: Row | None = None
    header_seen = False
    searched = 0
    index = start
    while index < len(rows):
        row = rows[index]
        index += 1
        if not row.cells:
            current = None  # a blank line ends a table row in text reports
            continue
        if _is_furniture(row, title_rows):
            continue
        if _TABLE_HEADER.match(row.key):
            header_seen = True
            continue
        cells = _label_and_grade(row.cells)
        has_grade = len(cells) > 1
        starts_label = _LABEL_START.match(row.key) and (has_grade or _could_be_label(row.key))
        if starts_label or (
            (header_seen or table)
            and has_grade
            and FOUR_WORD_GRADE_CELL.fullmatch(cells[-1])
            and cells[0][:1].isupper()
        ):
            label = cells[:-1] if has_grade else cells
            grade = [cells[-1]] if has_grade else []
            current = _TableRow([label], grade, [row])
            if pending is not None and not has_grade:
                current.grade_parts.append(pending.plain)
                current.rows.insert(0, pending)
            pending = None
            table.append(current)
            continue
        if current is not None and _continues(current, cells):
            current.rows.append(row)
            continue
        if (
            current is not None
            and pending is None
            and len(cells) == 1
            and FOUR_WORD_GRADE_CELL.fullmatch(cells[0])
        ):
            pending = row
            continue
        if table:
            return table, index - 1
        searched += 1
        if searched > _TABLE_SEARCH_ROWS:
            break
    if table:
        return table, len(rows)
    raise _fail(document, "has no table of judgements ('Judgement / Grade') under its title")


def _label_and_grade(cells: Sequence[str]) -> list[str]:
    """A row's cells; a label and its grade printed as one cell ("The experiences and
    progress of children in care Good", West Berkshire 2025) are split in two."""
    if len(cells) == 1:
        match = _LABEL_THEN_GRADE.fullmatch(cells[0])
        if match and _could_be_label(_key(match["label"])):
            return [match["label"], match["grade"]]
    return list(cells)


def _could_be_label(key: str) -> bool:
    """Whether a row without a grade is (the start of) a judgement's label, not prose."""
    text = common.normalise_space(key).rstrip(" :")
    return bool(_LABEL.fullmatch(text)) or any(label.startswith(text) for label in _PLAIN_LABELS)


def _grade_continues(grade: str, cell: str) -> bool:
    """Whether ``cell`` is the wrapped rest of ``grade`` ("Requires" / "improvement to" /
    "be good"): only the longest grade phrase wraps."""
    if not _GRADE_TAIL_WORDS.fullmatch(cell):
        return False
    combined = common.normalise_space(f"{grade} {cell}").lower().rstrip(".")
    return _RI_PHRASE.startswith(combined) or (
        combined.startswith("require") and bool(FOUR_WORD_GRADE_CELL.fullmatch(combined))
    )


def _continues(current: _TableRow, cells: list[str]) -> bool:
    """Add a row's cells to the entry being read if they continue its label or grade."""
    grade = current.grade
    if len(cells) == 1:
        cell = cells[0]
        if grade and _grade_continues(grade, cell):
            current.grade_parts.append(cell)  # "Requires improvement" / "to be good"
        elif not grade and FOUR_WORD_GRADE_CELL.fullmatch(cell):
            current.grade_parts.append(cell)  # a grade that landed on the next row
        elif cell[:1].islower():
            current.label_cells.append([cell])  # a label that wraps: "children and families"
        else:
            return False
        return True
    if cells[0][:1].islower():
        current.label_cells.append(cells[:-1])
        current.grade_parts.append(cells[-1])
        return True
    return False


def _judgement(
    label: str, printed: str, rows: Sequence[Row], warnings: list[str], source: str = ""
) -> ParsedJudgement:
    """A judgement; an unreadable or missing grade is kept as None with a warning.

    ``source`` defaults to the rows it was read from, joined.
    """
    printed = printed.rstrip(". ")
    built = judgement(
        Framework.ILACS,
        JUDGEMENTS_SECTION,
        label,
        printed,
        page=rows[0].line.page if rows else None,
        source=source or common.normalise_space(" ".join(row.plain for row in rows)),
    )
    if built.grade is None:
        warnings.append(ungraded_warning(label, printed))
    return built


def _table_judgements(table: Sequence[_TableRow], warnings: list[str]) -> list[ParsedJudgement]:
    """One judgement per table row; a row printed twice is kept once."""
    judgements: list[ParsedJudgement] = []
    seen: dict[str, ParsedJudgement] = {}
    for entry in table:
        # The row as the table reads it, label then grade (a PDF interleaves the two
        # columns' wrapped lines).
        source = common.normalise_space(f"{entry.label} {entry.grade}")
        judgement = _judgement(entry.label, entry.grade, entry.rows, warnings, source)
        key = _key(judgement.label)
        earlier = seen.get(key)
        if earlier is not None:
            if earlier.grade != judgement.grade:
                warnings.append(
                    f"{judgement.label}: printed twice in the table of judgements, "
                    f"'{earlier.grade_as_printed}' and '{judgement.grade_as_printed}'; "
                    "kept the first."
                )
            continue
        seen[key] = judgement
        judgements.append(judgement)
    return judgements


def _window(rows: Sequence[Row], start: int, size: int, title_rows: int) -> list[Row] | None:
    """``size`` content rows from ``start`` (blank rows and page furniture skipped)."""
    window: list[Row] = []
    index = start
    while len(window) < size and index < len(rows) and index < start + size + 4:
        row = rows[index]
        if row.cells and not _is_furniture(row, title_rows):
            window.append(row)
        index += 1
    return window if len(window) == size else None


def _statement_at(rows: Sequence[Row], start: int, title_rows: int) -> Statement | None:
    """A graded body heading starting at ``start`` and spanning up to three rows, or None.

    Either a sentence ending in the grade ("<label>: inadequate", "<label> is good.") or a
    label column beside a grade column ("<label>\\tGood"). A heading "<label>: <words>"
    whose words are not a grade is returned as unreadable, unless a longer window (the
    grade wrapping onto the next row) reads as a grade. A heading starts with a capital: a
    row in lower case continues a sentence ("... the judgement for" / "experiences and
    progress of children in care and care leavers is inadequate.").
    """
    if not rows[start].plain[:1].isupper():
        return None
    unreadable: Statement | None = None
    for size in (1, 2, 3):
        window = _window(rows, start, size, title_rows)
        if window is None:
            break
        label, grade = columns(window)
        key = _key(label)
        if grade:
            if _LABEL.fullmatch(key.rstrip(" :")) and FOUR_WORD_GRADE_CELL.fullmatch(grade):
                return Statement(label.rstrip(" :"), grade.rstrip("."), window)
            continue
        match = _BODY_SENTENCE.fullmatch(key)
        if match:
            return Statement(
                label[: match.end("label")].rstrip(),
                label[match.start("grade") : match.end("grade")],
                window,
            )
        colon = _BODY_COLON.fullmatch(key)
        if colon and unreadable is None:
            unreadable = Statement(
                label[: colon.end("label")].rstrip(),
                label[colon.start("grade") : colon.end("grade")],
                window,
                readable=False,
            )
    return unreadable


def _reconcile(
    table: list[ParsedJudgement], body: Sequence[Statement], warnings: list[str]
) -> list[ParsedJudgement]:
    """One judgement per area: the table's, checked against the body's headings."""
    return reconcile(
        table,
        body,
        framework=Framework.ILACS,
        area_of=lambda statement: area_for(Framework.ILACS, JUDGEMENTS_SECTION, statement.label),
        key=_judgement_key,
        body_judgement=lambda statement, area: _judgement(
            statement.label, statement.grade, statement.rows, warnings
        ),
        warnings=warnings,
    )


def _judgement_key(area: str, label: str) -> str:
    """Judgements in a comparable area are one per area; others, one per label."""
    return area if area != Area.OTHER else _key(label)


# --------------------------------------------------------------------------- framework, type


def _framework(
    judgements: Sequence[ParsedJudgement], header: _Header, warnings: list[str]
) -> Framework:
    """ILACS, or ILACS_2026 for a report from April 2026 without an overall judgement."""
    if any(j.area == Area.OVERALL for j in judgements):
        return Framework.ILACS
    when = max(d for d in (header.published, header.end) if d is not None)
    if when >= REFORM_DATE:
        return Framework.ILACS_2026
    warnings.append(
        "No overall effectiveness judgement found, but the report is dated before the April "
        "2026 change that removed it; read as an ILACS report without one."
    )
    return Framework.ILACS


def _inspection_type(rows: Sequence[Row], header: _Header) -> InspectionType:
    """ "standard" or "short": as the report says, else from the days spent on site."""
    for row in rows[header.title_index : header.body_start]:
        stated = _STATED_TYPE.search(row.key)
        if stated:
            return InspectionType(stated["a"] or stated["b"] or stated["c"])
    for row in rows[header.body_start :]:
        if "inspection" in row.key and ("short" in row.key or "standard" in row.key):
            stated = _STATED_TYPE_BODY.search(row.key)
            if stated:
                return InspectionType(stated["a"])
    on_site = sum((end - start).days + 1 for start, end in header.ranges)
    return InspectionType.SHORT if on_site <= SHORT_MAX_DAYS else InspectionType.STANDARD


# --------------------------------------------------------------------------- recommendations


@dataclass
class _List:
    section: str
    kind: str
    footnoted: bool
    bulleted: bool = False
    glyph: str = ""  # the bullet of the list's first item
    items: list[Item] = field(default_factory=list)

    def add(self, text: str, line: Line) -> None:
        self.items.append(Item([text], line, self.section, self.kind))


def _list_heading(row: Row) -> _List | None:
    if len(row.plain) > 80:
        return None
    key = row.key.strip()
    footnoted = bool(_FOOTNOTE_MARK.search(key))
    bare = _FOOTNOTE_MARK.sub("", key).strip() if footnoted else key
    for pattern, kind in _LIST_HEADINGS:
        if pattern.match(bare):
            section = _FOOTNOTE_MARK.sub("", row.plain).strip() if footnoted else row.plain
            return _List(section.rstrip(" :"), kind, footnoted)
    return None


def _texts(item: Item) -> list[str]:
    """An item's texts: lines joined, where a suspended hyphen at a line end ("homeless
    16-" / "and 17-year-olds") keeps the space after it (common.join_wrapped would give
    "16-and"), split where items were printed on one line."""
    text = _SUSPENDED_HYPHEN.sub("- ", item.text)
    return [
        part for part in _INNER_BULLET.split(text) if part.strip() and not _NO_ITEMS.search(part)
    ]


def _finished(item: Item) -> bool:
    """An item's text is complete: it ends a sentence, or a bracket ("... (paragraph 12)")."""
    return item.finished or item.parts[-1].rstrip().endswith(")")


def _is_heading(row: Row, following: Row | None) -> bool:
    """Whether ``row``, after a finished item of an unbulleted list, is a heading."""
    if row.key.startswith(_BODY_STARTS) or _PARAGRAPH.match(row.plain):
        return True
    return looks_like_heading(row.plain, longest=70, following=following)


def _recommendations(
    rows: Sequence[Row], start: int, headings: Collection[int] = ()
) -> tuple[list[ParsedRecommendation], bool]:
    """Every item of the recommendation lists, in order, and whether the last list was
    still open at the end of the text.

    A list ends at the first row that is none of its items: a row of prose after a finished
    item, a numbered paragraph, or a body heading (``headings``: the row numbers where the
    graded body headings start), even where the last item lacks its full stop. Running
    footers, page numbers and footnotes between pages are skipped, so an item or a list
    continues past a page break. A bullet of another kind under an item (a dash under
    "The quality of oversight of:") continues that item.
    """
    lists: list[_List] = []
    current: _List | None = None
    reader = ListRows(rows, start, is_furniture=lambda row: _is_furniture(row, start))
    for row in reader:
        heading = _list_heading(row)
        if heading is not None:
            current = heading
            lists.append(current)
            reader.stop_skipping()
            continue
        if current is None:
            continue
        line = row.line
        plain = row.plain
        if line.number in headings:
            current = None  # a body heading: the list has ended
            continue
        if _FOOTNOTE.match(plain) and (current.footnoted or line.page is not None):
            # A footnote at the foot of the page: skip the rest of the page (in a text
            # report, just the note's first line).
            reader.skip_rest_of_page(row)
            continue
        if _NO_ITEMS.search(plain):
            continue
        if current.items and current.glyph:
            sub = _SUB_BULLET.match(plain)
            if sub and not plain.startswith(current.glyph):
                # An item's own list, its entries set apart as the item's text reads.
                parts = current.items[-1].parts
                if not parts[-1].endswith((":", ";", ",", ".", " and", " or")):
                    parts[-1] += ";"
                parts.append(plain[sub.end() :])
                continue
        bullet = _BULLET.match(plain)
        if bullet:
            current.bulleted = True
            if not current.items:
                current.glyph = bullet.group().strip()
            current.add(plain[bullet.end() :], line)
            continue
        if current.bulleted and _PARAGRAPH.match(plain):
            current = None  # the numbered paragraphs of the body
            continue
        if not current.items:
            if plain.endswith(":"):
                continue  # an introduction: "The local authority should:"
            if row.key.startswith(_BODY_STARTS) or _PARAGRAPH.match(plain):
                current = None  # a heading with nothing under it
                continue
            current.add(plain, line)
            continue
        last = current.items[-1]
        if not _finished(last) or plain[:1].islower() or plain[:1] in "(‘'\"“":
            last.parts.append(plain)  # a wrapped line of the item
            continue
        if current.bulleted or _is_heading(row, common.next_row(rows, reader.index, within=4)):
            current = None  # the list has ended
            continue
        current.add(plain, line)  # the next item of an unbulleted list
    items = [item for found in lists for item in found.items]
    return recommendations(items, _texts), current is not None
