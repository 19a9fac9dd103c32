"""Requests the public pages refuse before any view sees them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
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


class ContentSecurityPolicy:
    """A strict Content-Security-Policy on every response that has none.

    Nothing the app serves runs inline script or style (charts are external files reading
    their data from JSON script elements, which are not executed), so everything may come
    from this site only, and nothing may frame it.
    """

    POLICY = "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.POLICY)
        return response


class PublicPageCache:
    """Serve public pages from a cache kept under the data version.

    A GET of a public page (not the admin, not a signed-in user's request) is stored whole
    with its headers, under the data version and the full address; the next request for
    it costs one query (the version) instead of the page's queries and template. Any
    change of the data bumps the version (``inspections.freshness``), so a page is never
    served stale. Each web process keeps its own cache (``CACHES["pages"]``).
    """

    EXCLUDED_PREFIXES = ("/admin/", "/static/", "/media/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._cacheable_request(request):
            return self.get_response(request)
        from django.core.cache import caches

        from .freshness import current_version

        cache = caches["pages"]
        address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{current_version()}:{request.method}:{address}"
        cached = cache.get(key)
        if cached is not None:
            status, content, headers = cached
            response = HttpResponse(content, status=status)
            for header, value in headers:
                response.headers[header] = value
            return response
        response = self.get_response(request)
        if self._cacheable_response(response):
            cache.set(key, (response.status_code, response.content, list(response.items())))
        return response

    def _cacheable_request(self, request: HttpRequest) -> bool:
        return (
            settings.PUBLIC_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(self.EXCLUDED_PREFIXES)
            and not request.COOKIES.get("sessionid")
        )

    @staticmethod
    def _cacheable_response(response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.headers.get("Cache-Control", "")
            and len(response.content) < 5 * 1024 * 1024
        )
