#!/usr/bin/env python
"""Time ingesting the whole national corpus, re-parsing it from the layout cache, and
reading ILACS reports from their opening pages.

    .venv/bin/python scripts/benchmark_corpus.py [--corpus ../shared/corpus] [--jobs 2]

Each step runs ``manage.py`` in a subprocess on a throwaway SQLite database, media folder
and layout cache, and prints its wall time with PASS/FAIL against the target, and the CPU time of every
process of the command (its sandbox workers included: ``devtools/cputime.py``):

1. First ingest of every file in the manifest, empty cache, ``--jobs 2``: under 180 s.
2. Full re-parse from the cache (``ingest --replace --all --jobs 2``): under 30 s.
3. Re-parse of 40 stored reports with the cache, against the same re-parse with no cache
   (which extracts every PDF again, as before the cache): ratio of CPU time printed
   (0.026x wanted).
4. Extraction of 40 of the corpus's ILACS reports (every eighth): opening pages only, as
   the ingest reads them, against whole PDFs, in this process, CPU time: ratio printed.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from devtools.cputime import Measured, run_measured  # noqa: E402  (after the path is set)

FIRST_INGEST_TARGET = 180.0
REPARSE_TARGET = 30.0
SAMPLE = 40


def _environment(folder: Path, cache: Path | None) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'corpus.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "INGEST_LAYOUT_CACHE": str(cache) if cache else "",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "benchmark-only-not-a-secret",
        "DEBUG": "0",
        "LOG_LEVEL": "ERROR",
    }


def _run(arguments: list[str], environment: dict[str, str]) -> tuple[Measured, str]:
    """The command's wall and CPU time (every process, its sandbox workers included), and
    the last line it printed."""
    measured = run_measured(
        [sys.executable, "manage.py", *arguments],
        env=environment,
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    lines = measured.completed.stdout.strip().splitlines()
    return measured, lines[-1] if lines else measured.completed.stderr.strip()[-300:]


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    manifest = args.corpus / "manifest.csv"
    with manifest.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    print(f"{len(rows)} files in {manifest}; {os.cpu_count()} CPUs\n")
    results: list[tuple[str, bool | None]] = []
    jobs = ["--jobs", str(args.jobs)]

    with tempfile.TemporaryDirectory(prefix="benchmark-corpus-") as tmp:
        folder, cache = Path(tmp), Path(tmp) / "layout-cache"
        environment = _environment(folder, cache)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"], env=environment, cwd=REPO, check=True
        )
        measured, summary = _run(["ingest", "--manifest", str(manifest), *jobs], environment)
        first = measured.wall
        print(
            f"1. first ingest, empty cache: {first:.1f} s wall, {measured.describe()}, "
            f"{measured.cores_busy:.2f} cores busy\n   {summary}"
        )
        results.append(
            (
                f"first ingest {first:.1f} s (target < {FIRST_INGEST_TARGET:.0f} s)",
                first < FIRST_INGEST_TARGET,
            )
        )
        measured, summary = _run(["ingest", "--replace", "--all", *jobs], environment)
        reparse = measured.wall
        print(
            f"2. full re-parse from the cache: {reparse:.1f} s wall, {measured.describe()}"
            f"\n   {summary}"
        )
        results.append(
            (
                f"full re-parse {reparse:.1f} s (target < {REPARSE_TARGET:.0f} s)",
                reparse < REPARSE_TARGET,
            )
        )

        stored = sorted((folder / "media" / "reports").rglob("*.pdf"))[:SAMPLE]
        paths = [str(path) for path in stored]
        cached, _ = _run(["ingest", "--replace", *paths, "--jobs", "1"], environment)
        uncached, _ = _run(
            ["ingest", "--replace", *paths, "--jobs", "1"], _environment(folder, None)
        )
        ratio = cached.cpu / uncached.cpu
        print(
            f"3. re-parse of {len(paths)} stored reports: {cached.describe()} with the cache, "
            f"{uncached.describe()} extracting again: {ratio:.3f}x"
        )
        results.append((f"re-parse with the cache = {ratio:.3f}x of without (0.026x wanted)", None))

    os.environ.update(_environment(Path(tempfile.gettempdir()), None))
    import django

    django.setup()
    from ingest.extract import PdfReader
    from ingest.parsers import PAGES_NEEDED, detect_framework
    from ingest.reading import read_report

    opening_seconds = whole_seconds = 0.0
    count = seen = 0
    for row in rows:
        if "focused visit" in row["listing"] or count >= SAMPLE:
            continue
        data = (args.corpus / row["file"]).read_bytes()
        if not data.startswith(b"%PDF"):
            continue
        try:
            framework = detect_framework(PdfReader(data, name=row["file"]).read(1))
        except Exception:
            continue
        if framework not in PAGES_NEEDED:
            continue
        seen += 1
        if seen % 8:
            continue
        started = time.process_time()
        read_report(data, row["file"], sha256="", cache=None)
        opening_seconds += time.process_time() - started
        started = time.process_time()
        PdfReader(data, name=row["file"]).read(None)
        whole_seconds += time.process_time() - started
        count += 1
    ratio = opening_seconds / whole_seconds
    print(
        f"4. extraction of {count} ILACS reports: {opening_seconds:.1f} s CPU for the opening "
        f"pages, {whole_seconds:.1f} s for whole PDFs: {ratio:.2f}x"
    )
    results.append((f"ILACS opening pages = {ratio:.2f}x of whole (0.17x wanted)", None))

    print()
    for description, ok in results:
        print(f"{'INFO' if ok is None else _verdict(ok)}  {description}")
    return 0 if all(ok is not False for _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
