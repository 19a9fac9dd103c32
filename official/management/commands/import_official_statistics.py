"""python manage.py import_official_statistics FILE.ods: a release of Ofsted's official
statistics on local authority children's services inspections, as a second source."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from official.dataset import OFFICIAL_DIR, rows_file, write_rows
from official.store import resolve, store
from official.tables import TableError, read_release


class Command(BaseCommand):
    help = (
        "Import Ofsted's official statistics spreadsheets (.ods or .xlsx): each inspection or "
        "visit they list is kept beside the stored report of it, or, where none is stored, "
        "becomes an inspection of its own marked as from the table. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--write-dataset",
            action="store_true",
            help=f"also write the rows read into {OFFICIAL_DIR} (the shipped dataset)",
        )

    def handle(self, *args, **options):
        failed = False
        for path in options["files"]:
            try:
                result = read_release(path)
                resolve(result.rows)
                summary = store(result.rows)
            except TableError as error:
                self.stderr.write(f"failed: {error}")
                failed = True
                continue
            counts = ", ".join(f"{count} {what}" for what, count in sorted(summary.counts.items()))
            self.stdout.write(
                f"{path.name}: {result.release.title} (published "
                f"{result.release.published_on:%-d %B %Y}): {counts}"
            )
            for what, count in sorted(result.skipped.items()):
                self.stdout.write(f"  left out: {count} {what}")
            for line in summary.unmatched:
                self.stdout.write(f"  unmatched: {line}")
            if options["write_dataset"]:
                target = rows_file(path)
                size = write_rows(result.rows, target)
                self.stdout.write(f"  wrote {target} ({size:,} bytes)")
        if failed:
            sys.exit(1)
        if not options["files"]:
            raise CommandError("name at least one spreadsheet")
