"""python manage.py load_dataset: load the national dataset into the configured database."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest import dataset
from ingest.load import Status


class Command(BaseCommand):
    help = (
        "Load the national dataset (dataset/ in the repository) into the database. "
        "Idempotent: inspections already loaded are unchanged, ones read by an older parser "
        "are replaced keeping every manual correction. Exits 1 if any inspection failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--input", type=Path, default=dataset.DATASET_DIR, help="folder to read from"
        )

    def handle(self, *args, **options):
        try:
            records = dataset.read(options["input"])
        except dataset.DatasetError as error:
            raise CommandError(str(error)) from error
        summary = dataset.load_records(records)
        for failure in summary.failures:
            self.stderr.write(f"failed: {failure}")
        for conflict in summary.conflicts:
            self.stdout.write(f"conflict: {conflict}")
        counts = ", ".join(
            f"{summary.counts[status]} {status}"
            for status in (Status.CREATED, Status.REPLACED, Status.UNCHANGED, Status.FAILED)
        )
        self.stdout.write(
            f"national dataset: {len(records)} inspections: {counts} in {summary.seconds:.1f} s"
        )
        if summary.failures:
            sys.exit(1)
        self._load_official(options["input"] / "official")

    def _load_official(self, folder: Path):
        """Ofsted's official statistics (dataset/official/), after the reports they join."""
        from official.dataset import load_official
        from official.tables import TableError

        try:
            loaded = load_official(folder)
        except TableError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{n} {what}" for what, n in sorted(loaded.summary.counts.items()))
        self.stdout.write(
            f"official statistics: {loaded.files} releases: {counts or 'none'} "
            f"in {loaded.seconds:.1f} s"
        )
