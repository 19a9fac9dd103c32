"""The authority list and the home page's distribution: each authority's latest grade in
each headline area."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import (
    Count,
    F,
    Max,
    Q,
    QuerySet,
    Window,
)
from django.db.models.functions import RowNumber

from authorities.models import Authority
from vocabulary import GRADED_KINDS, Area, Framework, Grade

from .. import shared_results
from ..models import Judgement
from .cells import GradeCell
from .common import (
    CELL_FIELDS,
    LIST_AREAS,
    authority_url,
    published_inspections,
    published_judgements,
)
from .labels import NOT_READ


class LatestCells(dict):
    """{authority id: {area: cell}}, and the authorities with no overall grade: those whose
    latest full inspection is of the 2026 framework, which makes none."""

    without_overall: set[int]


# Full inspections, as against visits and earlier frameworks: the latest of them says whether
# an authority has an overall grade at all.
FULL_FRAMEWORKS = (Framework.SIF, Framework.ILACS, Framework.ILACS_2026)


def latest_cells(
    areas: Sequence[str] = LIST_AREAS,
    authority_ids: Iterable[int] | None = None,
    at: shared_results.Version | None = None,
) -> LatestCells:
    """Each authority's most recent judgement of each area: {authority id: {area: cell}}
    (see :func:`_every_latest_cell`), of the authorities in ``authority_ids`` if given.

    Every authority's are computed once per data version and shared by every worker
    (:mod:`inspections.shared_results`): the authority list and the home page read them
    on every request. The cells are shared: read them, never change them.
    """
    areas = tuple(str(area) for area in areas)
    everyone = shared_results.shared(
        "latest-cells", areas, lambda: _every_latest_cell(areas), at=at
    )
    if authority_ids is None:
        return everyone
    wanted = set(authority_ids)
    result = LatestCells({pk: cells for pk, cells in everyone.items() if pk in wanted})
    result.without_overall = everyone.without_overall & wanted
    return result


def _every_latest_cell(areas: Sequence[str]) -> LatestCells:
    """Each authority's most recent judgement of each area: {authority id: {area: cell}}.

    "Most recent" is per area: an authority whose last inspection did not judge an area
    shows its previous judgement of it, with its year; except overall effectiveness, which
    the 2026 framework no longer grades: an authority whose latest full inspection is of that
    framework has no overall grade (``without_overall``), and an earlier framework's is not
    called its latest. Computed with window functions, so only the winning rows leave the
    database.
    """
    judgements = published_judgements().filter(area__in=list(areas)).order_by()
    # The window runs over narrow rows (ids only); the winners' fields are read after.
    # The cell's source note names the section and label it came from, so the number of
    # judgements of the area in that report is not counted here (timelines do count it).
    winners = (
        judgements.annotate(
            position=Window(
                RowNumber(),
                partition_by=[F("inspection__authority_id"), F("area")],
                order_by=[
                    F("inspection__start_date").desc(),
                    F("inspection_id").desc(),
                    F("order").asc(),
                    F("id").asc(),
                ],
            )
        )
        .filter(position=1)
        .values("id")
    )
    rows = (
        Judgement.objects.filter(id__in=winners)
        .order_by()
        .values(*CELL_FIELDS, "inspection__authority_id")
    )
    latest: dict[int, dict[str, GradeCell]] = defaultdict(dict)
    for row in rows:
        latest[row["inspection__authority_id"]][row["area"]] = GradeCell.from_row(row)
    result = LatestCells(latest)
    result.without_overall = set()
    if Area.OVERALL in areas:
        full = published_inspections().filter(framework__in=FULL_FRAMEWORKS).order_by()
        newest: dict[int, tuple] = {}
        for authority_id, framework, start in full.values_list(
            "authority_id", "framework", "start_date"
        ):
            if authority_id not in newest or newest[authority_id][1] < start:
                newest[authority_id] = (framework, start)
        for authority_id, (framework, start) in newest.items():
            if framework == Framework.ILACS_2026:
                result.without_overall.add(authority_id)
                cells = result.get(authority_id, {})
                if Area.OVERALL in cells and cells[Area.OVERALL].start_date < start:
                    del cells[Area.OVERALL]
    return result


@dataclass
class AuthorityRow:
    """One line of the authority list."""

    authority: Authority
    inspection_count: int
    latest_inspection: date | None
    cells: list[GradeCell | None]
    no_overall_grade: bool = False  # its latest full inspection is of the 2026 framework

    def cell(self, area: str) -> GradeCell | None:
        return self.cells[LIST_AREAS.index(area)]

    @property
    def url(self) -> str:
        return authority_url(self.authority.slug)


def authorities_with_counts(queryset: QuerySet[Authority] | None = None) -> QuerySet[Authority]:
    """Authorities annotated with how many published inspections they have and the latest."""
    queryset = Authority.objects.all() if queryset is None else queryset
    # Graded inspections: a focused visit is not the authority's latest inspection.
    published = Q(inspections__is_published=True, inspections__framework__in=GRADED_KINDS)
    return queryset.annotate(
        inspection_count=Count("inspections", filter=published),
        latest_inspection=Max("inspections__start_date", filter=published),
    )


AUTHORITY_SORTS: dict[str, str] = {
    "name": "Name",
    "region": "Region",
    "type": "Type",
    "latest": "Latest inspection",
    "inspections": "Inspections",
    **{str(area): area.label for area in LIST_AREAS},
}


def authority_rows(
    authorities: QuerySet[Authority],
    *,
    grade: str = "",
    grade_area: str = Area.OVERALL,
    sort: str = "name",
) -> list[AuthorityRow]:
    """The authority list: each authority with its latest headline grades.

    ``grade`` keeps authorities whose latest ``grade_area`` grade is that one ("not-read"
    for unreadable, "judged" for any). ``sort`` is a key of :data:`AUTHORITY_SORTS`, "-" first for descending;
    authorities without a value sort last either way.
    """
    # Every authority's row is the same for every visitor until the data changes: built
    # once per data version for every worker; a request reads which authorities its
    # filters select (one narrow query) and picks their rows.
    at = shared_results.version()
    everyone = shared_results.shared("authority-rows", (), lambda: _every_authority_row(at), at=at)
    rows = [everyone[pk] for pk in authorities.values_list("pk", flat=True) if pk in everyone]
    if grade:
        rows = [row for row in rows if _matches_grade(row.cell(grade_area), grade)]
    return sort_authority_rows(rows, sort)


def _every_authority_row(at: shared_results.Version) -> dict[int, AuthorityRow]:
    """Every authority's row of the list, by id. Shared: read them, never change them."""
    authorities = list(authorities_with_counts())
    latest = latest_cells(LIST_AREAS, [authority.pk for authority in authorities], at=at)
    return {
        authority.pk: AuthorityRow(
            authority=authority,
            inspection_count=authority.inspection_count,
            latest_inspection=authority.latest_inspection,
            cells=[latest.get(authority.pk, {}).get(area) for area in LIST_AREAS],
            no_overall_grade=authority.pk in latest.without_overall,
        )
        for authority in authorities
    }


