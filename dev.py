#!/usr/bin/env python3
"""Developer entry points; needs only Python 3.11 and pip.

    python3 dev.py serve [ADDRESS]  # set up .venv, migrate, load the national dataset and the
                                    # sample reports, run on ADDRESS (default 127.0.0.1:8000)
    python3 dev.py test    # set up .venv, lint, run the whole test suite
    python3 dev.py manage COMMAND [ARGS]  # set up .venv, run manage.py COMMAND (e.g. ingest)

The database is SQLite (var/db.sqlite3) unless DATABASE_URL is set. `manage` runs with DEBUG=1
(no SECRET_KEY needed on your own machine) unless DEBUG or SECRET_KEY is set.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".installed-from"


def run(*args: str, env: dict | None = None) -> None:
    print("+", " ".join(args), flush=True)
    completed = subprocess.run(args, cwd=ROOT, env={**os.environ, **(env or {})})
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs before the venv exists)
        sys.exit("Python 3.11 or newer is needed")
    if not PYTHON.exists():
        print(f"Creating a virtual environment in {VENV}", flush=True)
        venv.create(VENV, with_pip=True)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print(
            "Installing the app and its dependencies into .venv from pyproject.toml "
            "(about a minute the first time; again only when pyproject.toml changes)",
            flush=True,
        )
        run(str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(str(PYTHON), "-m", "pip", "install", "--quiet", "--progress-bar", "off", "-e", ".[dev]")
        STAMP.write_text(wanted)
        print("Installed.", flush=True)


def serve(argv: list[str]) -> None:
    env = {"DEBUG": os.environ.get("DEBUG", "1")}
    manage = [str(PYTHON), "manage.py"]
    run(*manage, "migrate", "--no-input", env=env)
    # The national picture first: every report Ofsted lists, read by this version's parsers.
    run(*manage, "load_dataset", env=env)
    # Idempotent: files already stored are reported "unchanged". Ofsted's own PDFs go first
    # so that they, not the test renderings of the same reports, are the stored sources.
    reports = [
        "sample_data/reports/pdf-original",
        "sample_data/reports/text",
        "sample_data/reports/pdf",
    ]
    run(*manage, "ingest", *reports, "--jobs", "2", env=env)
    # Again, cheaply: Ofsted's table readings of the sample reports' inspections (2009-2012)
    # move beside the reports now stored, in place of the inspections made from the table.
    run(*manage, "load_dataset", env=env)
    address = argv[0] if argv else "127.0.0.1:8000"
    print(f"\nInspection Explorer: http://{address}/  (Ctrl-C to stop)\n", flush=True)
    os.execve(str(PYTHON), [*manage, "runserver", address], {**os.environ, **env})


def test(argv: list[str]) -> None:
    run(str(PYTHON), "-m", "ruff", "check", ".")
    run(str(PYTHON), "-m", "ruff", "format", "--check", ".")
    database = (
        "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    )
    print(f"Running the test suite against {database}", flush=True)
    run(str(PYTHON), "-m", "pytest", *argv)


def manage(argv: list[str]) -> None:
    local = "DEBUG" not in os.environ and "SECRET_KEY" not in os.environ
    run(str(PYTHON), "manage.py", *argv, env={"DEBUG": "1"} if local else None)


def main() -> None:
    commands = {"serve": serve, "test": test, "manage": manage}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    ensure_venv()
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
