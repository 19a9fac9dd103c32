"""CSV exports, streamed so that a national export never sits in memory.

Each export reads a ``values_list()`` queryset with ``iterator(chunk_size=...)`` (no model
instances, no query per row) and writes rows in batches. The first four columns use the
names of DfE's open data (la_name, old_la_code, new_la_code, region_name). Dates are ISO
8601; the file is UTF-8 with a byte-order mark so that spreadsheet programs read accented
and curly characters correctly. A cell that starts with =, +, - or @ (or a tab or carriage
return) is prefixed with an apostrophe so that a spreadsheet shows it as text instead of
running it as a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse

from authorities.models import Region
from vocabulary import Area, Grade, RecommendationKind, Timescale, display_name

from .queries import (
    LIST_AREAS,
    AuthorityRow,
    CompareGrid,
    authority_url,
    inspection_path,
    inspection_source_path,
)

CHUNK_SIZE = 2000
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
CONTENT_TYPE = "text/csv; charset=utf-8"

_REGIONS = dict(Region.choices)
_AREAS = dict(Area.choices)
_GRADE_WORDS = {str(grade): grade.short_label for grade in Grade}
_GRADE_RANKS = {str(grade): grade.rank for grade in Grade}
_TIMESCALES = dict(Timescale.choices)
_KINDS = dict(RecommendationKind.choices)


def neutralise(value: Any) -> str:
    """A cell's text: ISO dates, "" for None, formula-like text defused."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose write() returns what it is given (for csv.writer)."""

    def write(self, value: str) -> str:
        return value


# The last line of a CSV whose rows could not all be read: no spreadsheet takes it for a row
# of data, and the transfer is then aborted as well (see csv_lines).
FAILED_LINE = "# export failed part way: this file is incomplete\r\n"


def csv_lines(
    header: Sequence[str], rows: Iterable[Sequence[Any]], batch: int = 500
) -> Iterator[str]:
    """The CSV text, in pieces of ``batch`` rows.

    If reading the rows fails part way (the database stopping), the rows already read are
    followed by FAILED_LINE and the error is raised again: the web server then drops the
    connection without ending the response (no final chunk, or fewer bytes than the
    Content-Length said), so no client takes a cut file for a whole one.
    """
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield BYTE_ORDER_MARK + writer.writerow(header)
    pending: list[str] = []
    try:
        for row in rows:
            pending.append(writer.writerow([neutralise(value) for value in row]))
            if len(pending) >= batch:
                yield "".join(pending)
                pending = []
    except Exception:
        yield "".join(pending) + FAILED_LINE
        raise
    if pending:
        yield "".join(pending)


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """The CSV of ``rows`` written to ``path`` (a stored export)."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        for piece in csv_lines(header, rows):
            out.write(piece)


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (piece.encode("utf-8") for piece in csv_lines(header, rows)),
        content_type=CONTENT_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class Links:
    """Absolute URLs of inspection pages and report files, built without reverse() per row.

    Stable addresses (authority, start date, framework), the same on every install.
    """

    def __init__(self, request: HttpRequest):
        origin = request.build_absolute_uri("/").removesuffix("/")
        self._origin = origin

    def absolute(self, path: str) -> str:
        return self._origin + path

    def inspection(self, authority_slug: str, start_date: date, framework: str) -> str:
        return self._origin + inspection_path(authority_slug, start_date, framework)

    def source(
        self,
        authority_slug: str,
        start_date: date,
        framework: str,
        stored: bool = True,
        ofsted_url: str = "",
    ) -> str:
        """The report file: ours where a copy is stored here, else Ofsted's address."""
        if not stored:
            return ofsted_url
        return self._origin + inspection_source_path(authority_slug, start_date, framework)


# A column's cell from a ``values_list()`` row: built per request from the positions of
# the column's fields in the row and the request's Links, with no more than one Python
# call per cell (a national export makes hundreds of thousands).
RowGetter = Callable[[Sequence[Any]], Any]


