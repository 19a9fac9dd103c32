"""Focused visit letters (2018 on): ungraded letters about one area of an authority's practice.

A letter (see tests/ingest/parsers/golden/*_focused_visit.py for examples of every layout):

- Ofsted's letterhead, the letter's date alone on a row (the only date besides the visit's:
  taken as the publication date), the addressee, "Dear ...", then the title "Focused visit
  to <authority> children's services" (it may wrap onto a second row, or carry a postcode).
- "This letter summarises the findings of a/the focused visit to <authority> on <dates>",
  the inspectors, then the paragraph saying what the visit looked at ("Inspectors looked at
  the local authority's arrangements for ...": the focus), which may go on into bullets of
  scope. Letters of autumn 2020 to summer 2021 may have no such paragraph.
- "Areas for priority action" (22 of 371 letters) and "What needs to improve in this area
  of social work practice" (wording varies), each a list of bullets (a symbol-font glyph to
  March 2019, a black square after; a few print a paragraph, or several, with no bullets:
  Wolverhampton 2018), ended by "(Main) findings" or, when the list comes last,
  by "Ofsted will take the findings ...". From 2025 a footnote can sit inside the list at
  the foot of a page, and each item carries its national framework theme ("(outcome 3,
  national framework)"), read out of its text into ``national_framework`` (:mod:`.themes`).
- The signature: the lead inspector's name, then "Her/His Majesty's Inspector".

Letters are not graded: grade words in their prose ("was judged inadequate in 2018") are
never read as judgements, and the report has none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from vocabulary import Framework, InspectionType, RecommendationKind

from ..document import Document
from . import common
from .base import ParsedRecommendation, ParsedReport, ParserSpec
from .common import FrontPage, Row
from .lists import Item, ListRows, ends_sentence, recommendations
from .themes import take_themes

SPEC = ParserSpec(
    version="focused-visit-5",
    kinds=(Framework.FOCUSED_VISIT,),
    titles=(r"\bfocused visit to\b",),
    # A letter's front page, focus and lists fill its first two pages in most letters, and
    # its signature is on its last: the pages between (findings) are not read unless the
    # parser finds it needs them (:func:`_needs_more_pages`; then it is given one page more
    # at a time). In the corpus, 6 letters in 7 need no more, and every letter reads the
    # same as when read whole: a third of the letters' pages are not extracted.
    pages_needed=2,
    last_pages_needed=1,
)
_fail = common.parse_failure("focused visit letter")

# The letterhead, addressee and title are on the first page; a few rows of slack.
_OPENING_ROWS = 60
_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
_TITLE = re.compile(rf"^(?:{_POSTCODE}\s+)?(?P<title>focused visit to\b.*)$", re.IGNORECASE)
_TRAILING_POSTCODE = re.compile(rf"\s+{_POSTCODE}$")
# A title that ends here is whole; anything else wrapped onto the next row.
_TITLE_END = re.compile(r"(?:services|trust|first)\.?$", re.IGNORECASE)
_SERVICES = rf"children{common.APOSTROPHE}?s\s+services"
_AUTHORITY_IN_TITLE = re.compile(
    rf"^focused visit to\s+(?:the\s+)?(?P<name>.*?)(?:{common.APOSTROPHE}s)?\s*"
    rf"(?:(?:local\s+authority\s+)?{_SERVICES})?\.?$",
    re.IGNORECASE,
)
_AUTHORITY_IN_SUMMARY = re.compile(
    rf"focused visit to\s+(?:the\s+)?(?P<name>[A-Z][^.]*?)(?:{common.APOSTROPHE}s)?\s+"
    rf"(?:local\s+authority\s+)?{_SERVICES}",
)
_LETTER_DATE = re.compile(
    r"^(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4})$",
)

_SUMMARY = re.compile(r"summarises the findings of (?:a|the|our) focused", re.IGNORECASE)
_SUMMARY_ROWS = 8
# Rows after the title the summary sentence is looked for in.
_SUMMARY_SEARCH_ROWS = 40
# The visit's dates follow "on" or "between" (sometimes "on the 5th and 6th of June").
_DATES_START = re.compile(r"\b(?:on|between)\s+(?:the\s+)?(?=\d)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\.(?:\s|$)")
# Month names as letters print them, capitalised: "may" in a sentence is not May.
_MONTH = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DAY = re.compile(r"\b(\d{1,2})\b")
_LONGEST_VISIT_DAYS = 31

_FOCUS_START = re.compile(
    r"(?:^|(?<=\.\s))(?:during this visit,?\s+)?"
    r"(?:(?:the\s+)?inspectors\s+(?:looked at|considered|reviewed|evaluated|focused on)"
    r"|(?:this|the)\s+visit\s+looked at|the focus of this visit was)\b",
    re.IGNORECASE,
)
# The paragraph on the evidence looked at, which follows the focus: "Inspectors looked at /
# considered / reviewed a range of evidence, including ...".
_NOT_FOCUS = re.compile(r"^(?:the )?inspectors (?:also )?[a-z]+(?: at)? a (?:wide )?range of\b")
_FOCUS_ENDS = (
    "this visit was carried out",
    "the visit was carried out",
    "inspectors looked at a range",
    "inspectors considered a range",
    "the inspectors looked at a range",
    "the methodology",
    "overview",
    "headline findings",
    "her majesty's chief inspector",
    "his majesty's chief inspector",
    "areas for priority action",
    "area for priority action",
    "what needs to improve",
    "areas for improvement",
    "areas of strength",
    "findings",
    "main findings",
)
_FOCUS_ROWS = 16
# Rows after the title the focus paragraph is looked for in.
_FOCUS_SEARCH_ROWS = 45
# A sentence saying how the visit was done, not what it looked at, run on in the focus
# paragraph: "Inspectors looked at a range of evidence, including ...", "A range of
# evidence was considered.", "This visit was conducted in line with the ILACS framework.",
# "Throughout this letter, care leavers are referred to as ...".
_FOCUS_STOP = re.compile(
    r"(?<=[.:;]\s)(?:"
    r"(?:the\s+)?(?:inspectors|they)\s+(?:also\s+)?"
    r"(?:looked\s+at|considered|reviewed|gathered|scrutinised)"
    r"(?:\s+a\s+(?:wide\s+|broad\s+)?range\s+of)?\s+evidence"
    r"|a\s+range\s+of\s+evidence\s+was"
    r"|(?:this|the)\s+visit\s+was\s+(?:carried\s+out|conducted)"
    r"|the\s+methodology"
    r"|throughout\s+this\s+letter"
    r"|the\s+findings\s+in\s+this\s+letter"
    r")",
    re.IGNORECASE,
)

# Where a row of the focus paragraph ends a sentence (a closing quote may follow the stop).
_ROW_ENDS_SENTENCE = re.compile(r"[.:;?!][\u2019\u201d'\")]*\s*$")

_PRIORITY = re.compile(r"^areas? for priority action\s*:?$")
_IMPROVE = re.compile(
    r"^(?:what needs to improve in this area of (?:social work )?practice|areas for improvement)"
    r"\s*[?:]?\s*\d?$"
)
_LIST_ENDS = re.compile(
    r"^(?:(?:main |headline )?findings$"
    r"|overview$"
    r"|areas of strength$"
    r"|ofsted will take the findings"
    r"|we have notified"
    r"|where a focused visit results"
    r"|yours? sincerely"
    r"|this letter will be published)"
)
# Where a row that ends a sentence is shorter than this share of the widest row of the
# block, it is a paragraph's last line: the lines above it run close to the margin.
_PARAGRAPH_END_WIDTH = 0.8
# A list that says there is nothing new in it: "There are no priority actions following this
# focused visit.", "There are no additional areas for improvement."
_NOTHING_LISTED = re.compile(
    r"\bno (?:additional |further |new )?(?:areas? for )?(?:priority actions?|improvement)\b",
    re.IGNORECASE,
)
# Sub-bullets (Manchester 2020) are a horizontal line.
_SUB_BULLET = re.compile(r"^[⎯―]\s*")

# The only running footer letters print besides page numbers (2021).
_RUNNING_FOOTER = re.compile(r"^ofsted is proud to use recycled paper")


def _is_furniture(row: Row) -> bool:
    """A page number or the running footer: not part of a list."""
    return bool(common.PAGE_NUMBER.match(row.plain) or _RUNNING_FOOTER.match(row.key))


_VALEDICTION = re.compile(r"^yours? sincerely,?$")
_ROLE = re.compile(r"^(?:her|his) majesty'?s inspector\b[\s=.]*$")


@dataclass
class _Header(FrontPage):
    """A letter's front page: its visit dates are read later, from its first sentence."""

    title_index: int


