"""``manage.py sync_ofsted``: fetch what Ofsted has published since the last run."""

from __future__ import annotations

import fcntl
import signal
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ofsted.models import SyncRun
from ofsted.sync import Sync, SyncOptions, client_from_settings, close_abandoned_runs


class Command(BaseCommand):
    help = (
        "Read Ofsted's report finder (OFSTED_REPORTS_URL): store new reports and focused "
        "visit letters as drafts for review, re-read replaced files, record other "
        "publications as listed events. Exit status 1 if anything failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--recheck-files",
            action="store_true",
            help="ask again (conditionally) for every stored file, to catch a file Ofsted "
            "replaced at the same address",
        )
        parser.add_argument(
            "--retry-refused",
            action="store_true",
            help="download and read again files the pipeline refused before",
        )
        parser.add_argument(
            "--interval",
            type=float,
            help="seconds between requests (default OFSTED_REQUEST_INTERVAL_SECONDS, 1)",
        )

    def handle(self, *args, **options):
        if not settings.OFSTED_SYNC_CONTACT:
            raise CommandError(
                "OFSTED_SYNC_CONTACT is not set: give an email address or URL where Ofsted "
                "can reach whoever runs this sync; it is sent in the User-Agent"
            )
        lock_path = Path(settings.OFSTED_SYNC_LOCK)
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        with lock_path.open("w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise CommandError(
                    f"another sync_ofsted is running (it holds {lock_path}); not starting a second"
                ) from None
            close_abandoned_runs()
            # systemd and docker stop a service with SIGTERM: finish the run's record first.
            previous = signal.signal(signal.SIGTERM, _interrupt)
            overrides = {}
            if options["interval"] is not None:
                overrides["interval"] = options["interval"]
            client = client_from_settings(**overrides)
            try:
                run = Sync(
                    client,
                    SyncOptions(
                        recheck_files=options["recheck_files"],
                        retry_refused=options["retry_refused"],
                        publish_without_warnings=settings.OFSTED_PUBLISH_WITHOUT_WARNINGS,
                    ),
                    out=self.stdout.write,
                )()
            finally:
                client.close()
                signal.signal(signal.SIGTERM, previous)
        if run.status != SyncRun.Status.SUCCEEDED:
            raise CommandError(f"sync run #{run.pk} {run.get_status_display()}: {run.message}")


def _interrupt(signum, frame):
    raise KeyboardInterrupt
