"""What happened next, and what came before: an inspection or visit beside the authority's
next graded inspection, and an inadequate (or any) judgement beside what preceded it.

"Which authorities had a focused visit with priority actions, and what happened at their next
inspection?" took opening one page per visit; these rows answer it in one table. Every
published inspection and visit is read in one query, the headline grades in a second and the
priority-action counts in a third, once per data version for every worker; the pairing is
done in Python, per authority, in date order (a few thousand rows at national scale).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, QuerySet

import vocabulary
from vocabulary import Area, RecommendationKind

from .. import shared_results
from ..models import Inspection
from .cells import GradeCell, first_cells
from .common import (
    CELL_FIELDS,
    LIST_AREAS,
    authority_url,
    inspection_path,
    published_judgements,
    published_recommendations,
)
from .common import published_inspections as _published_inspections

# The grades shown beside the next inspection: the authority list's headline areas.
SEQUEL_AREAS: tuple[Area, ...] = LIST_AREAS

# An Event's fields, read in one query: the inspection's own, and its authority's.
_EVENT_FIELDS = ("id", "framework", "inspection_type", "start_date", "end_date", "published_on")
_EVENT_AUTHORITY_FIELDS = {
    "authority_slug": F("authority__slug"),
    "authority_name": F("authority__name"),
    "region": F("authority__region"),
    "la_number": F("authority__la_number"),
    "gss_code": F("authority__gss_code"),
}


@dataclass
class Event:
    """One published inspection or focused visit, with its headline grades."""

    id: int
    authority_slug: str
    authority_name: str
    region: str
    framework: str
    inspection_type: str
    start_date: date
    end_date: date
    published_on: date | None
    la_number: str = ""
    gss_code: str = ""
    priority_actions: int = 0
    cells: dict[str, GradeCell] = field(default_factory=dict)

    @property
    def graded(self) -> bool:
        """A graded inspection that was graded: a report whose grades were all unreadable
        does not count as the next inspection."""
        return vocabulary.is_graded(self.framework) and any(c.grade for c in self.cells.values())

    @property
    def is_visit(self) -> bool:
        return not vocabulary.is_graded(self.framework)

    @property
    def framework_name(self) -> str:
        return vocabulary.display_name(self.framework, self.inspection_type)

    @property
    def name(self) -> str:
        return f"{self.start_date.year} {self.framework_name}"

    @property
    def url(self) -> str:
        return inspection_path(self.authority_slug, self.start_date, self.framework)

    @property
    def authority_url(self) -> str:
        return authority_url(self.authority_slug)

    def cell(self, area: str) -> GradeCell | None:
        return self.cells.get(str(area))


@dataclass(frozen=True)
class Sequel:
    """An event beside the authority's next graded inspection after it (None: none yet)."""

    event: Event
    next: Event | None

    @property
    def days_to_next(self) -> int | None:
        return (self.next.start_date - self.event.end_date).days if self.next else None

    @property
    def next_cells(self) -> list[GradeCell | None]:
        """The next inspection's cell in each of :data:`SEQUEL_AREAS` (None: not judged)."""
        return [self.next.cell(area) if self.next else None for area in SEQUEL_AREAS]


@dataclass(frozen=True)
class Prelude:
    """A graded inspection that judged ``area`` at ``grade``, beside what came before it: the
    authority's previous graded inspection and the focused visits between the two."""

    area: str
    event: Event
    previous: Event | None
    visits: tuple[Event, ...]
    authority_id: int

    @property
    def cell(self) -> GradeCell | None:
        return self.event.cell(self.area)

    @property
    def previous_cell(self) -> GradeCell | None:
        return self.previous.cell(self.area) if self.previous else None

    @property
    def visits_with_priority_actions(self) -> int:
        return sum(1 for visit in self.visits if visit.priority_actions)

    @property
    def last_visit(self) -> Event | None:
        return self.visits[-1] if self.visits else None


def _events(at: shared_results.Version | None = None) -> dict[int, list[Event]]:
    """Every published event, by authority id, oldest first, with its headline grades and
    its number of priority actions; computed once per data version for every worker
    (:mod:`inspections.shared_results`): both pages and their exports read it whole. The
    events are shared: read them, never change them."""
    return shared_results.shared("sequel-events", SEQUEL_AREAS, _read_events, at=at)


