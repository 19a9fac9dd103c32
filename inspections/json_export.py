"""JSON twins of the CSV exports: the same filters, the same columns, in pages.

Each response is ``{"columns": [...], "count": N, "page": n, "page_size": k, "next": url,
"previous": url, "results": [{column: value}, ...]}``; ``next`` is null on the last page.
Values are those of the CSV (ISO dates, grade words and ranks), with null where the CSV
has an empty cell. Responses carry an ETag and Last-Modified taken from the data version,
so a client can ask again cheaply (a 304 when nothing changed).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse

PAGE_SIZE = 500
# Large enough for the national judgements in one page: the answer is streamed, row by
# row, so a big page costs no more memory than a small one.
MAX_PAGE_SIZE = 50_000
BATCH = 500


class BadPage(ValueError):
    pass


def page_numbers(request: HttpRequest) -> tuple[int, int]:
    """The page and page size asked for; raises BadPage for nonsense."""
    try:
        page = int(request.GET.get("page") or 1)
        size = int(request.GET.get("page_size") or PAGE_SIZE)
    except ValueError as error:
        raise BadPage("page and page_size must be whole numbers") from error
    if page < 1 or not 1 <= size <= MAX_PAGE_SIZE:
        raise BadPage(f"page must be 1 or more, page_size from 1 to {MAX_PAGE_SIZE}")
    return page, size


def _value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return None if value == "" else value


def _link(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _response(
    request: HttpRequest,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    count: int,
    page: int,
    size: int,
) -> StreamingHttpResponse:
    head = {
        "columns": list(columns),
        "count": count,
        "page": page,
        "page_size": size,
        "next": _link(request, page + 1) if page * size < count else None,
        "previous": _link(request, page - 1) if page > 1 else None,
    }
    return StreamingHttpResponse(
        (piece.encode("utf-8") for piece in _pieces(head, columns, rows)),
        content_type="application/json",
    )


def _pieces(head: dict, columns: Sequence[str], rows: Iterable[Sequence[Any]]):
    """The JSON text in pieces: the page's facts, then its results, BATCH rows at a time."""
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "results": ['
    encode = json.JSONEncoder(ensure_ascii=False).encode
    pending: list[str] = []
    first = True
    for row in rows:
        pending.append(encode(dict(zip(columns, map(_value, row), strict=True))))
        if len(pending) >= BATCH:
            yield ("" if first else ",") + ",".join(pending)
            first, pending = False, []
    if pending:
        yield ("" if first else ",") + ",".join(pending)
    yield "]}"


def queryset_response(
    request: HttpRequest,
    columns: Sequence[str],
    queryset: QuerySet,
    rows: Callable[[QuerySet], Iterable[Sequence[Any]]],
) -> StreamingHttpResponse:
    """One page of an export read from an ordered queryset: only that page is read."""
    page, size = page_numbers(request)
    start = (page - 1) * size
    return _response(
        request,
        columns,
        rows(queryset[start : start + size]),
        count=queryset.count(),
        page=page,
        size=size,
    )


def list_response(
    request: HttpRequest, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> StreamingHttpResponse:
    """One page of an export built whole in memory (a comparison, the authority list)."""
    page, size = page_numbers(request)
    start = (page - 1) * size
    return _response(
        request, columns, rows[start : start + size], count=len(rows), page=page, size=size
    )


def etag(request: HttpRequest, *args, **kwargs) -> str:
    """The data version, the day and the address: any change of these is another response
    (england.json counts as at today unless asked otherwise)."""
    from .freshness import current_version, today

    key = f"{current_version()}:{today().isoformat()}:{request.get_full_path()}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def last_modified(request: HttpRequest, *args, **kwargs):
    """The data's last change, or the start of today if later (as for the ETag)."""
    from django.utils import timezone

    from .freshness import today
    from .models import DataVersion

    changed = DataVersion.objects.filter(pk=1).values_list("changed_at", flat=True).first()
    midnight = timezone.make_aware(datetime.combine(today(), time.min))
    return max(changed, midnight) if changed else midnight
