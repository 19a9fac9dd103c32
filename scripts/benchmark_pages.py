#!/usr/bin/env python
"""Time every public page and CSV export against a database filled by generate_synthetic.

    DATABASE_URL=sqlite:///var/synthetic.sqlite3 .venv/bin/python scripts/benchmark_pages.py
    .venv/bin/python scripts/benchmark_pages.py postgres://postgres@127.0.0.1:5432/inspections_synthetic

Requests go through Django's test Client in this process, so the times are server time
(URL routing, views, queries, templates, the whole CSV stream) without network or a web
server; the Client keeps one database connection open across requests, so connecting is not
counted either. Each URL gets one warm-up request, then ``--repeat`` timed ones (CSV exports:
``--csv-repeat``); the median and the 95th percentile (nearest rank) are printed, with the
number of SQL queries of one more request (django.test.utils.CaptureQueriesContext) and,
for the CSV exports, the peak of Python memory allocated while streaming (tracemalloc; the
database driver's own C buffers are not counted).

Targets, each printed PASS or FAIL (exit status 1 when one fails):
- every HTML page: median under 150 ms;
- /judgements.csv (the full national export): median under 3 s and peak memory under 100 MB.
A URL that answers anything but 200, or raises, is a FAIL for that URL; the others still run.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from load_test import PAGES as LOAD_TEST_PAGES  # noqa: E402

HTML_TARGET_SECONDS = 0.150
FULL_CSV_URL = "/judgements.csv"
FULL_CSV_TARGET_SECONDS = 3.0
FULL_CSV_TARGET_BYTES = 100 * 1024 * 1024
COMPARE_AREA = "children-in-care"


@dataclass
class Measurement:
    url: str
    is_csv: bool
    status: int | None = None
    error: str = ""
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # this process's CPU: Python's work
    sql_seconds: list[float] = field(default_factory=list)  # waiting for the database
    queries: int | None = None
    size: int = 0
    rows: int | None = None
    peak_bytes: int | None = None
    checks: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def cpu(self) -> float | None:
        return statistics.median(self.cpu_seconds) if self.cpu_seconds else None

    @property
    def sql(self) -> float | None:
        return statistics.median(self.sql_seconds) if self.sql_seconds else None

    @property
    def p95(self) -> float | None:
        if not self.seconds:
            return None
        ordered = sorted(self.seconds)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

    @property
    def passed(self) -> bool:
        return self.status == 200 and not self.error and all(ok for _, ok in self.checks)


def configure(database_url: str | None) -> None:
    """Environment for settings, before django.setup(): the database and a Client-friendly host."""
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    if not os.environ.get("DATABASE_URL"):
        sys.exit(
            "benchmark_pages: give the database filled by generate_synthetic, as an argument "
            "or in DATABASE_URL (e.g. sqlite:///var/synthetic.sqlite3)"
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
    os.environ["DEBUG"] = "0"  # production-like: cached templates, no query log
    os.environ.setdefault("STATIC_MANIFEST", "0")  # no collectstatic needed
    # What a page costs to build: the page cache would serve repeats from memory (the load
    # test, scripts/load_test.py, measures what users get with it).
    os.environ["PUBLIC_PAGE_CACHE"] = "0"
    hosts = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    os.environ["ALLOWED_HOSTS"] = ",".join([*hosts, "testserver"])
    sys.path.insert(0, str(REPO))


def read_body(response, *, keep: bool = True) -> bytes:
    """The whole body: a streaming response is only produced as it is consumed.

    ``keep=False`` consumes a stream chunk by chunk without holding it, so that a memory
    measurement sees what the server holds, not the body collected by this script.
    """
    if not getattr(response, "streaming", False):
        return response.content
    if keep:
        return b"".join(response.streaming_content)
    for _chunk in response.streaming_content:
        pass
    return b""


class ServerError(Exception):
    """A view raised: the Client turned it into a 500 response."""

    def __init__(self, status: int, error: BaseException):
        self.status = status
        super().__init__(f"{type(error).__name__}: {error}")


def request(client, url: str, *, keep: bool = True):
    """(response, body); raises ServerError when the view raised, or what the stream raised."""
    response = client.get(url, follow=True)  # a comparison redirects to its canonical address
    body = read_body(response, keep=keep)
    if getattr(response, "exc_info", None):
        raise ServerError(response.status_code, response.exc_info[1])
    return response, body


class SqlTimer:
    """Wall time spent in the database driver's execute: the page's SQL, fetching included
    (the rows of a plain cursor arrive with execute; a server-side one fetches in chunks,
    counted here only for its first)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


