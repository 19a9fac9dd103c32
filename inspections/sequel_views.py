"""What happened next (an inspection or visit beside the authority's next graded
inspection) and what came before (a grade beside the inspection and visits that preceded
it): pages and their CSV. Thin: the pairing is in queries/sequels.py."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from authorities.models import Region
from vocabulary import Area

from . import csv_export, queries
from .filters import PreludeForm, SequelFilter
from .queries import sequels as pairing
from .queries.sequels import SEQUEL_AREAS, Event
from .views import _bad_filters

_REGIONS = dict(Region.choices)
_AREA_SUFFIX = {area: str(area).replace("-", "_") for area in SEQUEL_AREAS}


def _sequels(request: HttpRequest):
    filterset = SequelFilter(request.GET, queryset=queries.published_inspections(), request=request)
    if filterset.errors:
        return filterset, []
    priority = bool(filterset.form.cleaned_data.get("priority_actions"))
    return filterset, pairing.what_happened_next(filterset.qs, priority_actions=priority)


def what_happened_next(request: HttpRequest) -> HttpResponse:
    filterset, sequels = _sequels(request)
    return render(
        request,
        "inspections/what_happened_next.html",
        {
            "filter": filterset,
            "active_filters": filterset.active_filters(),
            "sequels": sequels,
            "followed": sum(1 for s in sequels if s.next),
            "areas": [(str(a), queries.area_short_label(a)) for a in SEQUEL_AREAS],
            "csv_url": None
            if filterset.errors
            else _with_query(reverse("inspections:what-happened-next-csv"), request),
            "before_url": reverse("inspections:what-came-before"),
        },
    )


def _with_query(path: str, request: HttpRequest) -> str:
    query = request.GET.urlencode()
    return f"{path}?{query}" if query else path


def _event_columns(event: Event | None, links: csv_export.Links) -> list[Any]:
    if event is None:
        return ["", "", "", "", ""]
    return [
        event.start_date,
        event.end_date,
        event.framework_name,
        event.published_on,
        links.absolute(event.url),
    ]


def _grade_label(cell) -> str:
    return cell.grade_label if cell and cell.grade else ""


def _authority_columns(event: Event) -> list[str]:
    return [event.authority_name, event.la_number, event.gss_code, _REGIONS.get(event.region, "")]


def _event_header(prefix: str) -> list[str]:
    return [
        f"{prefix}start_date",
        f"{prefix}end_date",
        f"{prefix}framework",
        f"{prefix}published_on",
        f"{prefix}url",
    ]


AUTHORITY_HEADER = ["la_name", "old_la_code", "new_la_code", "region_name"]
NEXT_COLUMNS: Sequence[str] = [
    *AUTHORITY_HEADER,
    *_event_header(""),
    "priority_actions",
    *_event_header("next_"),
    "days_to_next",
    *[f"next_{_AREA_SUFFIX[area]}_grade" for area in SEQUEL_AREAS],
]


def what_happened_next_csv(request: HttpRequest) -> HttpResponse:
    filterset, sequels = _sequels(request)
    if filterset.errors:
        return _bad_filters(filterset)
    links = csv_export.Links(request)

    def rows() -> Iterator[list[Any]]:
        for sequel in sequels:
            yield [
                *_authority_columns(sequel.event),
                *_event_columns(sequel.event, links),
                sequel.event.priority_actions,
                *_event_columns(sequel.next, links),
                sequel.days_to_next,
                *[_grade_label(cell) for cell in sequel.next_cells],
            ]

    return csv_export.csv_response("what-happened-next.csv", NEXT_COLUMNS, rows())


def _preludes(request: HttpRequest):
    # Unbound without a query, so that the form shows its defaults (overall, inadequate).
    form = PreludeForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, []
    choice = form.choice
    return form, pairing.what_came_before(
        choice["area"], choice["grade"], authority_ids=form.authority_ids()
    )


def what_came_before(request: HttpRequest) -> HttpResponse:
    form, preludes = _preludes(request)
    choice = form.choice
    return render(
        request,
        "inspections/what_came_before.html",
        {
            "form": form,
            "choice": choice,
            "area_label": Area(choice["area"]).label,
            "grade_label": queries.grade_label(choice["grade"]),
            "preludes": preludes,
            "with_previous": sum(1 for p in preludes if p.previous),
            "with_visits": sum(1 for p in preludes if p.visits),
            "with_priority": sum(1 for p in preludes if p.visits_with_priority_actions),
            "csv_url": None
            if form.errors
            else _with_query(reverse("inspections:what-came-before-csv"), request),
            "next_url": reverse("inspections:what-happened-next"),
        },
    )


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


def what_came_before_csv(request: HttpRequest) -> HttpResponse:
    form, preludes = _preludes(request)
    if form.errors:
        return HttpResponse(
            "Bad request: the filters are not valid, so nothing was exported.\n"
            + "\n".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    links = csv_export.Links(request)
    area = form.choice["area"]

    def rows() -> Iterator[list[Any]]:
        for prelude in preludes:
            last = prelude.last_visit
            yield [
                *_authority_columns(prelude.event),
                *_event_columns(prelude.event, links),
                Area(area).label,
                _grade_label(prelude.cell),
                *_event_columns(prelude.previous, links),
                _grade_label(prelude.previous_cell),
                len(prelude.visits),
                prelude.visits_with_priority_actions,
                last.start_date if last else "",
                links.absolute(last.url) if last else "",
            ]

    return csv_export.csv_response("what-came-before.csv", BEFORE_COLUMNS, rows())
