"""The exports: what each one selects from a request, in one table, for every format.

An :class:`Export` turns a request's query string into a :class:`Selection` (its columns
and typed rows: text, whole numbers, dates, or None for an empty cell), or refuses it with
:class:`BadQuery` naming each invalid parameter. The formats (CSV, JSON, Excel in
:mod:`inspections.api_views`) only render a selection, so the twins of one export always
hold the same rows and columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict

from . import csv_export, export_parameters, freshness, paging, queries
from .csv_export import Links
from .england import filter_choices, national, parse_filters
from .export_parameters import Parameter, Parameters, listed, no_parameters, of_filterset, of_form
from .filters import (
    AuthorityListForm,
    InspectionFilter,
    JudgementFilter,
    PreludeForm,
    RecommendationFilter,
    SequelFilter,
)
from .queries.sequels import BEFORE_COLUMNS, NEXT_COLUMNS

# Parameters that choose a JSON page, not rows: an export is "everything" without the others.
PAGING_PARAMETERS = frozenset({"page", "page_size"})


class BadQuery(ValueError):
    """The query string asks for something that is not valid: nothing is exported.

    ``errors`` are keyed by parameter (as JSON answers them); ``labels`` names them in
    words for the plain-text answer of a CSV or Excel export.
    """

    def __init__(self, errors: dict[str, list[str]], labels: dict[str, str] | None = None):
        super().__init__("; ".join(f"{name}: {' '.join(e)}" for name, e in errors.items()))
        self.errors = errors
        self.labels = labels or {}

    def text(self) -> str:
        lines = (
            f"{self.labels.get(name, name)}: {error}"
            for name, errors in self.errors.items()
            for error in errors
        )
        return "Bad request: the filters are not valid, so nothing was exported.\n" + "".join(
            f"{line}\n" for line in lines
        )


def form_errors(form) -> BadQuery:
    return BadQuery(
        {name: [str(error) for error in errors] for name, errors in form.errors.items()},
        {name: str(field.label or name) for name, field in form.fields.items()},
    )


@dataclass
class Selection:
    """The rows an export answers with: ``rows(start, stop)`` reads only that slice."""

    columns: Sequence[str]
    rows: Callable[[int | None, int | None], Iterable[Sequence[Any]]]
    count: Callable[[], int]


def queryset_selection(
    columns: Sequence[str],
    queryset: QuerySet,
    row_function: Callable[[QuerySet, Links], Iterable[Sequence[Any]]],
    links: Links,
) -> Selection:
    def rows(start: int | None = None, stop: int | None = None) -> Iterable[Sequence[Any]]:
        sliced = queryset if start is None and stop is None else queryset[start:stop]
        return row_function(sliced, links)

    return Selection(columns, rows, queryset.count)


def list_selection(columns: Sequence[str], built: Sequence[Sequence[Any]]) -> Selection:
    def rows(start: int | None = None, stop: int | None = None) -> Iterable[Sequence[Any]]:
        return built[start:stop]

    return Selection(columns, rows, lambda: len(built))


@dataclass(frozen=True)
class Export:
    """One export: its name (``/<name>.csv``, ``.json``, ``.xlsx``) and how it selects."""

    name: str
    title: str
    columns: Sequence[str]
    select: Callable[[HttpRequest, Links], Selection]
    # The query parameters it reads, with their valid values (export_parameters).
    parameters: Parameters = field(default_factory=no_parameters)
    # What, besides the data version, the unfiltered export depends on (England: today).
    variant: Callable[[], str] = field(default=lambda: "")

    def check_parameters(self, request: HttpRequest) -> None:
        """A parameter the export does not read would be ignored, and every row answered
        as if it were not there (a misspelt ``grade`` returns every grade): a 400 instead,
        naming the parameters it reads."""
        wrong = export_parameters.unknown(request.GET.keys(), self.parameters)
        if wrong:
            names = ", ".join(self.parameters.names()) or "none but page and page_size"
            raise BadQuery(
                {
                    name: [f"is not a parameter of /{self.name}: it reads {names} (see /api/)"]
                    for name in wrong
                }
            )


def filters_of(request: HttpRequest) -> QueryDict:
    """The query string without the JSON paging parameters."""
    query = request.GET.copy()
    for name in PAGING_PARAMETERS:
        query.pop(name, None)
    return query


def outline_selection(
    columns: Sequence[str],
    filterset,
    row_function: Callable[[QuerySet, Links], Iterable[Sequence[Any]]],
    links: Links,
) -> Selection:
    """A filterset's rows listed inspection by inspection: a page of them is read by its
    inspections and counted from their outline (:mod:`inspections.paging`), never by
    sorting, counting and skipping every row."""
    queryset = filterset.qs
    outline = cache(lambda: paging.outline_of(filterset))  # read once, for count and page

    def rows(start: int | None = None, stop: int | None = None) -> Iterable[Sequence[Any]]:
        if start is None and stop is None:
            return row_function(queryset, links)
        stop = outline().count if stop is None else stop
        return row_function(paging.rows_between(queryset, outline(), start or 0, stop), links)

    return Selection(columns, rows, lambda: outline().count)


def _filterset_selection(filterset_class, base, columns, row_function):
    def select(request: HttpRequest, links: Links) -> Selection:
        filterset = filterset_class(filters_of(request), queryset=base(), request=request)
        if filterset.errors:
            raise form_errors(filterset.form)
        if filterset.listing_order() is not None:
            return outline_selection(columns, filterset, row_function, links)
        return queryset_selection(columns, filterset.qs, row_function, links)

    return select


def _compare(request: HttpRequest, links: Links) -> Selection:
    selection = queries.parse_compare_query(request.GET)
    grids = queries.compare_grids(selection.authorities, selection.areas, selection.years)
    return list_selection(csv_export.COMPARE_COLUMNS, list(csv_export.compare_rows(grids, links)))


def _compare_parameters() -> list[Parameter]:
    from authorities.models import Authority, Region
    from vocabulary import Area

    slugs = tuple(Authority.objects.order_by("name").values_list("slug", "name"))
    years = queries.compare.FIRST_YEAR, freshness.today().year
    return [
        # Any name of an authority is read too; its slug is the value the links use.
        Parameter("authority", "Authority", "choice", slugs, repeat=True),
        Parameter("neighbours_of", "An authority and its neighbours", "choice", slugs, True),
        Parameter("region", "Every authority of a region", "choice", tuple(Region.choices), True),
        Parameter("area", "Area", "choice", tuple(Area.choices), repeat=True),
        Parameter("from", f"From the year ({years[0]} to {years[1]})", "year"),
        Parameter("to", f"To the year ({years[0]} to {years[1]})", "year"),
    ]


def _authorities(request: HttpRequest, links: Links) -> Selection:
    query = filters_of(request)
    form = AuthorityListForm(query)
    if query and not form.is_valid():
        raise form_errors(form)
    grade, grade_area = form.grade_filter
    rows = queries.authority_rows(
        form.authorities(), grade=grade, grade_area=grade_area, sort=form.sort_key
    )
    return list_selection(
        csv_export.AUTHORITY_COLUMNS, list(csv_export.authority_rows(rows, links))
    )


def _england(request: HttpRequest, links: Links) -> Selection:
    from .api_views import _as_at, _published_by  # the England page's own reading

    as_at, published_by = _as_at(request), _published_by(request)
    for name, value in (("as_at", as_at), ("published_by", published_by)):
        if isinstance(value, Exception):  # england.BadAsAt: not a date, or out of range
            raise BadQuery({name: [str(value)]})
    chosen, errors = parse_filters(request.GET)
    if errors:
        raise BadQuery(errors)
    data = national()
    standings = data.behind(as_at, published_by, chosen)
    rows = csv_export.england_rows(standings, data.authorities, links)
    return list_selection(csv_export.ENGLAND_COLUMNS, rows)


def _sequel_views():
    from . import sequel_views  # the pages' module: it imports this one

    return sequel_views


EXPORTS: tuple[Export, ...] = (
    Export(
        "judgements",
        "Judgements",
        csv_export.JUDGEMENT_COLUMNS,
        _filterset_selection(
            JudgementFilter,
            queries.published_judgements,
            csv_export.JUDGEMENT_COLUMNS,
            csv_export.judgement_rows,
        ),
        of_filterset(JudgementFilter),
    ),
    Export(
        "recommendations",
        "Recommendations",
        csv_export.RECOMMENDATION_COLUMNS,
        _filterset_selection(
            RecommendationFilter,
            queries.published_recommendations,
            csv_export.RECOMMENDATION_COLUMNS,
            csv_export.recommendation_rows,
        ),
        of_filterset(RecommendationFilter),
    ),
    Export(
        "inspections",
        "Inspections",
        csv_export.INSPECTION_COLUMNS,
        _filterset_selection(
            InspectionFilter,
            queries.inspections_with_counts,
            csv_export.INSPECTION_COLUMNS,
            csv_export.inspection_rows,
        ),
        of_filterset(InspectionFilter),
    ),
    Export(
        "compare",
        "Comparison",
        csv_export.COMPARE_COLUMNS,
        _compare,
        listed(_compare_parameters, ("authority", "neighbours_of", "region", "area", "from", "to")),
    ),
    Export(
        "authorities",
        "Authorities and their latest grades",
        csv_export.AUTHORITY_COLUMNS,
        _authorities,
        of_form(AuthorityListForm),
    ),
    Export(
        "england",
        "England at a date",
        csv_export.ENGLAND_COLUMNS,
        _england,
        listed(
            lambda: [
                Parameter("as_at", "As at (default: today)", "date"),
                Parameter(
                    "published_by",
                    "Reports published by (default: the cut-off of Ofsted's release for the "
                    "date, else three months after it)",
                    "date",
                ),
                *(
                    Parameter(name, f"Only this {name}", "choice", choices)
                    for name, choices in filter_choices().items()
                ),
            ],
            ("as_at", "published_by", "region", "area", "grade"),
        ),
        # Without as_at the export is as at today: tomorrow's is another file.
        variant=lambda: freshness.today().isoformat(),
    ),
    Export(
        "what-happened-next",
        "What happened next",
        NEXT_COLUMNS,
        lambda request, links: _sequel_views().sequel_selection(request, links),
        of_filterset(SequelFilter),
    ),
    Export(
        "what-came-before",
        "What came before",
        BEFORE_COLUMNS,
        lambda request, links: _sequel_views().prelude_selection(request, links),
        of_form(PreludeForm),
    ),
)
EXPORTS_BY_NAME = {export.name: export for export in EXPORTS}
