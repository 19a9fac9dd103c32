"""Read-side logic of the public pages: timelines, comparisons and latest grades.

Views stay thin and call these functions. Every function here runs a fixed number of
queries whatever the number of authorities or inspections: rows are read with ``values()``
in one pass and grouped in Python, or aggregated in the database (window functions for
"the latest judgement of each area").

Only published inspections are ever read here (drafts uploaded in the admin are hidden).

A *cell* (:class:`GradeCell`) is what the timeline and the comparison show for one area in
one inspection. Some frameworks judge one area twice in one report (the 2009-2012
safeguarding and looked after children inspections judge leadership, capacity to improve
and quality of provision in both their sections): the cell uses the first judgement by its
order in the report and says so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any, NamedTuple

from django.db.models import (
    Count,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.http import QueryDict
from django.urls import reverse

import vocabulary as grades
from authorities.models import Authority, Region, UnknownAuthorityName
from vocabulary import GRADED_KINDS, HEADLINE_AREAS, Area, Grade, RecommendationKind, Timescale

from .models import Inspection, Judgement, Recommendation

# Shown wherever a judgement's grade could not be read: never shown as a grade.
NOT_READ = "not read — see report"

# The headline areas shown as columns of the authority list and in the home page chart.
LIST_AREAS: tuple[Area, ...] = (
    Area.OVERALL,
    Area.HELP_AND_PROTECTION,
    Area.CHILDREN_IN_CARE,
    Area.CARE_LEAVERS,
    Area.LEADERSHIP,
)

# Comparison areas pre-selected when a comparison names none.
DEFAULT_COMPARE_AREAS: tuple[Area, ...] = (Area.OVERALL,)

# Judgement fields a cell needs, read with values() so that no model instance is built.
CELL_FIELDS: tuple[str, ...] = (
    "id",
    "area",
    "grade",
    "grade_as_printed",
    "label",
    "section",
    "inspection_id",
    "inspection__framework",
    "inspection__inspection_type",
    "inspection__start_date",
    "inspection__authority__slug",
)


def published_inspections() -> QuerySet[Inspection]:
    return Inspection.objects.published()


def published_judgements() -> QuerySet[Judgement]:
    return Judgement.objects.filter(inspection__is_published=True)


def published_recommendations() -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(inspection__is_published=True)


def framework_name(framework: str, inspection_type: str) -> str:
    """Short framework name ("SIF re-inspection", "ILACS short") without a database row."""
    return grades.display_name(framework, inspection_type)


_URL_SENTINEL = "987654321"


@cache
def _url_template(name: str) -> str:
    # reverse() costs ~15 µs; a list of 150 authorities x 5 grades would pay it 900 times.
    return reverse(name, args=[_URL_SENTINEL]).replace(_URL_SENTINEL, "{}")


# Framework values are slugs ("ilacs-2026"); the date is ISO 8601.
INSPECTION_KEY_PATTERN = r"(?P<start>\d{4}-\d{2}-\d{2})-(?P<framework>[a-z0-9]+(?:-[a-z0-9]+)*)"


class InspectionKey(NamedTuple):
    """An inspection's part of its public URL: its start date and framework, "2024-11-18-ilacs".

    With the authority's slug it names one inspection the same way on every install (no
    database id), so the URL survives a re-load of the data.
    """

    start_date: date
    framework: str

    def __str__(self) -> str:
        return f"{self.start_date.isoformat()}-{self.framework}"

    @classmethod
    def parse(cls, text: str) -> InspectionKey:
        """``"2024-11-18-ilacs-2026"`` -> (2024-11-18, "ilacs-2026"); ValueError if not a key."""
        match = re.fullmatch(INSPECTION_KEY_PATTERN, text)
        if match is None:
            raise ValueError(f"Not an inspection key: {text!r}")
        return cls(date.fromisoformat(match["start"]), match["framework"])


_SLUG_SENTINEL = "authority-sentinel-987654321"
_KEY_SENTINEL = "9876-05-04-key-sentinel"


@cache
def _inspection_url_template(name: str) -> str:
    url = reverse(name, args=[_SLUG_SENTINEL, _KEY_SENTINEL])
    return url.replace(_SLUG_SENTINEL, "{slug}").replace(_KEY_SENTINEL, "{key}")


def inspection_path(authority_slug: str, start_date: date, framework: str) -> str:
    """The inspection page's path, ``/authorities/knowsley/inspections/2024-11-18-ilacs/``.

    Built without a reverse() per call; :meth:`Inspection.get_absolute_url` uses it too.
    """
    return _inspection_url_template("inspections:inspection-detail").format(
        slug=authority_slug, key=InspectionKey(start_date, framework)
    )


def inspection_source_path(authority_slug: str, start_date: date, framework: str) -> str:
    """The path of the inspection's report file (``.../2024-11-18-ilacs/report/``)."""
    return _inspection_url_template("inspections:inspection-source").format(
        slug=authority_slug, key=InspectionKey(start_date, framework)
    )


