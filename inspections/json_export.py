"""JSON twins of the CSV exports: the same filters, the same columns, in pages.

Each response is ``{"columns": [...], "count": N, "page": n, "page_size": k, "next": url,
"previous": url, "results": [{column: value}, ...]}``; ``next`` is null on the last page.
Values are those of the CSV (ISO dates, grade words and ranks), with null where the CSV
has an empty cell. A page is read from a selection (:mod:`inspections.exports`), only its
rows, or from the rows of the whole export kept per data version (:func:`write_rows`). A page
past the last is refused before anything is read; a page whose rows fail part way does not
parse. The views add ETag and Last-Modified (:mod:`inspections.api_views`).
"""

from __future__ import annotations

import json
import os
import struct
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse

CONTENT_TYPE = "application/json"

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


def check_page(page: int, size: int, count: int) -> None:
    """Refuse a page past the last (before any row is read: an offset past the end, or
    one past what the database can count, would otherwise fail mid-answer)."""
    last = max(1, -(-count // size))
    if page > last:
        raise BadPage(
            f"page {page} is past the last page: {count} rows make {last} "
            f"page{'s' if last != 1 else ''} of {size}"
        )


def _value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return None if value == "" else value


def _link(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def _head(request: HttpRequest, columns: Sequence[str], count: int, page: int, size: int) -> str:
    """The page's facts, up to the opening of its results."""
    head = {
        "columns": list(columns),
        "count": count,
        "page": page,
        "page_size": size,
        "next": _link(request, page + 1) if page * size < count else None,
        "previous": _link(request, page - 1) if page > 1 else None,
    }
    return json.dumps(head, ensure_ascii=False)[:-1] + ', "results": ['


def _encoded_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for row in rows:
        yield encode(dict(zip(columns, map(_value, row), strict=True)))


def _pieces(head: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The JSON text in pieces: the head, then the results, BATCH rows at a time.

    If reading the rows fails part way, the body ends with a line that is not JSON and the
    error is raised again, so that the server aborts the transfer: a client can never
    take a cut answer for a whole one (without the closing "]}" it does not parse).
    """
    yield head
    pending: list[str] = []
    first = True
    try:
        for encoded in _encoded_rows(columns, rows):
            pending.append(encoded)
            if len(pending) >= BATCH:
                yield ("" if first else ",") + ",".join(pending)
                first, pending = False, []
    except Exception:
        yield f"\n{FAILED_MARKER}\n"
        raise
    if pending:
        yield ("" if first else ",") + ",".join(pending)
    yield "]}"


FAILED_MARKER = "!! export failed part way: this answer is incomplete and is not JSON"


def selection_response(request: HttpRequest, selection, page: int, size: int):
    """One page of a selection (:mod:`inspections.exports`): only that page is read."""
    count = selection.count()
    check_page(page, size, count)
    start = (page - 1) * size
    return StreamingHttpResponse(
        (
            piece.encode("utf-8")
            for piece in _pieces(
                _head(request, selection.columns, count, page, size),
                selection.columns,
                selection.rows(start, start + size),
            )
        ),
        content_type=CONTENT_TYPE,
    )


# --------------------------------------------------------------------------- stored rows
#
# A whole export kept for any page of it: each row's JSON preceded by a comma, then the
# byte offset of each row (and of the end) as 8-byte integers, then the number of rows.
# A page is then one read of the bytes between two offsets, whatever its number or size.

_OFFSET = struct.Struct("<Q")


def write_rows(path: Path, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    offsets = array("Q")
    position = 0
    with open(path, "wb") as out:
        for encoded in _encoded_rows(columns, rows):
            data = b"," + encoded.encode("utf-8")
            offsets.append(position)
            out.write(data)
            position += len(data)
        offsets.append(position)
        if sys.byteorder != "little":
            offsets.byteswap()
        out.write(offsets.tobytes())
        out.write(_OFFSET.pack(len(offsets) - 1))


def stored_page_response(
    request: HttpRequest, columns: Sequence[str], path: Path, page: int, size: int
) -> StreamingHttpResponse:
    """One page read from a file written by :func:`write_rows`."""
    with open(path, "rb") as handle:
        size_of = handle.seek(0, os.SEEK_END)
        handle.seek(size_of - _OFFSET.size)
        (count,) = _OFFSET.unpack(handle.read(_OFFSET.size))
        check_page(page, size, count)
        index_at = size_of - _OFFSET.size - (count + 1) * _OFFSET.size
        start, stop = (page - 1) * size, min(page * size, count)

        def offset(row: int) -> int:
            handle.seek(index_at + row * _OFFSET.size)
            return _OFFSET.unpack(handle.read(_OFFSET.size))[0]

        # Each row starts with a comma: the first of the page's is left out.
        begin, end = (offset(start) + 1, offset(stop)) if start < stop else (0, 0)
    head = _head(request, columns, count, page, size).encode("utf-8")

    def body() -> Iterator[bytes]:
        yield head
        with open(path, "rb") as rows:
            rows.seek(begin)
            left = end - begin
            while left > 0:
                chunk = rows.read(min(left, 1 << 20))
                if not chunk:
                    raise OSError(f"{path} is shorter than its index says")
                left -= len(chunk)
                yield chunk
        yield b"]}"

    response = StreamingHttpResponse(body(), content_type=CONTENT_TYPE)
    response["Content-Length"] = str(len(head) + (end - begin) + 2)
    return response
