"""Middleware of the public site: requests refused before any view sees them, security
headers, the page cache, and a friendly 503 while the database is down."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import Resolver404, resolve


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


# What a database outage (stopped, restarting, unreachable) raises through Django.
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30

logger = logging.getLogger(__name__)


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """A 503 page saying the service is briefly unavailable; built without the database."""
    response = render(request, "503.html", {"retry_after": RETRY_AFTER_SECONDS}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailable:
    """A view that fails because the database is down answers a friendly 503, not a 500.

    A routine restart of PostgreSQL takes seconds: the page asks the reader to try again
    (``Retry-After``) instead of showing a bare "Server Error (500)". Connections broken by
    the restart itself are replaced before use (``CONN_HEALTH_CHECKS``). The page cache
    serves pages it already holds while the database is away.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, DATABASE_DOWN):
            return None
        logger.error("Database unavailable answering %s: %s", request.path, exception)
        return database_unavailable(request)


class PublicPageCache:
    """Serve public pages from a cache kept under the data version and the day.

    A GET of a public page (not the admin, not a signed-in user's request) is stored whole
    with its headers, under the data version, the day and the page's address; the next
    request for it costs one query (the version) instead of the page's queries and
    template. Any change of the data bumps the version (``inspections.freshness``), so a
    page is never served stale, and a page saying "as at" today or "N days ago" is built
    again on the next day. Each web process keeps its own cache (``CACHES["pages"]``).

    Neither junk nor forgery makes a page be built again: a page's address in the key has
    only the parameters it reads (``inspections.page_params``; the rest are dropped from
    the request), and a session cookie that signs no one in counts as no cookie. While
    the database is down, pages already held are served under the last version seen.
    """

    EXCLUDED_PREFIXES = ("/admin/", "/static/", "/media/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.last_version: str | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD"):
            # With the cache on or off, so that a page reads the same either way.
            self._normalise_query(request)
        if not self._cacheable_request(request):
            return self.get_response(request)
        from django.core.cache import caches

        from .freshness import current_version, today

        cache = caches["pages"]
        address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        try:
            if self._signed_in(request):
                return self.get_response(request)
            version = current_version()
        except DATABASE_DOWN as error:
            logger.error("Database unavailable answering %s: %s", request.path, error)
            cached = None
            if self.last_version is not None:
                cached = cache.get(self._key(self.last_version, today(), request, address))
            return self._replay(cached) if cached else database_unavailable(request)
        self.last_version = version
        key = self._key(version, today(), request, address)
        cached = cache.get(key)
        if cached is not None:
            return self._replay(cached)
        response = self.get_response(request)
        if self._cacheable_response(response):
            cache.set(key, (response.status_code, response.content, list(response.items())))
        return response

    @staticmethod
    def _key(version: str, day, request: HttpRequest, address: str) -> str:
        return f"page:{version}:{day.isoformat()}:{request.method}:{address}"

    @staticmethod
    def _replay(cached) -> HttpResponse:
        status, content, headers = cached
        response = HttpResponse(content, status=status)
        for header, value in headers:
            response.headers[header] = value
        return response

    @staticmethod
    def _normalise_query(request: HttpRequest) -> None:
        """Keep only the parameters the page reads (see ``inspections.page_params``)."""
        from .page_params import PAGES

        try:
            match = resolve(request.path_info)
        except Resolver404:
            return
        params = PAGES.get(match.view_name)
        if params is None:
            return
        query = params.normalise(request.GET)
        query._mutable = False
        request.GET = query
        request.META["QUERY_STRING"] = query.urlencode()

    @staticmethod
    def _signed_in(request: HttpRequest) -> bool:
        """Whether the request's session signs someone in. A forged or expired session
        cookie reads as an empty session (one query), and is treated as no cookie."""
        if not request.COOKIES.get(settings.SESSION_COOKIE_NAME):
            return False
        session = getattr(request, "session", None)
        return session is None or session.get(SESSION_KEY) is not None

    def _cacheable_request(self, request: HttpRequest) -> bool:
        return (
            settings.PUBLIC_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(self.EXCLUDED_PREFIXES)
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
