"""Public pages. Thin: the work is in queries.py and filters.py (exports: api_views.py).

Only published inspections are shown anywhere here.
"""

from __future__ import annotations

import mimetypes
from collections import Counter
from datetime import timedelta
from functools import cache
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    QueryDict,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe

from authorities.models import Authority, AuthorityName, Region
from vocabulary import HEADLINE_AREAS, Area, Grade

from . import england, freshness, queries, shared_results
from .filters import AuthorityListForm, InspectionFilter, JudgementFilter, RecommendationFilter
from .models import Inspection
from .paging import OutlinePaginator
from .queries.compare import FIRST_YEAR
from .queries.group import group_summaries
from .queries.themes import theme_counts, theme_links
from .templatetags.row_tags import authority_options, datalist_options

PAGE_SIZE = 50

# The areas a "statistical neighbours" comparison starts with.
NEIGHBOUR_COMPARE_AREAS = (Area.OVERALL, Area.HELP_AND_PROTECTION, Area.CHILDREN_IN_CARE)


def _url(name: str, *args, **query) -> str:
    """reverse() plus a query string; list values repeat the parameter."""
    url = reverse(name, args=args)
    return f"{url}?{urlencode(query, doseq=True)}" if query else url


# --------------------------------------------------------------------------- home


def home(request: HttpRequest) -> HttpResponse:
    version = shared_results.version()  # read once for the page's shared results
    distribution = queries.grade_distribution(at=version)
    three_years_ago = freshness.today() - timedelta(days=3 * 365)
    examples = {
        "timeline": reverse("inspections:authority-detail", args=["knowsley"]),
        "compare": _url(
            "inspections:compare",
            authority=["knowsley", "liverpool", "st-helens"],
            area=[Area.CHILDREN_IN_CARE],
        ),
        "neighbours": _url(
            "inspections:compare", neighbours_of="knowsley", area=[Area.CHILDREN_IN_CARE]
        ),
        "inadequate": _url(
            "inspections:judgement-list",
            area=Area.HELP_AND_PROTECTION,
            grade=Grade.INADEQUATE,
            date_from=three_years_ago.isoformat(),
            sort="newest",
        ),
        "named": _url(
            "inspections:england",
            as_at="2020-03-31",
            region="north-west",
            area=Area.OVERALL,
            grade=Grade.INADEQUATE,
        ),
        "recommendations": _url("inspections:recommendation-list", authority="knowsley"),
        "recurring": _url(
            "inspections:recommendation-list", authority="knowsley", q="care leavers"
        ),
    }
    return render(
        request,
        "inspections/home.html",
        {
            "summary": queries.site_summary(version),
            # The same for every visitor until the data changes.
            "latest_inspections": shared_results.shared(
                "latest-inspections", (), queries.latest_inspections, at=version
            ),
            "distribution": distribution,
            "distribution_chart": queries.distribution_chart_data(distribution),
            "examples": examples,
            "three_years_ago": three_years_ago,
        },
    )


# --------------------------------------------------------------------------- authorities


def authority_list(request: HttpRequest) -> HttpResponse:
    form = AuthorityListForm(request.GET)
    grade, grade_area = form.grade_filter
    rows = queries.authority_rows(
        form.authorities(), grade=grade, grade_area=grade_area, sort=form.sort_key
    )
    if form.is_valid() and form.cleaned_data.get("q") and len(rows) == 1:
        return redirect(queries.authority_url(rows[0].authority.slug))  # the one it names
    sort = form.sort_key
    columns = [
        ("name", "Authority"),
        ("region", "Region"),
        ("type", "Type"),
        ("latest", "Latest inspection"),
        *[(str(area), queries.area_short_label(area)) for area in queries.LIST_AREAS],
    ]
    headers = [
        {
            "key": key,
            "label": label,
            "sorted": sort.lstrip("-") == key,
            "descending": sort == f"-{key}",
            # Clicking a sorted column reverses it.
            "next_sort": f"-{key}" if sort == key else key,
        }
        for key, label in columns
    ]
    return render(
        request,
        "inspections/authority_list.html",
        {
            "form": form,
            "rows": rows,
            "headers": headers,
            "areas": queries.LIST_AREAS,
            "area_labels": [queries.area_short_label(area) for area in queries.LIST_AREAS],
        },
    )


