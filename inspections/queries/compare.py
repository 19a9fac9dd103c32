"""The comparison page: which authorities and areas were asked for, and their grids."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict

from authorities.models import Authority, Region, UnknownAuthorityName
from vocabulary import Area

from .cells import GradeCell, first_cells
from .common import CELL_FIELDS, DEFAULT_COMPARE_AREAS, published_judgements
from .labels import grade_scale_labels


@dataclass
class CompareSelection:
    """Authorities and areas chosen for a comparison, read from a query string.

    ``authority`` may be a slug or any name of an authority ("Knowsley Metropolitan
    Borough Council"); ``neighbours_of`` adds an authority and its statistical neighbours;
    ``region`` adds every current authority of a region.
    """

    authorities: list[Authority]
    areas: list[Area]
    unknown: list[str]
    canonical_query: str
    is_canonical: bool
    areas_defaulted: bool = False


def _find_authority(value: str, by_slug: Mapping[str, Authority]) -> Authority | None:
    if value in by_slug:
        return by_slug[value]
    try:
        return Authority.objects.resolve(value)
    except UnknownAuthorityName:
        return None


def parse_compare_query(params: QueryDict) -> CompareSelection:
    """Read ``authority``, ``neighbours_of``, ``region`` and ``area`` parameters."""
    requested = [v.strip() for v in params.getlist("authority") if v.strip()]
    neighbours_of = [v.strip() for v in params.getlist("neighbours_of") if v.strip()]
    regions = [v for v in params.getlist("region") if v in Region.values]
    by_slug = {a.slug: a for a in Authority.objects.filter(slug__in=requested + neighbours_of)}

    chosen: list[Authority] = []
    unknown: list[str] = []

    def add(authority: Authority) -> None:
        if all(existing.pk != authority.pk for existing in chosen):
            chosen.append(authority)

    for value in requested:
        authority = _find_authority(value, by_slug)
        if authority is None:
            unknown.append(value)
        else:
            add(authority)
    for value in neighbours_of:
        authority = _find_authority(value, by_slug)
        if authority is None:
            unknown.append(value)
            continue
        add(authority)
        for neighbour in authority.ordered_neighbours():
            add(neighbour)
    if regions:
        for authority in Authority.objects.current().filter(region__in=regions).order_by("name"):
            add(authority)

    # Areas in their usual order (headline first), whatever order the query gave.
    asked = set(params.getlist("area"))
    areas = [area for area in Area if area in asked]
    defaulted = not areas
    if defaulted:
        areas = list(DEFAULT_COMPARE_AREAS)

    canonical = QueryDict(mutable=True)
    canonical.setlist("authority", [a.slug for a in chosen])
    canonical.setlist("area", [str(a) for a in areas])
    # The page redirects to the canonical query (slugs only, areas explicit) so that a
    # shared link or the CSV link says exactly what is compared; not when a name was not
    # found (the message would be lost) or when nothing was asked yet.
    is_canonical = (
        unknown
        or not chosen
        or (
            not neighbours_of
            and not params.getlist("region")
            and params.getlist("authority") == [a.slug for a in chosen]
            and params.getlist("area") == [str(a) for a in areas]
        )
    )
    return CompareSelection(
        authorities=chosen,
        areas=areas,
        unknown=unknown,
        canonical_query=canonical.urlencode(),
        is_canonical=bool(is_canonical),
        areas_defaulted=defaulted,
    )


@dataclass
class CompareRow:
    authority: Authority
    columns: list[list[GradeCell]]

    @property
    def is_empty(self) -> bool:
        return not any(self.columns)


@dataclass
class CompareGrid:
    """One area: authorities as rows, years with an inspection as columns."""

    area: Area
    years: list[int]
    rows: list[CompareRow]

    def cells(self) -> Iterator[tuple[Authority, GradeCell]]:
        """Every cell in page order: by row, then by date."""
        for row in self.rows:
            for column in row.columns:
                for cell in column:
                    yield row.authority, cell

    @property
    def has_repeated_judgements(self) -> bool:
        """Whether a cell stands for an area judged twice in one report (2009-2012)."""
        return any(cell.judgements_in_area > 1 for _, cell in self.cells())

    def chart_data(self) -> dict[str, Any]:
        """One series per authority; a year with two inspections shows the later one."""
        return {
            "title": f"{self.area.label}: comparable grade by year",
            "labels": [str(year) for year in self.years],
            "gaps": False,
            # The authority the comparison starts from is drawn strong, the others muted.
            "focus": self.rows[0].authority.slug if self.rows else None,
            "grades": grade_scale_labels(),
            "series": [
                {
                    "key": row.authority.slug,
                    "label": row.authority.name,
                    "points": [
                        column[-1].chart_point() if column else None for column in row.columns
                    ],
                }
                for row in self.rows
            ],
        }


def compare_grids(authorities: Sequence[Authority], areas: Sequence[Area]) -> list[CompareGrid]:
    """The comparison grids, one per area, from one query."""
    if not authorities or not areas:
        return []
    rows = (
        published_judgements()
        .filter(inspection__authority__in=[a.pk for a in authorities], area__in=list(areas))
        .order_by("inspection__start_date", "inspection_id", "order", "id")
        .values(*CELL_FIELDS, "inspection__authority_id")
    )
    authority_of: dict[int, int] = {}
    row_list = []
    for row in rows:
        authority_of[row["inspection_id"]] = row["inspection__authority_id"]
        row_list.append(row)
    cells = first_cells(row_list)  # ordered by date: dicts keep insertion order

    grids = []
    for area in areas:
        by_authority: dict[int, list[GradeCell]] = defaultdict(list)
        for (inspection_id, cell_area), cell in cells.items():
            if cell_area == area:
                by_authority[authority_of[inspection_id]].append(cell)
        years = sorted({cell.year for found in by_authority.values() for cell in found})
        grid_rows = []
        for authority in authorities:
            found = by_authority.get(authority.pk, [])
            grid_rows.append(
                CompareRow(
                    authority=authority,
                    columns=[[cell for cell in found if cell.year == year] for year in years],
                )
            )
        grids.append(CompareGrid(area=area, years=years, rows=grid_rows))
    return grids
