"""Parser for the 2006 annual performance assessment (APA) letter.

An APA letter is addressed to the Director of Children's Services and reads:

- the letter's own date ("1 November 2006"), the title "2006 ANNUAL PERFORMANCE ASSESSMENT
  OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN <AUTHORITY>" (which may wrap in a PDF);
- a "Grade awarded" table ("Areas for judgement\\tGrade awarded¹") grading three areas
  1-4, where **4 is the best** (vocabulary.read_grade reads the APA scale), with ``<i>`` markup
  inside the labels, a footnote mark on the header and a lone footnote "1" under it;
- a grade key table ("4\\tA service that delivers well above minimum requirements for
  users"): boilerplate, not judgements, but used to cross-check the summary sentence;
- one section per Every Child Matters outcome whose first sentence grades it in words
  ("The council's contribution to outcomes in this area is good");
- a management section repeating the capacity to improve in words ("its capacity to
  improve is excellent"), reconciled with the table's grade into one judgement;
- a two-column "Key strengths / Key areas for improvement" table with HTML-like markup
  (``<p><i>Staying safe:</i></p> <ul ...> • ...``), whose right column holds recommendations;
- an "Aspects for focus in a future joint area review or the next APA" list;
- the signatures ("Yours sincerely", "FLO HADLEY", "Divisional Manager").

Dates: the APA is a desk assessment with no inspection dates; the letter's date is the only
date that identifies it. The loader identifies an inspection by authority, framework, start
and end date, so the letter date is used as start_date, end_date and published_on: each
authority had one APA letter a year, so it identifies the assessment uniquely, and null dates
would make every APA of an authority look alike. A letter without a date is refused.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from vocabulary import Area, Framework, InspectionType, RecommendationKind

from ..document import Document, Line
from . import common
from .base import ParsedJudgement, ParsedRecommendation, ParsedReport, ParserSpec
from .common import FrontPage
from .judgements import judgement
from .lists import Item, recommendations

FRAMEWORK = Framework.APA
SPEC = ParserSpec(
    version="apa-1",
    kinds=(FRAMEWORK,),
    titles=(r"annual performance assessment of services for children",),
)
_fail = common.parse_failure("annual performance assessment letter")

_TITLE = re.compile(r"annual performance assessment of services for children", re.IGNORECASE)
_TITLE_AUTHORITY = re.compile(
    r"children and young people in\s+(?P<name>.+?)\s*$", re.IGNORECASE | re.DOTALL
)

OUTCOMES: tuple[str, ...] = (
    "Being healthy",
    "Staying safe",
    "Enjoying and achieving",
    "Making a positive contribution",
    "Achieving economic well-being",
)
_OUTCOME_KEYS = {common.squash(name): name for name in OUTCOMES}
_MANAGEMENT_HEADING = "the council's management of its services"
_STRENGTHS_HEADING = "key strengths and areas for improvement"
_ASPECTS_HEADING = "aspects for focus"
# Table-cell headings of the strengths/areas table besides the outcomes.
_TABLE_HEADINGS = {*_OUTCOME_KEYS, "management of children's services"}

# "The contribution made by the council to outcomes in this area is excellent",
# "The council's contribution to outcomes in this area is good": the grade is the word.
_OUTCOME_GRADE = re.compile(
    r"\boutcomes in this area (?:is|are)\s+(?P<word>[A-Za-z-]+)", re.IGNORECASE
)
_CAPACITY_GRADE = re.compile(
    r"\bcapacity to improve (?:is|are)\s+(?P<word>[A-Za-z-]+)", re.IGNORECASE
)

# Markup of the letter's tables: inline tags vanish, block tags separate text.
_INLINE_TAG = re.compile(r"</?(?:i|b|em|strong|u|span|font)\b[^>]*>", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"<[^>]+>")
_ITEM_TAG = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
# Bullets as they come out of text and PDF: "•", pdfminer's "(cid:127)", private-use glyphs.
_BULLET = re.compile(r"\(cid:\d+\)|[•●▪■◦‣∙\uf0b7\uf0a7\uf0d8]")
_LINE_BULLET = re.compile(r"^\s*(?:\(cid:\d+\)|[•●▪■◦‣∙\uf0b7\uf0a7\uf0d8*]|[-–—](?=\s))\s*")
_SUPERSCRIPTS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]")
_ITEM_MARK = "\x00"
_LIST_END = ("we confirm", "yours sincerely", "yours faithfully")
_ASPECT = RecommendationKind.ASPECT_FOR_FOCUS


def parse(document: Document) -> ParsedReport:
    """Parse an APA letter into a ParsedReport; raise ParseError if its essentials are missing."""
    lines = list(document.lines())
    index = _Index.build(lines)
    title = _title(document, lines, index)
    authority = _authority(document, title, lines)
    letter_date = _letter_date(document, lines, index)

    # The letter's date is the only one it prints: see the module's docstring.
    front = FrontPage(title, authority, letter_date, letter_date, letter_date)
    report = front.report(FRAMEWORK, InspectionType.FULL, SPEC.version)
    report.lead_inspector = _signatory(lines, index, report.warnings)

    table = _grade_table(document, lines, index, report.warnings)
    report.judgements.extend(table)
    _check_summary(lines, index, table, report.warnings)
    report.judgements.extend(_outcome_judgements(lines, index, report.warnings))
    _reconcile_capacity(lines, index, report)

    report.recommendations.extend(_areas_for_improvement(lines, index))
    report.recommendations.extend(_aspects_for_focus(lines, index))
    return report


# --------------------------------------------------------------------------- layout


@dataclass
class _Index:
    """Where the letter's sections start, found in one pass over the lines."""

    title: int | None = None
    table: int | None = None  # the "Grade awarded" header row
    key: int | None = None  # the grade key's header row ("Grade\tService descriptors")
    outcomes: dict[str, int] = field(default_factory=dict)  # outcome name -> heading line
    management: int | None = None
    strengths: int | None = None
    aspects: int | None = None
    closing: int | None = None  # "Yours sincerely"
    headings: list[int] = field(default_factory=list)  # every section heading, in order

    @classmethod
    def build(cls, lines: Sequence[Line]) -> _Index:
        index = cls()
        for line in lines:
            text = common.squash(line.plain)
            if not text:
                continue
            number = line.number
            if index.title is None and _TITLE.search(text):
                index.title = number
            elif index.table is None and "grade awarded" in text:
                index.table = number
            elif index.key is None and re.match(r"grade service descriptors", text):
                index.key = number
            elif text in _OUTCOME_KEYS and len(line.cells) == 1:
                index.outcomes.setdefault(_OUTCOME_KEYS[text], number)
                index.headings.append(number)
            elif index.management is None and text.startswith(_MANAGEMENT_HEADING):
                index.management = number
                index.headings.append(number)
            elif index.strengths is None and text.startswith(_STRENGTHS_HEADING):
                index.strengths = number
                index.headings.append(number)
            elif index.aspects is None and text.startswith(_ASPECTS_HEADING):
                index.aspects = number
                index.headings.append(number)
            elif index.closing is None and text.startswith(("yours sincerely", "yours faithfully")):
                index.closing = number
                index.headings.append(number)
        return index

    def section_end(self, start: int, total: int) -> int:
        """The line where the section starting at ``start`` ends (the next heading)."""
        position = bisect_right(self.headings, start)
        return self.headings[position] if position < len(self.headings) else total