def _read_events() -> dict[int, list[Event]]:
    inspections = _published_inspections()
    judgements = published_judgements().filter(area__in=[str(a) for a in SEQUEL_AREAS])
    priority = published_recommendations().filter(kind=RecommendationKind.PRIORITY_ACTION)
    rows = inspections.order_by("start_date", "id").values(
        "authority_id", *_EVENT_FIELDS, **_EVENT_AUTHORITY_FIELDS
    )
    events: dict[int, Event] = {}
    by_authority: dict[int, list[Event]] = defaultdict(list)
    for row in rows:
        authority_id = row.pop("authority_id")
        row["gss_code"] = row["gss_code"] or ""  # null where the authority has none
        event = Event(**row)
        events[event.id] = event
        by_authority[authority_id].append(event)
    cells = first_cells(judgements.order_by("inspection_id", "order", "id").values(*CELL_FIELDS))
    for (inspection_id, area), cell in cells.items():
        events[inspection_id].cells[area] = cell
    counts = priority.order_by().values_list("inspection_id").annotate(n=Count("id"))
    for inspection_id, count in counts:
        events[inspection_id].priority_actions = count
    return dict(by_authority)


def _next_graded(events: Sequence[Event], index: int) -> Event | None:
    after = events[index].end_date
    return next(
        (e for e in events[index + 1 :] if e.graded and e.start_date > after),
        None,
    )


def what_happened_next(
    chosen: QuerySet[Inspection], *, priority_actions: bool = False
) -> list[Sequel]:
    """The chosen events (filtered elsewhere), newest first, each with the authority's next
    graded inspection. ``priority_actions`` keeps only events that set some."""
    # A set: the filter's order (by authority name, a join and a sort) is not needed.
    wanted = set(chosen.order_by().values_list("id", flat=True))
    # Every event's pairing is the same whatever the filters: paired once per data version
    # (finding each next graded inspection was most of the page), then only picked here.
    at = shared_results.version()
    every = shared_results.shared("sequels", SEQUEL_AREAS, lambda: _every_sequel(at), at=at)
    return [
        sequel
        for sequel in every
        if sequel.event.id in wanted and (sequel.event.priority_actions or not priority_actions)
    ]


def _every_sequel(at: shared_results.Version) -> list[Sequel]:
    """Every event beside its next graded inspection, newest first."""
    sequels = [
        Sequel(event, _next_graded(events, index))
        for events in _events(at).values()
        for index, event in enumerate(events)
    ]
    sequels.sort(key=lambda s: (s.event.start_date, s.event.authority_name), reverse=True)
    return sequels


def what_came_before(
    area: str, grade: str, *, authority_ids: Iterable[int] | None = None
) -> list[Prelude]:
    """Every graded inspection that judged ``area`` at ``grade`` (newest first), with the
    authority's previous graded inspection and the visits since it."""
    # Paired once per data version for each (area, grade) the form offers, then only
    # picked by authority here.
    at = shared_results.version()
    every = shared_results.shared(
        "preludes", (area, grade), lambda: _every_prelude(area, grade, at), at=at
    )
    if authority_ids is None:
        return list(every)  # the shared list stays as it is
    chosen = set(authority_ids)
    return [prelude for prelude in every if prelude.authority_id in chosen]


def _every_prelude(area: str, grade: str, at: shared_results.Version) -> list[Prelude]:
    preludes = []
    for authority_id, events in _events(at).items():
        previous: Event | None = None
        visits: list[Event] = []
        for event in events:
            if event.is_visit:
                visits.append(event)
                continue
            if not event.graded:
                continue
            cell = event.cell(area)
            if cell is not None and cell.grade == grade:
                preludes.append(Prelude(area, event, previous, tuple(visits), authority_id))
            previous, visits = event, []
    preludes.sort(key=lambda p: (p.event.start_date, p.event.authority_name), reverse=True)
    return preludes


def _event_header(prefix: str) -> list[str]:
    return [
        f"{prefix}start_date",
        f"{prefix}end_date",
        f"{prefix}framework",
        f"{prefix}published_on",
        f"{prefix}url",
    ]


AUTHORITY_HEADER = ["la_name", "old_la_code", "new_la_code", "region_name"]
# The columns of the exports (CSV, JSON, Excel), in DfE's names for an authority first.
NEXT_COLUMNS: Sequence[str] = [
    *AUTHORITY_HEADER,
    *_event_header(""),
    "priority_actions",
    *_event_header("next_"),
    "days_to_next",
    *[f"next_{str(area).replace('-', '_')}_grade" for area in SEQUEL_AREAS],
]

BEFORE_COLUMNS: Sequence[str] = [
    *AUTHORITY_HEADER,
    *_event_header(""),
    "area",
    "grade",
    *_event_header("previous_"),
    "previous_grade",
    "visits_between",
    "visits_with_priority_actions",
    "last_visit_start_date",
    "last_visit_url",
]
