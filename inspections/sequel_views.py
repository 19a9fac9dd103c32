"""What happened next (an inspection or visit beside the authority's next graded
inspection) and what came before (a grade beside the inspection and visits that preceded
it): the pages, and the selections their CSV, JSON and Excel exports are made from
(``inspections/exports.py``). Thin: the pairing is in queries/sequels.py."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from authorities.models import Region
from vocabulary import Area

from . import queries
from .csv_export import Links
from .exports import Selection, filters_of, form_errors, list_selection
from .filters import PreludeForm, SequelFilter
from .queries import sequels as pairing
from .queries.sequels import BEFORE_COLUMNS, NEXT_COLUMNS, SEQUEL_AREAS, Event
from .views import PAGE_SIZE

_REGIONS = dict(Region.choices)
_AREA_SUFFIX = {area: str(area).replace("-", "_") for area in SEQUEL_AREAS}


def _sequels(request: HttpRequest, query=None):
    filterset = SequelFilter(
        request.GET if query is None else query,
        queryset=queries.published_inspections(),
        request=request,
    )
    if filterset.errors:
        return filterset, []
    priority = bool(filterset.form.cleaned_data.get("priority_actions"))
    return filterset, pairing.what_happened_next(filterset.qs, priority_actions=priority)


def what_happened_next(request: HttpRequest) -> HttpResponse:
    filterset, sequels = _sequels(request)
    # Paged like the explorers (the whole list was 420 rows, 520 KB); counted whole, and
    # its exports are whole.
    page = Paginator(sequels, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "inspections/what_happened_next.html",
        {
            "filter": filterset,
            "active_filters": filterset.active_filters(),
            "sequels": sequels,
            "page_obj": page,
            "followed": sum(1 for s in sequels if s.next),
            "areas": [(str(a), queries.area_short_label(a)) for a in SEQUEL_AREAS],
            "area_labels": [queries.area_short_label(a) for a in SEQUEL_AREAS],
            "csv_url": None
            if filterset.errors
            else _with_query(reverse("inspections:what-happened-next-csv"), request),
            "before_url": reverse("inspections:what-came-before"),
        },
    )


def _with_query(path: str, request: HttpRequest) -> str:
    """The path with the request's query, less the page: an export is of every row."""
    query = request.GET.copy()
    query.pop("page", None)
    return f"{path}?{query.urlencode()}" if query else path


def _event_columns(event: Event | None, links: Links) -> list[Any]:
    if event is None:
        return [None] * 5
    return [
        event.start_date,
        event.end_date,
        event.framework_name,
        event.published_on,
        links.absolute(event.url),
    ]


def _grade_label(cell) -> str | None:
    return cell.grade_label if cell and cell.grade else None


def _authority_columns(event: Event) -> list[str | None]:
    return [
        event.authority_name,
        event.la_number,
        event.gss_code or None,
        _REGIONS.get(event.region),
    ]


def sequel_selection(request: HttpRequest, links: Links) -> Selection:
    filterset, sequels = _sequels(request, filters_of(request))
    if filterset.errors:
        raise form_errors(filterset.form)
    rows = [
        [
            *_authority_columns(sequel.event),
            *_event_columns(sequel.event, links),
            sequel.event.priority_actions,
            *_event_columns(sequel.next, links),
            sequel.days_to_next,
            *[_grade_label(cell) for cell in sequel.next_cells],
        ]
        for sequel in sequels
    ]
    return list_selection(NEXT_COLUMNS, rows)


def _preludes(query):
    # Unbound without a query, so that the form shows its defaults (overall, inadequate).
    form = PreludeForm(query or None)
    if form.is_bound and not form.is_valid():
        return form, []
    choice = form.choice
    return form, pairing.what_came_before(
        choice["area"], choice["grade"], authority_ids=form.authority_ids()
    )


def what_came_before(request: HttpRequest) -> HttpResponse:
    form, preludes = _preludes(request.GET)
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


def prelude_selection(request: HttpRequest, links: Links) -> Selection:
    form, preludes = _preludes(filters_of(request))
    if form.errors:
        raise form_errors(form)
    area = form.choice["area"]
    rows = []
    for prelude in preludes:
        last = prelude.last_visit
        rows.append(
            [
                *_authority_columns(prelude.event),
                *_event_columns(prelude.event, links),
                Area(area).label,
                _grade_label(prelude.cell),
                *_event_columns(prelude.previous, links),
                _grade_label(prelude.previous_cell),
                len(prelude.visits),
                prelude.visits_with_priority_actions,
                last.start_date if last else None,
                links.absolute(last.url) if last else None,
            ]
        )
    return list_selection(BEFORE_COLUMNS, rows)