def _strip_markup(text: str) -> str:
    """Text without HTML-like tags or footnote marks, single-spaced."""
    text = _INLINE_TAG.sub("", text)
    text = _BLOCK_TAG.sub(" ", text)
    return common.normalise_space(_SUPERSCRIPTS.sub("", text))


def _joined(lines: Sequence[Line]) -> tuple[str, list[int]]:
    """The lines' plain text joined by spaces, with each line's start offset."""
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for line in lines:
        plain = line.plain
        if not plain:
            continue
        starts.append(offset)
        parts.append(plain)
        offset += len(plain) + 1
    return " ".join(parts), starts


def _sentence(text: str, position: int) -> str:
    """The sentence of ``text`` around ``position``."""
    start = max(text.rfind(". ", 0, position), text.rfind("? ", 0, position))
    start = 0 if start < 0 else start + 2
    end = text.find(". ", position)
    end = len(text) if end < 0 else end + 1
    return text[start:end].strip()


# --------------------------------------------------------------------------- header


def _title(document: Document, lines: Sequence[Line], index: _Index) -> str:
    """The title as printed, joined where it wraps."""
    if index.title is None:
        raise _fail(document, "has no title naming the annual performance assessment")
    parts = [lines[index.title].plain]
    number = index.title + 1
    # A PDF wraps the upper-case title: "... YOUNG PEOPLE IN" / "KNOWSLEY METROPOLITAN ...".
    while number < len(lines):
        plain = lines[number].plain
        if not plain or not plain.isupper() or len(parts) > 3:
            break
        parts.append(plain)
        number += 1
    return common.normalise_space(" ".join(parts))


