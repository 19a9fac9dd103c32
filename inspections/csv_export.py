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
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse

from authorities.models import Region
from vocabulary import Area, Grade, RecommendationKind, Timescale

from .queries import (
    LIST_AREAS,
    AuthorityRow,
    CompareGrid,
    authority_url,
    framework_name,
    inspection_path,
    inspection_source_path,
)

CHUNK_SIZE = 2000
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"

JUDGEMENT_COLUMNS = (
    "la_name",
    "old_la_code",
    "new_la_code",
    "region_name",
    "framework",
    "inspection_start",
    "inspection_end",
    "published",
    "section",
    "area",
    "label",
    "grade_as_printed",
    "grade",
    "grade_rank",
    "inspection_url",
    "source_file",
)
RECOMMENDATION_COLUMNS = (
    "la_name",
    "old_la_code",
    "new_la_code",
    "region_name",
    "framework",
    "inspection_start",
    "published",
    "section",
    "timescale",
    "kind",
    "text",
    "inspection_url",
)
INSPECTION_COLUMNS = (
    "la_name",
    "old_la_code",
    "new_la_code",
    "region_name",
    "framework",
    "title",
    "inspection_start",
    "inspection_end",
    "published",
    "lead_inspector",
    "overall_grade",
    "judgements",
    "recommendations",
    "inspection_url",
    "source_file",
)
COMPARE_COLUMNS = (
    "la_name",
    "old_la_code",
    "new_la_code",
    "region_name",
    "area",
    "framework",
    "inspection_start",
    "section",
    "label",
    "grade_as_printed",
    "grade",
    "grade_rank",
    "judgements_in_area",
    "inspection_url",
)

AUTHORITY_COLUMNS = (
    "la_name",
    "old_la_code",
    "new_la_code",
    "region_name",
    "authority_type",
    "inspections",
    "latest_inspection_start",
    *(
        f"{area.value.replace('-', '_')}_{column}"
        for area in LIST_AREAS
        for column in (
            "grade",
            "grade_as_printed",
            "framework",
            "inspection_start",
            "inspection_url",
        )
    ),
    "authority_url",
)

# Authority columns read with every row, in the order of the first four CSV columns.
AUTHORITY_FIELDS = ("name", "la_number", "gss_code", "region")

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


def csv_lines(
    header: Sequence[str], rows: Iterable[Sequence[Any]], batch: int = 500
) -> Iterator[str]:
    """The CSV text, in pieces of ``batch`` rows."""
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield BYTE_ORDER_MARK + writer.writerow(header)
    pending: list[str] = []
    for row in rows:
        pending.append(writer.writerow([neutralise(value) for value in row]))
        if len(pending) >= batch:
            yield "".join(pending)
            pending = []
    if pending:
        yield "".join(pending)


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (piece.encode("utf-8") for piece in csv_lines(header, rows)),
        content_type="text/csv; charset=utf-8",
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


def _authority_values(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}authority__{name}" for name in AUTHORITY_FIELDS)


def _authority_cells(name: str, la_number: str, gss_code: str | None, region: str) -> list[Any]:
    return [name, la_number, gss_code or "", _REGIONS.get(region, region)]


def judgement_rows(queryset: QuerySet, links: Links) -> Iterator[list[Any]]:
    fields = (
        *_authority_values("inspection__"),
        "inspection__framework",
        "inspection__inspection_type",
        "inspection__start_date",
        "inspection__end_date",
        "inspection__published_on",
        "section",
        "area",
        "label",
        "grade_as_printed",
        "grade",
        "inspection__authority__slug",
        "inspection__source_file",
        "inspection__ofsted_url",
    )
    for row in queryset.values_list(*fields).iterator(chunk_size=CHUNK_SIZE):
        (name, number, gss, region, framework, kind, start, end, published, section, area, label,
         printed, grade, slug, stored, ofsted_url) = row  # fmt: skip
        yield [
            *_authority_cells(name, number, gss, region),
            framework_name(framework, kind),
            start,
            end,
            published,
            section,
            _AREAS.get(area, area),
            label,
            printed,
            _GRADE_WORDS.get(grade, ""),
            _GRADE_RANKS.get(grade, ""),
            links.inspection(slug, start, framework),
            links.source(slug, start, framework, bool(stored), ofsted_url),
        ]


