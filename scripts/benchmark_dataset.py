#!/usr/bin/env python
"""Time loading the national dataset, as the quickstart does: wall time and CPU of every process.

    .venv/bin/python scripts/benchmark_dataset.py [--postgres postgres://postgres@127.0.0.1:5432/postgres]

For SQLite (a temporary file) and, when --postgres names a server, for a scratch PostgreSQL
database created and dropped on it: ``migrate``, then three runs of ``load_dataset``, each
in a process of its own: into the fresh database, again (nothing to do), and a dataset whose
every parser version is one newer (every inspection replaced by the re-parse rules).

Each run prints its wall time (Python starting included) and its CPU: the load's process
and any children (``RUSAGE_CHILDREN``) plus, for PostgreSQL on this machine, the server
process that served the load's connection (read from ``/proc`` before it ends; "not
measured" where the server is elsewhere). The first two runs are held to the target
(wall < 5 s); exit status 1 on a FAIL.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 5.0


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


def _process_cpu(pid: int) -> float | None:
    """User and system CPU seconds of a process on this machine, None if it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child(folder: str | None) -> None:
    """Run load_dataset in this process; print its last line and the server's CPU for it."""
    import io

    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    server_pid = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            server_pid = cursor.fetchone()[0]
    server_before = _process_cpu(server_pid) if server_pid else None
    out = io.StringIO()
    options = {"input": Path(folder)} if folder else {}
    call_command("load_dataset", stdout=out, **options)
    server_after = _process_cpu(server_pid) if server_pid else None
    server = (
        server_after - server_before
        if server_before is not None and server_after is not None
        else None
    )
    lines = out.getvalue().strip().splitlines()
    print(json.dumps({"summary": lines[-1], "server_cpu": server, "postgres": bool(server_pid)}))


def _run_load(environment: dict[str, str], folder: Path | None = None) -> dict:
    command = [sys.executable, __file__, "--child"]
    if folder:
        command += ["--input", str(folder)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run(
        command, env=environment, cwd=REPO, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode:
        sys.exit(f"load_dataset failed:\n{completed.stdout}\n{completed.stderr}")
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def _newer_dataset(folder: Path) -> Path:
    """A copy of dataset/ with every parser version one newer."""
    source = REPO / "dataset"
    folder.mkdir()
    for path in source.glob("*.jsonl"):
        shutil.copy(path, folder / path.name)
    path = folder / "inspections.jsonl"
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        name, number = record["parser_version"].rsplit("-", 1)
        record["parser_version"] = f"{name}-{int(number) + 1}"
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return folder


def _report(name: str, what: str, result: dict, target: bool) -> bool:
    cpu = result["cpu"]
    if result["postgres"]:
        server = result["server_cpu"]
        cpu_text = (
            f"CPU {cpu + server:.1f} s (load {cpu:.1f} s + PostgreSQL server {server:.1f} s)"
            if server is not None
            else f"CPU {cpu:.1f} s (load; PostgreSQL server not measured: not on this machine)"
        )
    else:
        cpu_text = f"CPU {cpu:.1f} s"
    verdict = ""
    ok = True
    if target:
        ok = result["wall"] < TARGET_SECONDS
        verdict = f" [{'PASS' if ok else 'FAIL'}, target < {TARGET_SECONDS:.0f} s]"
    print(f"{name}: {what}: {result['wall']:.1f} s wall, {cpu_text}{verdict}")
    print(f"    {result['summary']}")
    return ok


def measure(name: str, database_url: str) -> bool:
    with tempfile.TemporaryDirectory() as media:
        environment = _environment(database_url, media)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"],
            env=environment,
            cwd=REPO,
            check=True,
        )
        fresh = _run_load(environment)
        again = _run_load(environment)
        newer = _run_load(environment, _newer_dataset(Path(media) / "newer"))
    ok = _report(name, "load_dataset into a fresh database", fresh, target=True)
    ok &= _report(name, "again, nothing to do", again, target=True)
    _report(name, "every inspection re-read by a newer parser", newer, target=False)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postgres", help="a PostgreSQL server URL to create a scratch database on"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.input)
        return 0
    # On a shared machine wall time is CPU time stretched by the queue for the cores.
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start "
        "(wall times stretch when it is above the core count; CPU times do not)"
    )
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
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