def _authority(document: Document, title: str, lines: Sequence[Line]) -> str:
    """The authority as printed: the title's name, in the letter's own case where it has it."""
    match = _TITLE_AUTHORITY.search(title)
    if not match:
        raise _fail(document, "does not name the local authority in its title")
    name = match["name"].strip(" .,:")
    # The title is in capitals; the address block or the text spells it in mixed case.
    wanted = common.squash(name)
    for line in lines:
        plain = line.plain
        if plain.isupper() or wanted not in common.squash(plain):
            continue
        start = common.squash(plain).find(wanted)
        candidate = common.normalise_space(plain.replace("’", "'"))[start : start + len(wanted)]
        if common.squash(candidate) == wanted:
            return candidate
    return name if not name.isupper() else _name_case(name, small_words=True)


def _letter_date(document: Document, lines: Sequence[Line], index: _Index) -> date:
    """The date the letter is dated with: a line holding only a date, above the title."""
    end = index.title if index.title is not None else len(lines)
    for line in lines[:end]:
        plain = line.plain
        if plain and len(plain) <= 40:
            found = common.parse_date(plain)
            if found:
                return found
    raise _fail(document, "carries no date (the letter's date identifies the assessment)")


def _name_case(name: str, *, small_words: bool = False) -> str:
    """ "FLO HADLEY" -> "Flo Hadley"; "O'NEILL-SMITH" -> "O'Neill-Smith"."""

    def word_case(word: str) -> str:
        if small_words and word.lower() in {"of", "and", "the", "upon", "on", "in"}:
            return word.lower()
        return re.sub(r"[A-Za-z]+", lambda m: m[0].capitalize(), word)

    return " ".join(word_case(word) for word in name.split())


def _signatory(lines: Sequence[Line], index: _Index, warnings: list[str]) -> str:
    """The first signatory's name, in name case.

    The APA letter names no lead inspector; it is signed by Ofsted's divisional manager
    (and CSCI's director). The first signature is recorded as the lead inspector because it
    is the person accountable for the judgement; the letter prints it in capitals
    ("FLO HADLEY"), which is repaired to name case ("Flo Hadley").
    """
    if index.closing is not None:
        for line in lines[index.closing + 1 : index.closing + 8]:
            plain = line.plain
            if not plain:
                continue
            name = common.clean_person_name(plain)
            if re.fullmatch(r"[A-Za-z][A-Za-z'’. -]+", name) and len(name.split()) <= 5:
                return _name_case(name) if name.isupper() else name
            break
    warnings.append("No signatory found under 'Yours sincerely': lead inspector left blank.")
    return ""


# --------------------------------------------------------------------------- judgements


@dataclass
class _TableRow:
    label_parts: list[str]
    grade: str | None
    line: Line


