"""The comparison page: which authorities and areas were asked for, and their grids."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.http import QueryDict

from authorities.models import Authority, Region, UnknownAuthorityName
from vocabulary import Area

from .. import freshness
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
    # The years shown (``from`` and ``to``, both included); the last ten by default.
    years: range = field(default_factory=lambda: default_years())
    years_defaulted: bool = True
    year_errors: list[str] = field(default_factory=list)

    @property
    def year_from(self) -> int:
        return self.years.start

    @property
    def year_to(self) -> int:
        return self.years.stop - 1

    @property
    def focus(self) -> Authority | None:
        """The authority the comparison starts from: drawn strong, ranked in the group."""
        return self.authorities[0] if self.authorities else None


# The first year any report of the app's kinds was written, and how many years a comparison
# shows unless asked for more.
FIRST_YEAR = 2005
DEFAULT_YEAR_SPAN = 10


def default_years(today: date | None = None) -> range:
    last = (today or freshness.today()).year
    return range(last - DEFAULT_YEAR_SPAN + 1, last + 1)


def _read_years(params: QueryDict) -> tuple[range, bool, list[str]]:
    """``from`` and ``to`` as whole years between 2005 and this year; a value that is not
    one is said and the default used in its place."""
    default = default_years()
    last_year = default.stop - 1
    chosen, errors = {}, []
    for name, fallback in (("from", default.start), ("to", last_year)):
        value = params.get(name, "").strip()
        if not value:
            chosen[name] = fallback
            continue
        if not value.isdigit() or not FIRST_YEAR <= int(value) <= last_year:
            errors.append(
                f"“{value[:20]}” is not a year from {FIRST_YEAR} to {last_year} ({name}): "
                f"{fallback} is used."
            )
            chosen[name] = fallback
        else:
            chosen[name] = int(value)
    if chosen["from"] > chosen["to"]:
        errors.append(
            f"The years were the wrong way round: {chosen['to']} to {chosen['from']} is shown."
        )
        chosen["from"], chosen["to"] = chosen["to"], chosen["from"]
    years = range(chosen["from"], chosen["to"] + 1)
    return years, years == default, errors


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
    chosen_ids: set[int] = set()
    unknown: list[str] = []

    def add(authority: Authority) -> None:
        if authority.pk not in chosen_ids:
            chosen_ids.add(authority.pk)
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

    years, years_defaulted, year_errors = _read_years(params)

    canonical = QueryDict(mutable=True)
    canonical.setlist("authority", [a.slug for a in chosen])
    canonical.setlist("area", [str(a) for a in areas])
    # A year asked for stays in the link (the default may move on by the time it is shared).
    for name, year in (("from", years.start), ("to", years.stop - 1)):
        if params.get(name, "").strip():
            canonical[name] = str(year)
    # The page redirects to the canonical query (slugs only, areas explicit) so that a
    # shared link or the CSV link says exactly what is compared; not when a name was not
    # found or a year was not one (the message would be lost) or when nothing was asked yet.
    is_canonical = (
        unknown
        or year_errors
        or not chosen
        or (
            not neighbours_of
            and not params.getlist("region")
            and params.getlist("authority") == [a.slug for a in chosen]
            and params.getlist("area") == [str(a) for a in areas]
            and all(params.get(name) == canonical.get(name) for name in ("from", "to"))
        )
    )
    return CompareSelection(
        authorities=chosen,
        areas=areas,
        unknown=unknown,
        canonical_query=canonical.urlencode(),
        is_canonical=bool(is_canonical),
        areas_defaulted=defaulted,
        years=years,
        years_defaulted=years_defaulted,
        year_errors=year_errors,
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
    earlier: int = 0  # judgements before the first year shown

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


def compare_grids(
    authorities: Sequence[Authority], areas: Sequence[Area], years: range | None = None
) -> list[CompareGrid]:
    """The comparison grids, one per area, from one query; ``years``: the columns that may
    be shown (every year with an inspection: None)."""
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
        inspected = {cell.year for found in by_authority.values() for cell in found}
        shown = sorted(year for year in inspected if years is None or year in years)
        earlier = sum(
            1
            for found in by_authority.values()
            for cell in found
            if years is not None and cell.year < years.start
        )
        grid_rows = []
        for authority in authorities:
            found = by_authority.get(authority.pk, [])
            grid_rows.append(
                CompareRow(
                    authority=authority,
                    columns=[[cell for cell in found if cell.year == year] for year in shown],
                )
            )
        grids.append(CompareGrid(area=area, years=shown, rows=grid_rows, earlier=earlier))
    return grids