def recommendation_rows(queryset: QuerySet, links: Links) -> Iterator[list[Any]]:
    fields = (
        *_authority_values("inspection__"),
        "inspection__framework",
        "inspection__inspection_type",
        "inspection__start_date",
        "inspection__published_on",
        "section",
        "timescale",
        "kind",
        "text",
        "inspection__authority__slug",
    )
    for row in queryset.values_list(*fields).iterator(chunk_size=CHUNK_SIZE):
        (name, number, gss, region, framework, kind_of_inspection, start, published, section,
         timescale, kind, text, slug) = row  # fmt: skip
        yield [
            *_authority_cells(name, number, gss, region),
            framework_name(framework, kind_of_inspection),
            start,
            published,
            section,
            _TIMESCALES.get(timescale, timescale),
            _KINDS.get(kind, kind),
            text,
            links.inspection(slug, start, framework),
        ]


def inspection_rows(queryset: QuerySet, links: Links) -> Iterator[list[Any]]:
    """``queryset`` is annotated with overall_grade, judgement_count and recommendation_count."""
    fields = (
        *_authority_values(""),
        "framework",
        "inspection_type",
        "title",
        "start_date",
        "end_date",
        "published_on",
        "lead_inspector",
        "overall_grade",
        "judgement_count",
        "recommendation_count",
        "authority__slug",
        "source_file",
        "ofsted_url",
    )
    for row in queryset.values_list(*fields).iterator(chunk_size=CHUNK_SIZE):
        (name, number, gss, region, framework, kind, title, start, end, published, lead,
         overall, judgements, recommendations, slug, stored, ofsted_url) = row  # fmt: skip
        yield [
            *_authority_cells(name, number, gss, region),
            framework_name(framework, kind),
            title,
            start,
            end,
            published,
            lead,
            _GRADE_WORDS.get(overall or "", ""),
            judgements,
            recommendations,
            links.inspection(slug, start, framework),
            links.source(slug, start, framework, bool(stored), ofsted_url),
        ]


def compare_rows(grids: Iterable[CompareGrid], links: Links) -> Iterator[list[Any]]:
    """One row per cell of the comparison grids, in page order."""
    for grid in grids:
        for authority, cell in grid.cells():
            yield [
                *_authority_cells(
                    authority.name, authority.la_number, authority.gss_code, authority.region
                ),
                grid.area.label,
                cell.framework_name,
                cell.start_date,
                cell.section,
                cell.label,
                cell.grade_as_printed,
                _GRADE_WORDS.get(cell.grade, ""),
                _GRADE_RANKS.get(cell.grade, ""),
                cell.judgements_in_area,
                links.inspection(cell.authority_slug, cell.start_date, cell.framework),
            ]


def authority_rows(rows: Iterable[AuthorityRow], links: Links) -> Iterator[list[Any]]:
    """The authority list: each authority's latest grade in each headline area."""
    for row in rows:
        authority = row.authority
        cells: list[Any] = []
        for cell in row.cells:
            if cell is None:
                cells += ["", "", "", "", ""]
            else:
                cells += [
                    _GRADE_WORDS.get(cell.grade, ""),
                    cell.grade_as_printed,
                    cell.framework_name,
                    cell.start_date,
                    links.inspection(cell.authority_slug, cell.start_date, cell.framework),
                ]
        yield [
            *_authority_cells(
                authority.name, authority.la_number, authority.gss_code, authority.region
            ),
            authority.get_authority_type_display(),
            row.inspection_count,
            row.latest_inspection,
            *cells,
            links.absolute(authority_url(authority.slug)),
        ]


ENGLAND_COLUMNS = (
    "la_name",
    "old_la_code",
    "new_la_code",
    "region_name",
    "area",
    "framework",
    "inspection_start",
    "inspection_end",
    "published",
    "grade",
    "grade_rank",
    "inspection_url",
)


def england_rows(standings, authorities, links: Links) -> list[list[Any]]:
    """One row per authority and headline area counted on the England page, by name."""
    area_order = {str(area): index for index, area in enumerate(Area)}
    rows = []
    for standing in sorted(
        standings,
        key=lambda s: (authorities[s.authority_id].name, area_order.get(s.area, len(area_order))),
    ):
        authority = authorities[standing.authority_id]
        rows.append(
            [
                *_authority_cells(
                    authority.name, authority.la_number, authority.gss_code, authority.region
                ),
                _AREAS.get(standing.area, standing.area),
                framework_name(standing.framework, standing.inspection_type),
                standing.start_date,
                standing.end_date,
                standing.published_on,
                _GRADE_WORDS.get(standing.grade, ""),
                _GRADE_RANKS.get(standing.grade, ""),
                links.inspection(standing.authority_slug, standing.start_date, standing.framework),
            ]
        )
    return rows
