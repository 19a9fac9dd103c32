from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render

from inspections import shared_results
from inspections.models import Inspection

from .queries import NEW_LIMIT, NewEntry, NewFilter, entries, new_publications

# What a row of the page shows (row_tags.new_entry_rows): not the inspection's every column.
NEW_ROW_FIELDS = (
    "authority__slug",
    "authority__name",
    "framework",
    "inspection_type",
    "start_date",
    "published_on",
    "focus",
)


def new(request: HttpRequest) -> HttpResponse:
    """Recent publications by Ofsted's date, filterable like its Atom feed."""
    filterset = NewFilter(request.GET, queryset=Inspection.objects.all())
    if filterset.errors:
        return HttpResponseBadRequest(
            filterset.error_text(), content_type="text/plain; charset=utf-8"
        )
    query = request.GET.urlencode()

    def read() -> list[NewEntry]:
        return entries(new_publications(filterset.qs).only(*NEW_ROW_FIELDS))

    if any(filterset.form.cleaned_data.values()):
        shown = read()
    else:
        # All of England's: the same for every visitor until the data changes, so read
        # once per data version for every worker.
        shown = shared_results.shared("new-publications", NEW_LIMIT, read)
    return render(
        request,
        "ofsted/new.html",
        {
            "filter": filterset,
            "entries": shown,
            "limit": NEW_LIMIT,
            "description": filterset.description(),
            "feed_query": f"?{query}" if query else "",
        },
    )
