#!/usr/bin/env python
"""Load-test the public pages and exports under gunicorn, on this machine only, bounded in
count and time.

    .venv/bin/python scripts/load_test.py [--database-url URL] [--clients 10] [--requests 600]
        [--cache on|off|both] [--only pages|exports] [--match TEXT] [--no-export-store]

Starts gunicorn (4 workers, as a deployment would) on 127.0.0.1 and a free port against the
database in --database-url (default: DATABASE_URL; it should hold the national dataset,
e.g. after `manage.py load_dataset`), then for each public page and each export (CSV, JSON
and Excel of every list, whole and filtered) sends --requests requests from --clients
concurrent clients (keep-alive connections, one thread each), stopping early after
--seconds per address. Prints requests per second, median and p99 latency and errors per
address, with PASS/FAIL against the targets (pages with the page cache on >= 150
requests/s and p99 < 150 ms; every page built for each request, the page cache off,
>= 100 requests/s and p99 < 250 ms; whole exports >= 50 requests/s and p99 < 500 ms;
filtered exports are measured, with no target; no errors anywhere), and exits 1 on a FAIL.

Beside each address, the CPU time per request of every process that served it, in
milliseconds (Linux, from /proc): the gunicorn workers ("web"), the PostgreSQL backends
connected to the database ("db"; not counted on SQLite), and this client ("client").
The machine is shared, so these are steadier than the rates: a page at c ms of CPU in
all can be served at most 1000 x cores / c times a second.

--cache both (the default) runs everything twice, with the public page cache off and on,
each in a fresh gunicorn. Whole exports are kept per data version in a fresh temporary
EXPORT_CACHE_DIR (built by the first request, as after a data change);
--no-export-store turns that off to measure an export built for every request. The
machine's load average is printed before and after, since other work skews the figures.
Only 127.0.0.1 is ever contacted.
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
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
TARGET_RATE = 150.0  # pages served by the page cache
TARGET_P99_MS = 150.0
COLD_TARGET_RATE = 100.0  # pages built for every request (the page cache off)
COLD_TARGET_P99_MS = 250.0
EXPORT_TARGET_RATE = 50.0
EXPORT_TARGET_P99_MS = 500.0

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
    "/recommendations/?q=care",
    "/compare/?neighbours_of={slug}&area=children-in-care",
    "/compare/?region=london&area=overall",
    "/england/",
    "/england/?as_at=2024-03-31",
    "/england/?as_at=2019-08-31&published_by=2019-12-31",
    "/what-happened-next/",
    "/what-came-before/",
    "/new/",
    "/api/",
]

# Every export in every format, whole: kept per data version, with the export targets.
EXPORTS = [
    *(
        f"/{name}.{format}"
        for name in ("judgements", "recommendations", "inspections", "authorities", "england")
        for format in ("csv", "json", "xlsx")
    ),
    "/judgements.json?page_size=50000",
]
# Filtered exports are built for their request (CSV and JSON streamed): measured, with no
# target (a national export filtered to itself costs what the whole one cost to build).
FILTERED_EXPORTS = [
    "/judgements.csv?area=help-and-protection&grade=inadequate",
    "/judgements.json?area=help-and-protection&grade=inadequate",
    "/judgements.xlsx?area=help-and-protection&grade=inadequate",
    "/recommendations.csv?q=supervision",
    "/recommendations.json?q=supervision",
    "/inspections.csv?framework=ilacs",
    "/authorities.csv?region=north-west",
    "/england.csv?as_at=2024-03-31",
    "/england.xlsx?as_at=2024-03-31",
    "/compare.csv?neighbours_of={slug}&area=children-in-care",
    "/compare.json?region=london&area=overall",
    "/compare.xlsx?region=london&area=overall",
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
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
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
            connection = http.client.HTTPConnection(HOST, port, timeout=30)
        elapsed = time.perf_counter() - started
        with lock:
            results.append((elapsed, ok))
    connection.close()


def _warm(port: int, path: str) -> tuple[str, int]:
    """Request the page once (it renders; the run measures what users get after that),
    following a redirect to its canonical address; the address and its status."""
    for _ in range(3):
        connection = http.client.HTTPConnection(HOST, port, timeout=120)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        connection.close()
        if response.status in (301, 302) and response.getheader("Location", "").startswith("/"):
            path = response.getheader("Location")
            continue
        return path, response.status
    return path, response.status


def _warm_workers(port: int, clients: int) -> None:
    """The home page from every client at once, twice: each worker has started (imported
    the app, read its URLs and the base template) before anything is measured, so that the
    first address measured is not charged with the workers' start (about 0.2 s of CPU
    each). Each address still has one request of its own before it is measured
    (:func:`_warm`): the other workers build what it needs while it is measured."""
    for _ in range(2):
        threads = [
            threading.Thread(
                target=_client, args=(port, "/", 1, time.monotonic() + 60, [], threading.Lock())
            )
            for _ in range(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


def measure(
    port: int, path: str, clients: int, requests: int, seconds: float, meter: CpuMeter | None
) -> dict:
    path, status = _warm(port, path)
    results: list[tuple[float, bool]] = []
    lock = threading.Lock()
    each = max(1, requests // clients)
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(port, path, each, deadline, results, lock))
        for _ in range(clients)
    ]
    if meter:
        meter.start()
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    cpu = meter.stop() if meter else {}
    latencies = sorted(elapsed for elapsed, _ in results)
    return {
        "path": path,
        "status": status,
        "requests": len(results),
        "errors": sum(1 for _, ok in results if not ok),
        "rate": len(results) / wall,
        "median_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[max(0, int(len(latencies) * 0.99) - 1)],
        "cpu_ms": {name: 1000 * seconds / len(results) for name, seconds in cpu.items()},
    }


def _cpu_columns(cpu_ms: dict[str, float]) -> str:
    if not cpu_ms:
        return ""
    db = f"{cpu_ms['db']:5.1f}" if cpu_ms.get("db") else "    -"
    return f" {cpu_ms['web']:5.1f} {db} {cpu_ms['client']:5.1f}"


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _process_cpu(pid: int) -> float:
    """User + system CPU seconds of a process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime


def _server_pids(server_pid: int, database: str) -> tuple[list[int], list[int]]:
    """The gunicorn workers (children of the master) and the PostgreSQL backends
    connected to ``database`` (their title names it), read from /proc."""
    workers, backends = [], []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == server_pid:
            workers.append(int(entry.name))
        elif database and title.startswith("postgres:") and f" {database} " in title:
            backends.append(int(entry.name))
    return workers, backends


class CpuMeter:
    """CPU seconds spent by the web workers, the database backends and this process
    between :meth:`start` and :meth:`stop` (a backend that appears in between counts
    from zero)."""

    def __init__(self, server_pid: int, database_url: str):
        self.server_pid = server_pid
        url = urlsplit(database_url)
        self.database = url.path.lstrip("/") if url.scheme.startswith("postgres") else ""
        self.available = Path(f"/proc/{os.getpid()}/stat").exists()

    def _sample(self) -> dict[str, dict[int, float]]:
        workers, backends = _server_pids(self.server_pid, self.database)
        return {
            "web": {pid: _process_cpu(pid) for pid in [self.server_pid, *workers]},
            "db": {pid: _process_cpu(pid) for pid in backends},
            "client": {0: time.process_time()},
        }

    def start(self) -> None:
        self.before = self._sample() if self.available else {}

    def stop(self) -> dict[str, float]:
        if not self.available:
            return {}
        after = self._sample()
        return {
            name: sum(cpu - self.before[name].get(pid, 0.0) for pid, cpu in after[name].items())
            for name in after
        }


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


def _start(args, port: int, page_cache: bool, export_store: str) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": args.database_url,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "load-test-only-not-a-secret",
        "DEBUG": "0",
        "STATIC_MANIFEST": "0",
        "ALLOWED_HOSTS": HOST,
        "LOG_LEVEL": "ERROR",
        "PUBLIC_PAGE_CACHE": "1" if page_cache else "0",
        "EXPORT_CACHE_DIR": export_store,
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "180",
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=environment,
    )