def parse(document: Document) -> ParsedReport:
    """Parse a focused visit letter. Raises ParseError without a title or visit dates."""
    rows = [Row.of(line) for line in document.lines()]
    warnings: list[str] = []
    header = _header(document, rows)
    start, end = _visit_dates(document, rows, header, warnings)
    if header.published is not None and header.published < end:
        warnings.append(
            f"The letter is dated {header.published:%d %B %Y}, before the visit ended "
            f"({end:%d %B %Y}): its date was not taken as the publication date."
        )
        header.published = None
    priority = _list(rows, _PRIORITY, RecommendationKind.PRIORITY_ACTION)
    improve = _list(rows, _IMPROVE, RecommendationKind.AREA_FOR_IMPROVEMENT)
    focus, focus_read_to = _focus(rows, header.title_index)
    recommendations = [*priority.items, *improve.items]
    warnings.extend(take_themes(recommendations))
    lead = _lead_inspector(rows)
    if not lead:
        warnings.append("No lead inspector found (no signature was read): left blank.")
    header.start, header.end = start, end
    report = header.report(
        Framework.FOCUSED_VISIT,
        InspectionType.VISIT,
        SPEC.version,
        lead_inspector=lead,
        focus=focus,
        judgements=[],
        recommendations=recommendations,
        warnings=warnings,
    )
    opening_read_to = max(_summary_read_to(rows, header), focus_read_to)
    report.needs_more_pages = _needs_more_pages(document, rows, opening_read_to, priority, improve)
    return report


