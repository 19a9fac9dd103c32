"""Rows of Ofsted's official statistics tables, kept beside the reports as a second source.

Each :class:`OfficialRecord` is one inspection or visit as one sheet of one release gives
it, with the judgements it lists (:class:`OfficialJudgement`). Where a stored report is of
the same inspection, the report stands and the record is kept beside it; where none is,
the inspection was made from the record (``is_source``) and says so on its page.
"""

from __future__ import annotations

from django.db import models

from authorities.models import Authority
from inspections.models import Inspection
from vocabulary import Area, Framework, Grade, InspectionType


class OfficialRecord(models.Model):
    release = models.CharField(max_length=200, help_text="The release's title, from its Cover")
    release_published_on = models.DateField()
    file_name = models.CharField(max_length=200)
    sheet = models.CharField(max_length=100)
    row = models.PositiveIntegerField(help_text="The spreadsheet's row number, from 1")
    event = models.CharField(
        max_length=80,
        help_text='What the row says it is, e.g. "ILACS Short Inspection", "First SIF"',
    )
    authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="official_records"
    )
    name_in_table = models.CharField(max_length=150)
    framework = models.CharField(max_length=20, choices=Framework.choices)
    inspection_type = models.CharField(max_length=20, choices=InspectionType.choices, blank=True)
    start_date = models.DateField(null=True, blank=True, help_text="Inspection or visit date")
    published_on = models.DateField(null=True, blank=True)
    theme = models.CharField("visit theme", max_length=200, blank=True)
    is_standing = models.BooleanField(
        default=False, help_text="From a table of each authority's latest grades as at a date"
    )
    inspection = models.ForeignKey(
        Inspection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="official_records",
    )
    is_source = models.BooleanField(
        default=False, help_text="The inspection was made from this row: no report is read here"
    )

    class Meta:
        ordering = ["release_published_on", "sheet", "row", "event"]
        constraints = [
            models.UniqueConstraint(
                fields=["file_name", "sheet", "row", "event"], name="official_record_unique_row"
            )
        ]

    def __str__(self) -> str:
        return f"{self.authority.name}: {self.event} ({self.provenance})"

    @property
    def provenance(self) -> str:
        """ "Local authority inspection outcomes as at 31 March 2025, sheet In-year_inspections" """
        return f"{self.release}, sheet {self.sheet}"


class OfficialJudgement(models.Model):
    record = models.ForeignKey(OfficialRecord, on_delete=models.CASCADE, related_name="judgements")
    order = models.PositiveIntegerField()
    label = models.CharField(max_length=200, help_text="The column's heading")
    grade_as_printed = models.CharField(max_length=100)
    grade = models.CharField(max_length=30, choices=Grade.choices, blank=True)
    area = models.CharField(max_length=40, choices=Area.choices, default=Area.OTHER)

    class Meta:
        ordering = ["record", "order"]

    def __str__(self) -> str:
        return f"{self.label}: {self.grade_as_printed}"