def measure(client, url: str, repeat: int, *, is_csv: bool) -> Measurement:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    result = Measurement(url, is_csv)
    try:
        response, body = request(client, url)  # warm-up, and the status check
        result.status = response.status_code
        if response.status_code != 200:
            return result
        result.size = len(body)
        if is_csv:
            text = body.decode("utf-8-sig", errors="replace")
            result.rows = max(0, sum(1 for _ in csv.reader(io.StringIO(text))) - 1)  # no header
        for _ in range(repeat):
            sql = SqlTimer()
            started, cpu = time.perf_counter(), time.process_time()
            with connection.execute_wrapper(sql):
                request(client, url)
            result.seconds.append(time.perf_counter() - started)
            result.cpu_seconds.append(time.process_time() - cpu)
            result.sql_seconds.append(sql.seconds)
        with CaptureQueriesContext(connection) as queries:
            request(client, url)
        result.queries = len(queries.captured_queries)
        if is_csv:
            tracemalloc.start()
            try:
                tracemalloc.reset_peak()
                request(client, url, keep=False)
                result.peak_bytes = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
    except ServerError as error:
        result.status = error.status
        result.error = str(error)[:300]
    except Exception as error:  # report the URL as failed and go on with the others
        result.error = f"{type(error).__name__}: {error}"[:300]
    return result


def apply_targets(result: Measurement) -> None:
    if result.median is None:
        return
    if not result.is_csv:
        result.checks.append(
            (f"median < {HTML_TARGET_SECONDS * 1000:.0f} ms", result.median < HTML_TARGET_SECONDS)
        )
    elif result.url == FULL_CSV_URL:
        result.checks.append(
            (f"median < {FULL_CSV_TARGET_SECONDS:.0f} s", result.median < FULL_CSV_TARGET_SECONDS)
        )
        peak = result.peak_bytes if result.peak_bytes is not None else math.inf
        result.checks.append(
            (f"memory < {FULL_CSV_TARGET_BYTES // 2**20} MB", peak < FULL_CSV_TARGET_BYTES)
        )


def urls_to_measure(q: str) -> tuple[list[str], list[str], str]:
    """HTML and CSV URLs for this database (authorities and an inspection that exist in it)."""
    from django.db.models import Count

    from authorities.models import Authority
    from inspections.models import Inspection
    from vocabulary import HEADLINE_AREAS, Area

    authorities = list(
        Authority.objects.filter(inspections__is_published=True)
        .distinct()
        .order_by("name")
        .values_list("slug", flat=True)[:3]
    )
    # The inspection with the most judgements: the heaviest detail page.
    inspection = (
        Inspection.objects.filter(is_published=True)
        .annotate(n=Count("judgements"))
        .order_by("-n", "pk")
        .first()
    )
    synthetic = Inspection.objects.filter(parser_version="synthetic").count()
    total = Inspection.objects.count()
    compare_query = urlencode([*(("authority", a) for a in authorities), ("area", COMPARE_AREA)])
    # The heaviest comparison a user is offered: the largest region, on every headline area.
    largest_region = (
        Authority.objects.current()
        .values("region")
        .annotate(n=Count("pk"))
        .order_by("-n", "region")
        .first()
    )
    region_slugs = Authority.objects.current().filter(region=largest_region["region"])
    region_query = urlencode(
        [
            *(
                ("authority", slug)
                for slug in region_slugs.order_by("name").values_list("slug", flat=True)
            ),
            *(("area", str(area)) for area in Area if area in HEADLINE_AREAS),
        ]
    )
    note = (
        f"{total} inspections in the database, {synthetic} of them synthetic; the second "
        f"comparison is the whole {largest_region['region']} region "
        f"({largest_region['n']} authorities) on every headline area"
    )
    html = [
        "/",
        "/authorities/",
        *(f"/authorities/{slug}/" for slug in authorities),
        inspection.get_absolute_url() if inspection else "/inspections/0/",
        f"/compare/?{compare_query}",
        f"/compare/?{region_query}",
        "/inspections/",
        "/judgements/",
        "/judgements/?area=help-and-protection&grade=inadequate",
        "/recommendations/",
        f"/recommendations/?{urlencode({'q': q})}",
    ]
    # The load test's other pages (England, What happened next, the API page...), with
    # the first authority where one is named.
    examples = {"authority": "", "inspection": "", "slug": authorities[0] if authorities else ""}
    html += [
        page.format(**examples)
        for page in LOAD_TEST_PAGES
        if "{authority}" not in page and "{inspection}" not in page and page not in html
    ]
    csv_urls = [
        FULL_CSV_URL,
        "/recommendations.csv",
        "/inspections.csv",
        f"/compare.csv?{compare_query}",
    ]
    return html, csv_urls, note


URL_WIDTH = 64


def shown(url: str) -> str:
    """Long query strings (a whole region's comparison) cut to keep the table readable."""
    return url if len(url) <= URL_WIDTH else url[: URL_WIDTH - 1] + "…"


