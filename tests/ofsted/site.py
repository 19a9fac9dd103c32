"""A copy of Ofsted's report finder served from 127.0.0.1, written to the structure in
``../shared/DOMAIN.md`` ("Ofsted's report finder"), for the sync's tests and for
``scripts/sync_local_copy.py``.

Pages: ``/search?...&start=N&rows=100`` (the providers search), ``/provider/44/<urn>``
(an authority's publications); files under ``/files/v1/file/<id>``, the copy standing in for
``https://files.ofsted.gov.uk/``. Every answer carries an ETag and honours If-None-Match, as
a well-behaved site does. Faults can be set per path: a status, a delay, a body cut short.
"""

from __future__ import annotations

import hashlib
import html
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FILES_HOST = "https://files.ofsted.gov.uk/"


@dataclass
class Listed:
    file_id: str
    listed_as: str  # "Children's services inspection"
    published: str  # "07 July 2014"
    body: bytes = b""  # the file (none for a kind the sync never downloads)
    path: Path | None = None  # or where to read it, when asked for

    def data(self) -> bytes:
        return self.path.read_bytes() if self.path is not None else self.body

    @property
    def href(self) -> str:
        return f"{FILES_HOST}v1/file/{self.file_id}"


@dataclass
class Provider:
    urn: str
    name: str
    publications: list[Listed] = field(default_factory=list)


@dataclass
class Fault:
    status: int | None = None  # answer this status instead
    times: int | None = None  # only for the first N requests (then answer normally)
    delay: float = 0.0  # seconds before answering
    cut_at: int | None = None  # send this many bytes of the body, then close


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    status: int


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that drops a kept-alive connection is not news


class OfstedCopy:
    def __init__(self, providers: list[Provider] | None = None, rows: int = 100):
        self.providers: list[Provider] = providers or []
        self.rows = rows
        self.faults: dict[str, Fault] = {}
        self.page_overrides: dict[str, str] = {}  # path -> HTML served instead
        self.log: list[Request] = []
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # -- running -----------------------------------------------------------------------------

    def __enter__(self) -> OfstedCopy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    @property
    def files_url(self) -> str:
        return self.url + "files/"

    def provider(self, urn: str) -> Provider:
        return next(p for p in self.providers if p.urn == urn)

    def requests_to(self, prefix: str) -> list[Request]:
        return [r for r in self.log if r.path.startswith(prefix)]

    def file_requests(self) -> list[Request]:
        return self.requests_to("/files/")

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    # -- pages -------------------------------------------------------------------------------

    def search_page(self, start: int, rows: int) -> str:
        chunk = self.providers[start : start + rows]
        items = "".join(
            f'<li class="search-result"><h3><a href="/provider/44/{p.urn}">'
            f"{html.escape(p.name)}</a></h3><p>Local authority children's services</p></li>"
            for p in chunk
        )
        following = ""
        if start + rows < len(self.providers):
            following = (
                '<ul class="pagination"><li class="next"><a href="/search?q=&location=&lat=&lon='
                f'&radius=&level_1_types=3&level_2_types%5B%5D=12&start={start + rows}&rows={rows}">'
                "Next</a></li></ul>"
            )
        return (
            "<!DOCTYPE html><html><head><title>Search - Ofsted reports</title></head><body>"
            f'<p class="results-count">{len(self.providers)} results</p>'
            f'<ul class="results-list">{items}</ul>{following}</body></html>'
        )

    def provider_page(self, provider: Provider) -> str:
        links = "".join(
            f'<li><a class="publication-link" href="{p.href}">{html.escape(p.listed_as)}'
            f'<span class="nonvisual">{html.escape(p.listed_as)} - {p.published}, PDF</span></a></li>'
            for p in provider.publications
        )
        return (
            f"<!DOCTYPE html><html><head><title>{html.escape(provider.name)} - Ofsted</title></head>"
            f"<body><h1>{html.escape(provider.name)}</h1><p>URN: {provider.urn}</p>"
            f'<ul class="publications">{links}</ul></body></html>'
        )

    def _answer(self, path: str) -> tuple[int, bytes, str]:
        parts = urlsplit(path)
        if path in self.page_overrides:
            return 200, self.page_overrides[path].encode(), "text/html; charset=utf-8"
        if parts.path == "/search":
            query = parse_qs(parts.query)
            start = int(query.get("start", ["0"])[0])
            rows = min(int(query.get("rows", [str(self.rows)])[0]), self.rows)
            return 200, self.search_page(start, rows).encode(), "text/html; charset=utf-8"
        if parts.path.startswith("/provider/"):
            urn = parts.path.rstrip("/").rsplit("/", 1)[-1]
            for provider in self.providers:
                if provider.urn == urn:
                    return 200, self.provider_page(provider).encode(), "text/html; charset=utf-8"
        if parts.path.startswith("/files/v1/file/"):
            file_id = parts.path.rsplit("/", 1)[-1]
            for provider in self.providers:
                for listed in provider.publications:
                    if listed.file_id == file_id and (listed.body or listed.path):
                        data = listed.data()
                        kind = "application/pdf" if data.startswith(b"%PDF") else "text/plain"
                        return 200, data, kind
        return 404, b"<html><body>Not found</body></html>", "text/html"

    def _handler(self):
        copy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):  # noqa: N802
                import time

                request = Request(self.path, dict(self.headers), 0)
                with copy._lock:
                    copy.log.append(request)  # on arrival: a client may give up waiting
                fault = copy.faults.get(urlsplit(self.path).path)
                with copy._lock:
                    if fault and fault.times is not None:
                        if fault.times <= 0:
                            fault = None
                        else:
                            fault.times -= 1
                if fault and fault.delay:
                    time.sleep(fault.delay)
                    try:
                        self.send_response(504)  # the client has long gone
                        self.end_headers()
                    except OSError:
                        pass
                    return
                status, body, kind = copy._answer(self.path)
                if fault and fault.status:
                    status, body, kind = (
                        fault.status,
                        b"<html><body>Error</body></html>",
                        "text/html",
                    )
                etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    status = 304
                request.status = status
                self.send_response(status)
                if status == 304:
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if status == 200:
                    self.send_header("ETag", etag)
                if fault and fault.cut_at is not None:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body[: fault.cut_at])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.end_headers()
                self.wfile.write(body)

        return Handler
