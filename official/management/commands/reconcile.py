"""python manage.py reconcile: every disagreement between stored reports and Ofsted's tables."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from official.reconcile import reconcile


class Command(BaseCommand):
    help = (
        "List every disagreement between a stored report's reading and Ofsted's official "
        "statistics (kind, inspection date, publication date, grade), each with its "
        "explanation, then a summary."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--summary", action="store_true", help="print the summary only, not each line"
        )

    def handle(self, *args, **options):
        result = reconcile()
        if not options["summary"]:
            for disagreement in result.disagreements:
                self.stdout.write(disagreement.line())
        self.stdout.write(result.summary())
