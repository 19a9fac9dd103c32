#!/usr/bin/env python
"""Copy corpus reports' layout text into the test fixtures, for golden tests.

    .venv/bin/python scripts/corpus_fixture.py reports/knowsley/2019-02-08-children-s-services-inspection.pdf ...

Paths are relative to the corpus folder (``--corpus``, default ``../shared/corpus``). Each
file's layout text (from the cache when it is there, else extracted) is written to
``tests/fixtures/corpus/<authority>-<file stem>.txt`` with pages separated by form feeds;
a golden test names it as the source ``corpus/<authority>-<file stem>``. The text is what
the parsers read, and a fraction of the PDF's size.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.conf import settings

    from ingest import layout_cache
    from ingest.extract import read_bytes
    from ingest.load import sha256_of

    FIXTURES.mkdir(parents=True, exist_ok=True)
    for relative in args.files:
        path = args.corpus / relative
        data = path.read_bytes()
        sha = sha256_of(data)
        document = layout_cache.get(settings.INGEST_LAYOUT_CACHE, sha, name=path.name)
        if document is None:
            document = read_bytes(data, name=path.name)
        target = FIXTURES / f"{path.parent.name}-{path.stem}.txt"
        target.write_text(layout_cache.PAGE_BREAK.join(document.pages), encoding="utf-8")
        print(
            f"corpus/{target.stem}  ({target.stat().st_size // 1024} KB from {len(data) // 1024} KB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