def _needs_more_pages(
    document: Document,
    rows: Sequence[Row],
    opening_read_to: int,
    priority: _List,
    improve: _List,
) -> bool:
    """Whether a letter read in part (its opening pages and its last, as :data:`SPEC` says)
    may say more than was read: what the parser reads is then not all on those pages.

    Enough was read when the opening rows the front page, dates and focus were read from
    (up to ``opening_read_to``), and both lists with the rows that end them, come before the
    first page not read, and the
    signature ("Yours sincerely") is on the closing pages. Priority actions come before
    what needs to improve in every letter of the corpus, so a letter whose list of what
    needs to improve ended before the pages not read has no priority actions among them.
    """
    first = document.first_unread()
    if first is None:
        return False
    unread_at = next(
        (index for index, row in enumerate(rows) if (row.line.page or 0) >= first), len(rows)
    )
    if opening_read_to > unread_at or not improve.read_before(unread_at):
        return True
    if priority.heading is not None and not priority.read_before(unread_at):
        return True
    signed = _valediction(rows)
    return signed is None or signed < unread_at


# --------------------------------------------------------------------------- front page


def _header(document: Document, rows: Sequence[Row]) -> _Header:
    published = None
    for index, row in enumerate(rows[:_OPENING_ROWS]):
        if published is None and (match := _LETTER_DATE.match(row.plain)):
            published = common.parse_date(match["date"])
        match = _TITLE.match(row.plain)
        if match is None:
            continue
        title = _TRAILING_POSTCODE.sub("", match["title"])
        following = _next_text_row(rows, index)
        if not _TITLE_END.search(title) and following is not None:
            title = common.join_wrapped([title, following.plain])
        title = title.rstrip(" .")
        return _Header(
            title=title,
            authority=_authority(rows, index, title),
            start=None,  # read from the summary sentence by _visit_dates
            end=None,
            published=published,
            title_index=index,
        )
    raise _fail(document, "has no title: no 'Focused visit to ...' row on its first page")


