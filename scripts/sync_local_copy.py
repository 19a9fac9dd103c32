"""Sync against a local copy of Ofsted's report finder for all 153 authorities.

Builds the copy from the corpus manifest (``../shared/corpus/manifest.csv``): the providers
search (two pages of 100), each authority's page listing its files newest first as Ofsted
does ("Children's services inspection - 07 July 2014, PDF"), and the files themselves,
served from 127.0.0.1 (``tests/ofsted/site.py``). Then, in a scratch SQLite database
(``var/sync-copy.sqlite3``) holding the national dataset as an install would, it runs
``manage.py sync_ofsted`` twice and prints for each run the requests the copy answered
and the time taken. The second run finds nothing changed.

Files the manifest gives no Ofsted address (the focused visits) get a made-up one on the
copy (``.../v1/file/local-<sha256>``). Nothing is sent anywhere but 127.0.0.1.

    python scripts/sync_local_copy.py                 # 1 request a second, as by default
    python scripts/sync_local_copy.py --interval 0.1  # faster
    python scripts/sync_local_copy.py --empty         # without the dataset: every file read
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from io import StringIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus")


def build_copy(manifest: Path):
    from tests.ofsted.site import Listed, OfstedCopy, Provider

    by_urn: dict[str, list[dict]] = defaultdict(list)
    with manifest.open(newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            by_urn[row["ofsted_la_urn"]].append(row)
    providers = []
    for urn, rows in sorted(by_urn.items(), key=lambda item: item[1][0]["la_as_listed"]):
        rows.sort(key=lambda row: row["published"], reverse=True)
        publications = []
        for row in rows:
            address = row["ofsted_url"]
            file_id = address.rsplit("/", 1)[-1] if address else f"local-{row['sha256'][:16]}"
            listed_as = row["listing"][:1].upper() + row["listing"][1:]
            published = date.fromisoformat(row["published"]).strftime("%d %B %Y")
            publications.append(
                Listed(file_id, listed_as, published, path=manifest.parent / row["file"])
            )
        providers.append(Provider(urn, rows[0]["la_as_listed"].title(), publications))
    return OfstedCopy(providers)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between requests")
    parser.add_argument("--empty", action="store_true", help="start without the dataset")
    parser.add_argument("--manifest", type=Path, default=CORPUS / "manifest.csv")
    args = parser.parse_args()

    database = REPO / "var" / "sync-copy.sqlite3"
    database.parent.mkdir(exist_ok=True)
    for stale in database.parent.glob(database.name + "*"):
        stale.unlink()
    os.environ.update(
        DATABASE_URL=f"sqlite:///{database}",
        DEBUG="1",
        MEDIA_ROOT=str(REPO / "var" / "sync-copy-media"),
        OFSTED_SYNC_CONTACT="sync-local-copy@example.invalid",
        OFSTED_SYNC_LOCK=str(REPO / "var" / "sync-copy.lock"),
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import CommandError, call_command

    from inspections.models import Inspection
    from ofsted.models import Publication, SyncRun

    call_command("migrate", verbosity=0)
    if not args.empty:
        call_command("load_dataset", stdout=StringIO())
    print(f"database: {database} ({Inspection.objects.count()} inspections stored)")

    with build_copy(args.manifest) as copy:
        files = sum(len(p.publications) for p in copy.providers)
        print(
            f"copy of Ofsted's finder at {copy.url}: {len(copy.providers)} authorities, {files} files"
        )
        settings.OFSTED_REPORTS_URL = copy.url
        settings.OFSTED_FILES_URL = copy.files_url
        for label in ("first run", "second run (nothing changed)"):
            copy.clear_log()
            out = StringIO()
            started = time.monotonic()
            try:
                call_command("sync_ofsted", interval=args.interval, stdout=out)
                status = "succeeded"
            except CommandError as error:
                status = str(error)
            seconds = time.monotonic() - started
            run = SyncRun.objects.first()
            statuses = Counter(request.status for request in copy.log)
            file_requests = len(copy.file_requests())
            print(f"\n{label}: {status}")
            print(
                f"  requests the copy answered: {len(copy.log)} ({file_requests} for files, "
                f"{len(copy.log) - file_requests} for pages; by status {dict(sorted(statuses.items()))})"
            )
            print(f"  time taken: {seconds:.1f} s")
            print(f"  the run's summary: {out.getvalue().strip().splitlines()[-1]}")
            failures = run.items.filter(outcome="failed")
            for item in failures[:10]:
                print(
                    f"  failed: {item.authority}: {item.listed_as} {item.published_on}: {item.message}"
                )
    linked = Inspection.objects.exclude(ofsted_url="").count()
    print(
        f"\ninspections with Ofsted's file address: {linked} of {Inspection.objects.count()}; "
        f"publications recorded: {Publication.objects.count()} "
        f"({dict(Counter(Publication.objects.values_list('status', flat=True)))})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
