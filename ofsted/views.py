from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render

from inspections.models import Inspection

from .queries import NEW_LIMIT, NewFilter, entries, new_publications


def new(request: HttpRequest) -> HttpResponse:
    """Recent publications by Ofsted's date, filterable like its Atom feed."""
    filterset = NewFilter(request.GET, queryset=Inspection.objects.all())
    if filterset.errors:
        return HttpResponseBadRequest(
            filterset.error_text(), content_type="text/plain; charset=utf-8"
        )
    query = request.GET.urlencode()
    return render(
        request,
        "ofsted/new.html",
        {
            "filter": filterset,
            "entries": entries(new_publications(filterset.qs)),
            "limit": NEW_LIMIT,
            "description": filterset.description(),
            "feed_query": f"?{query}" if query else "",
        },
    )