# The grade filter's values beyond the grades themselves: a grade that could not be read,
# and any latest judgement at all (the home page's "Authorities judged" counts link to it).
NOT_READ_VALUE = "not-read"
JUDGED_VALUE = "judged"


def _matches_grade(cell: GradeCell | None, grade: str) -> bool:
    if cell is None:
        return False
    if grade == JUDGED_VALUE:
        return True
    if grade == NOT_READ_VALUE:
        return not cell.is_read
    return cell.grade == grade


def sort_authority_rows(rows: list[AuthorityRow], sort: str) -> list[AuthorityRow]:
    descending = sort.startswith("-")
    key_name = sort.lstrip("-")
    if key_name not in AUTHORITY_SORTS:
        key_name, descending = "name", False

    def value(row: AuthorityRow) -> Any:
        authority = row.authority
        if key_name == "name":
            return authority.name.lower()
        if key_name == "region":
            return (authority.get_region_display(), authority.name.lower())
        if key_name == "type":
            return (authority.get_authority_type_display(), authority.name.lower())
        if key_name == "latest":
            return row.latest_inspection
        if key_name == "inspections":
            return row.inspection_count
        cell = row.cell(key_name)
        return cell.rank if cell is not None else None

    present = [row for row in rows if value(row) is not None]
    missing = [row for row in rows if value(row) is None]
    # Ties stay in name order either way (sorts are stable, reverse ones too).
    present.sort(key=lambda row: row.authority.name.lower())
    present.sort(key=value, reverse=descending)
    missing.sort(key=lambda row: row.authority.name.lower())
    return present + missing


@dataclass
class DistributionRow:
    area: Area
    counts: list[tuple[Grade, int]]
    not_read: int
    total: int
    no_grade: int = 0  # authorities whose latest full inspection made no such judgement


def grade_distribution(
    areas: Sequence[Area] = LIST_AREAS, at: shared_results.Version | None = None
) -> list[DistributionRow]:
    """How many current authorities have each grade as their latest in each area (counted
    once per data version for every worker)."""
    areas = tuple(areas)
    return shared_results.shared("grade-distribution", areas, lambda: _distribution(areas), at=at)


def _distribution(areas: Sequence[Area]) -> list[DistributionRow]:
    current_ids = Authority.objects.current().values_list("pk", flat=True)
    latest = latest_cells(areas, current_ids)
    result = []
    for area in areas:
        cells = [by_area[area] for by_area in latest.values() if area in by_area]
        counts = [(grade, sum(1 for cell in cells if cell.grade == grade)) for grade in Grade]
        not_read = sum(1 for cell in cells if not cell.is_read)
        no_grade = len(latest.without_overall) if area == Area.OVERALL else 0
        result.append(DistributionRow(area, counts, not_read, len(cells), no_grade))
    return result


def distribution_chart_data(rows: Sequence[DistributionRow]) -> dict[str, Any]:
    return {
        "labels": [row.area.label for row in rows],
        "grades": [
            {
                "key": str(grade),
                "label": grade.short_label,
                "counts": [row.counts[i][1] for row in rows],
            }
            for i, grade in enumerate(Grade)
        ],
        "not_read": {"label": NOT_READ, "counts": [row.not_read for row in rows]},
        "totals": [row.total for row in rows],  # each bar's base, n
    }