def _grade_table(
    document: Document, lines: Sequence[Line], index: _Index, warnings: list[str]
) -> list[ParsedJudgement]:
    """The judgements of the "Grade awarded" table, one per row, in order."""
    if index.table is None:
        raise _fail(document, "has no 'Grade awarded' table")
    header = lines[index.table]
    section = _strip_markup(header.cells[0]) if len(header.cells) > 1 else "Areas for judgement"
    rows: list[_TableRow] = []
    for line in lines[index.table + 1 :]:
        cells = [_strip_markup(cell) for cell in line.cells]
        cells = [cell for cell in cells if cell]
        if not cells:
            if rows:
                break  # a blank line ends the table in text reports
            continue
        if index.key is not None and line.number >= index.key:
            break
        if len(cells) == 1 and re.fullmatch(r"\d", cells[0]):
            # A lone digit is the grade of a row whose grade did not line up with its label,
            # or else the footnote under the table.
            if rows and rows[-1].grade is None:
                rows[-1].grade = cells[0]
                continue
            break
        if len(cells) > 1 and re.fullmatch(r"\d", cells[0]):
            break  # a grade key row ("4\tA service that ..."): the table is over
        label, grade = (" ".join(cells[:-1]), cells[-1]) if len(cells) > 1 else (cells[0], None)
        # A label that wraps in its cell continues in lower case on the next row; the grade
        # may sit on either row.
        if rows and label[:1].islower() and (grade is None or rows[-1].grade is None):
            rows[-1].label_parts.append(label)
            rows[-1].grade = rows[-1].grade or grade
            continue
        if len(rows) >= 12:
            break  # prose after a table that did not end cleanly
        rows.append(_TableRow([label], grade, line))
    if not rows:
        raise _fail(document, "has a 'Grade awarded' table with no rows")
    judgements = []
    for row in rows:
        label = common.normalise_space(" ".join(row.label_parts))
        printed = row.grade or ""
        built = judgement(
            FRAMEWORK,
            section,
            label,
            printed,
            page=row.line.page,
            source=f"{label}\t{printed}".strip(),
        )
        if built.grade is None:
            warnings.append(
                f"Grade awarded table: the grade of '{label}' could not be read "
                f"({printed or 'no grade printed'}); kept without a grade."
            )
        judgements.append(built)
    return judgements


def _grade_key(lines: Sequence[Line], index: _Index) -> tuple[dict[str, str], int]:
    """The letter's own grade key, service descriptor ("delivers well above minimum
    requirements") -> grade number, and the line after the key. Empty if there is no key."""
    if index.key is None:
        return {}, 0
    key: dict[str, list[str]] = {}
    current: list[str] | None = None
    end = index.key + 1
    for line in lines[index.key + 1 : index.key + 20]:
        end = line.number
        cells = line.cells
        if not cells:
            if key:
                break
            continue
        if len(cells) > 1 and re.fullmatch(r"[1-4]", cells[0]):
            current = key.setdefault(cells[0], [])
            current.append(cells[1])
        elif current is not None and len(cells) == 1 and cells[0][:1].islower():
            current.append(cells[0])  # the descriptor wraps in its cell
        else:
            break
    else:
        end = min(len(lines), index.key + 20)
    descriptors = {}
    for number, parts in key.items():
        text = common.squash(" ".join(parts))
        text = re.sub(r"^a service that\s+", "", text)
        text = re.sub(r"\s+for users\.?$", "", text)
        descriptors[text] = number
    return descriptors, end


def _check_summary(
    lines: Sequence[Line],
    index: _Index,
    table: list[ParsedJudgement],
    warnings: list[str],
) -> None:
    """Cross-check the summary sentence ("<authority> delivers well above minimum
    requirements ...") against the table's overall grade, using the letter's own key.

    The sentence restates the overall judgement in the key's words; it is not a second
    judgement, but a disagreement is reported.
    """
    descriptors, key_end = _grade_key(lines, index)
    overall = next((j for j in table if j.area == Area.OVERALL), None)
    if not descriptors or overall is None:
        return
    end = min(index.outcomes.values(), default=min(len(lines), key_end + 40))
    text = common.squash(_joined(lines[key_end:end])[0])
    found = [d for d in descriptors if d and d in text]
    if not found:
        return
    descriptor = max(found, key=len)  # "delivers well above" before "delivers above"
    number = descriptors[descriptor]
    if number != overall.grade_as_printed.strip():
        warnings.append(
            f"The summary says the council '{descriptor}' (grade {number} in the letter's key) "
            f"but the Grade awarded table gives '{overall.label}' grade "
            f"{overall.grade_as_printed}; kept the table's grade."
        )


