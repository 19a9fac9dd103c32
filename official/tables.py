"""Ofsted's official statistics spreadsheets (.ods, .xlsx) read into plain rows, no Django.

Read with python-calamine: it reads OpenDocument and Excel files alike, fast, without
LibreOffice. A release is recognised by its tables, not by its file name: each table in
these releases begins with a header row whose first cell is "Web link", and its headings
say what it is:

- an *events* table (an "Inspection type" or "Inspection/Visit type" column): one row per
  inspection or visit, with its date, often its publication date, its judgements and, for
  visits, their theme;
- a *standing* table ("Inspection date" and "Overall effectiveness", no type): each
  authority's latest judgements as at the release's date;
- the *history* table of the 2023 release ("First SIF publication date"...): one row per
  authority with several inspections side by side, known by publication date only: its
  latest SLAC (2009-2012) and SLAC re-inspections, child protection inspections (2012-2013),
  targeted looked after children inspection (2013), first SIF and SIF re-inspection, first
  and second ILACS. A second table below the first holds authorities that existed before a
  reorganisation.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from vocabulary import Framework, InspectionType


class TableError(Exception):
    """The spreadsheet cannot be read as a release; the message names file, sheet and row."""


@dataclass
class Release:
    title: str
    published_on: date
    file_name: str


@dataclass
class TableRow:
    """One inspection or visit as one row (or one group of columns) of one sheet gives it."""

    release: str
    release_published_on: date
    file_name: str
    sheet: str
    row: int  # 1-based, as the spreadsheet numbers it
    event: str
    name_in_table: str
    framework: str
    inspection_type: str  # "" where the table does not say (standing tables)
    start_date: date | None
    published_on: date | None
    theme: str = ""
    is_standing: bool = False
    gss_code: str = ""
    former_table: bool = False  # the 2023 history's table of pre-reorganisation authorities
    judgements: list[tuple[str, str]] = field(default_factory=list)  # (heading, grade)
    authority: str = ""  # the authority's slug, once resolved

    def to_json(self) -> dict[str, Any]:
        record = asdict(self)
        for key in ("release_published_on", "start_date", "published_on"):
            record[key] = record[key].isoformat() if record[key] else None
        record["judgements"] = [list(pair) for pair in self.judgements]
        return record

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> TableRow:
        values = dict(record)
        for key in ("release_published_on", "start_date", "published_on"):
            values[key] = date.fromisoformat(values[key]) if values[key] else None
        values["judgements"] = [tuple(pair) for pair in values["judgements"]]
        return cls(**values)


@dataclass
class ReadResult:
    release: Release
    rows: list[TableRow]
    skipped: dict[str, int]  # what was left out, and how many cells or rows, said to the user


EVENT_TYPES: dict[str, tuple[str, str]] = {
    "ilacs standard inspection": (Framework.ILACS, InspectionType.STANDARD),
    "ilacs short inspection": (Framework.ILACS, InspectionType.SHORT),
    "ilacs focused visit": (Framework.FOCUSED_VISIT, InspectionType.VISIT),
    "la monitoring visit": (Framework.MONITORING_VISIT, InspectionType.VISIT),
    "ilacs monitoring visit": (Framework.MONITORING_VISIT, InspectionType.VISIT),
}
GRADE_HEADINGS = re.compile(r"^(the )?(overall effectiveness|impact of|experiences and)", re.I)
# The 2023 history: its groups of columns, each (heading of its publication date, event,
# framework, type). ILACS groups also carry a type column just before the date.
HISTORY_GROUPS = (
    ("first sif publication date", "First SIF", Framework.SIF, InspectionType.FULL),
    ("sif re-inspection publication date", "SIF re-inspection", Framework.SIF,
     InspectionType.REINSPECTION),
    ("first ilacs framework publication date", "First ILACS", Framework.ILACS, ""),
    ("second ilacs framework publication date", "Second ILACS", Framework.ILACS, ""),
)  # fmt: skip
# The history's 2009-2013 columns: (heading of the publication date, event, framework, type,
# labels of the grade columns that follow it). The tables write these grades on the 2013
# scale ("Requires improvement to be good" for a 2009-2012 "adequate"); the section before
# ": " says which part of a SLAC inspection a grade is of.
PRE_2013_GROUPS = (
    ("safeguarding & looked after children (slac) inspection publication date", "SLAC",
     Framework.SLAC, InspectionType.FULL,
     ("Safeguarding services: Overall effectiveness",
      "Services for looked after children: Overall effectiveness")),
    ("slac re-inspection of safeguarding publication date", "SLAC re-inspection of safeguarding",
     Framework.SLAC, InspectionType.REINSPECTION,
     ("Safeguarding services: Overall effectiveness",)),
    ("slac re-inspection of services for children looked after publication date",
     "SLAC re-inspection of services for looked after children", Framework.SLAC,
     InspectionType.REINSPECTION, ("Services for looked after children: Overall effectiveness",)),
    ("child protection inspections (cpi) publication date", "Child protection inspection",
     Framework.CHILD_PROTECTION, InspectionType.FULL, ("Overall effectiveness",)),
    ("child protection re-inspection (cpri) publication date", "Child protection re-inspection",
     Framework.CHILD_PROTECTION, InspectionType.REINSPECTION, ("Overall effectiveness",)),
    ("targeted looked after children (tlac) inspection publication date",
     "Targeted looked after children inspection", Framework.LAC, InspectionType.FULL,
     ("Overall effectiveness",)),
)  # fmt: skip


def _clean(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""


def _where(release: Release, sheet: str, row: int) -> str:
    return f"{release.file_name}: sheet {sheet}, row {row}"


def _date(value: Any, where: str, heading: str) -> date | None:
    if value in ("", None):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _clean(value)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise TableError(f"{where}: '{heading}' is not a date: {text!r}")


def read_release(path: Path) -> ReadResult:
    """Every inspection and visit a release's spreadsheet lists; TableError if it is not one."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = {
            name: workbook.get_sheet_by_name(name).to_python() for name in workbook.sheet_names
        }
    except (CalamineError, OSError, ValueError) as error:
        raise TableError(f"{path.name}: not a spreadsheet that can be read ({error})") from error
    release = _release(path.name, sheets)
    rows: list[TableRow] = []
    skipped: dict[str, int] = {}
    for sheet, cells in sheets.items():
        rows.extend(_sheet_rows(release, sheet, cells, skipped))
    if not rows:
        raise TableError(
            f"{path.name}: no table of local authority inspections found (a table begins with "
            f"a 'Web link' heading); its sheets are {', '.join(sheets)}"
        )
    return ReadResult(release, rows, skipped)


