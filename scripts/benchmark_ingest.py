#!/usr/bin/env python
"""Time the ingest of every sample PDF, stage by stage, and the ingest command with 1 and 2 jobs.

    .venv/bin/python scripts/benchmark_ingest.py [--runs 3]

1. In this process, on a throwaway SQLite database in a temporary folder: every PDF under
   sample_data/reports/pdf and sample_data/reports/pdf-original goes through
   ingest.load.prepare and ingest.load.load, and the time of each stage is printed per
   report and in total: extraction (pdfminer), parsing, loading (database), and parsing +
   loading as a percentage of extraction.
2. The whole ``manage.py ingest`` command, wall-clock, in a subprocess on a fresh temporary
   database, with ``--jobs 1`` and ``--jobs 2`` (best of ``--runs``), and their ratio, with
   the CPU time of every process of the command (its sandbox workers included, which
   ``RUSAGE_CHILDREN`` alone misses: see ``devtools/cputime.py``).

Targets, each printed PASS or FAIL; the exit status is 1 when one fails:
- parsing + loading under 15 % of extraction time, over all reports that were read;
- ``--jobs 2`` under 0.6 x the single-process wall time.

A report that cannot be read (a parser not written yet, a bug) is listed as failed with its
reason; it does not stop the benchmark, and it is left out of the stage totals.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from devtools.cputime import Measured, run_measured  # noqa: E402  (after the path is set)

SAMPLE_FOLDERS = (
    REPO / "sample_data" / "reports" / "pdf",
    REPO / "sample_data" / "reports" / "pdf-original",
)
PARSE_LOAD_TARGET = 0.15  # parse + load as a share of extraction time
JOBS_TARGET = 0.6  # --jobs 2 wall time as a share of --jobs 1


@dataclass
class Timing:
    name: str
    status: str
    extract: float
    parse: float
    load: float
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def django_environment(folder: Path) -> dict[str, str]:
    """Environment for a Django process using a throwaway database and media folder."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'benchmark.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        # An empty layout cache: extraction is what is being timed.
        "INGEST_LAYOUT_CACHE": str(folder / "layout-cache"),
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "benchmark-only-not-a-secret",
        "DEBUG": "0",  # with DEBUG on Django keeps every query in memory
        "LOG_LEVEL": "ERROR",
    }


def sample_pdfs() -> list[Path]:
    return [path for folder in SAMPLE_FOLDERS for path in sorted(folder.glob("*.pdf"))]


def time_stages(pdfs: list[Path]) -> list[Timing]:
    """Ingest each PDF in this process (Django must be set up) and time each stage."""
    from ingest.load import load, prepare

    timings = []
    for path in pdfs:
        data = path.read_bytes()
        name = f"{path.parent.name}/{path.name}"
        started = time.perf_counter()
        try:
            prepared = prepare(data, path.name)
        except Exception as error:  # prepare should not raise; measure anyway
            timings.append(Timing(name, "failed", 0, 0, 0, f"{type(error).__name__}: {error}"))
            continue
        preparing = time.perf_counter() - started
        # prepare() does not record the parse time of a failed parse: take it from the total.
        extract = prepared.seconds_extract
        parse = preparing - extract if extract else 0.0
        try:
            result = load(prepared, data)
        except Exception as error:
            timings.append(
                Timing(name, "failed", extract, parse, 0, f"{type(error).__name__}: {error}")
            )
            continue
        timings.append(
            Timing(
                name,
                str(result.status),
                extract,
                result.seconds_parse or parse,
                result.seconds_load,
                result.message if result.failed else "",
            )
        )
    return timings