def _run(args, page_cache: bool) -> bool:
    port = _free_port()
    ok = True
    with tempfile.TemporaryDirectory(prefix="load-test-exports-") as store:
        server = _start(args, port, page_cache, "" if args.no_export_store else store)
        try:
            _wait_until_up(port, time.monotonic() + 60)
            print(
                f"\npage cache {'on' if page_cache else 'off'}, whole exports "
                f"{'built for every request' if args.no_export_store else 'kept per data version'}"
                f"; {_load()}"
            )
            _warm_workers(port, args.clients)
            meter = CpuMeter(server.pid, args.database_url)
            print(
                f"{'address':58} {'req/s':>7} {'median':>8} {'p99':>8} {'errors':>6}"
                + (" CPU ms/request: web    db client" if meter.available else "")
            )
            examples = _examples(port)
            rate, p99 = (
                (TARGET_RATE, TARGET_P99_MS)
                if page_cache
                else (COLD_TARGET_RATE, COLD_TARGET_P99_MS)
            )
            addresses = [
                *((page, rate, p99) for page in PAGES if args.only != "exports"),
                *(
                    (export, EXPORT_TARGET_RATE, EXPORT_TARGET_P99_MS)
                    for export in EXPORTS
                    if args.only != "pages"
                ),
                *((export, None, None) for export in FILTERED_EXPORTS if args.only != "pages"),
            ]
            for page, rate, p99 in addresses:
                path = page.format(**examples)
                if args.match not in path:
                    continue
                figures = measure(port, path, args.clients, args.requests, args.seconds, meter)
                answered = figures["status"] == 200 and figures["errors"] == 0
                if rate is None:
                    passed, verdict = answered, "measured" if answered else "FAIL"
                else:
                    passed = answered and figures["rate"] >= rate and figures["p99_ms"] < p99
                    verdict = "PASS" if passed else "FAIL"
                ok &= passed
                print(
                    f"{path[:58]:58} {figures['rate']:7.0f} {figures['median_ms']:6.1f}ms "
                    f"{figures['p99_ms']:6.1f}ms {figures['errors']:6}  {verdict:4}"
                    + _cpu_columns(figures["cpu_ms"])
                    + ("" if figures["status"] == 200 else f" (status {figures['status']})")
                )
        finally:
            server.terminate()
            server.wait(10)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=600, help="per address")
    parser.add_argument("--seconds", type=float, default=20.0, help="at most, per address")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--cache", choices=("on", "off", "both"), default="both")
    parser.add_argument("--only", choices=("pages", "exports"), default=None)
    parser.add_argument("--no-export-store", action="store_true")
    parser.add_argument("--match", default="", help="only addresses containing this text")
    args = parser.parse_args()
    if not args.database_url:
        sys.exit("give --database-url (or set DATABASE_URL) of a database holding the data")
    print(
        f"gunicorn, {args.workers} workers, {args.clients} concurrent clients, up to "
        f"{args.requests} requests or {args.seconds:g} s per address; {os.cpu_count()} CPUs"
    )
    modes = {"off": [False], "on": [True], "both": [False, True]}[args.cache]
    ok = True
    for page_cache in modes:
        ok &= _run(args, page_cache)
    print(
        f"\n{_load()}\ntargets: pages >= {TARGET_RATE:.0f} requests/s, p99 < "
        f"{TARGET_P99_MS:.0f} ms (page cache on; off: >= {COLD_TARGET_RATE:.0f} requests/s, "
        f"p99 < {COLD_TARGET_P99_MS:.0f} ms); exports >= {EXPORT_TARGET_RATE:.0f} requests/s, p99 < "
        f"{EXPORT_TARGET_P99_MS:.0f} ms (whole; filtered ones measured); no errors: "
        + ("PASS" if ok else "FAIL")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