@dataclass(frozen=True)
class Column:
    """One column of a queryset export: its name, the fields it reads, how its cell is made.

    ``make(indexes, links)`` returns the cell's getter, given where ``fields`` are in the
    row; without ``make`` the column is its one field as stored.
    """

    name: str
    fields: tuple[str, ...]
    make: Callable[[Sequence[int], Links], RowGetter] | None = None

    def getter(self, position: Mapping[str, int], links: Links) -> RowGetter:
        indexes = [position[name] for name in self.fields]
        if self.make is None:
            return itemgetter(indexes[0])
        return self.make(indexes, links)


def field(name: str, path: str, words: Mapping[str, str] | None = None) -> Column:
    """A column holding one field as stored, or put into words by ``words``."""
    if words is None:
        return Column(name, (path,))

    def make(indexes: Sequence[int], links: Links) -> RowGetter:
        (i,) = indexes
        return lambda row: words.get(row[i] or "", row[i] or "")

    return Column(name, (path,), make)


def _or_empty(indexes: Sequence[int], links: Links) -> RowGetter:
    (i,) = indexes
    return lambda row: row[i] or ""


def authority_columns(prefix: str) -> tuple[Column, ...]:
    """The four columns of DfE's open data that name an authority."""
    authority = f"{prefix}authority__"
    return (
        field("la_name", f"{authority}name"),
        field("old_la_code", f"{authority}la_number"),
        Column("new_la_code", (f"{authority}gss_code",), _or_empty),
        field("region_name", f"{authority}region", _REGIONS),
    )


def _framework(indexes: Sequence[int], links: Links) -> RowGetter:
    framework, kind = indexes
    return lambda row: display_name(row[framework], row[kind])


def framework_column(prefix: str) -> Column:
    return Column("framework", (f"{prefix}framework", f"{prefix}inspection_type"), _framework)


def _inspection_key(prefix: str) -> tuple[str, ...]:
    return (f"{prefix}authority__slug", f"{prefix}start_date", f"{prefix}framework")


def _inspection_url(indexes: Sequence[int], links: Links) -> RowGetter:
    slug, start, framework = indexes
    inspection = links.inspection
    return lambda row: inspection(row[slug], row[start], row[framework])


def inspection_url_column(prefix: str) -> Column:
    return Column("inspection_url", _inspection_key(prefix), _inspection_url)


def _source_file(indexes: Sequence[int], links: Links) -> RowGetter:
    slug, start, framework, stored, ofsted_url = indexes
    source = links.source
    return lambda row: source(
        row[slug], row[start], row[framework], bool(row[stored]), row[ofsted_url]
    )


def source_file_column(prefix: str) -> Column:
    return Column(
        "source_file",
        (*_inspection_key(prefix), f"{prefix}source_file", f"{prefix}ofsted_url"),
        _source_file,
    )


def _looked_up(table: Mapping[str, Any]) -> Callable[[Sequence[int], Links], RowGetter]:
    def make(indexes: Sequence[int], links: Links) -> RowGetter:
        (i,) = indexes
        return lambda row: table.get(row[i] or "", "")

    return make


def grade_columns(path: str) -> tuple[Column, ...]:
    return (
        Column("grade", (path,), _looked_up(_GRADE_WORDS)),
        Column("grade_rank", (path,), _looked_up(_GRADE_RANKS)),
    )


