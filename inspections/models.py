from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone

import vocabulary as grades
from authorities.models import Authority
from vocabulary import (
    Area,
    Framework,
    Grade,
    InspectionType,
    PublishedSource,
    RecommendationKind,
    Theme,
    Timescale,
    themes,
)

# The only addresses a page may link to: a javascript: or data: address in a stored field
# would run in the reader's browser.
WEB_SCHEMES = ("http", "https")


def web_address(value: str) -> str:
    """``value`` if it is an http(s) address with a host, else "" (never a link)."""
    parts = urlsplit(value.strip()) if value else None
    if parts is None or parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return ""
    return value.strip()


class InspectionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Inspection(models.Model):
    """One inspection of one authority, read from one report file."""

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="inspections")
    framework = models.CharField(max_length=20, choices=Framework.choices)
    inspection_type = models.CharField(
        max_length=20, choices=InspectionType.choices, default=InspectionType.FULL
    )
    title = models.CharField(max_length=300, help_text="As printed on the report")
    start_date = models.DateField(help_text="First day of the inspection (APA: the letter's date)")
    end_date = models.DateField(help_text="Last day of the inspection (APA: the letter's date)")
    published_on = models.DateField(null=True, blank=True)
    published_on_source = models.CharField(
        "publication date from",
        max_length=20,
        choices=PublishedSource.choices,
        blank=True,
        help_text="Printed in the report, or (ILACS reports print none) Ofsted's listing",
    )
    lead_inspector = models.CharField(max_length=120, blank=True)
    focus = models.TextField(
        blank=True, help_text="What a visit looked at, as its letter prints it (focused visits)"
    )

    # Empty for inspections loaded from the national dataset: the page links to ofsted_url.
    source_file = models.FileField(upload_to="reports/%Y/", max_length=255, blank=True)
    source_filename = models.CharField(max_length=255, help_text="The file's name when ingested")
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    ofsted_url = models.URLField(
        "Ofsted's address for the report",
        max_length=300,
        blank=True,
        validators=[URLValidator(schemes=list(WEB_SCHEMES))],
    )
    parser_version = models.CharField(max_length=40)
    parse_warnings = models.JSONField(default=list, blank=True)

    is_published = models.BooleanField(
        default=True, help_text="Drafts are hidden from public pages and CSV exports"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InspectionQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "framework", "start_date", "end_date"],
                name="unique_inspection_per_authority_framework_dates",
            ),
            models.CheckConstraint(
                condition=models.Q(start_date__lte=models.F("end_date")),
                name="inspection_starts_before_it_ends",
            ),
        ]
        indexes = [
            models.Index(fields=["start_date"], name="inspection_start_idx"),
            models.Index(fields=["framework", "start_date"], name="inspection_framework_idx"),
        ]
        # Checked by the admin: uploading writes new data, publishing makes it public.
        permissions = [
            ("upload_report", "Can upload and re-parse inspection reports"),
            ("publish_inspection", "Can publish and unpublish inspections"),
        ]

    def __str__(self) -> str:
        return f"{self.authority.name} {self.start_date.year} {self.framework_display}"

    def get_absolute_url(self) -> str:
        """The stable public address: authority, start date and framework, no database id.

        Built by ``queries.inspection_path()``, which lists use too (no reverse() per row).
        """
        from .queries.common import inspection_path

        return inspection_path(self.authority.slug, self.start_date, self.framework)

    @property
    def ofsted_link(self) -> str:
        """Ofsted's address, where it is one a page may link to (checked again on output:
        loaders that write without validating the model must not make a link of it)."""
        return web_address(self.ofsted_url)

    @property
    def framework_display(self) -> str:
        """Short name: "SIF re-inspection", "ILACS short", "APA"."""
        return grades.display_name(self.framework, self.inspection_type)

    @property
    def is_from_official_statistics(self) -> bool:
        """Known only from a row of Ofsted's official statistics: no report is read here
        (its OfficialRecord, in the ``official`` app, says which release and sheet)."""
        return self.parser_version == grades.FROM_OFFICIAL_STATISTICS

    @property
    def is_graded(self) -> bool:
        """False for a visit (a focused visit letter), which reports findings, not grades."""
        return grades.is_graded(self.framework)

    @property
    def scale(self) -> grades.Scale | None:
        """How its report prints grades; None for an ungraded kind (a focused visit)."""
        return grades.kind(self.framework).scale


def validate_themes(value: str) -> None:
    """Each part of a national framework value is a theme the vocabulary knows."""
    wrong = themes.invalid_themes(value)
    if wrong:
        raise ValidationError(
            f"Not a national framework theme: {', '.join(wrong)}. Use "
            f"{', '.join(Theme.values)}, several separated by '{themes.SEPARATOR}'."
        )