def find_inspection(authority_slug: str, key: InspectionKey) -> Inspection | None:
    """The published inspection a public URL names, with its authority; None if none."""
    # (authority, framework, start date) is unique in practice; the database only makes
    # it unique with the end date, so two could share a key: the shorter one wins.
    return (
        published_inspections()
        .select_related("authority")
        .filter(authority__slug=authority_slug, start_date=key.start_date, framework=key.framework)
        .order_by("end_date", "id")
        .first()
    )


def authority_url(slug: str) -> str:
    """The authority timeline's path, without a reverse() per call."""
    return _url_template("inspections:authority-detail").format(slug)


def grade_label(grade: str) -> str:
    """The comparable grade as a word, or :data:`NOT_READ` for an unreadable grade."""
    return Grade(grade).short_label if grade else NOT_READ


def area_short_label(area: str) -> str:
    """ "Help and protection" for "Help and protection / safeguarding": for narrow columns."""
    return Area(area).label.split(" / ")[0]


# --------------------------------------------------------------------------- cells


@dataclass(frozen=True)
class GradeCell:
    """One area's judgement in one inspection, as a timeline or comparison shows it."""

    area: str
    grade: str
    grade_as_printed: str
    label: str
    section: str
    framework: str
    inspection_type: str
    inspection_id: int
    start_date: date
    authority_slug: str
    judgements_in_area: int = 1

    @classmethod
    def from_row(cls, row: Mapping[str, Any], judgements_in_area: int = 1) -> GradeCell:
        return cls(
            area=row["area"],
            grade=row["grade"],
            grade_as_printed=row["grade_as_printed"],
            label=row["label"],
            section=row["section"],
            framework=row["inspection__framework"],
            inspection_type=row["inspection__inspection_type"],
            inspection_id=row["inspection_id"],
            start_date=row["inspection__start_date"],
            authority_slug=row["inspection__authority__slug"],
            judgements_in_area=judgements_in_area,
        )

    @property
    def url(self) -> str:
        """The path of the inspection page this cell comes from."""
        return inspection_path(self.authority_slug, self.start_date, self.framework)

    @property
    def is_read(self) -> bool:
        return bool(self.grade)

    @property
    def rank(self) -> int | None:
        return grades.grade_rank(self.grade)

    @property
    def grade_label(self) -> str:
        return grade_label(self.grade)

    @property
    def framework_name(self) -> str:
        return framework_name(self.framework, self.inspection_type)

    @property
    def year(self) -> int:
        return self.start_date.year

    @property
    def printed_description(self) -> str:
        """ "4 (APA scale: 4 = excellent/outstanding (best), ...)"."""
        return grades.describe_printed_grade(self.framework, self.grade_as_printed or "(blank)")

    @property
    def source_note(self) -> str:
        """Which judgement of the report the cell shows, saying so when there were several."""
        where = f"{self.section}: {self.label}" if self.section else self.label
        if self.judgements_in_area > 1:
            return f"{where} (the first of {self.judgements_in_area} judgements of this area in the report)"
        return where

    @property
    def tooltip(self) -> str:
        """Plain text for a title attribute: the printed grade, its scale and its source."""
        return (
            f"{self.grade_label} · printed: {self.printed_description} · "
            f"{self.start_date.year} {self.framework_name} · {self.source_note}"
        )

    def chart_point(self) -> dict[str, Any]:
        """What a chart tooltip needs; ``rank`` is None for an unreadable grade (no point)."""
        return {
            "rank": self.rank,
            "grade": self.grade_label,
            "printed": self.grade_as_printed or "(blank)",
            "scale": grades.scale_for(self.framework).description,
            "framework": f"{self.start_date.year} {self.framework_name}",
            "source": self.source_note,
            "url": self.url,
            "x": decimal_year(self.start_date),
        }


