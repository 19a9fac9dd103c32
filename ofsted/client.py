"""HTTP for the sync: a good citizen of Ofsted's site.

- a User-Agent naming the app and a contact (``OFSTED_SYNC_CONTACT``);
- at most one request every ``OFSTED_REQUEST_INTERVAL_SECONDS`` (1 by default);
- connect and read timeouts on every request;
- retries with exponential backoff on 5xx answers and network errors (urllib3's ``Retry``,
  which also honours ``Retry-After``), and again while a body is being read;
- conditional requests (``If-None-Match`` / ``If-Modified-Since``) where a page or file was
  fetched before;
- only the two configured sites are ever contacted, so a copy standing in for Ofsted in a
  test or a trial run cannot send a request to the real site.

requests + urllib3 rather than the standard library: they give pooled connections,
timeouts, retries with backoff and Retry-After handling that are well tested, where
``urllib.request`` has none of the retry logic.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

RETRY_STATUSES = (500, 502, 503, 504)


class FetchError(Exception):
    """A page or file could not be fetched; the message names the address and why."""


@dataclass(frozen=True)
class ClientSettings:
    reports_url: str
    files_url: str
    user_agent: str
    interval: float = 1.0
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0
    max_bytes: int = 20 * 1024 * 1024


@dataclass
class Fetched:
    url: str
    status: int  # 200, or 304 where the copy we hold is still current
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Throttle:
    """At most one request every ``interval`` seconds."""

    def __init__(
        self,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self._last: float | None = None

    def wait(self) -> None:
        if self._last is not None and self.interval > 0:
            left = self._last + self.interval - self.clock()
            if left > 0:
                self.sleep(left)
        self._last = self.clock()


class Client:
    def __init__(self, config: ClientSettings, throttle: Throttle | None = None):
        self.config = config
        self.throttle = throttle or Throttle(config.interval)
        self.requests_made = 0
        self.session = requests.Session()
        self.session.headers["User-Agent"] = config.user_agent
        retry = Retry(
            total=config.retries,
            connect=config.retries,
            read=config.retries,
            status=config.retries,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET", "HEAD"}),
            backoff_factor=config.backoff,
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry, pool_maxsize=2)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self._allowed = {_origin(config.reports_url), _origin(config.files_url)}

    def close(self) -> None:
        self.session.close()

    def download_url(self, url: str) -> str:
        """Where to fetch ``url`` from: Ofsted's files site is read from ``files_url``,
        which a copy may stand in for (addresses are stored as Ofsted publishes them)."""
        default = "https://files.ofsted.gov.uk/"
        if url.startswith(default) and self.config.files_url != default:
            return self.config.files_url.rstrip("/") + "/" + url[len(default) :]
        return url

    def get(
        self, url: str, *, etag: str = "", last_modified: str = "", limit: int | None = None
    ) -> Fetched:
        """GET ``url`` (conditionally where ``etag`` or ``last_modified`` is given).

        Raises :class:`FetchError` for anything but 200 or 304 once retries are spent, for a
        body cut short, and for a body over ``limit`` bytes.
        """
        target = self.download_url(url)
        if _origin(target) not in self._allowed:
            raise FetchError(
                f"{url}: not fetched: it is on neither of the configured sites "
                f"({', '.join(sorted(self._allowed))})"
            )
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = limit or self.config.max_bytes
        attempts = self.config.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return self._get_once(url, target, headers, limit)
            except _BodyCut as error:
                # The connection dropped while the body came in: urllib3 has already handed
                # over the response, so this retry is ours.
                if attempt == attempts:
                    raise FetchError(f"{url}: {error} (tried {attempts} times)") from None
                time.sleep(self.config.backoff * (2 ** (attempt - 1)))
        raise AssertionError("unreachable")

    def _get_once(self, url: str, target: str, headers: dict, limit: int) -> Fetched:
        self.throttle.wait()
        self.requests_made += 1
        try:
            response = self.session.get(
                target,
                headers=headers,
                timeout=(self.config.timeout, self.config.timeout),
                stream=True,
                allow_redirects=True,
            )
        except requests.RequestException as error:
            self.requests_made += self.config.retries  # every retry was spent
            # Once retries are spent urllib3 wraps a timeout in a connection error.
            if isinstance(error, requests.Timeout) or "timed out" in str(error):
                raise FetchError(
                    f"{url}: no answer within {self.config.timeout:g} seconds "
                    f"(tried {self.config.retries + 1} times)"
                ) from error
            raise FetchError(
                f"{url}: could not be fetched ({_reason(error)}; tried "
                f"{self.config.retries + 1} times)"
            ) from error
        retries = getattr(getattr(response.raw, "retries", None), "history", ()) or ()
        self.requests_made += len(retries)
        with response:
            if response.status_code == 304:
                return Fetched(url, 304)
            if response.status_code != 200:
                raise FetchError(
                    f"{url}: the site answered HTTP {response.status_code} {response.reason}"
                )
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise FetchError(
                    f"{url}: the file is {int(length):,} bytes, over the limit of {limit:,}"
                )
            chunks = []
            received = 0
            try:
                for chunk in response.iter_content(64 * 1024):
                    received += len(chunk)
                    if received > limit:
                        raise FetchError(f"{url}: the file is over the limit of {limit:,} bytes")
                    chunks.append(chunk)
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as error:
                raise _BodyCut(
                    f"the download was cut short after {received:,}"
                    + (f" of {int(length):,}" if length and length.isdigit() else "")
                    + " bytes"
                ) from error
            except requests.Timeout as error:
                raise _BodyCut(
                    f"the download stalled after {received:,} bytes (no data for "
                    f"{self.config.timeout:g} seconds)"
                ) from error
            body = b"".join(chunks)
            if length and length.isdigit() and len(body) != int(length):
                raise _BodyCut(
                    f"the download was cut short: {len(body):,} of {int(length):,} bytes"
                )
            return Fetched(
                url,
                200,
                body,
                etag=response.headers.get("ETag", ""),
                last_modified=response.headers.get("Last-Modified", ""),
            )


class _BodyCut(Exception):
    pass


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _reason(error: Exception) -> str:
    """The cause urllib3 gave up on, without the pool's repr around it."""
    text = str(error)
    cause = text.partition("(Caused by ")[2].rstrip(")")
    return (cause or text)[:200]
