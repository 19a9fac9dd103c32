#!/usr/bin/env python
"""Time loading the national dataset into a fresh database, as the quickstart does.

    .venv/bin/python scripts/benchmark_dataset.py [--postgres postgres://postgres@127.0.0.1:5432/postgres]

For SQLite (a temporary file) and, when --postgres names a server, for a scratch PostgreSQL
database created and dropped on it: ``migrate`` and then ``load_dataset`` run in a
subprocess each; the load's wall time is printed with PASS/FAIL against the target (under
20 s), and a second ``load_dataset`` (nothing to do) is timed too. Exit status 1 on a FAIL.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 20.0


def _environment(database_url: str, media: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": media,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "benchmark-only-not-a-secret",
        "DEBUG": "0",
        "LOG_LEVEL": "ERROR",
    }


def _timed(command: list[str], environment: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    completed = subprocess.run(
        command, env=environment, cwd=REPO, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if completed.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{completed.stdout}\n{completed.stderr}")
    return seconds, completed.stdout.strip().splitlines()[-1]


def measure(name: str, database_url: str) -> bool:
    manage = [sys.executable, "manage.py"]
    with tempfile.TemporaryDirectory() as media:
        environment = _environment(database_url, media)
        subprocess.run([*manage, "migrate", "-v0"], env=environment, cwd=REPO, check=True)
        seconds, summary = _timed([*manage, "load_dataset"], environment)
        again, summary_again = _timed([*manage, "load_dataset"], environment)
    verdict = "PASS" if seconds < TARGET_SECONDS else "FAIL"
    print(
        f"{name}: load_dataset into a fresh database {seconds:.1f} s wall [{verdict}, target < {TARGET_SECONDS:.0f} s]"
    )
    print(f"    {summary}")
    print(f"{name}: again, nothing to do {again:.1f} s wall")
    print(f"    {summary_again}")
    return verdict == "PASS"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postgres", help="a PostgreSQL server URL to create a scratch database on"
    )
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        ok &= measure("SQLite", f"sqlite:///{folder}/dataset.sqlite3")
    if args.postgres:
        import psycopg

        scratch = f"dataset_benchmark_{os.getpid()}"
        with psycopg.connect(args.postgres, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{scratch}"')
        try:
            base = args.postgres.rsplit("/", 1)[0]
            ok &= measure("PostgreSQL", f"{base}/{scratch}")
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