def print_results(results: list[Measurement]) -> None:
    width = max(len(shown(r.url)) for r in results)
    print(
        f"{'URL':<{width}}  {'status':>6} {'median':>9} {'p95':>9} {'CPU':>9} {'SQL':>9} "
        f"{'queries':>7} "
        f"{'size':>9} {'rows':>7} {'peak mem':>9}  verdict"
    )
    for r in results:
        median = f"{r.median * 1000:7.1f}ms" if r.median is not None else "-"
        p95 = f"{r.p95 * 1000:7.1f}ms" if r.p95 is not None else "-"
        cpu = f"{r.cpu * 1000:7.1f}ms" if r.cpu is not None else "-"
        sql = f"{r.sql * 1000:7.1f}ms" if r.sql is not None else "-"
        queries = str(r.queries) if r.queries is not None else "-"
        rows = f"{r.rows:,}" if r.rows is not None else "-"
        peak = f"{r.peak_bytes / 2**20:6.1f} MB" if r.peak_bytes is not None else "-"
        size = f"{r.size / 1024:7.0f}kB" if r.size else "-"
        if r.status != 200 or r.error:
            checks = f"HTTP {r.status}" if r.status else "error"
        else:
            checks = ", ".join(description for description, _ in r.checks) or "no target"
        verdict = "PASS" if r.passed else "FAIL"
        print(
            f"{shown(r.url):<{width}}  {r.status or '-':>6} {median:>9} {p95:>9} {cpu:>9} {sql:>9} "
            f"{queries:>7} "
            f"{size:>9} {rows:>7} {peak:>9}  {verdict} ({checks})"
        )
        if r.error:
            print(f"{'':<{width}}    {r.error}")


JSON_TARGET = 1.5  # a whole JSON export, page after page, against its CSV twin


def compare_json_with_csv(client, csv_urls: list[str]) -> list[str]:
    """Time each CSV export and its JSON twin read whole (every page, 50,000 rows a page)."""
    print(f"\nJSON beside CSV, the whole export each (best of 2; target <= {JSON_TARGET}x):")
    failed = []
    for csv_url in csv_urls:
        path, _, query = csv_url.partition("?")
        json_url = f"{path.removesuffix('.csv')}.json?{query}&page_size=50000".replace("?&", "?")
        csv_seconds = min(_timed(_read_csv, client, csv_url) for _ in range(2))
        json_seconds = min(_timed(_read_json, client, json_url) for _ in range(2))
        ratio = json_seconds / csv_seconds
        verdict = "PASS" if ratio <= JSON_TARGET else "FAIL"
        print(
            f"  {shown(json_url):<{URL_WIDTH}} {json_seconds * 1000:8.0f} ms vs CSV "
            f"{csv_seconds * 1000:8.0f} ms: {ratio:4.2f}x {verdict}"
        )
        if verdict == "FAIL":
            failed.append(json_url)
    return failed


def _read_csv(client, url: str) -> None:
    read_body(client.get(url))


def _read_json(client, url: str) -> None:
    while url:
        url = json.loads(read_body(client.get(url)))["next"]


def _timed(work, *args) -> float:
    started = time.perf_counter()
    work(*args)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url", nargs="?", help="database to read (default: DATABASE_URL)")
    parser.add_argument("--repeat", type=int, default=10, help="timed requests per HTML page")
    parser.add_argument("--csv-repeat", type=int, default=3, help="timed requests per CSV export")
    parser.add_argument("--q", default="supervision", help="recommendation search word")
    parser.add_argument("--pages-only", action="store_true", help="HTML pages, no exports")
    parser.add_argument("--match", default="", help="only URLs containing this text")
    args = parser.parse_args()

    configure(args.database_url)
    import logging
    import warnings

    import django

    # WhiteNoise warns about a missing STATIC_ROOT when collectstatic has not been run.
    warnings.filterwarnings("ignore", message="No directory at", module="django")

    django.setup()
    # 404s and 500s are reported in the table; Django's request log would repeat them.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    from django.db import connection
    from django.test import Client

    html, csv_urls, note = urls_to_measure(args.q)
    html = [url for url in html if args.match in url]
    csv_urls = [] if args.pages_only else [url for url in csv_urls if args.match in url]
    print(f"{connection.vendor} database {connection.settings_dict['NAME']}: {note}")
    print(f"{args.repeat} timed requests per page, {args.csv_repeat} per CSV, after a warm-up\n")
    client = Client(raise_request_exception=False)
    results = [measure(client, url, args.repeat, is_csv=False) for url in html]
    results += [measure(client, url, args.csv_repeat, is_csv=True) for url in csv_urls]
    for result in results:
        apply_targets(result)
    print_results(results)
    failed = [r.url for r in results if not r.passed]
    if csv_urls:
        failed += compare_json_with_csv(client, csv_urls)
    print(f"\n{len(results) - len(failed)} of {len(results)} URLs PASS")
    if failed:
        print("FAIL: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