def _next_text_row(rows: Sequence[Row], index: int) -> Row | None:
    """The row a wrapped title goes on in: short, and not the summary sentence."""
    row = common.next_row(rows, index + 1, within=2, skip_page_numbers=True)
    if row is None or _SUMMARY.search(row.plain) or len(row.plain) > 60:
        return None
    return row


def _authority(rows: Sequence[Row], title_index: int, title: str) -> str:
    """The authority as the title names it; where the title names none ("Focused visit to
    children's services", Camden 2023), as the summary sentence does."""
    match = _AUTHORITY_IN_TITLE.match(title)
    name = match["name"].strip(" ,") if match else ""
    if name:
        return name
    summary = common.join_wrapped(row.plain for row in rows[title_index + 1 : title_index + 4])
    match = _AUTHORITY_IN_SUMMARY.search(summary)
    return match["name"].strip(" ,") if match else ""


def _summary_read_to(rows: Sequence[Row], header: _Header) -> int:
    """The row after the last one :func:`_visit_dates` (and the title) read."""
    end = min(len(rows), header.title_index + _SUMMARY_SEARCH_ROWS)
    summary = next(
        (i for i in range(header.title_index, end) if _SUMMARY.search(rows[i].plain)), None
    )
    return end if summary is None else min(len(rows), summary + _SUMMARY_ROWS)


def _visit_dates(
    document: Document, rows: Sequence[Row], header: _Header, warnings: list[str]
) -> tuple[date, date]:
    """The visit's first and last days, from the summary sentence."""
    for index in range(
        header.title_index, min(len(rows), header.title_index + _SUMMARY_SEARCH_ROWS)
    ):
        if not _SUMMARY.search(rows[index].plain):
            continue
        text = common.join_wrapped(row.plain for row in rows[index : index + _SUMMARY_ROWS])
        start_at = _DATES_START.search(text, _SUMMARY.search(text).end())
        if start_at is None:
            break
        phrase = text[start_at.end() :]
        if sentence_end := _SENTENCE_END.search(phrase):
            phrase = phrase[: sentence_end.start()]
        dates = _read_dates(phrase, header.published)
        if dates is None:
            break
        start, end = dates
        if (end - start).days > _LONGEST_VISIT_DAYS:
            warnings.append(
                f"The visit dates read as {start:%d %B %Y} to {end:%d %B %Y}, longer than a "
                "focused visit lasts: check the letter's dates."
            )
        return start, end
    raise _fail(document, "has no visit dates: no 'focused visit ... on <dates>' sentence")