def _release(file_name: str, sheets: dict[str, list[list[Any]]]) -> Release:
    cover = sheets.get("Cover")
    if not cover or not cover[0]:
        raise TableError(f"{file_name}: no Cover sheet naming the release")
    title = _clean(cover[0][0])
    for line in cover:
        # The 2023 release's Cover is titled "Cover sheet - Official statistics".
        if (
            title.lower().startswith("cover sheet")
            and len(line) > 1
            and _clean(line[0]).lower().startswith("policy area")
        ):
            title = _clean(line[1])
    for line in cover:
        if line and _clean(line[0]).lower().startswith("published on"):
            published = _date(
                line[1] if len(line) > 1 else "", f"{file_name}: Cover", "Published on"
            )
            if published:
                return Release(title=title, published_on=published, file_name=file_name)
    raise TableError(f"{file_name}: the Cover sheet gives no 'Published on' date")


def _sheet_rows(release: Release, sheet: str, cells: list[list[Any]], skipped: dict[str, int]):
    headings: list[str] = []
    former_table = False
    kind = ""
    for index, line in enumerate(cells):
        number = index + 1
        first = _clean(line[0]) if line else ""
        if first == "Web link":
            former_table = bool(headings)  # a second table below the first
            headings = [_clean(cell) for cell in line]
            kind = _kind(headings)
            continue
        if not headings or not kind:
            continue
        values = dict(zip(headings, line, strict=False))
        name = _clean(values.get("Local authority name", ""))
        if not name or name == "Local authority name":
            continue
        where = _where(release, sheet, number)
        if kind == "history":
            yield from _history_rows(release, sheet, number, headings, line, name, former_table,
                                     skipped)  # fmt: skip
        else:
            yield _event_row(release, sheet, number, kind, values, name, where)


def _kind(headings: list[str]) -> str:
    lowered = [heading.lower() for heading in headings]
    if any("first sif publication date" in heading for heading in lowered):
        return "history"
    if "local authority name" not in lowered:
        return ""
    if "inspection/visit type" in lowered or "inspection type" in lowered:
        return "events"
    if "inspection date" in lowered and "overall effectiveness" in lowered:
        return "standing"
    return ""


class _Place(NamedTuple):
    """Where a row stands: its release, sheet and row number, and the authority's name there."""

    release: Release
    sheet: str
    row: int
    name: str