JUDGEMENT_TABLE: tuple[Column, ...] = (
    *authority_columns("inspection__"),
    framework_column("inspection__"),
    field("inspection_start", "inspection__start_date"),
    field("inspection_end", "inspection__end_date"),
    field("published", "inspection__published_on"),
    field("section", "section"),
    field("area", "area", _AREAS),
    field("label", "label"),
    field("grade_as_printed", "grade_as_printed"),
    *grade_columns("grade"),
    inspection_url_column("inspection__"),
    source_file_column("inspection__"),
)
RECOMMENDATION_TABLE: tuple[Column, ...] = (
    *authority_columns("inspection__"),
    framework_column("inspection__"),
    field("inspection_start", "inspection__start_date"),
    field("published", "inspection__published_on"),
    field("section", "section"),
    field("timescale", "timescale", _TIMESCALES),
    field("kind", "kind", _KINDS),
    field("text", "text"),
    inspection_url_column("inspection__"),
    # Last, so that readers who take the columns by position keep working; "outcome 4",
    # several joined by "; ", blank where none is printed.
    field("national_framework", "national_framework"),
)
# The queryset is annotated with overall_grade, judgement_count and recommendation_count
# (queries.inspections_with_counts).
INSPECTION_TABLE: tuple[Column, ...] = (
    *authority_columns(""),
    framework_column(""),
    field("title", "title"),
    field("inspection_start", "start_date"),
    field("inspection_end", "end_date"),
    field("published", "published_on"),
    field("lead_inspector", "lead_inspector"),
    Column("overall_grade", ("overall_grade",), _looked_up(_GRADE_WORDS)),
    field("judgements", "judgement_count"),
    field("recommendations", "recommendation_count"),
    inspection_url_column(""),
    source_file_column(""),
)

JUDGEMENT_COLUMNS = tuple(column.name for column in JUDGEMENT_TABLE)
RECOMMENDATION_COLUMNS = tuple(column.name for column in RECOMMENDATION_TABLE)
INSPECTION_COLUMNS = tuple(column.name for column in INSPECTION_TABLE)


def table_rows(table: Sequence[Column], queryset: QuerySet, links: Links) -> Iterator[list[Any]]:
    """The rows of a queryset export: one query, read in chunks, no model instances."""
    fields = tuple(dict.fromkeys(name for column in table for name in column.fields))
    position = {name: index for index, name in enumerate(fields)}
    getters = [column.getter(position, links) for column in table]
    for row in queryset.values_list(*fields).iterator(chunk_size=CHUNK_SIZE):
        yield [get(row) for get in getters]


def judgement_rows(queryset: QuerySet, links: Links) -> Iterator[list[Any]]:
    return table_rows(JUDGEMENT_TABLE, queryset, links)


def recommendation_rows(queryset: QuerySet, links: Links) -> Iterator[list[Any]]:
    return table_rows(RECOMMENDATION_TABLE, queryset, links)


def inspection_rows(queryset: QuerySet, links: Links) -> Iterator[list[Any]]:
    return table_rows(INSPECTION_TABLE, queryset, links)


# --------------------------------------------------------------------------- from objects

# Exports built from objects the pages use (comparison grids, the authority list, England's
# standings): each column a name and ``cell(item, links)``.
ObjectColumn = tuple[str, Callable[[Any, Links], Any]]


def _object_authority_columns(authority_of: Callable[[Any], Any]) -> tuple[ObjectColumn, ...]:
    return (
        ("la_name", lambda item, links: authority_of(item).name),
        ("old_la_code", lambda item, links: authority_of(item).la_number),
        ("new_la_code", lambda item, links: authority_of(item).gss_code or ""),
        ("region_name", lambda item, links: _REGIONS.get(r := authority_of(item).region, r)),
    )


def _inspection_link(of: Callable[[Any], Any]) -> Callable[[Any, Links], str]:
    """The address of the inspection ``of(item)`` was judged in (a cell or a standing)."""

    def cell(item: Any, links: Links) -> str:
        judged = of(item)
        return links.inspection(judged.authority_slug, judged.start_date, judged.framework)

    return cell


def object_rows(
    table: Sequence[ObjectColumn], items: Iterable[Any], links: Links
) -> Iterator[list[Any]]:
    cells = [cell for _, cell in table]
    for item in items:
        yield [cell(item, links) for cell in cells]


