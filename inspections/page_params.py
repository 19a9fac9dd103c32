"""The query parameters each public page reads, for the page cache.

The page cache (:class:`inspections.middleware.PublicPageCache`) keys a page by these
alone: any other parameter (``?x=1``, ``?utm_source=...``) is dropped from the request
before the view sees it, so junk cannot force a page to be built again, nor be echoed
into the links of a page that is then served to everyone. Parameters are put in the order
their form submits them; a single-valued parameter keeps its last value (as
``QueryDict.get`` reads it) and an empty value is dropped (every form here reads "" as
"not given"). A page not listed here is keyed by its full address.

A page that starts reading a new parameter must list it here, or it never sees it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict

from . import filters
from .england import FILTERS as ENGLAND_FILTERS


@dataclass(frozen=True)
class Params:
    """A page's parameters, in the order its form submits them."""

    single: tuple[str, ...] = ()
    multi: tuple[str, ...] = ()  # repeated, in the order given (compare's authorities)

    def normalise(self, query: QueryDict) -> QueryDict:
        """Only these parameters, in this order, without empty values."""
        kept = QueryDict(mutable=True)
        for name in (*self.single, *self.multi):
            values = [value for value in query.getlist(name) if value != ""]
            if name in self.single:
                values = values[-1:]
            if values:
                kept.setlist(name, values)
        return kept


def _explorer(filterset) -> Params:
    order = {name: i for i, name in enumerate(filterset.field_order)}
    names = sorted(filterset.base_filters, key=lambda name: order.get(name, len(order)))
    return Params(single=(*names, "page"))


PAGES: dict[str, Params] = {
    "inspections:home": Params(),
    "inspections:authority-list": Params(single=tuple(filters.AuthorityListForm.base_fields)),
    "inspections:authority-detail": Params(),
    "inspections:inspection-detail": Params(),
    "inspections:inspection-list": _explorer(filters.InspectionFilter),
    "inspections:judgement-list": _explorer(filters.JudgementFilter),
    "inspections:recommendation-list": _explorer(filters.RecommendationFilter),
    "inspections:compare": Params(
        single=("from", "to"), multi=("authority", "neighbours_of", "region", "area")
    ),
    "inspections:what-happened-next": _explorer(filters.SequelFilter),
    "inspections:what-came-before": Params(single=tuple(filters.PreludeForm.base_fields)),
    # What's new (the ofsted app) and its feeds.
    "ofsted:new": Params(single=("authority", "region", "neighbours_of")),
    "ofsted:new-feed": Params(single=("authority", "region", "neighbours_of")),
    "ofsted:authority-feed": Params(),
    "inspections:england": Params(single=("as_at", "published_by", *ENGLAND_FILTERS)),
    "inspections:api": Params(),
}