def _read_dates(phrase: str, letter_date: date | None) -> tuple[date, date] | None:
    """Dates from "27 and 28 February 2018", "31 October and 1 November 2023", "29 and 30
    September, and 1 October 2020", "22–23 October 2019", "the 5th and 6th of June 2018",
    or "30 and 31 January" (no year: the letter's)."""
    phrase = re.sub(r"(\d)(?:st|nd|rd|th)\b(?:\s+of)?", r"\1", phrase)
    months = list(_MONTH.finditer(phrase))
    days = list(_DAY.finditer(phrase))
    if not months or not days:
        return None
    years = list(_YEAR.finditer(phrase))
    last_month = months[-1]
    end_year = next((int(y[0]) for y in years if y.start() > last_month.end()), None)
    if end_year is None:
        if letter_date is None:
            return None
        end_year = letter_date.year
    end_days = [day for day in days if day.end() <= last_month.start()]
    first_month = next((month for month in months if month.start() > days[0].start()), None)
    if first_month is None:
        return None
    start_year = next(
        (int(y[0]) for y in years if first_month.end() <= y.start() < last_month.start()),
        end_year,
    )
    try:
        end = date(end_year, common.MONTHS[last_month[1].lower()], int(end_days[-1][1]))
        start = date(start_year, common.MONTHS[first_month[1].lower()], int(days[0][1]))
    except (IndexError, ValueError):
        return None
    if start > end and start.month > end.month:  # "29 December to 2 January 2019"
        start = start.replace(year=start.year - 1)
    # "29 and 18 November 2024" runs backwards as printed: kept so, and refused by the
    # loader, rather than moved into another year.
    if letter_date is not None and not years and end > letter_date:
        start, end = start.replace(year=start.year - 1), end.replace(year=end.year - 1)
    return start, end


# --------------------------------------------------------------------------- the letter


def _focus(rows: Sequence[Row], title_index: int) -> tuple[str, int]:
    """The paragraph saying what the visit looked at, as printed, with any bullets of scope
    that follow it (joined by "; "); "" where the letter has none (autumn 2020 to summer
    2021). It ends before a sentence on how the visit was done (:data:`_FOCUS_STOP`).

    With it, the row after the last one looked at (to know the rows read were enough)."""
    search_end = min(len(rows), title_index + _FOCUS_SEARCH_ROWS)
    for index in range(title_index + 1, search_end):
        row = rows[index]
        if not row.cells:
            continue
        if _ends_focus(row) and not _FOCUS_START.match(row.plain):
            if index > title_index + 3 and _ends_body(row):
                return "", index + 1
            continue
        match = _FOCUS_START.search(row.plain)
        if match is None or _NOT_FOCUS.match(row.key[match.start() :]):
            continue
        parts = [row.plain[match.start() :]]
        reach = min(len(rows), index + _FOCUS_ROWS)
        for number in range(index + 1, reach):
            following = rows[number]
            if not following.cells or common.PAGE_NUMBER.match(following.plain):
                continue
            if _ends_focus(following):
                # A heading's words can open a wrapped line mid-sentence ("... children in
                # care were / areas for improvement at the last inspection."): read on to
                # the end of that sentence, then stop.
                if following.plain[:1].islower() and not _ROW_ENDS_SENTENCE.search(parts[-1]):
                    parts.append(_to_sentence_end(following.plain))
                reach = number + 1
                break
            parts.append(common.BULLET.sub("; ", following.plain))
        text = (
            common.join_wrapped(parts).replace(": ;", ":").replace(" ; ", "; ").replace(".; ", "; ")
        )
        if stop := _FOCUS_STOP.search(text):
            text = text[: stop.start()].rstrip()
        return text, reach
    return "", search_end


def _to_sentence_end(text: str) -> str:
    end = _SENTENCE_END.search(text)
    return text[: end.start() + 1] if end else text


def _ends_focus(row: Row) -> bool:
    return row.key.startswith(_FOCUS_ENDS) or _NOT_FOCUS.match(row.key) is not None


def _ends_body(row: Row) -> bool:
    """A heading of the letter's body: past it, no focus paragraph is coming."""
    key = row.key.rstrip(" :?")
    return key in ("overview", "headline findings", "findings", "main findings") or bool(
        _PRIORITY.match(row.key) or _IMPROVE.match(row.key)
    )


@dataclass
class _List:
    """A list as read: its items, the row of its heading and the row after the one that
    ended it (None where no row did: it ran to the end of what was read)."""

    items: list[ParsedRecommendation]
    heading: int | None = None
    ended: int | None = None

    def read_before(self, row: int) -> bool:
        """Whether the heading and the end of the list come before ``row``."""
        return self.heading is not None and self.ended is not None and self.ended <= row


