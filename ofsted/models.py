"""What the sync keeps: each run, what each run did, and each publication Ofsted lists."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from authorities.models import Authority
from inspections.models import Inspection


class SyncRun(models.Model):
    """One run of ``manage.py sync_ofsted``: shown in the admin, failures included."""

    class Status(models.TextChoices):
        RUNNING = "running", "running"
        SUCCEEDED = "succeeded", "succeeded"
        FAILED = "failed", "finished with failures"
        STOPPED = "stopped", "stopped: the site's pages have changed"
        INTERRUPTED = "interrupted", "interrupted"

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    site = models.CharField(max_length=300, help_text="OFSTED_REPORTS_URL for this run")
    pages_read = models.PositiveIntegerField(default=0)
    pages_not_modified = models.PositiveIntegerField(
        default=0, help_text="Pages the site said were unchanged since the last run (HTTP 304)"
    )
    requests_made = models.PositiveIntegerField(default=0)
    downloads = models.PositiveIntegerField(default=0)
    reports_new = models.PositiveIntegerField(default=0)
    reports_changed = models.PositiveIntegerField(default=0)
    reports_linked = models.PositiveIntegerField(
        default=0, help_text="Already stored (by SHA-256): Ofsted's address filled in"
    )
    reports_failed = models.PositiveIntegerField(default=0)
    events_new = models.PositiveIntegerField(
        default=0, help_text="Publications of kinds the app does not read, newly listed"
    )
    message = models.TextField(blank=True, help_text="Why the run stopped or failed")

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = "sync run"

    def __str__(self) -> str:
        return f"Sync of {self.started_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"


class SyncItem(models.Model):
    """One thing a run did or could not do: a report stored or replaced, a failure and why."""

    class Outcome(models.TextChoices):
        NEW = "new", "new report"
        CHANGED = "changed", "replaced file re-read"
        LINKED = "linked", "already stored: Ofsted's address filled in"
        FAILED = "failed", "failed"
        LISTED = "listed", "listed event (a kind the app does not read)"

    run = models.ForeignKey(SyncRun, on_delete=models.CASCADE, related_name="items")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    authority = models.ForeignKey(
        Authority, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    url = models.CharField(max_length=500, blank=True)
    listed_as = models.CharField(max_length=300, blank=True)
    published_on = models.DateField(null=True, blank=True)
    inspection = models.ForeignKey(
        Inspection, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(blank=True)

    class Meta:
        ordering = ["run", "id"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.url}"


class Publication(models.Model):
    """A file an authority's page on Ofsted's site lists, as last seen.

    Files of kinds the app reads link to the inspection read from them. The others
    (monitoring visits, JTAI letters) and files the pipeline refused are *listed events* on
    the authority's timeline: a date, a kind and Ofsted's link, never dropped.
    """

    class Status(models.TextChoices):
        STORED = "stored", "read and stored"
        LISTED = "listed", "listed: a kind the app does not read"
        REFUSED = "refused", "downloaded, not read"
        FAILED = "failed", "download failed: tried again next run"

    url = models.CharField("Ofsted's address", max_length=500, unique=True)
    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="publications")
    listed_as = models.CharField(max_length=300, help_text="The kind, as Ofsted lists it")
    published_on = models.DateField(help_text="Ofsted's publication date")
    is_read_kind = models.BooleanField(help_text="A kind the app reads (a report or a visit)")
    status = models.CharField(max_length=20, choices=Status.choices)
    reason = models.TextField(blank=True, help_text="Why it was not read or not downloaded")
    inspection = models.ForeignKey(
        Inspection,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
    )
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    etag = models.CharField(max_length=200, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-published_on", "id"]
        indexes = [models.Index(fields=["authority", "published_on"], name="publication_idx")]

    def __str__(self) -> str:
        return f"{self.authority.name}: {self.listed_as} - {self.published_on:%d %B %Y}"

    @property
    def is_listed_event(self) -> bool:
        return self.inspection_id is None and self.status in (
            self.Status.LISTED,
            self.Status.REFUSED,
        )


class FetchedPage(models.Model):
    """A page of the finder as last read, for conditional requests: on a 304 its body is
    read again from here."""

    url = models.CharField(max_length=500, unique=True)
    etag = models.CharField(max_length=200, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    body = models.TextField()
    fetched_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.url


class FetchedDraft(Inspection):
    """The review queue: inspections the sync fetched that wait, as drafts, for review."""

    class Meta:
        proxy = True
        verbose_name = "fetched draft"
        verbose_name_plural = "review queue: fetched drafts"