def _outcome_judgements(
    lines: Sequence[Line], index: _Index, warnings: list[str]
) -> list[ParsedJudgement]:
    """One judgement per outcome section, graded by the word in its statement."""
    judgements = []
    for name in OUTCOMES:
        start = index.outcomes.get(name)
        if start is None:
            warnings.append(f"No '{name}' section found: that outcome has no judgement.")
            continue
        heading = lines[start]
        body = lines[start + 1 : index.section_end(start, len(lines))]
        judgement = _word_judgement(
            body, _OUTCOME_GRADE, section=heading.plain, label=heading.plain, fallback_line=heading
        )
        if judgement is None:
            warnings.append(
                f"'{name}': no statement of the council's contribution to outcomes "
                "('... outcomes in this area is ...') found; no judgement recorded."
            )
            continue
        if judgement.grade is None:
            warnings.append(
                f"'{name}': the grade '{judgement.grade_as_printed}' could not be read; "
                "kept without a grade."
            )
        judgements.append(judgement)
    return judgements


def _word_judgement(
    body: Sequence[Line],
    pattern: re.Pattern[str],
    *,
    section: str,
    label: str,
    fallback_line: Line,
) -> ParsedJudgement | None:
    """The first statement matching ``pattern`` in ``body`` as a judgement, or None."""
    text, starts = _joined(body)
    match = pattern.search(text)
    if not match:
        return None
    non_blank = [line for line in body if line.plain]
    line = non_blank[bisect_right(starts, match.start()) - 1] if non_blank else fallback_line
    word = match["word"].strip("-")
    return judgement(
        FRAMEWORK, section, label, word, page=line.page, source=_sentence(text, match.start())
    )


def _reconcile_capacity(lines: Sequence[Line], index: _Index, report: ParsedReport) -> None:
    """Fold the management section's "its capacity to improve is excellent" into the table's
    capacity judgement: one judgement; the table wins a disagreement, with a warning.

    The section's "The management of services by the council is strong" is not on the
    grade scale and is not a judgement of its own in the 2006 APA.
    """
    if index.management is None:
        return
    heading = lines[index.management]
    body = lines[index.management + 1 : index.section_end(index.management, len(lines))]
    inline = _word_judgement(
        body,
        _CAPACITY_GRADE,
        section=heading.plain,
        label="Capacity to improve",
        fallback_line=heading,
    )
    if inline is None:
        return
    table = next((j for j in report.judgements if j.area == Area.CAPACITY_TO_IMPROVE), None)
    if table is None:
        # Only the text grades it: keep that as the judgement.
        if inline.grade is None:
            report.warnings.append(
                f"Capacity to improve: the grade '{inline.grade_as_printed}' could not be read; "
                "kept without a grade."
            )
        report.judgements.append(inline)
        return
    if inline.grade != table.grade:
        report.warnings.append(
            f"Capacity to improve: the Grade awarded table gives {table.grade_as_printed} "
            f"but the text says '{inline.grade_as_printed}' (\"{inline.source_text}\"); "
            "kept the table's grade."
        )


# --------------------------------------------------------------------------- recommendations


@dataclass
class _Column:
    """One column of the strengths/areas table as it is read: its items per heading."""

    heading: str = ""
    items: list[Item] = field(default_factory=list)  # each under its heading, as section

    @property
    def open(self) -> bool:
        """Whether the column's current list may go on: the last item of each list ends
        with a full stop, which is what tells a column has finished."""
        if not self.items or self.items[-1].section != self.heading:
            return True
        return not " ".join(self.items[-1].parts).rstrip().endswith(".")

    def feed(self, fragment: str, line: Line) -> None:
        for kind, text in _segments(fragment):
            if kind == "text" and _is_table_heading(text):
                self.heading = text.rstrip(" :")
            elif (
                kind == "item"
                or not self.items
                or self.items[-1].section != self.heading
                or not self.open  # bullets lost: after a finished item a new line is a new item
            ):
                self.items.append(
                    Item([text], line, self.heading, RecommendationKind.AREA_FOR_IMPROVEMENT)
                )
            else:
                self.items[-1].parts.append(text)