def _authority_page_data(slug: str) -> dict:
    """What an authority's page shows of the data alone (not of today): its timeline,
    neighbours, names and themes. Raises Http404 when no authority has this address, so
    that nothing is kept for an address made up."""
    authority = get_object_or_404(Authority, slug=slug)
    timeline = queries.authority_timeline(authority)
    neighbours = authority.ordered_neighbours()
    return {
        "authority": authority,
        "timeline": timeline,
        "chart_data": timeline.chart_data(),
        "neighbours": neighbours,
        "compare_neighbours": _url(
            "inspections:compare",
            authority=[authority.slug, *(n.slug for n in neighbours)],
            area=[str(a) for a in NEIGHBOUR_COMPARE_AREAS],
        ),
        "other_names": [
            n.name
            for n in AuthorityName.objects.filter(authority=authority).order_by("name")
            if n.name != authority.name
        ],
        "successors": list(authority.successors.all()),
        "predecessors": timeline.predecessors,
        "csv_query": urlencode({"authority": authority.slug}),
        "last_graded": max(
            (
                entry.inspection.end_date
                for entry in timeline.entries
                if any(column.cell and column.cell.grade for column in entry.columns)
            ),
            default=None,
        ),
        "theme_counts": theme_counts(
            queries.published_recommendations().filter(inspection__authority=authority),
            authority=authority.slug,
        ),
    }


def authority_detail(request: HttpRequest, slug: str) -> HttpResponse:
    # The page's data is the same for every visitor until the data changes: read once per
    # data version for every worker (about 10 queries and 9 ms of Python), and the parts
    # that count from today computed for each request.
    at = shared_results.version()
    data = shared_results.shared("authority-page", slug, lambda: _authority_page_data(slug), at=at)
    authority, timeline, neighbours = data["authority"], data["timeline"], data["neighbours"]
    today = freshness.today()
    national = england.national(at)
    standing = england.where_it_stands(national, authority, [n.pk for n in neighbours], today)
    latest_overall = next((a.standing for a in standing if a.area == Area.OVERALL), None)
    last_graded = data["last_graded"]
    return render(
        request,
        "inspections/authority_detail.html",
        {
            **data,
            "standing": standing,
            "days_since_graded": (today - last_graded).days if last_graded else None,
            "last_visit": timeline.latest_visit,
            "days_since_visit": (today - timeline.latest_visit.inspection.end_date).days
            if timeline.latest_visit
            else None,
            "wait": england.shared_waits_by_grade(national).get(latest_overall.grade)
            if latest_overall
            else None,
            "latest_overall": latest_overall,
        },
    )


# --------------------------------------------------------------------------- inspections


# What a row of the inspection list shows (row_tags.inspection_rows), beside the counts
# and the overall grade annotated.
INSPECTION_ROW_FIELDS = (
    "authority__slug",
    "authority__name",
    "start_date",
    "end_date",
    "published_on",
    "framework",
    "inspection_type",
)


@cache
def _inspection_rows() -> QuerySet[Inspection]:
    """The inspection list's query before its filters: built once per process (its four
    subqueries cost about a millisecond to build, every request the same) and only ever
    cloned, never evaluated itself."""
    return (
        queries.inspections_with_counts().select_related("authority").only(*INSPECTION_ROW_FIELDS)
    )


def inspection_list(request: HttpRequest) -> HttpResponse:
    queryset = _inspection_rows().all()
    filterset = InspectionFilter(request.GET, queryset=queryset, request=request)
    return _explorer(
        request, filterset, "inspections/inspection_list.html", "inspections:inspections-csv"
    )


def _inspection_or_404(slug: str, key: queries.InspectionKey) -> Inspection:
    inspection = queries.find_inspection(slug, key)
    if inspection is None:
        raise Http404("No published inspection has this address")
    return inspection


def inspection_detail(request: HttpRequest, slug: str, key: queries.InspectionKey) -> HttpResponse:
    inspection = _inspection_or_404(slug, key)
    detail = queries.inspection_detail(inspection)
    return render(
        request,
        "inspections/inspection_detail.html",
        {
            "inspection": inspection,
            "authority": inspection.authority,
            "source_url": queries.inspection_source_path(
                slug, inspection.start_date, inspection.framework
            ),
            "sections": detail.judgement_sections,
            "judgement_count": detail.judgement_count,
            "recommendation_sections": detail.recommendation_sections,
            "recommendation_count": detail.recommendation_count,
            "mixed_kinds": detail.mixed_kinds,
            "previous": detail.previous,
            "following": detail.following,
            "official_records": detail.official_records,
            "visit_themes": detail.visit_themes,
            "csv_query": urlencode({"inspection": inspection.pk}),
        },
    )