def print_stages(timings: list[Timing]) -> float | None:
    """Print the stage table; return parse + load as a share of extraction (read reports)."""
    width = max(len(t.name) for t in timings)
    print(
        f"{'report':<{width}}  {'status':<9} {'extract':>8} {'parse':>8} {'load':>8} {'p+l %':>6}"
    )
    for t in timings:
        share = f"{100 * (t.parse + t.load) / t.extract:5.1f}%" if t.extract else "    -"
        print(
            f"{t.name:<{width}}  {t.status:<9} {t.extract:8.3f} {t.parse:8.3f} {t.load:8.3f} {share:>6}"
        )
        if t.message:
            print(f"{'':<{width}}    {t.message[:160]}")
    read = [t for t in timings if t.ok]
    failed = len(timings) - len(read)
    extract = sum(t.extract for t in read)
    parse = sum(t.parse for t in read)
    load = sum(t.load for t in read)
    print(
        f"{'TOTAL (' + str(len(read)) + ' read)':<{width}}  {'':<9} {extract:8.3f} {parse:8.3f} "
        f"{load:8.3f} {100 * (parse + load) / extract if extract else 0:5.1f}%"
    )
    if failed:
        print(f"{failed} of {len(timings)} reports failed and are left out of the total")
    return (parse + load) / extract if extract else None


def time_command(
    pdf_folders: tuple[Path, ...], jobs: int, runs: int
) -> tuple[float, float, bool, int, str]:
    """Best wall time of ``manage.py ingest --jobs N`` over ``runs`` fresh databases.

    Returns (wall seconds, CPU seconds of the command and every process it started, its
    sandbox workers included, whether every one was counted, exit code, summary). CPU / wall
    shows how many cores the command really used: other busy processes on the machine show
    up as a ratio well under the number of jobs.
    """
    best: Measured | None = None
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="benchmark-ingest-") as tmp:
            env = django_environment(Path(tmp))
            manage = [sys.executable, str(REPO / "manage.py")]
            subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=REPO, check=True)
            measured = run_measured(
                [*manage, "ingest", *map(str, pdf_folders), "--jobs", str(jobs)],
                env=env,
                cwd=REPO,
                capture_output=True,
                text=True,
            )
        if best is None or measured.wall < best.wall:
            best = measured
    lines = best.completed.stdout.strip().splitlines()
    summary = lines[-1] if lines else best.completed.stderr.strip()[-300:]
    return best.wall, best.cpu, best.every_process, best.completed.returncode, summary


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=1, help="runs of the ingest command per --jobs (best kept)"
    )
    parser.add_argument("--stages-only", action="store_true", help="skip timing the ingest command")
    args = parser.parse_args()

    pdfs = sample_pdfs()
    print(f"{len(pdfs)} sample PDFs; {os.cpu_count()} CPUs\n")
    with tempfile.TemporaryDirectory(prefix="benchmark-ingest-") as tmp:
        os.environ.update(django_environment(Path(tmp)))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        timings = time_stages(pdfs)
        from django.db import connections

        connections.close_all()
    share = print_stages(timings)

    results: list[tuple[str, bool]] = []
    if share is not None:
        results.append(
            (
                f"parse+load = {100 * share:.1f}% of extraction (target < {100 * PARSE_LOAD_TARGET:.0f}%)",
                share < PARSE_LOAD_TARGET,
            )
        )
    else:
        results.append(("parse+load share: no report could be read", False))

    if not args.stages_only:
        print("\nmanage.py ingest, wall clock (fresh database each run):")
        walls = {}
        for jobs in (1, 2):
            wall, cpu, every, code, summary = time_command(SAMPLE_FOLDERS, jobs, args.runs)
            walls[jobs] = wall
            scope = "all processes" if every else "command only: workers not counted"
            print(
                f"  --jobs {jobs}: {wall:6.2f} s wall, {cpu:6.2f} s CPU ({scope}; "
                f"{cpu / wall:.2f} cores busy)  exit {code}: {summary}"
            )
            if every and jobs > 1 and cpu / wall < 0.8 * jobs:
                print(
                    f"  warning: {jobs} jobs kept only {cpu / wall:.2f} cores busy: other "
                    "processes were probably using the CPUs, so the ratio is pessimistic"
                )
        ratio = walls[2] / walls[1]
        results.append(
            (f"--jobs 2 / --jobs 1 = {ratio:.2f} (target < {JOBS_TARGET})", ratio < JOBS_TARGET)
        )

    print()
    for description, ok in results:
        print(f"{verdict(ok)}  {description}")
    return 0 if all(ok for _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
