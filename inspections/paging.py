"""Pages of rows listed inspection by inspection, without sorting or counting them all.

Judgements and recommendations are listed in an order of their inspections (authority
then date, newest or oldest first), then in report order. Sorting every row by fields of
three tables, counting the join and walking an OFFSET made each page cost the whole
table: at 80 times today's volume (200,000 judgements) the first page took 0.4 s and
the last 1 s. Here the order is kept as an :class:`Outline`: the inspections in list order
with how many of the filtered rows each holds, read by one grouped count of the rows (no
sort, served by the index on their inspection) and an ordered read of the inspections
(a few thousand at most). It is kept per data version and filter. A page, however deep,
is then a keyset seek: its rows are those of the few inspections it spans, fetched by
that index and sorted among themselves, skipping only earlier rows of the first of them.
The count is the outline's sum.
"""

from __future__ import annotations

import functools
import hashlib
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, QuerySet, Subquery

from .models import DataVersion, Inspection


@dataclass(frozen=True)
class Outline:
    """Inspections in list order, and the number of rows up to and including each."""

    inspections: tuple[int, ...]
    ends: tuple[int, ...]

    @property
    def count(self) -> int:
        return self.ends[-1] if self.ends else 0

    def span(self, start: int, stop: int) -> tuple[tuple[int, ...], int]:
        """The inspections holding rows ``start`` to ``stop - 1`` (counted from 0) and how
        many rows of the first of them come before ``start``."""
        stop = min(stop, self.count)
        if start >= stop:
            return (), 0
        first = bisect_right(self.ends, start)
        last = bisect_right(self.ends, stop - 1)
        before = self.ends[first - 1] if first else 0
        return self.inspections[first : last + 1], start - before


def build(rows: QuerySet, inspection_order: Sequence[str]) -> Outline:
    """The outline of ``rows`` (any filter) in ``inspection_order`` (fields of Inspection).

    Two queries: the rows counted by inspection (grouped by its id alone: grouping or
    sorting by the authority's name as well made it several times slower), then every
    inspection in order, a few thousand short rows at most.
    """
    counts = dict(rows.order_by().values_list("inspection_id").annotate(rows=Count("pk")))
    inspections, ends, total = [], [], 0
    for pk in Inspection.objects.order_by(*inspection_order).values_list("pk", flat=True):
        if pk in counts:
            total += counts[pk]
            inspections.append(pk)
            ends.append(total)
    return Outline(tuple(inspections), tuple(ends))


def rows_between(rows: QuerySet, outline: Outline, start: int, stop: int) -> QuerySet:
    """Rows ``start`` to ``stop - 1`` of ``rows``, whose order must be the outline's
    inspections then an order within each (as the filtersets order them)."""
    inspections, skip = outline.span(start, stop)
    if not inspections:
        return rows.none()
    wanted = min(stop, outline.count) - start
    return rows.filter(inspection_id__in=inspections)[skip : skip + wanted]


def state(model) -> tuple:
    """The data version, when it changed and the newest row's id, in one query: (None,
    None, newest) before the data version's row exists."""
    row = next(iter(_state_query(model)[:1]), None)
    return tuple(row or (None, None, model.objects.aggregate(newest=Max("pk"))["newest"]))


@functools.cache
def _state_query(model) -> QuerySet:
    # Built once per process and cloned for each use: a query with a subquery costs more
    # to build than to run.
    newest = model.objects.order_by("-pk").values("pk")[:1]
    return (
        DataVersion.objects.filter(pk=1)
        .annotate(newest=Subquery(newest))
        .values_list("version", "changed_at", "newest")
    )


def outline_of(filterset) -> Outline:
    """The outline of a filterset's rows (an :class:`InspectionFieldsFilterSet` whose
    ``listing_order()`` is not None), kept per data version and filter.

    The key holds the newest row's id as well as the data version: bulk writes (synthetic
    data) add rows without a signal that would bump it.
    """
    rows = filterset.qs
    order = filterset.listing_order()
    data = filterset.data
    filters = sorted((name, data.getlist(name)) for name in filterset.filters if name in data)
    described = repr((rows.model._meta.label, state(rows.model), filters, order))
    key = "paging.outline:" + hashlib.sha256(described.encode()).hexdigest()
    outline = cache.get(key)
    if outline is None:
        outline = build(rows, order)
        cache.set(key, outline, timeout=24 * 3600)
    return outline


class OutlinePaginator(Paginator):
    """Django's paginator (``?page=N``, "last", the same errors), counting and slicing by
    an outline instead of COUNT and OFFSET over the whole queryset."""

    def __init__(self, filterset, per_page: int):
        super().__init__(filterset.qs, per_page)
        self.filterset = filterset

    @cached_property
    def outline(self) -> Outline:
        return outline_of(self.filterset)

    @cached_property
    def count(self) -> int:
        return self.outline.count

    def page(self, number) -> Page:
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        rows = rows_between(self.object_list, self.outline, start, start + self.per_page)
        return self._get_page(rows, number, self)