def inspection_source(request: HttpRequest, slug: str, key: queries.InspectionKey) -> FileResponse:
    """The report file as ingested, under its original name (published inspections only)."""
    inspection = _inspection_or_404(slug, key)
    if not inspection.source_file:
        raise Http404("This inspection has no stored report file")
    try:
        handle = inspection.source_file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The report file is missing from storage") from error
    filename = inspection.source_filename or inspection.source_file.name.rsplit("/", 1)[-1]
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)


def _redirect_by_id(request: HttpRequest, pk: int, make_path) -> HttpResponsePermanentRedirect:
    """A permanent redirect from an address by database id to the stable one."""
    inspection = get_object_or_404(
        queries.published_inspections().select_related("authority"), pk=pk
    )
    path = make_path(inspection.authority.slug, inspection.start_date, inspection.framework)
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)


def inspection_by_id(request: HttpRequest, pk: int) -> HttpResponsePermanentRedirect:
    """``/inspections/<id>/``, the address before stable ones: redirects to the page."""
    return _redirect_by_id(request, pk, queries.inspection_path)


def inspection_source_by_id(request: HttpRequest, pk: int) -> HttpResponsePermanentRedirect:
    """``/inspections/<id>/report/``: redirects to the report file's stable address."""
    return _redirect_by_id(request, pk, queries.inspection_source_path)


# --------------------------------------------------------------------------- compare


def compare(request: HttpRequest) -> HttpResponse:
    selection = queries.parse_compare_query(request.GET)
    if not selection.is_canonical:
        return redirect(f"{reverse('inspections:compare')}?{selection.canonical_query}")
    grids = queries.compare_grids(selection.authorities, selection.areas, selection.years)
    national = england.national()
    # The form's lists are the same for every comparison until the data changes: kept,
    # written, under the version England's data was just read under: no query, no HTML.
    neighbour_options, name_options = shared_results.shared(
        "compare-form-lists", "all", _compare_form_lists, at=national.version
    )
    summaries = group_summaries(national, selection.authorities, selection.areas, selection.years)
    return render(
        request,
        "inspections/compare.html",
        {
            "selection": selection,
            "grids": grids,
            "sections": _compare_sections(selection, grids, summaries, national),
            "benchmark_grades": england.GRADES,
            "charts": [
                (f"compare-chart-{grid.area}", _compare_chart(grid, summaries.get(grid.area)))
                for grid in grids
            ],
            "year_choices": list(range(selection.year_to, FIRST_YEAR - 1, -1)),
            "neighbour_options": mark_safe(neighbour_options),
            "name_options": mark_safe(name_options),
            "regions": Region.choices,
            "headline_areas": [(str(a), a.label) for a in HEADLINE_AREAS],
            "other_areas": [(v, label) for v, label in Area.choices if v not in HEADLINE_AREAS],
            "chosen_areas": [str(a) for a in selection.areas],
            "cell_count": sum(1 for grid in grids for _ in grid.cells()),
            "csv_url": f"{reverse('inspections:compare-csv')}?{selection.canonical_query}",
        },
    )


def _compare_form_lists() -> tuple[str, str]:
    """The options of the neighbours list (every current authority, in name order) and of
    the names the form suggests (every name any authority is or was known by)."""
    authorities = list(Authority.objects.order_by("name").values("slug", "name", "is_former"))
    names = sorted(
        {a["name"] for a in authorities} | set(AuthorityName.objects.values_list("name", flat=True))
    )
    return str(authority_options(authorities)), str(datalist_options(names))


def _compare_chart(grid, summary) -> dict:
    """The focus authority against the group where England counts the area (a line per
    authority would tangle past a few); one line per authority elsewhere."""
    if summary is None:
        return grid.chart_data()
    focus_cells = [cell for column in grid.rows[0].columns for cell in column]
    return summary.chart_data(focus_cells)


def _compare_sections(selection, grids, summaries, national) -> list[tuple]:
    """Each grid with the chosen authorities it has no judgement for, the group year by
    year, and the latest grades of England and of the chosen authorities' regions in its
    area (as on the England page), to read the grid against."""
    if not grids:
        return []
    counts = england.shared_distribution(national, freshness.today())
    regions = {authority.region for authority in selection.authorities}
    sections = []
    for grid in grids:
        judged = {row.authority.pk for row in grid.rows if any(row.columns)}
        missing = [a.name for a in selection.authorities if a.pk not in judged]
        lines = []
        if grid.area in england.AREAS:
            lines = [
                line
                for line in england.table(counts[grid.area])
                if line.key == "england" or line.key in regions
            ]
        sections.append((grid, missing, lines, summaries.get(grid.area)))
    return sections


# --------------------------------------------------------------------------- explorers


