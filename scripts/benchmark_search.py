#!/usr/bin/env python
"""Time the SQL of a recommendation search, ``/recommendations/?q=care``, on a database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_volume \\
        .venv/bin/python scripts/benchmark_search.py --q care

Loads nothing: point it at a database holding the national dataset (``manage.py
load_dataset``). Each of ``--repeat`` requests (after a warm-up) goes through Django's test
Client with the public page cache off; the time of every SQL query is taken as Django
reports it (the database's answer, read by the driver), and the median of each query and
of their sum is printed, with the request's wall-clock and CPU time and the load average.
With ``--explain``, PostgreSQL's EXPLAIN ANALYZE of the page's search query follows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--q", default="care", help="the search (default: care)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()

    from benchmark_pages import configure, request

    configure(None)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    url = f"/recommendations/?{urlencode({'q': args.q})}"
    client = Client(raise_request_exception=False)
    request(client, url)
    per_query: list[list[float]] = []
    walls, cpus, sqls = [], [], []
    for _ in range(args.repeat):
        started, cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as queries:
            response, _ = request(client, url)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
        assert response.status_code == 200, response.status_code
        times = [float(q["time"]) for q in queries.captured_queries]
        per_query.append(times)
        sqls = [q["sql"] for q in queries.captured_queries]
    print(f"{connection.vendor} database {connection.settings_dict['NAME']}: GET {url}")
    print(f"load average {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    print(f"{'query':<90} {'median ms':>10}")
    for index, sql in enumerate(sqls):
        median = statistics.median(times[index] for times in per_query)
        print(f"{sql[:88]:<90} {median * 1000:10.1f}")
    total = statistics.median(sum(times) for times in per_query)
    print(f"{'all SQL of the request':<90} {total * 1000:10.1f}")
    print(f"request: {statistics.median(walls) * 1000:.1f} ms wall, ", end="")
    print(f"{statistics.median(cpus) * 1000:.1f} ms CPU of this process (median of {args.repeat})")
    if args.explain and connection.vendor == "postgresql":
        search = max(sqls, key=lambda sql: ("ts_rank" in sql, len(sql)))
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {search}")
            print("\n" + "\n".join(row[0] for row in cursor.fetchall()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
