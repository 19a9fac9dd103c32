#!/usr/bin/env python
"""Time the judgements list and its JSON at 1x, 4x and 80x today's national volume.

    .venv/bin/python scripts/benchmark_volume.py                      # SQLite only
    .venv/bin/python scripts/benchmark_volume.py \\
        --postgres postgres://postgres@127.0.0.1:5432/h_volume_bench  # and PostgreSQL

For each database and scale it fills a scratch database with generate_synthetic (the
SQLite file ``var/benchmark-volume.sqlite3``, or the PostgreSQL database given, which must
hold no real inspection: the command refuses one that does), then times, through Django's
test Client in a fresh process, the first and the last page of ``/judgements/`` and of
``/judgements.json`` (whole, from the export kept per data version, and ``?sort=authority``,
which reads the same rows through the database), and the count the list shows.

Today's national dataset holds 2,599 judgements; the scales are 153 authorities with 2
inspections each (1x), 8 each (4x) and 10 each topped up to about 135 judgements each (80x).

"cold" is the first request after the caches are emptied (the count and page outline kept
per data version, and for the first page of the whole JSON the whole-export file, which its
last page then reads): what the first reader after a data change waits.
"warm" is the median of ``--repeat`` further requests, with the public page cache off (as
in benchmark_pages.py), so every request builds its page. Times are wall clock; "cpu" is
this process's CPU time for the warm requests (on SQLite that includes the database; on
PostgreSQL the server's share is not counted); "sql" the time of the SQL of one more
request, as Django reports each query's. The machine's load average is printed
beside them: on a shared machine wall-clock times are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SQLITE_PATH = REPO / "var" / "benchmark-volume.sqlite3"
TARGET_SECONDS = 0.150
NATIONAL_JUDGEMENTS = 2_599

# scale -> generate_synthetic arguments (authorities, inspections each, judgements each)
SCALES: dict[int, tuple[int, int, int]] = {1: (153, 2, 0), 4: (153, 8, 0), 80: (153, 10, 135)}


def manage(database_url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "1"}
    done = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def fill(database_url: str, scale: int) -> str:
    """Synthetic data at ``scale``: what generate_synthetic says it wrote (first lines)."""
    authorities, inspections, judgements = SCALES[scale]
    manage(database_url, "generate_synthetic", "--clear")
    out = manage(
        database_url,
        "generate_synthetic",
        "--authorities",
        str(authorities),
        "--inspections",
        str(inspections),
        "--judgements-per-inspection",
        str(judgements),
    )
    return " ".join(out.splitlines()[1].split()[:1]) + " judgements"


# --------------------------------------------------------------------------- measuring


def _timed(client, url: str) -> tuple[float, float, int]:
    from benchmark_pages import request

    started, cpu = time.perf_counter(), time.process_time()
    response, body = request(client, url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}: {body[:300]!r}")
    return time.perf_counter() - started, time.process_time() - cpu, len(body)


def _empty_caches(export_dir: Path | None) -> None:
    from django.core.cache import caches

    caches["default"].clear()
    for path in export_dir.rglob("*") if export_dir else ():
        if path.is_file():
            path.unlink()


def _count_seconds() -> float:
    """The count the list shows, computed as the view computes it, caches emptied."""
    from django.core.cache import caches
    from django.http import QueryDict

    from inspections.filters import JudgementFilter
    from inspections.queries import published_judgements

    caches["default"].clear()
    started = time.perf_counter()
    filterset = JudgementFilter(QueryDict(), queryset=published_judgements())
    try:
        from inspections.paging import outline_of
    except ImportError:  # before inspections.paging: the paginator counted the join
        filterset.qs.count()
    else:
        outline_of(filterset).count  # noqa: B018 - computing it is what is timed
    return time.perf_counter() - started


def measure(repeat: int) -> dict:
    """Runs in a fresh process on the database of DATABASE_URL: one row of the table."""
    export_dir = Path(tempfile.mkdtemp(prefix="benchmark-volume-"))
    os.environ["EXPORT_CACHE_DIR"] = str(export_dir)
    sys.path.insert(0, str(REPO / "scripts"))
    from benchmark_pages import configure

    configure(None)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from inspections.models import Judgement
    from inspections.views import PAGE_SIZE

    count = Judgement.objects.filter(inspection__is_published=True).count()
    last_html = max(1, -(-count // PAGE_SIZE))
    last_json = max(1, -(-count // 500))
    urls = {
        "/judgements/": "/judgements/",
        "/judgements/ last": f"/judgements/?page={last_html}",
        "/judgements.json": "/judgements.json",
        "/judgements.json last": f"/judgements.json?page={last_json}",
        "?sort=authority json": "/judgements.json?sort=authority",
        "?sort=authority json last": f"/judgements.json?sort=authority&page={last_json}",
    }
    client = Client(raise_request_exception=False)
    _timed(client, "/judgements/?page=2")  # connection, templates, URL resolver warmed
    timings = {}
    for name, url in urls.items():
        # The whole export is built once, for its first page; its last page is read from it.
        _empty_caches(export_dir if name != "/judgements.json last" else None)
        cold = _timed(client, url)[0]
        warm = [_timed(client, url) for _ in range(repeat)]
        with CaptureQueriesContext(connection) as queries:
            _timed(client, url)
        timings[name] = {
            "cold": cold,
            "warm": statistics.median(w for w, _, _ in warm),
            "cpu": statistics.median(c for _, c, _ in warm),
            "sql": sum(float(query["time"]) for query in queries.captured_queries),
        }
    counts = [_count_seconds() for _ in range(repeat)]
    timings["count"] = {
        "cold": counts[0],
        "warm": statistics.median(counts),
        "cpu": None,
        "sql": None,
    }
    return {"judgements": count, "timings": timings}


# --------------------------------------------------------------------------- the table


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:7.1f}"


def print_table(rows: list[tuple[str, int, dict]]) -> bool:
    print(
        f"{'database':<10} {'scale':>5} {'judgements':>10}  {'what':<26} "
        f"{'cold ms':>8} {'warm ms':>8} {'cpu ms':>8} {'sql ms':>8}  verdict (warm < 150 ms)"
    )
    passed = True
    for vendor, scale, result in rows:
        for name, t in result["timings"].items():
            ok = t["warm"] < TARGET_SECONDS
            passed &= ok
            print(
                f"{vendor:<10} {f'{scale}x':>5} {result['judgements']:>10,}  {name:<26} "
                f"{_ms(t['cold']):>8} {_ms(t['warm']):>8} {_ms(t['cpu']):>8} {_ms(t['sql']):>8}  "
                f"{'PASS' if ok else 'FAIL'}"
            )
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="a scratch PostgreSQL database to fill too")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument(
        "--scales", default="1,4,80", help="multiples of today's volume (of 1, 4, 80)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="warm requests per URL")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.repeat)))
        return 0

    scales = [int(s) for s in args.scales.split(",")]
    databases = [] if args.no_sqlite else [f"sqlite:///{SQLITE_PATH}"]
    databases += [args.postgres] if args.postgres else []
    rows = []
    for url in databases:
        vendor = url.split(":", 1)[0]
        manage(url, "migrate", "--verbosity", "0")
        for scale in scales:
            print(f"{vendor} {scale}x: {fill(url, scale)}", flush=True)
            done = subprocess.run(
                [sys.executable, __file__, "--measure", "--repeat", str(args.repeat)],
                env={**os.environ, "DATABASE_URL": url},
                capture_output=True,
                text=True,
            )
            if done.returncode:
                sys.exit(f"measuring {vendor} {scale}x failed:\n{done.stdout}{done.stderr}")
            rows.append((vendor, scale, json.loads(done.stdout.splitlines()[-1])))
    print(f"\nload average {' '.join(f'{n:.2f}' for n in os.getloadavg())}\n")
    passed = print_table(rows)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
