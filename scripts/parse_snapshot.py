#!/usr/bin/env python
"""Parse every sample report and test fixture and write what the parsers make of them.

    .venv/bin/python scripts/parse_snapshot.py var/before.json          # before a change
    .venv/bin/python scripts/parse_snapshot.py var/after.json --against var/before.json

The corpus check (scripts/corpus_check.py) holds the parsers to the 2012-2026 corpus; the
2006 APA letter and the 2009-2012 SLAC reports are not in it. This script reads the
reports in ``../shared/reports`` (PDF and text) and every layout-text fixture under
``tests/fixtures`` and writes each one's ParsedReport (judgements, recommendations and
warnings included) as JSON, or the error it raised. With ``--against``, it compares the
two runs and names every report whose result differs, with the fields that differ: a
refactor of the parsers should name none. Exit status 1 when any differs.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REPORTS = REPO.parent / "shared" / "reports"
FIXTURES = REPO / "tests" / "fixtures"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="where to write the results (JSON)")
    parser.add_argument("--against", type=Path, help="an earlier run to compare with")
    parser.add_argument("--reports", type=Path, default=DEFAULT_REPORTS)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

    from ingest import parsers
    from ingest.errors import IngestError
    from ingest.reading import read_report

    files = sorted(path for path in args.reports.rglob("*") if path.is_file())
    files += sorted(FIXTURES.rglob("*.txt"))
    results: dict[str, object] = {}
    for path in files:
        data = path.read_bytes()
        key = str(path.relative_to(path.parents[2]))  # e.g. "reports/pdf/knowsley-2010-...pdf"
        try:
            # As ingest reads it: a PDF, or text (UTF-8, else Windows-1252, with warnings).
            document, _ = read_report(data, path.name, sha256="", cache=None, whole=True)
            results[key] = dataclasses.asdict(parsers.parse(document))
        except IngestError as error:
            results[key] = f"{type(error).__name__}: {error}"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=1, default=str, sort_keys=True) + "\n"
    args.out.write_text(text)
    print(f"{len(results)} reports parsed: {args.out}")
    if args.against is None:
        return 0
    earlier = json.loads(args.against.read_text())
    now = json.loads(text)  # dates as strings, like the earlier run's
    differing = sorted(
        key for key in earlier.keys() | now.keys() if earlier.get(key) != now.get(key)
    )
    for key in differing:
        before, after = earlier.get(key), now.get(key)
        if isinstance(before, dict) and isinstance(after, dict):
            fields = sorted(
                f for f in before.keys() | after.keys() if before.get(f) != after.get(f)
            )
            print(f"  differs: {key} ({', '.join(fields)})")
        else:
            print(
                f"  differs: {key} ({'new' if before is None else 'gone' if after is None else 'result'})"
            )
    print(f"{len(differing)} of {len(now.keys() | earlier.keys())} differ from {args.against}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
