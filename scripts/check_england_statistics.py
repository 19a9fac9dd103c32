#!/usr/bin/env python
"""Hold the England page's figures against Ofsted's published statistics.

    .venv/bin/python scripts/check_england_statistics.py [--database-url URL]

Without ``--database-url`` a scratch SQLite database (``var/england-check.sqlite3``) is
migrated and the national dataset loaded into it. For each figure Ofsted published (below,
with where it was published), the same figure is computed from the app's data with the
England page's rule (inspections.england: each authority existing at the date, with its latest
SIF or ILACS inspection ended by the date and published by the cut-off of Ofsted's release for
it) and printed beside it. A share matches when it rounds to Ofsted's whole percentage, give or
take one point (Ofsted rounds); a count must match exactly. Exit status 1 when a figure does
not match.

Where Ofsted's figure counts more authorities than the app can, the line says so: such a
figure is a measure of the data's coverage, not of the counting rule. (The five authorities
replaced since 2019 are now counted from Ofsted's own tables, dataset/official/.)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRATCH = REPO / "var" / "england-check.sqlite3"
TOLERANCE_POINTS = 1.0


def _prepare_scratch() -> str:
    SCRATCH.parent.mkdir(exist_ok=True)
    SCRATCH.unlink(missing_ok=True)
    url = f"sqlite:///{SCRATCH}"
    environment = {**os.environ, "DATABASE_URL": url, "DEBUG": "1"}
    for command in (["migrate", "-v0"], ["load_dataset"]):
        subprocess.run(
            [sys.executable, str(REPO / "manage.py"), *command],
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="a database holding the national dataset")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url or _prepare_scratch()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from inspections.england import England
    from inspections.published_statistics import FIGURES, reproduce

    england = England()
    failures = 0
    for figure in FIGURES:
        result = reproduce(england, figure)
        failures += not result.agrees
        print(f"{'PASS' if result.agrees else 'FAIL'}  {figure.describe()}")
        print(f"      Ofsted: {figure.shown}; app: {result.shown}")
        print(f"      source: {figure.source}")
        if result.coverage_gap:
            print(
                f"      Ofsted's figure is of {figure.authorities} authorities, the app's of "
                f"{result.judged}: {result.coverage_gap} authorities' reports are not in the "
                "national corpus (replaced authorities)"
            )
    print(f"\n{len(FIGURES) - failures} of {len(FIGURES)} published figures reproduced")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