def _list(rows: Sequence[Row], heading: re.Pattern[str], kind: str) -> _List:
    """The items under the first ``heading``: one per bullet; a list printed without bullets
    is one item per paragraph (:func:`_paragraphs`), leaving out a paragraph that says there
    is nothing new ("There are no priority actions")."""
    start = next((i for i, row in enumerate(rows) if heading.match(row.key)), None)
    if start is None:
        return _List([])
    section = re.sub(r"\s*[?:]?\s*\d?$", "", rows[start].plain)
    if rows[start].plain.rstrip(" 1").endswith("?"):
        section += "?"
    items: list[Item] = []
    unbulleted: list[Row] = []
    reader = ListRows(rows, start + 1, is_furniture=_is_furniture)
    ended = None
    for row in reader:
        if _LIST_ENDS.match(row.key) or _PRIORITY.match(row.key) or _IMPROVE.match(row.key):
            ended = reader.index
            break
        if common.FOOTNOTE.match(row.plain) and reader.rows_left_on_page(row) <= 5:
            reader.skip_rest_of_page(row)  # a footnote at the foot of the page
            continue
        text = row.plain
        bullet = common.BULLET.match(text)
        if bullet:
            items.append(Item([text[bullet.end() :]], row.line, section, kind))
        elif items and (sub := _SUB_BULLET.match(text)):
            items[-1].parts.append(f"; {text[sub.end() :]}")
        elif items:
            items[-1].parts.append(text)
        else:
            unbulleted.append(row)
    if not items:
        for paragraph in _paragraphs(unbulleted):
            text = common.join_wrapped(row.plain for row in paragraph)
            if not _NOTHING_LISTED.search(text):
                items.append(Item([text], paragraph[0].line, section, kind))
    return _List(
        recommendations(items, lambda item: [common.normalise_space(item.text.replace(" ;", ";"))]),
        start,
        ended,
    )


def _paragraphs(rows: Sequence[Row]) -> list[list[Row]]:
    """Rows of text printed without bullets, split into paragraphs. The layout text keeps
    no blank line between paragraphs, so a paragraph ends where a row ends a sentence well
    short of the block's widest row (:data:`_PARAGRAPH_END_WIDTH` of it) and the next row
    starts with a capital: the last line of a paragraph, not a full line of one."""
    if not rows:
        return []
    widest = max(len(row.plain) for row in rows)
    paragraphs: list[list[Row]] = [[]]
    for row, following in zip(rows, [*rows[1:], None], strict=True):
        paragraphs[-1].append(row)
        if (
            following is not None
            and ends_sentence(row.plain)
            and following.plain[:1].isupper()
            and len(row.plain) < _PARAGRAPH_END_WIDTH * widest
        ):
            paragraphs.append([])
    return paragraphs


def _valediction(rows: Sequence[Row]) -> int | None:
    """The row of the letter's last "Yours sincerely"."""
    return max((i for i, row in enumerate(rows) if _VALEDICTION.match(row.key)), default=None)


def _lead_inspector(rows: Sequence[Row]) -> str:
    """The signatory: the name after "Yours sincerely", else the name above the last
    "Her/His Majesty's Inspector" row. The first inspector the letter names is not always
    the lead."""
    valediction = _valediction(rows)
    if valediction is not None:
        signed = common.next_row(rows, valediction + 1, within=3, skip_page_numbers=True)
        if signed is not None:
            return common.clean_person_name(signed.plain)
    role = max((i for i, row in enumerate(rows) if _ROLE.match(row.key)), default=None)
    if role is not None:
        signed = common.previous_row(rows, role, within=3, skip_page_numbers=True)
        if signed is not None:
            return common.clean_person_name(signed.plain)
    return ""