# A comparison's rows: (grid, authority, cell), one per cell of the grids, in page order.
COMPARE_TABLE: tuple[ObjectColumn, ...] = (
    *_object_authority_columns(lambda item: item[1]),
    ("area", lambda item, links: item[0].area.label),
    ("framework", lambda item, links: item[2].framework_name),
    ("inspection_start", lambda item, links: item[2].start_date),
    ("section", lambda item, links: item[2].section),
    ("label", lambda item, links: item[2].label),
    ("grade_as_printed", lambda item, links: item[2].grade_as_printed),
    ("grade", lambda item, links: _GRADE_WORDS.get(item[2].grade, "")),
    ("grade_rank", lambda item, links: _GRADE_RANKS.get(item[2].grade, "")),
    ("judgements_in_area", lambda item, links: item[2].judgements_in_area),
    ("inspection_url", _inspection_link(lambda item: item[2])),
)
COMPARE_COLUMNS = tuple(name for name, _ in COMPARE_TABLE)


def compare_rows(grids: Iterable[CompareGrid], links: Links) -> Iterator[list[Any]]:
    """One row per cell of the comparison grids, in page order."""
    cells = ((grid, authority, cell) for grid in grids for authority, cell in grid.cells())
    return object_rows(COMPARE_TABLE, cells, links)


def _latest_cell_columns(index: int, area: Area) -> tuple[ObjectColumn, ...]:
    """An authority's latest judgement of one area: five columns, empty when it has none."""
    prefix = area.value.replace("-", "_")

    def of(getter: Callable[[Any, Links], Any]) -> Callable[[AuthorityRow, Links], Any]:
        return lambda row, links: (
            "" if row.cells[index] is None else getter(row.cells[index], links)
        )

    return (
        (f"{prefix}_grade", of(lambda cell, links: _GRADE_WORDS.get(cell.grade, ""))),
        (f"{prefix}_grade_as_printed", of(lambda cell, links: cell.grade_as_printed)),
        (f"{prefix}_framework", of(lambda cell, links: cell.framework_name)),
        (f"{prefix}_inspection_start", of(lambda cell, links: cell.start_date)),
        (f"{prefix}_inspection_url", of(_inspection_link(lambda cell: cell))),
    )


# The authority list: each authority's latest grade in each headline area.
AUTHORITY_TABLE: tuple[ObjectColumn, ...] = (
    *_object_authority_columns(lambda row: row.authority),
    ("authority_type", lambda row, links: row.authority.get_authority_type_display()),
    ("inspections", lambda row, links: row.inspection_count),
    ("latest_inspection_start", lambda row, links: row.latest_inspection),
    *(
        column
        for index, area in enumerate(LIST_AREAS)
        for column in _latest_cell_columns(index, area)
    ),
    ("authority_url", lambda row, links: links.absolute(authority_url(row.authority.slug))),
)
AUTHORITY_COLUMNS = tuple(name for name, _ in AUTHORITY_TABLE)


def authority_rows(rows: Iterable[AuthorityRow], links: Links) -> Iterator[list[Any]]:
    return object_rows(AUTHORITY_TABLE, rows, links)


# England as at a date: (standing, authority), one per authority and headline area counted.
ENGLAND_TABLE: tuple[ObjectColumn, ...] = (
    *_object_authority_columns(lambda item: item[1]),
    ("area", lambda item, links: _AREAS.get(item[0].area, item[0].area)),
    (
        "framework",
        lambda item, links: display_name(item[0].framework, item[0].inspection_type),
    ),
    ("inspection_start", lambda item, links: item[0].start_date),
    ("inspection_end", lambda item, links: item[0].end_date),
    ("published", lambda item, links: item[0].published_on),
    ("grade", lambda item, links: _GRADE_WORDS.get(item[0].grade, "")),
    ("grade_rank", lambda item, links: _GRADE_RANKS.get(item[0].grade, "")),
    ("inspection_url", _inspection_link(lambda item: item[0])),
)
ENGLAND_COLUMNS = tuple(name for name, _ in ENGLAND_TABLE)


def england_rows(standings, authorities, links: Links) -> list[list[Any]]:
    """One row per authority and headline area counted on the England page, in the order
    given (:meth:`inspections.england.England.behind`: by name, then area)."""
    items = ((standing, authorities[standing.authority_id]) for standing in standings)
    return list(object_rows(ENGLAND_TABLE, items, links))
