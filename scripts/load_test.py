#!/usr/bin/env python
"""Load-test the public pages under gunicorn, on this machine only, bounded in count and time.

    .venv/bin/python scripts/load_test.py [--database-url URL] [--clients 10] [--requests 600]

Starts gunicorn (4 workers, as a deployment would) on 127.0.0.1 and a free port against the
database in --database-url (default: DATABASE_URL; it should hold the national dataset,
e.g. after `manage.py load_dataset`), then for each public page sends --requests requests
from --clients concurrent clients (keep-alive connections, one thread each), stopping early
after --seconds per page. Prints requests per second, median and p99 latency and errors per
page, with PASS/FAIL against the targets (>= 150 requests/s, p99 < 150 ms, no errors), and
exits 1 on a FAIL. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
TARGET_RATE = 150.0
TARGET_P99_MS = 150.0

# {authority} and {inspection} are the first of each that /inspections/ links to, so
# that the script serves any data: the national dataset or synthetic data.
PAGES = [
    "/",
    "/authorities/",
    "{authority}",
    "{inspection}",
    "/inspections/",
    "/judgements/",
    "/judgements/?area=help-and-protection&grade=inadequate",
    "/recommendations/",
    "/recommendations/?q=supervision",
    "/compare/?neighbours_of={slug}&area=children-in-care",
    "/compare/?region=london&area=overall",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _wait_until_up(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    sys.exit("gunicorn did not start")


def _examples(port: int) -> dict[str, str]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", "/inspections/")
    page = connection.getresponse().read().decode()
    connection.close()
    match = re.search(r'href="(/authorities/([a-z0-9-]+)/inspections/[^"/]+/)"', page)
    if match is None:
        sys.exit("/inspections/ lists no inspection: load some data first")
    slug = match[2]
    return {"inspection": match[1], "authority": f"/authorities/{slug}/", "slug": slug}


def _client(port: int, path: str, count: int, deadline: float, results: list, lock) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    for _ in range(count):
        if time.monotonic() > deadline:
            break
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except OSError:
            ok = False
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=10)
        elapsed = time.perf_counter() - started
        with lock:
            results.append((elapsed, ok))
    connection.close()


def _warm(port: int, path: str) -> tuple[str, int]:
    """Request the page once (it renders; the run measures what users get after that),
    following a redirect to its canonical address; the address and its status."""
    for _ in range(3):
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        connection.close()
        if response.status in (301, 302) and response.getheader("Location", "").startswith("/"):
            path = response.getheader("Location")
            continue
        return path, response.status
    return path, response.status


def measure(port: int, path: str, clients: int, requests: int, seconds: float) -> dict:
    path, status = _warm(port, path)
    results: list[tuple[float, bool]] = []
    lock = threading.Lock()
    each = max(1, requests // clients)
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(port, path, each, deadline, results, lock))
        for _ in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies = sorted(elapsed for elapsed, _ in results)
    return {
        "path": path,
        "status": status,
        "requests": len(results),
        "errors": sum(1 for _, ok in results if not ok),
        "rate": len(results) / wall,
        "median_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[max(0, int(len(latencies) * 0.99) - 1)],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=600, help="per page")
    parser.add_argument("--seconds", type=float, default=20.0, help="at most, per page")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if not args.database_url:
        sys.exit("give --database-url (or set DATABASE_URL) of a database holding the data")
    port = _free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": args.database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "load-test-only-not-a-secret",
        "DEBUG": "0",
        "STATIC_MANIFEST": "0",
        "ALLOWED_HOSTS": HOST,
        "LOG_LEVEL": "ERROR",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=environment,
    )
    ok = True
    try:
        _wait_until_up(port, time.monotonic() + 60)
        print(
            f"gunicorn, {args.workers} workers, {args.clients} concurrent clients, up to "
            f"{args.requests} requests or {args.seconds:g} s per page; {os.cpu_count()} CPUs"
        )
        print(f"{'page':58} {'req/s':>7} {'median':>8} {'p99':>8} {'errors':>6}")
        examples = _examples(port)
        for page in PAGES:
            path = page.format(**examples)
            figures = measure(port, path, args.clients, args.requests, args.seconds)
            passed = (
                figures["status"] == 200
                and figures["errors"] == 0
                and figures["rate"] >= TARGET_RATE
                and figures["p99_ms"] < TARGET_P99_MS
            )
            ok &= passed
            print(
                f"{path[:58]:58} {figures['rate']:7.0f} {figures['median_ms']:6.1f}ms "
                f"{figures['p99_ms']:6.1f}ms {figures['errors']:6}  "
                f"{'PASS' if passed else 'FAIL'}"
                + ("" if figures["status"] == 200 else f" (status {figures['status']})")
            )
    finally:
        server.terminate()
        server.wait(10)
    print(
        f"\ntargets: >= {TARGET_RATE:.0f} requests/s, p99 < {TARGET_P99_MS:.0f} ms, no errors: "
        + ("PASS" if ok else "FAIL")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