def decimal_year(day: date) -> float:
    """A date as a year with its fraction, for a chart's time axis: 2014-07-02 -> 2014.5."""
    return round(day.year + (day.timetuple().tm_yday - 1) / 365.25, 3)


def first_cells(rows: Iterable[Mapping[str, Any]]) -> dict[tuple[int, str], GradeCell]:
    """The first judgement of each (inspection, area), counting how many there were.

    ``rows`` must be ordered by inspection then by order in the report.
    """
    first: dict[tuple[int, str], Mapping[str, Any]] = {}
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for row in rows:
        key = (row["inspection_id"], row["area"])
        counts[key] += 1
        first.setdefault(key, row)
    return {key: GradeCell.from_row(row, counts[key]) for key, row in first.items()}


def grade_scale_labels() -> dict[int, str]:
    """Rank -> word, for chart axes: 1 Outstanding ... 4 Inadequate."""
    return {grade.rank: grade.short_label for grade in Grade}


# --------------------------------------------------------------------------- changes


class Direction(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    FIRST = "first"
    UNKNOWN = "unknown"
    OTHER_SCALE = "other-scale"  # the previous grade was on another framework's scale


@dataclass(frozen=True)
class Change:
    """How one area's grade moved since the previous inspection that judged it."""

    direction: Direction
    previous: GradeCell | None = None

    @property
    def symbol(self) -> str:
        return {
            Direction.BETTER: "▲",
            Direction.WORSE: "▼",
            Direction.SAME: "=",
            Direction.FIRST: "•",
            Direction.UNKNOWN: "?",
            Direction.OTHER_SCALE: "↔",
        }[self.direction]

    @property
    def text(self) -> str:
        previous = self.previous
        if previous is None:
            return "first judgement of this area"
        since = f"{previous.year} {previous.framework_name}: {previous.grade_label}"
        return {
            Direction.BETTER: f"better than {since}",
            Direction.WORSE: f"worse than {since}",
            Direction.SAME: f"same as {since}",
            Direction.UNKNOWN: f"cannot compare with {since}",
            Direction.OTHER_SCALE: (
                f"not compared: {since} was graded on another scale "
                f"({grades.scale_for(previous.framework).name})"
            ),
        }.get(self.direction, "")

    @property
    def short_text(self) -> str:
        """For a table whose previous row is in sight: "worse than 2021"."""
        previous = self.previous
        if previous is None:
            return "first judged"
        return {
            Direction.BETTER: f"better than {previous.year}",
            Direction.WORSE: f"worse than {previous.year}",
            Direction.SAME: f"same as {previous.year}",
            Direction.UNKNOWN: f"cannot compare with {previous.year}",
            Direction.OTHER_SCALE: f"{previous.year} on another scale",
        }.get(self.direction, "")


def change_between(previous: GradeCell | None, current: GradeCell) -> Change:
    if previous is None:
        return Change(Direction.FIRST)
    if previous.rank is None or current.rank is None:
        return Change(Direction.UNKNOWN, previous)
    # Pre-2013 frameworks graded on other scales: their grades are shown, not compared.
    if grades.scale_for(previous.framework) != grades.scale_for(current.framework):
        return Change(Direction.OTHER_SCALE, previous)
    if current.rank < previous.rank:
        return Change(Direction.BETTER, previous)
    if current.rank > previous.rank:
        return Change(Direction.WORSE, previous)
    return Change(Direction.SAME, previous)


# --------------------------------------------------------------------------- timeline


@dataclass
class TimelineColumn:
    area: Area
    cell: GradeCell | None
    change: Change | None


@dataclass
class TimelineEntry:
    inspection: Inspection
    cells: dict[str, GradeCell] = field(default_factory=dict)
    changes: dict[str, Change] = field(default_factory=dict)
    columns: list[TimelineColumn] = field(default_factory=list)

    @property
    def chart_label(self) -> str:
        return f"{self.inspection.start_date.year} {self.inspection.framework_display}"

    @property
    def is_visit(self) -> bool:
        return False


@dataclass
class VisitEntry:
    """An ungraded event between inspections (a focused visit): a marker on the timeline."""

    inspection: Inspection
    priority_actions: int
    areas_for_improvement: int

    @property
    def chart_label(self) -> str:
        return f"{self.inspection.start_date.year} {self.inspection.framework_display}"

    @property
    def is_visit(self) -> bool:
        return True

    def marker(self) -> dict[str, Any]:
        inspection = self.inspection
        return {
            "x": decimal_year(inspection.start_date),
            "label": self.chart_label,
            "date": inspection.start_date.isoformat(),
            "url": inspection.get_absolute_url(),
            "priority": self.priority_actions,
            "focus": inspection.focus,
        }


@dataclass
class Timeline:
    authority: Authority
    entries: list[TimelineEntry]
    areas: list[Area]
    visits: list[VisitEntry] = field(default_factory=list)

    @property
    def events(self) -> list[TimelineEntry | VisitEntry]:
        """Inspections and visits together, oldest first: the rows of the timeline table."""
        return sorted(
            [*self.entries, *self.visits],
            key=lambda event: (event.inspection.start_date, event.inspection.pk),
        )

    @property
    def latest_visit(self) -> VisitEntry | None:
        return self.visits[-1] if self.visits else None

    @property
    def latest(self) -> TimelineEntry | None:
        return self.entries[-1] if self.entries else None

    @property
    def previous(self) -> TimelineEntry | None:
        return self.entries[-2] if len(self.entries) > 1 else None

    def chart_data(self) -> dict[str, Any]:
        """The JSON the timeline chart draws: one series per area, one point per inspection."""
        return {
            "title": f"{self.authority.name}: comparable grade per area at each inspection",
            "labels": [entry.chart_label for entry in self.entries],
            "positions": [decimal_year(entry.inspection.start_date) for entry in self.entries],
            # An inspection that did not judge an area breaks that area's line.
            "gaps": True,
            "urls": [entry.inspection.get_absolute_url() for entry in self.entries],
            # Focused visits between inspections: ungraded, drawn as markers below the lines.
            "markers": [visit.marker() for visit in self.visits],
            "grades": grade_scale_labels(),
            "series": [
                {
                    "key": str(area),
                    "label": area.label,
                    "points": [
                        entry.cells[area].chart_point() if area in entry.cells else None
                        for entry in self.entries
                    ],
                }
                for area in self.areas
            ],
        }


def authority_timeline(authority: Authority) -> Timeline:
    """Every published inspection of ``authority``, oldest first, with its headline cells,
    and its ungraded visits beside them."""
    events = list(
        published_inspections()
        .filter(authority=authority)
        .annotate(
            priority_actions=_count_of(Recommendation, kind=RecommendationKind.PRIORITY_ACTION),
            areas_for_improvement=_count_of(
                Recommendation, kind=RecommendationKind.AREA_FOR_IMPROVEMENT
            ),
        )
        .order_by("start_date", "id")
    )
    for inspection in events:
        inspection.authority = authority  # no query per inspection for __str__ and links
    inspections = [event for event in events if grades.is_graded(event.framework)]
    visits = [
        VisitEntry(event, event.priority_actions, event.areas_for_improvement)
        for event in events
        if not grades.is_graded(event.framework)
    ]
    rows = (
        published_judgements()
        .filter(inspection__authority=authority, area__in=HEADLINE_AREAS)
        .order_by("inspection__start_date", "inspection_id", "order", "id")
        .values(*CELL_FIELDS)
    )
    cells = first_cells(rows)
    entries = [TimelineEntry(inspection) for inspection in inspections]
    for entry in entries:
        entry.cells = {
            area: cell
            for (inspection_id, area), cell in cells.items()
            if inspection_id == entry.inspection.pk
        }
    areas = [area for area in HEADLINE_AREAS if any(area in entry.cells for entry in entries)]
    previous_cell: dict[str, GradeCell] = {}
    for entry in entries:
        for area in areas:
            cell = entry.cells.get(area)
            change = None
            if cell is not None:
                change = change_between(previous_cell.get(area), cell)
                entry.changes[area] = change
                previous_cell[area] = cell
            entry.columns.append(TimelineColumn(area, cell, change))
    return Timeline(authority=authority, entries=entries, areas=areas, visits=visits)


# --------------------------------------------------------------------------- one inspection


@dataclass
class InspectionLink:
    url: str
    label: str


@dataclass
class InspectionDetail:
    """One inspection's judgements and recommendations, grouped as the page shows them."""

    # Section as printed -> judgements in report order.
    judgement_sections: dict[str, list[Judgement]]
    # Section -> timescale label -> recommendations ("Immediately" before "Within three months").
    recommendation_sections: dict[str, dict[str, list[Recommendation]]]
    judgement_count: int
    recommendation_count: int
    # True where a report uses several kinds ("Area for improvement", "Aspect for focus").
    mixed_kinds: bool
    previous: InspectionLink | None
    following: InspectionLink | None


def inspection_detail(inspection: Inspection) -> InspectionDetail:
    """Group one inspection's rows for its page; three queries whatever its size."""
    judgements = list(inspection.judgements.order_by("order", "id"))
    recommendations = list(inspection.recommendations.order_by("order", "id"))
    for row in (*judgements, *recommendations):
        row.inspection = inspection  # no query per row for printed_grade_description

    # Timelines and comparisons use the first judgement of each headline area: mark it
    # where the report judges the area more than once.
    first_of_area: dict[str, int] = {}
    per_area: dict[str, int] = defaultdict(int)
    for judgement in judgements:
        if judgement.area in HEADLINE_AREAS:
            per_area[judgement.area] += 1
            first_of_area.setdefault(judgement.area, judgement.pk)
    judgement_sections: dict[str, list[Judgement]] = {}
    for judgement in judgements:
        judgement.used_in_timeline = first_of_area.get(judgement.area) == judgement.pk
        judgement.repeated_area = per_area.get(judgement.area, 0) > 1
        judgement_sections.setdefault(judgement.section or "Judgements", []).append(judgement)

    # Sections in the order the report prints them; within each, timescales in order.
    timescale_rank = {value: i for i, value in enumerate(Timescale.values)}
    recommendation_sections: dict[str, dict[str, list[Recommendation]]] = {}
    for recommendation in recommendations:
        recommendation_sections.setdefault(recommendation.section or "Recommendations", {})
    for recommendation in sorted(
        recommendations, key=lambda r: (timescale_rank.get(r.timescale, 99), r.order, r.pk)
    ):
        section = recommendation_sections[recommendation.section or "Recommendations"]
        section.setdefault(recommendation.get_timescale_display(), []).append(recommendation)

    siblings = list(
        published_inspections()
        .filter(authority_id=inspection.authority_id)
        .order_by("start_date", "id")
        .values("id", "start_date", "framework", "inspection_type")
    )
    position = next(i for i, row in enumerate(siblings) if row["id"] == inspection.pk)

    def link(index: int) -> InspectionLink | None:
        if not 0 <= index < len(siblings):
            return None
        row = siblings[index]
        name = framework_name(row["framework"], row["inspection_type"])
        url = inspection_path(inspection.authority.slug, row["start_date"], row["framework"])
        return InspectionLink(url, f"{row['start_date'].year} {name}")

    return InspectionDetail(
        judgement_sections=judgement_sections,
        recommendation_sections=recommendation_sections,
        judgement_count=len(judgements),
        recommendation_count=len(recommendations),
        mixed_kinds=len({r.kind for r in recommendations}) > 1,
        previous=link(position - 1),
        following=link(position + 1),
    )


# --------------------------------------------------------------------------- latest grades


def latest_cells(
    areas: Sequence[str] = LIST_AREAS, authority_ids: Iterable[int] | None = None
) -> dict[int, dict[str, GradeCell]]:
    """Each authority's most recent judgement of each area: {authority id: {area: cell}}.

    "Most recent" is per area: an authority whose last inspection did not judge an area
    (ILACS from 2026 has no overall judgement) shows its previous judgement of it, with
    its year. Computed with window functions, so only the winning rows leave the database.
    """
    judgements = published_judgements().filter(area__in=list(areas)).order_by()
    if authority_ids is not None:
        judgements = judgements.filter(inspection__authority_id__in=list(authority_ids))
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
    return dict(latest)


@dataclass
class AuthorityRow:
    """One line of the authority list."""

    authority: Authority
    inspection_count: int
    latest_inspection: date | None
    cells: list[GradeCell | None]

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
    for unreadable). ``sort`` is a key of :data:`AUTHORITY_SORTS`, "-" first for descending;
    authorities without a value sort last either way.
    """
    authorities = list(authorities_with_counts(authorities))
    latest = latest_cells(LIST_AREAS, [authority.pk for authority in authorities])
    rows = [
        AuthorityRow(
            authority=authority,
            inspection_count=authority.inspection_count,
            latest_inspection=authority.latest_inspection,
            cells=[latest.get(authority.pk, {}).get(area) for area in LIST_AREAS],
        )
        for authority in authorities
    ]
    if grade:
        rows = [row for row in rows if _matches_grade(row.cell(grade_area), grade)]
    return sort_authority_rows(rows, sort)


def _matches_grade(cell: GradeCell | None, grade: str) -> bool:
    if cell is None:
        return False
    if grade == "not-read":
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


def grade_distribution(areas: Sequence[Area] = LIST_AREAS) -> list[DistributionRow]:
    """How many current authorities have each grade as their latest in each area."""
    current_ids = Authority.objects.current().values_list("pk", flat=True)
    latest = latest_cells(areas, current_ids)
    result = []
    for area in areas:
        cells = [by_area[area] for by_area in latest.values() if area in by_area]
        counts = [(grade, sum(1 for cell in cells if cell.grade == grade)) for grade in Grade]
        not_read = sum(1 for cell in cells if not cell.is_read)
        result.append(DistributionRow(area, counts, not_read, len(cells)))
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
    }


# --------------------------------------------------------------------------- home page


def site_summary() -> dict[str, Any]:
    """Counts and date range of what is published."""
    graded = Q(framework__in=GRADED_KINDS)
    inspections = published_inspections().aggregate(
        inspections=Count("id", filter=graded),
        visits=Count("id", filter=~graded),
        authorities=Count("authority", distinct=True),
        first=Min("start_date"),
        last=Max("start_date"),
    )
    return {
        **inspections,
        "judgements": published_judgements().count(),
        "recommendations": published_recommendations().count(),
        "all_authorities": Authority.objects.current().count(),
    }


def with_overall_grade(queryset: QuerySet[Inspection]) -> QuerySet[Inspection]:
    """Annotate inspections with their first overall-effectiveness judgement's grade."""
    overall = Judgement.objects.filter(inspection=OuterRef("pk"), area=Area.OVERALL).order_by(
        "order", "id"
    )
    return queryset.annotate(
        overall_grade=Subquery(overall.values("grade")[:1]),
        overall_printed=Subquery(overall.values("grade_as_printed")[:1]),
    )


def _count_of(model, **conditions) -> Coalesce:
    counted = (
        model.objects.filter(inspection=OuterRef("pk"), **conditions)
        .order_by()
        .values("inspection")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def inspections_with_counts() -> QuerySet[Inspection]:
    """Published inspections with overall_grade, judgement_count and recommendation_count.

    Counts are subqueries: two COUNT joins would multiply rows on a national export.
    """
    return with_overall_grade(published_inspections()).annotate(
        judgement_count=_count_of(Judgement), recommendation_count=_count_of(Recommendation)
    )


def latest_inspections(limit: int = 8) -> list[Inspection]:
    return list(
        with_overall_grade(published_inspections().filter(framework__in=GRADED_KINDS))
        .select_related("authority")
        .order_by("-start_date", "-id")[:limit]
    )


# --------------------------------------------------------------------------- comparison


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