def _spaced(item: Item) -> list[str]:
    """An item's text: its lines joined with single spaces. Unlike lists.Item.text, a
    hyphen at a line end is kept as read, as this parser always has."""
    return [common.normalise_space(" ".join(item.parts))]


def _is_table_heading(text: str) -> bool:
    return text.endswith(":") or common.squash(text).rstrip(" :") in _TABLE_HEADINGS


def _segments(fragment: str) -> list[tuple[str, str]]:
    """Split a table cell into ("item", text) for bulleted items and ("text", text) for
    headings and lines that continue an item; markup and bullets are removed."""
    text = _ITEM_TAG.sub("\n" + _ITEM_MARK, fragment)
    text = re.sub(r"</p>|<br\s*/?>|<ul\b[^>]*>|</ul>|</li>", "\n", text, flags=re.IGNORECASE)
    text = _INLINE_TAG.sub("", text)
    text = _BLOCK_TAG.sub(" ", text)
    text = _BULLET.sub("\n" + _ITEM_MARK, text)
    segments = []
    for part in text.split("\n"):
        is_item = part.lstrip().startswith(_ITEM_MARK)
        part = common.normalise_space(part.replace(_ITEM_MARK, " "))
        if part:
            segments.append(("item" if is_item else "text", part))
    return segments


def _areas_for_improvement(lines: Sequence[Line], index: _Index) -> list[ParsedRecommendation]:
    """The right-hand "Key areas for improvement" column, one recommendation per bullet.

    Text reports keep both columns of a table row on one line ("left\\tright"). A PDF
    rendering gives one row per printed line and drops a column where it has no text, so
    a line with a single cell is placed by reading order: it belongs to the left column
    until the left column's list has finished (its last item ends with a full stop), then
    to the right one.
    """
    if index.strengths is None:
        return []
    end = index.section_end(index.strengths, len(lines))
    left, right = _Column(), _Column()
    for line in lines[index.strengths + 1 : end]:
        parts = [part.strip() for part in line.text.split("\t")]
        while parts and not parts[-1]:
            parts.pop()
        if not parts or not any(parts):
            continue
        if len(parts) == 1:
            squashed = common.squash(_strip_markup(parts[0]))
            if squashed.startswith("key strengths") or squashed == "key areas for improvement":
                continue
            (left if left.open or _is_table_heading(_strip_markup(parts[0])) else right).feed(
                parts[0], line
            )
            continue
        left_text, right_text = parts[0], " ".join(part for part in parts[1:] if part)
        if common.squash(_strip_markup(right_text)) == "key areas for improvement":
            continue  # the column headers
        left.feed(left_text, line)
        right.feed(right_text, line)
    return recommendations([item for item in right.items if item.section], _spaced)


def _aspects_for_focus(lines: Sequence[Line], index: _Index) -> list[ParsedRecommendation]:
    """The "Aspects for focus in a future joint area review or the next APA" list."""
    if index.aspects is None:
        return []
    section = lines[index.aspects].plain
    items: list[Item] = []
    bulleted = False
    for line in lines[index.aspects + 1 : index.section_end(index.aspects, len(lines))]:
        plain = _strip_markup(line.plain)
        if not plain:
            if items:
                break  # a blank line ends the list in text reports
            continue
        if common.squash(plain).startswith(_LIST_END):
            break
        bullet = _LINE_BULLET.match(plain)
        if bullet:
            bulleted = True
            items.append(Item([plain[bullet.end() :]], line, section, _ASPECT))
            continue
        finished = not items or items[-1].parts[-1].rstrip().endswith(".")
        if items and not finished:
            items[-1].parts.append(plain)  # an item wrapping onto the next line
        elif bulleted:
            break  # prose after the list
        else:
            items.append(Item([plain], line, section, _ASPECT))  # a list printed without bullets
    return recommendations(items, _spaced)
