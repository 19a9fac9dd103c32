"""An authority's timeline: its graded inspections with their headline cells, its
ungraded visits between them, and the publications Ofsted lists that the app does not read
(listed events, recorded by the sync: ``ofsted.models.Publication``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db.models import Max

import vocabulary as grades
from authorities.models import Authority
from vocabulary import HEADLINE_AREAS, Area, RecommendationKind

from ..models import Inspection, Recommendation
from .cells import Change, GradeCell, change_between, decimal_year, first_cells
from .common import CELL_FIELDS, _count_of, published_inspections, published_judgements
from .labels import grade_scale_labels


@dataclass
class TimelineColumn:
    area: Area
    cell: GradeCell | None
    change: Change | None


def event_label(inspection: Inspection, predecessor: Authority | None = None) -> str:
    """ "2014 SIF", "2019 Focused visit", "2017 SIF (Poole)": an inspection or visit on a
    timeline, naming the predecessor authority it was of, if any."""
    label = f"{inspection.start_date.year} {inspection.framework_display}"
    return f"{label} ({predecessor.name})" if predecessor else label


def ancestors(authority: Authority) -> tuple[list[Authority], list[Authority]]:
    """The authorities ``authority`` was formed from, and all its ancestors (theirs in turn),
    nearest first: one query for an authority that replaced none (nearly all of them)."""
    found: dict[int, Authority] = {}
    direct: list[Authority] = []
    frontier: list[int] = [authority.pk]
    while frontier:
        step = list(Authority.objects.filter(successors__in=frontier).order_by("name"))
        if not direct:
            direct = step
        frontier = []
        for predecessor in step:
            if predecessor.pk not in found and predecessor.pk != authority.pk:
                found[predecessor.pk] = predecessor
                frontier.append(predecessor.pk)
    return direct, list(found.values())


class _InspectionEvent:
    """What an inspection and a visit on the timeline have alike: the event they stand for
    and the predecessor authority it was of, if any."""

    inspection: Inspection
    predecessor: Authority | None

    @property
    def date(self):
        return self.inspection.start_date

    @property
    def chart_label(self) -> str:
        return event_label(self.inspection, self.predecessor)


@dataclass
class TimelineEntry(_InspectionEvent):
    inspection: Inspection
    cells: dict[str, GradeCell] = field(default_factory=dict)
    changes: dict[str, Change] = field(default_factory=dict)
    columns: list[TimelineColumn] = field(default_factory=list)
    # The authority this inspection was of, when it is one the timeline's authority replaced.
    predecessor: Authority | None = None
    is_visit = False
    is_listed = False


@dataclass
class VisitEntry(_InspectionEvent):
    """An ungraded event between inspections (a focused visit): a marker on the timeline."""

    inspection: Inspection  # annotated with its counts by authority_timeline
    predecessor: Authority | None = None
    is_visit = True
    is_listed = False

    @property
    def priority_actions(self) -> int:
        return self.inspection.priority_actions

    @property
    def areas_for_improvement(self) -> int:
        return self.inspection.areas_for_improvement

    def marker(self) -> dict[str, Any]:
        inspection = self.inspection
        return {
            "x": decimal_year(inspection.start_date),
            "label": self.chart_label,
            "date": inspection.start_date.isoformat(),
            "url": inspection.get_absolute_url(),
            "priority": self.priority_actions,
            "focus": inspection.focus,
            "theme": self.theme,
        }

    @property
    def theme(self) -> str:
        return getattr(self.inspection, "visit_theme", None) or ""


@dataclass
class ListedEntry:
    """A publication of a kind the app does not read (a monitoring visit letter, a JTAI
    letter) or a file it could not read: its date, its kind as listed and Ofsted's link."""

    publication: Any  # ofsted.models.Publication
    is_visit = False
    is_listed = True

    @property
    def date(self):
        return self.publication.published_on


@dataclass
class Timeline:
    authority: Authority
    areas: list[Area]
    # Inspections and visits together, oldest first: the rows of the timeline table.
    events: list[TimelineEntry | VisitEntry | ListedEntry]
    predecessors: list[Authority] = field(default_factory=list)  # the ones it was formed from

    @cached_property
    def entries(self) -> list[TimelineEntry]:
        """The graded inspections, oldest first."""
        return [event for event in self.events if isinstance(event, TimelineEntry)]

    @cached_property
    def visits(self) -> list[VisitEntry]:
        return [event for event in self.events if isinstance(event, VisitEntry)]

    @cached_property
    def listed(self) -> list[ListedEntry]:
        return [event for event in self.events if isinstance(event, ListedEntry)]

    @property
    def first_year(self) -> int | None:
        return self.events[0].date.year if self.events else None

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


# The columns of an inspection the timeline, its chart and its page read.
TIMELINE_FIELDS = (
    "authority",
    "framework",
    "inspection_type",
    "start_date",
    "end_date",
    "published_on",
    "focus",
    "parser_version",  # is_from_official_statistics
)


def authority_timeline(authority: Authority) -> Timeline:
    """Every published inspection of ``authority`` and of the authorities it replaced (marked
    as theirs), oldest first, with its headline cells, and its ungraded visits beside them."""
    direct, all_ancestors = ancestors(authority)
    predecessors = {other.pk: other for other in all_ancestors}
    owners = {authority.pk: authority, **predecessors}
    events = list(
        published_inspections()
        .filter(authority__in=owners)
        # What the timeline shows of each: the theme's MAX groups by every column read.
        .only(*TIMELINE_FIELDS)
        .annotate(
            priority_actions=_count_of(Recommendation, kind=RecommendationKind.PRIORITY_ACTION),
            areas_for_improvement=_count_of(
                Recommendation, kind=RecommendationKind.AREA_FOR_IMPROVEMENT
            ),
            # Ofsted's theme for a visit, from its official statistics (the official app).
            visit_theme=Max("official_records__theme"),
        )
        .order_by("start_date", "id")
    )
    timeline_events: list[TimelineEntry | VisitEntry | ListedEntry] = []
    for inspection in events:
        # No query per inspection for __str__ and links.
        inspection.authority = owners[inspection.authority_id]
        entry_type = TimelineEntry if grades.is_graded(inspection.framework) else VisitEntry
        timeline_events.append(
            entry_type(inspection, predecessor=predecessors.get(inspection.authority_id))
        )
    entries = [event for event in timeline_events if not event.is_visit]
    rows = (
        published_judgements()
        .filter(inspection__authority__in=owners, area__in=HEADLINE_AREAS)
        .order_by("inspection__start_date", "inspection_id", "order", "id")
        .values(*CELL_FIELDS)
    )
    cells = first_cells(rows)
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
    # Imported here: the sync's app depends on this one, not the other way round at import.
    from ofsted.queries import listed_events

    timeline_events.extend(ListedEntry(p) for p in listed_events(authority))
    timeline_events.sort(key=lambda event: event.date)  # stable: same-day order kept
    return Timeline(
        authority=authority,
        areas=areas,
        events=timeline_events,
        predecessors=direct,
    )