def _explorer(
    request: HttpRequest,
    filterset,
    template: str,
    csv_name: str,
    count: int | None = None,
    **context,
) -> HttpResponse:
    if filterset.listing_order() is not None:
        paginator = OutlinePaginator(filterset, PAGE_SIZE)  # any page is a seek
    else:
        paginator = Paginator(filterset.qs, PAGE_SIZE)
    if count is not None:
        paginator.count = count  # already counted by the caller: spare a COUNT query
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        template,
        {
            "filter": filterset,
            "page_obj": page,
            "paginator": paginator,
            "active_filters": filterset.active_filters(),
            # No export offered for filters that are not valid (it would answer 400).
            "csv_url": None
            if filterset.errors
            else f"{reverse(csv_name)}?{query.urlencode()}"
            if query
            else reverse(csv_name),
            **context,
        },
    )


# What a row of an explorer shows of the inspection it belongs to.
_ROW_INSPECTION_FIELDS = (
    "inspection__authority__slug",
    "inspection__authority__name",
    "inspection__start_date",
    "inspection__framework",
    "inspection__inspection_type",
)
JUDGEMENT_ROW_FIELDS = (
    "section",
    "label",
    "grade_as_printed",
    "grade",
    "area",
    *_ROW_INSPECTION_FIELDS,
)
RECOMMENDATION_ROW_FIELDS = (
    "section",
    "timescale",
    "text",
    "national_framework",
    *_ROW_INSPECTION_FIELDS,
)


def _rows_shown(queryset: QuerySet, fields: tuple[str, ...]) -> QuerySet:
    """Rows with their inspection and authority, reading only the columns the rows show
    (row_tags): the sort carries whole rows, and each field read is a model field set for
    every one of them. A recommendation's search document ranks in the database and is
    never shown."""
    return queryset.select_related("inspection__authority").only(*fields)


def judgement_list(request: HttpRequest) -> HttpResponse:
    queryset = _rows_shown(queries.published_judgements(), JUDGEMENT_ROW_FIELDS)
    filterset = JudgementFilter(request.GET, queryset=queryset, request=request)
    return _explorer(
        request, filterset, "inspections/judgement_list.html", "inspections:judgements-csv"
    )


def recommendation_list(request: HttpRequest) -> HttpResponse:
    queryset = _rows_shown(queries.published_recommendations(), RECOMMENDATION_ROW_FIELDS)
    filterset = RecommendationFilter(request.GET, queryset=queryset, request=request)

    def summary() -> tuple[dict, list]:
        # Where the matches come from: recurrence shows as several inspections of one
        # authority; and how many carry each theme.
        if filterset.errors or filterset.form.cleaned_data.get("theme"):
            # The themes are counted without the theme chosen: another set of rows.
            spread = filterset.qs.order_by().aggregate(
                rows=Count("id"),
                inspections=Count("inspection", distinct=True),
                authorities=Count("inspection__authority", distinct=True),
            )
            return spread, _theme_counts(request)
        # One read of the rows for both: a search is matched once, not twice.
        rows = filterset.qs.order_by().values_list(
            "inspection_id", "inspection__authority_id", "national_framework"
        )
        inspections, authorities, by_value = set(), set(), Counter()
        for inspection_id, authority_id, value in rows:
            inspections.add(inspection_id)
            authorities.add(authority_id)
            by_value[value] += 1
        spread = {
            "rows": sum(by_value.values()),
            "inspections": len(inspections),
            "authorities": len(authorities),
        }
        return spread, theme_links(by_value.items(), **_theme_query(request).dict())

    if filterset.is_bound and filterset.form.is_valid() and not filterset.active_filters():
        # All of England's (a page or an order aside): the same for every visitor until
        # the data changes, so counted once per data version for every worker.
        spread, counts = shared_results.shared("recommendation-summary", "england", summary)
    else:
        spread, counts = summary()
    return _explorer(
        request,
        filterset,
        "inspections/recommendation_list.html",
        "inspections:recommendations-csv",
        count=spread["rows"],
        spread=spread,
        theme_counts=counts,
    )


def _theme_query(request: HttpRequest) -> QueryDict:
    """The request's filters but the theme (and the page and order): what the counts by
    theme are of, and what their links keep."""
    query = request.GET.copy()
    for name in ("theme", "page", "sort"):
        query.pop(name, None)
    return query


def _theme_counts(request: HttpRequest) -> list:
    """Counts by national framework theme of the recommendations the other filters select
    (all of England's without any), each linking to its list with those filters."""
    query = _theme_query(request)
    filterset = RecommendationFilter(query, queryset=queries.published_recommendations())
    if filterset.errors:
        return []
    return theme_counts(filterset.qs, **query.dict())