def _table_row(place: _Place, what: tuple[str, str, str], **fields: Any) -> TableRow:
    """The row at ``place`` about the event ``what`` (as printed, framework, inspection
    type); ``fields``: what it says of it."""
    event, framework, inspection_type = what
    return TableRow(
        release=place.release.title,
        release_published_on=place.release.published_on,
        file_name=place.release.file_name,
        sheet=place.sheet,
        row=place.row,
        event=event,
        name_in_table=place.name,
        framework=framework,
        inspection_type=inspection_type,
        **fields,
    )


def _event_row(release, sheet, number, kind, values, name, where) -> TableRow:
    start = _date(
        values.get("Inspection/Visit date", values.get("Inspection date", "")),
        where,
        "Inspection date",
    )
    if start is None:
        raise TableError(f"{where}: {name} has no inspection date")
    published = _date(values.get("Publication date", ""), where, "Publication date")
    if kind == "standing":
        event, framework, inspection_type = "Latest ILACS inspection", Framework.ILACS, ""
    else:
        event = _clean(values.get("Inspection/Visit type", values.get("Inspection type", "")))
        try:
            framework, inspection_type = EVENT_TYPES[event.lower()]
        except KeyError:
            raise TableError(f"{where}: inspection or visit type {event!r} is not known") from None
    judgements = [
        (heading, _clean(value))
        for heading, value in values.items()
        if GRADE_HEADINGS.match(heading) and _clean(value)
    ]
    return _table_row(
        _Place(release, sheet, number, name),
        (event, framework, inspection_type),
        start_date=start,
        published_on=published,
        theme=_clean(values.get("Visit Theme", "")),
        is_standing=kind == "standing",
        gss_code=_clean(values.get("Local authority area code", "")),
        judgements=judgements,
    )


def _history_label(heading: str) -> str:
    """ " First SIF CLA Sub: Adoption Performance" -> "Adoption Performance"."""
    label = re.sub(
        r"^(first sif|sif re-inspection|first ilacs framework|second ilacs framework)\s+",
        "",
        heading,
        flags=re.I,
    )
    label = re.sub(r"^CLA Sub:\s*", "", label)
    label = re.sub(r"\(OE\)", "", label).strip()
    if label.lower() in ("overall judgement", "overall effectiveness"):
        return "Overall effectiveness"
    return label[:1].upper() + label[1:]


def _history_rows(release, sheet, number, headings, line, name, former_table, skipped):
    where = _where(release, sheet, number)
    lowered = [heading.lower() for heading in headings]
    starts = {}
    for index, heading in enumerate(lowered):
        for group in HISTORY_GROUPS:
            if heading.endswith(group[0]):
                starts[index] = group
    boundaries = sorted(starts)

    def past_row(event, framework, inspection_type, published, judgements) -> TableRow:
        # The history columns give no start date: only when the report was published.
        return _table_row(
            _Place(release, sheet, number, name),
            (event, framework, inspection_type),
            start_date=None,
            published_on=published,
            former_table=former_table,
            judgements=judgements,
        )

    for heading, event, framework, inspection_type, labels in PRE_2013_GROUPS:
        if heading not in lowered:
            continue
        index = lowered.index(heading)
        published = _date(line[index] if index < len(line) else "", where, headings[index])
        if published is None:
            continue
        judgements = [
            (label, _clean(line[index + offset]))
            for offset, label in enumerate(labels, start=1)
            if index + offset < len(line) and _clean(line[index + offset])
        ]
        yield past_row(event, framework, inspection_type, published, judgements)
    for position, index in enumerate(boundaries):
        _, event, framework, inspection_type = starts[index]
        end = boundaries[position + 1] if position + 1 < len(boundaries) else len(headings)
        if framework == Framework.ILACS:
            end = end - 1 if position + 1 < len(boundaries) else end  # the next type column
            printed_type = _clean(line[index - 1])
            if not printed_type and not _clean(line[index]):
                continue
            try:
                framework, inspection_type = EVENT_TYPES[printed_type.lower()]
            except KeyError:
                raise TableError(f"{where}: {event} type {printed_type!r} is not known") from None
        published = _date(line[index], where, headings[index])
        if published is None:
            continue
        judgements = [
            (_history_label(headings[column]), _clean(line[column]))
            for column in range(index + 1, end)
            if column < len(line) and _clean(line[column]) and "type" not in lowered[column]
        ]
        yield past_row(event, framework, inspection_type, published, judgements)