class EditTracking(models.Model):
    """Rows an admin corrected by hand survive re-parsing; these fields say who and when.

    ``parsed_key`` is the row's identity as the parser read it (see
    :func:`ingest.corrections.row_keys`). It never changes when the row is edited, so a re-parse
    recognises a relabelled row as the same row instead of adding the parsed one again.
    Rows added by hand have none.
    """

    parsed_key = models.CharField(max_length=40, blank=True, editable=False)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_edited(self) -> bool:
        return self.edited_at is not None


class Judgement(EditTracking):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    section = models.CharField(max_length=200, help_text="As printed, e.g. Safeguarding services")
    label = models.CharField(max_length=400, help_text="As printed")
    grade_as_printed = models.CharField(max_length=200, blank=True)
    grade = models.CharField(
        "comparable grade",
        max_length=30,
        choices=Grade.choices,
        blank=True,
        help_text="Empty when the printed grade could not be read (flagged for review)",
    )
    area = models.CharField(max_length=40, choices=Area.choices, default=Area.OTHER)
    order = models.PositiveIntegerField(default=0, help_text="Position in the report")
    page = models.PositiveIntegerField(null=True, blank=True)
    source_text = models.TextField(blank=True, help_text="Where in the report it was read")

    class Meta:
        ordering = ["inspection", "order", "id"]
        indexes = [
            models.Index(fields=["area", "grade"], name="judgement_area_grade_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.grade_as_printed or '(no grade)'}"

    @property
    def grade_rank(self) -> int | None:
        return grades.grade_rank(self.grade)

    @property
    def is_flagged(self) -> bool:
        """A grade that could not be read: shown for review, never guessed."""
        return not self.grade

    @property
    def printed_grade_description(self) -> str:
        return grades.describe_printed_grade(self.inspection.framework, self.grade_as_printed)


class SearchDocumentField(SearchVectorField):
    """A tsvector column that a PostgreSQL trigger fills (migration 0013); the app only
    ever inserts NULL into it.

    Django inserts many rows on PostgreSQL as one array a column (UNNEST: a placeholder a
    column rather than one a value) only when it knows every column's type by its internal
    name, and SearchVectorField's is not one of them: the recommendations' bulk inserts fell
    back to a VALUES list, 0.55 s of the load's CPU for the national dataset's 5,853 rows
    against 0.15 s. To the insert it is a text column (an array of NULLs cast to tsvector[]);
    the column's type is still tsvector (``db_type``) and its lookups SearchVectorField's.
    """

    def get_internal_type(self) -> str:
        return "TextField"

    def deconstruct(self):
        # To migrations it is migration 0013's SearchVectorField: nothing in the schema changes.
        name, _, args, kwargs = super().deconstruct()
        return name, "django.contrib.postgres.search.SearchVectorField", args, kwargs


class Recommendation(EditTracking):
    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="recommendations"
    )
    section = models.CharField(max_length=200)
    timescale = models.CharField(
        max_length=30, choices=Timescale.choices, default=Timescale.NONE_STATED
    )
    kind = models.CharField(
        max_length=30, choices=RecommendationKind.choices, default=RecommendationKind.RECOMMENDATION
    )
    text = models.TextField()
    order = models.PositiveIntegerField(default=0, help_text="Position in the report")
    page = models.PositiveIntegerField(null=True, blank=True)
    national_framework = models.CharField(
        "national framework theme",
        max_length=100,
        blank=True,
        validators=[validate_themes],
        help_text='As printed with it, e.g. "outcome 4" or "enabler 2"; several are '
        'separated by "; " ("outcome 3; enabler 2"). Blank where none is printed.',
    )
    # The text's search document, kept by a PostgreSQL trigger on every write (migration
    # 0013) and ranked from without tokenising the text again; empty on SQLite.
    search_document = SearchDocumentField(null=True, editable=False)

    class Meta:
        ordering = ["inspection", "order", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def themes(self) -> list[Theme]:
        """Its national framework themes, in the order printed."""
        return [Theme(value) for value in themes.split(self.national_framework)]


class DeletedRow(models.Model):
    """A parsed judgement or recommendation an admin deleted as wrong.

    Kept so that re-parsing the report (in admin, or ``ingest --replace``) does not quietly
    bring the row back: the loader skips it and says so, unless asked to restore it.
    """

    class Kind(models.TextChoices):
        JUDGEMENT = "judgement", "judgement"
        RECOMMENDATION = "recommendation", "recommendation"

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="deleted_rows"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    parsed_key = models.CharField(max_length=40)
    description = models.CharField(max_length=300, help_text="What the row said when deleted")
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deleted_at = models.DateTimeField()

    class Meta:
        ordering = ["inspection", "deleted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "kind", "parsed_key"], name="deleted_row_unique_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.description}"


class DataVersion(models.Model):
    """One row whose number grows whenever anything a public page shows changes.

    Public pages are cached under it (:mod:`inspections.freshness`): an ingest, a
    correction, a publish or a dataset load bumps it when its transaction commits, so no
    page is served stale, and every web process sees the change at its next request.
    """

    version = models.BigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="data_version_single_row")
        ]

    def __str__(self) -> str:
        return f"data version {self.version}"
