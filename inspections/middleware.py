"""Requests the public pages refuse before any view sees them."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


class RejectNulCharacters:
    """A query string carrying a NUL character ("%00") is answered 400.

    No filter, search or authority name contains one, and PostgreSQL refuses it in any
    text parameter, so left alone it would surface as a server error from deep in a query.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                "Bad request: the address contains a NUL character (%00), which no search or "
                "filter can hold. Remove it and try again.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
