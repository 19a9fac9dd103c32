"""JSON exports beside every CSV, the authority-list exports, and the /api/ page.

Thin: each JSON view takes the same filterset or selection as its CSV twin and the same
row builder from :mod:`inspections.csv_export`, and answers one page of it
(:mod:`inspections.json_export`). An invalid filter or page is a 400 saying why.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import condition

from . import csv_export, json_export, queries
from .filters import AuthorityListForm, InspectionFilter, JudgementFilter, RecommendationFilter

_fresh = condition(etag_func=json_export.etag, last_modified_func=json_export.last_modified)


def _bad_request(errors: dict[str, list[str]]) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=400)


def _filtered_json(request: HttpRequest, filterset, columns, row_function) -> HttpResponse:
    if filterset.errors:
        return _bad_request({name: list(errors) for name, errors in filterset.errors.items()})
    links = csv_export.Links(request)
    try:
        return json_export.queryset_response(
            request, columns, filterset.qs, lambda rows: row_function(rows, links)
        )
    except json_export.BadPage as error:
        return _bad_request({"page": [str(error)]})


@_fresh
def judgements_json(request: HttpRequest) -> HttpResponse:
    filterset = JudgementFilter(
        request.GET, queryset=queries.published_judgements(), request=request
    )
    return _filtered_json(
        request, filterset, csv_export.JUDGEMENT_COLUMNS, csv_export.judgement_rows
    )


@_fresh
def recommendations_json(request: HttpRequest) -> HttpResponse:
    filterset = RecommendationFilter(
        request.GET, queryset=queries.published_recommendations(), request=request
    )
    return _filtered_json(
        request, filterset, csv_export.RECOMMENDATION_COLUMNS, csv_export.recommendation_rows
    )


@_fresh
def inspections_json(request: HttpRequest) -> HttpResponse:
    filterset = InspectionFilter(
        request.GET, queryset=queries.inspections_with_counts(), request=request
    )
    return _filtered_json(
        request, filterset, csv_export.INSPECTION_COLUMNS, csv_export.inspection_rows
    )


@_fresh
def compare_json(request: HttpRequest) -> HttpResponse:
    selection = queries.parse_compare_query(request.GET)
    grids = queries.compare_grids(selection.authorities, selection.areas)
    rows = list(csv_export.compare_rows(grids, csv_export.Links(request)))
    try:
        return json_export.list_response(request, csv_export.COMPARE_COLUMNS, rows)
    except json_export.BadPage as error:
        return _bad_request({"page": [str(error)]})


def _authority_rows(request: HttpRequest):
    form = AuthorityListForm(request.GET)
    if request.GET and not form.is_valid():
        return form, []
    grade, grade_area = form.grade_filter
    rows = queries.authority_rows(
        form.authorities(), grade=grade, grade_area=grade_area, sort=form.sort_key
    )
    return form, list(csv_export.authority_rows(rows, csv_export.Links(request)))


def authorities_csv(request: HttpRequest) -> HttpResponse:
    form, rows = _authority_rows(request)
    if form.errors:
        return HttpResponse(
            "Bad request: the filters are not valid, so nothing was exported.\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return csv_export.csv_response("authorities.csv", csv_export.AUTHORITY_COLUMNS, rows)


@_fresh
def authorities_json(request: HttpRequest) -> HttpResponse:
    form, rows = _authority_rows(request)
    if form.errors:
        return _bad_request({name: list(errors) for name, errors in form.errors.items()})
    try:
        return json_export.list_response(request, csv_export.AUTHORITY_COLUMNS, rows)
    except json_export.BadPage as error:
        return _bad_request({"page": [str(error)]})


ENDPOINTS = [
    {
        "name": "Judgements",
        "csv": "/judgements.csv",
        "json": "/judgements.json",
        "example": "?area=help-and-protection&grade=inadequate&date_from=2023-01-01",
        "filters": "authority, region, framework, area, grade, overall_grade, section, "
        "date_from, date_to, sort",
        "columns": csv_export.JUDGEMENT_COLUMNS,
    },
    {
        "name": "Recommendations",
        "csv": "/recommendations.csv",
        "json": "/recommendations.json",
        "example": '?authority=knowsley&q="care leavers"',
        "filters": 'authority, region, framework, q (words and "quoted phrases"), section, '
        "timescale, kind, date_from, date_to, sort",
        "columns": csv_export.RECOMMENDATION_COLUMNS,
    },
    {
        "name": "Inspections",
        "csv": "/inspections.csv",
        "json": "/inspections.json",
        "example": "?framework=ilacs&overall_grade=inadequate",
        "filters": "authority, region, framework, overall_grade, date_from, date_to, sort",
        "columns": csv_export.INSPECTION_COLUMNS,
    },
    {
        "name": "Comparisons",
        "csv": "/compare.csv",
        "json": "/compare.json",
        "example": "?neighbours_of=knowsley&area=children-in-care",
        "filters": "authority (repeat it), neighbours_of, region, area (repeat it)",
        "columns": csv_export.COMPARE_COLUMNS,
    },
    {
        "name": "England at a date",
        "csv": "/england.csv",
        "json": "/england.json",
        "example": "?as_at=2024-03-31",
        "filters": (
            "as_at (YYYY-MM-DD; default today), published_by (YYYY-MM-DD; default the "
            "cut-off of Ofsted's release for the date, else three months after it)"
        ),
        "columns": csv_export.ENGLAND_COLUMNS,
    },
    {
        "name": "Authorities and their latest grades",
        "csv": "/authorities.csv",
        "json": "/authorities.json",
        "example": "?region=north-west&sort=overall",
        "filters": "q (a name or code), region, type, grade with grade_area, sort",
        "columns": csv_export.AUTHORITY_COLUMNS,
    },
]


def api(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "inspections/api.html",
        {
            "endpoints": ENDPOINTS,
            "page_size": json_export.PAGE_SIZE,
            "max_page_size": json_export.MAX_PAGE_SIZE,
        },
    )


# --------------------------------------------------------------------------- England


def _as_at(request: HttpRequest):
    """The date asked for (default today); None for one that is not a date."""
    from datetime import date

    value = request.GET.get("as_at", "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _published_by(request: HttpRequest):
    """The publication cut-off asked for: None for the rule's own, False for a bad one."""
    from datetime import date

    value = request.GET.get("published_by", "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return False


def england(request: HttpRequest) -> HttpResponse:
    from .england import AREAS, GRADES, SIF_BEGAN, national, rule_for, table
    from .published_statistics import FIGURES, reproduce

    as_at = _as_at(request)
    if as_at is None:
        return render(
            request,
            "inspections/england.html",
            {"error": "The date must be written YYYY-MM-DD, e.g. 2024-03-31.", "as_at": ""},
            status=400,
        )
    published_by = _published_by(request)
    if published_by is False:
        return render(
            request,
            "inspections/england.html",
            {
                "error": "The publication cut-off must be written YYYY-MM-DD, e.g. 2025-06-30.",
                "as_at": "",
            },
            status=400,
        )
    data = national()
    counts = data.distribution(as_at, published_by)
    rule = rule_for(as_at, published_by)
    query = {"as_at": as_at.isoformat()}
    if published_by:
        query["published_by"] = published_by.isoformat()
    return render(
        request,
        "inspections/england.html",
        {
            "published": [reproduce(data, figure) for figure in FIGURES],
            "as_at": as_at,
            "existing": len(data.existing(as_at)),
            "not_yet_judged": [
                a.name for a in data.not_yet_judged(as_at, published_by=published_by)
            ],
            "rule": rule,
            "published_by": published_by,
            "before_sif": as_at < SIF_BEGAN,
            "covered": len({s.authority_id for s in data.standings(as_at, published_by)}),
            "grades": GRADES,
            "areas": [(area, table(counts[area])) for area in AREAS],
            "chart": data.shares_over_time(AREAS[0], as_at),
            "query": urlencode(query),
        },
    )


def _england_rows(request: HttpRequest):
    """The CSV/JSON rows, or the name of the parameter that is not a date."""
    from .england import national

    as_at, published_by = _as_at(request), _published_by(request)
    if as_at is None:
        return "as_at"
    if published_by is False:
        return "published_by"
    data = national()
    return csv_export.england_rows(
        data.standings(as_at, published_by), data.authorities, csv_export.Links(request)
    )


def england_csv(request: HttpRequest) -> HttpResponse:
    rows = _england_rows(request)
    if isinstance(rows, str):
        return HttpResponse(
            f"Bad request: {rows} must be a date written YYYY-MM-DD.\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return csv_export.csv_response("england.csv", csv_export.ENGLAND_COLUMNS, rows)


@_fresh
def england_json(request: HttpRequest) -> HttpResponse:
    rows = _england_rows(request)
    if isinstance(rows, str):
        return _bad_request({rows: ["must be a date written YYYY-MM-DD"]})
    try:
        return json_export.list_response(request, csv_export.ENGLAND_COLUMNS, rows)
    except json_export.BadPage as error:
        return _bad_request({"page": [str(error)]})
