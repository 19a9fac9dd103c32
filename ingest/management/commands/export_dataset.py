"""python manage.py export_dataset: write the national dataset from the database."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from ingest import dataset


class Command(BaseCommand):
    help = (
        "Write every published inspection, its judgements and recommendations to the "
        "national dataset (JSON Lines, sorted, one record a line), by default in dataset/."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, default=dataset.DATASET_DIR, help="folder to write to"
        )

    def handle(self, *args, **options):
        summary = dataset.export(options["output"])
        self.stdout.write(
            f"{options['output']}: {summary.inspections} inspections, "
            f"{summary.judgements} judgements, {summary.recommendations} recommendations "
            f"({summary.bytes / 1024**2:.1f} MB)"
        )
