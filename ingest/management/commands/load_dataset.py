"""python manage.py load_dataset: load the national dataset into the configured database."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from ingest import dataset
from ingest.load import Status
from ingest.statistics import analyse_tables
from inspections import freshness
from inspections.models import Inspection, Judgement, Recommendation
from official.models import OfficialJudgement, OfficialRecord

if TYPE_CHECKING:
    from official.dataset import OfficialLoad


class Command(BaseCommand):
    help = (
        "Load the national dataset (dataset/ in the repository) into the database, all or "
        "nothing: every record is checked first, and any problem (each named by file, line "
        "and field) refuses the whole load, exit status 1. Idempotent: inspections already "
        "loaded are unchanged, ones read by another parser version are replaced keeping "
        "every manual correction; ones read by a newer version of the same parser are left "
        "as they are unless --allow-older."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--input", type=Path, default=dataset.DATASET_DIR, help="folder to read from"
        )
        parser.add_argument(
            "--allow-older",
            action="store_true",
            help="replace inspections read by a newer version of the same parser too",
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            records = dataset.read(options["input"])
            # The reports and Ofsted's tables in one transaction: all or nothing, and the
            # data version bumped once, when it commits.
            with transaction.atomic(), freshness.batch():
                summary = dataset.load_records(records, allow_older=options["allow_older"])
                seconds = time.perf_counter() - started
                official = self._load_official(options["input"] / "official")
        except dataset.DatasetError as error:
            raise CommandError(str(error)) from error
        if (
            summary.counts[Status.CREATED]
            or summary.counts[Status.REPLACED]
            or official.summary.wrote
        ):
            # After the commit, every table the load wrote: the planner otherwise believes
            # them nearly empty until autovacuum runs (see ingest.statistics).
            analyse_tables(Inspection, Judgement, Recommendation, OfficialRecord, OfficialJudgement)
        for left in summary.left:
            self.stdout.write(f"left: {left}")
        for note in summary.notes:
            self.stdout.write(f"unchanged: {note}")
        for conflict in summary.conflicts:
            self.stdout.write(f"conflict: {conflict}")
        counts = ", ".join(
            f"{summary.counts[status]} {status}"
            for status in (Status.CREATED, Status.REPLACED, Status.UNCHANGED, dataset.LEFT)
        )
        self.stdout.write(
            f"national dataset: {len(records)} inspections: {counts} in {seconds:.1f} s"
        )
        counts = ", ".join(f"{n} {what}" for what, n in sorted(official.summary.counts.items()))
        self.stdout.write(
            f"official statistics: {official.files} releases: {counts or 'none'} "
            f"in {official.seconds:.1f} s"
        )

    def _load_official(self, folder: Path) -> OfficialLoad:
        """Ofsted's official statistics (dataset/official/), after the reports they join."""
        from official.dataset import load_official
        from official.tables import TableError

        try:
            return load_official(folder)
        except TableError as error:
            raise CommandError(f"{error} (nothing was loaded)") from error
        except DatabaseError as error:
            raise CommandError(
                f"Ofsted's tables could not be stored, so nothing was loaded: {error}"
            ) from error
