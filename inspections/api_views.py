"""The export views (CSV, JSON and Excel of every export), the /api/ page, England.

Thin: each export (:mod:`inspections.exports`) selects its rows from the query string,
and the format only renders them (:mod:`inspections.csv_export`, :mod:`.json_export`,
:mod:`.xlsx_export`). A whole export (no filter) is built once per data version and kept
for every worker (:mod:`inspections.export_store`); a filtered one is built for the
request, CSV and JSON streamed row by row. Every answer carries an ETag and Last-Modified
from the data version, so a repeat is a 304. An invalid filter or page is a 400 saying why.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from urllib.parse import urlencode

from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from . import csv_export, export_store, freshness, json_export, shared_results, xlsx_export
from .export_store import DataVersionNow
from .exports import EXPORTS, EXPORTS_BY_NAME, BadQuery, Export, Selection, filters_of

FORMATS = ("csv", "json", "xlsx")


def _etag(request: HttpRequest, export: Export, version: DataVersionNow) -> str:
    """The data version, the whole address and what else the answer depends on (England
    without a date: today): any change of them is another answer."""
    return export_store.digest(
        f"{version.key}|{export.variant()}|{request.build_absolute_uri()}", 32
    )


def _last_modified(export: Export, version: DataVersionNow) -> int | None:
    """When the answer last changed: the data's last change, or for an export counted as at
    today (England without a date) the start of today if that is later."""
    changed = version.changed_at
    if export.variant():
        midnight = timezone.make_aware(datetime.combine(freshness.today(), time.min))
        changed = max(changed, midnight) if changed else midnight
    return int(changed.timestamp()) if changed else None


def _bad_query(error: BadQuery, format: str) -> HttpResponse:
    if format == "json":
        return JsonResponse({"errors": error.errors}, status=400)
    return HttpResponse(error.text(), status=400, content_type="text/plain; charset=utf-8")


def export_view(name: str, format: str) -> Callable[[HttpRequest], HttpResponse]:
    """The view of ``/<name>.<format>``: one data-version query, then a 304 for a client
    that has this answer already, else the answer (stored or built for the request)."""
    export = EXPORTS_BY_NAME[name]
    render_format = _RENDERERS[format]

    def view(request: HttpRequest) -> HttpResponse:
        try:
            export.check_parameters(request)
        except BadQuery as error:
            return _bad_query(error, format)
        version = export_store.data_version()
        etag = quote_etag(_etag(request, export, version))
        modified = _last_modified(export, version)
        not_modified = get_conditional_response(request, etag=etag, last_modified=modified)
        if not_modified is not None:
            return not_modified
        try:
            response = render_format(request, export, csv_export.Links(request), version)
        except BadQuery as error:
            return _bad_query(error, format)
        except json_export.BadPage as error:
            return JsonResponse({"errors": {"page": [str(error)]}}, status=400)
        response["ETag"] = etag
        if modified is not None:
            response["Last-Modified"] = http_date(modified)
        # Kept by browsers and proxies, but asked about again each time (a cheap 304).
        patch_cache_control(response, no_cache=True)
        return response

    view.__name__ = view.__qualname__ = f"{name}_{format}"
    view.__doc__ = f"/{name}.{format}"
    return view


def _whole(request: HttpRequest, export: Export, format: str) -> bool:
    """Whether the request asks for the whole export (a file kept per data version)."""
    return not (filters_of(request) if format == "json" else request.GET)


def _stored(
    request: HttpRequest,
    export: Export,
    links: csv_export.Links,
    version: DataVersionNow,
    format: str,
    write: Callable[[Path, Selection], None],
) -> Path | None:
    if not _whole(request, export, format):
        return None
    origin = links.absolute("")  # the rows hold absolute addresses of this host
    key = (origin, export.name, format, export.variant())
    return export_store.stored(
        version, key, f".{format}", lambda path: write(path, export.select(request, links))
    )


def _attachment(path_or_handle, filename: str, content_type: str) -> FileResponse:
    handle = (
        open(path_or_handle, "rb")  # noqa: SIM115 - FileResponse closes it
        if isinstance(path_or_handle, Path)
        else path_or_handle
    )
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)


def _csv(request, export: Export, links, version) -> HttpResponse:
    def write(path: Path, selection: Selection) -> None:
        csv_export.write_csv(path, selection.columns, selection.rows(None, None))

    path = _stored(request, export, links, version, "csv", write)
    filename = f"{export.name}.csv"
    if path is not None:
        return _attachment(path, filename, csv_export.CONTENT_TYPE)
    selection = export.select(request, links)
    return csv_export.csv_response(filename, selection.columns, selection.rows(None, None))


def _json(request, export: Export, links, version) -> HttpResponse:
    page, size = json_export.page_numbers(request)

    def write(path: Path, selection: Selection) -> None:
        json_export.write_rows(path, selection.columns, selection.rows(None, None))

    path = _stored(request, export, links, version, "json", write)
    if path is not None:
        return json_export.stored_page_response(request, export.columns, path, page, size)
    return json_export.selection_response(request, export.select(request, links), page, size)


def _xlsx(request, export: Export, links, version) -> HttpResponse:
    def write(path: Path, selection: Selection, large: bool = True) -> None:
        source = xlsx_export.Source(
            title=export.title,
            url=request.build_absolute_uri(),
            filters=[(key, value) for key, values in request.GET.lists() for value in values],
            data_version=version.number,
            data_changed_at=version.changed_at,
            api_url=links.absolute(reverse("inspections:api")),
        )
        xlsx_export.write_workbook(
            path, export.name, selection.columns, selection.rows(None, None), source, large=large
        )

    filename = f"{export.name}.xlsx"
    path = _stored(request, export, links, version, "xlsx", write)
    if path is not None:
        return _attachment(path, filename, xlsx_export.CONTENT_TYPE)
    # A filtered workbook is built for the request (a zip cannot be streamed as it is
    # written) in a file that disappears when the answer has been sent.
    selection = export.select(request, links)  # a bad filter: a 400 before any file
    handle, name = tempfile.mkstemp(prefix="export-", suffix=".xlsx")
    os.close(handle)
    try:
        write(Path(name), selection, large=selection.count() > xlsx_export.SMALL_SHEET_ROWS)
        opened = open(name, "rb")  # noqa: SIM115 - FileResponse closes it
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)  # the open file stays readable until it is closed
    return _attachment(opened, filename, xlsx_export.CONTENT_TYPE)


_RENDERERS = {"csv": _csv, "json": _json, "xlsx": _xlsx}


# One example query per export, for the API page.
EXAMPLES = {
    "judgements": "?area=help-and-protection&grade=inadequate&date_from=2023-01-01",
    "recommendations": '?authority=knowsley&q="care leavers"',
    "inspections": "?framework=ilacs&overall_grade=inadequate",
    "compare": "?neighbours_of=knowsley&area=children-in-care&from=2014",
    "authorities": "?region=north-west&sort=overall",
    "england": "?as_at=2024-03-31",
    "what-happened-next": "?kind=visit&priority_actions=on",
    "what-came-before": "?area=overall&grade=inadequate",
}


def _endpoints() -> list[dict]:
    """Every export with its parameters and their valid values, from the filters themselves."""
    return [
        {
            "name": export.title,
            "slug": export.name,
            "path": f"/{export.name}",
            "example": EXAMPLES.get(export.name, ""),
            "parameters": export.parameters.describe(),
            "columns": export.columns,
        }
        for export in EXPORTS
    ]


def api(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "inspections/api.html",
        {
            # The valid values include every authority: read once per data version.
            "endpoints": shared_results.shared("api-endpoints", (), _endpoints),
            "page_size": json_export.PAGE_SIZE,
            "max_page_size": json_export.MAX_PAGE_SIZE,
        },
    )


# --------------------------------------------------------------------------- England


def _as_at(request: HttpRequest):
    """The date asked for (default today), or the BadAsAt saying why it cannot be answered."""
    from .england import BadAsAt, parse_as_at

    try:
        return parse_as_at(request.GET.get("as_at", ""))
    except BadAsAt as error:
        return error


def _published_by(request: HttpRequest):
    """The publication cut-off asked for: None for the rule's own, or the BadAsAt saying
    why it is not a date."""
    from .england import BadAsAt, parse_published_by

    try:
        return parse_published_by(request.GET.get("published_by", ""))
    except BadAsAt as error:
        return error


def _england_error(request: HttpRequest, message: str, title: str = "date") -> HttpResponse:
    from .england import as_at_range, filter_fields

    earliest, latest = as_at_range()
    return render(
        request,
        "inspections/england.html",
        {
            "error": message,
            "error_title": title,
            "as_at": "",
            "earliest": earliest,
            "latest": latest,
            "filter_fields": filter_fields({}),
            "chosen": {},
        },
        status=400,
    )


def england(request: HttpRequest) -> HttpResponse:
    from . import england as counting
    from .published_statistics import reproductions

    as_at = _as_at(request)
    if isinstance(as_at, counting.BadAsAt):
        return _england_error(request, f"The date {as_at}.")
    published_by = _published_by(request)
    if isinstance(published_by, counting.BadAsAt):
        return _england_error(request, f"The publication cut-off {published_by}.")
    chosen, errors = counting.parse_filters(request.GET)
    if errors:
        return _england_error(
            request,
            " ".join(f"The {name} {' '.join(messages)}." for name, messages in errors.items()),
            "the count asked for",
        )
    data = counting.national()
    earliest, latest = counting.as_at_range()
    counts = counting.shared_distribution(data, as_at, published_by)
    rule = counting.rule_for(as_at, published_by)
    query = {"as_at": as_at.isoformat()}
    if published_by:
        query["published_by"] = published_by.isoformat()
    return render(
        request,
        "inspections/england.html",
        {
            "published": reproductions(data),
            "as_at": as_at,
            "earliest": earliest,
            "latest": latest,
            "existing": len(data.existing(as_at)),
            "not_yet_judged": [
                a.name for a in data.not_yet_judged(as_at, published_by=published_by)
            ],
            "rule": rule,
            "published_by": published_by,
            "before_sif": as_at < counting.SIF_BEGAN,
            "covered": len({s.authority_id for s in data.standings(as_at, published_by)}),
            "grades": counting.GRADES,
            "areas": [(area, counting.table(counts[area])) for area in counting.AREAS],
            "chart": counting.shared_shares_over_time(data, counting.AREAS[0], as_at),
            "query": urlencode(query),
            "filter_fields": counting.filter_fields(chosen),
            "chosen": chosen,
            "named": counting.named(data, as_at, published_by, chosen) if chosen else None,
            "named_query": urlencode({**query, **chosen}),
        },
    )
