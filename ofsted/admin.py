"""The sync in the admin: its runs (failures first to the eye), the publications Ofsted
lists, and the review queue of fetched drafts with their warnings."""

from __future__ import annotations

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from inspections.read_only_admin import ReadOnlyAdmin, ReadOnlyInline

from .models import FetchedDraft, Publication, SyncItem, SyncRun


def _inspection_link(inspection) -> str:
    """The inspection's admin page, for a run's item or a publication ("" for none)."""
    if not inspection:
        return ""
    url = reverse("admin:inspections_inspection_change", args=[inspection.pk])
    return format_html('<a href="{}">{}</a>', url, inspection)


class SyncItemInline(ReadOnlyInline):
    model = SyncItem
    fields = ["outcome", "authority", "listed_as", "published_on", "file", "report", "message"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("authority", "inspection__authority")

    @admin.display(description="Ofsted's address")
    def file(self, item: SyncItem) -> str:
        return (
            format_html('<a href="{}" rel="external">{}</a>', item.url, item.url)
            if item.url
            else ""
        )

    @admin.display(description="inspection")
    def report(self, item: SyncItem) -> str:
        return _inspection_link(item.inspection)


# What a run brought: in the list of runs and on each run's page.
_RUN_OUTCOMES = [
    "downloads",
    "reports_new",
    "reports_changed",
    "reports_linked",
    "reports_failed",
    "events_new",
]


@admin.register(SyncRun)
class SyncRunAdmin(ReadOnlyAdmin):
    list_display = [
        "started_at",
        "finished_at",
        "status_shown",
        "pages_read",
        "requests_made",
        *_RUN_OUTCOMES,
    ]
    list_filter = ["status"]
    fields = [
        "started_at",
        "finished_at",
        "status",
        "message",
        "site",
        "pages_read",
        "pages_not_modified",
        "requests_made",
        *_RUN_OUTCOMES,
    ]
    readonly_fields = fields
    inlines = [SyncItemInline]

    @admin.display(description="status", ordering="status")
    def status_shown(self, run: SyncRun) -> str:
        if run.status in (SyncRun.Status.SUCCEEDED, SyncRun.Status.RUNNING):
            return run.get_status_display()
        return format_html(
            '<strong class="errornote">{}</strong><br>{}', run.get_status_display(), run.message
        )

    def changelist_view(self, request, extra_context=None):
        latest = SyncRun.objects.exclude(status=SyncRun.Status.RUNNING).first()
        if latest is not None and latest.status != SyncRun.Status.SUCCEEDED:
            self.message_user(
                request,
                f"The latest sync ({latest.started_at:%d %B %Y %H:%M}) "
                f"{latest.get_status_display()}: {latest.message}",
                messages.ERROR,
            )
        return super().changelist_view(request, extra_context)


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ["authority", "listed_as", "published_on", "status", "link", "report", "reason"]
    list_filter = ["status", "is_read_kind", "authority__region"]
    search_fields = ["authority__name", "listed_as", "url"]
    list_select_related = ["authority", "inspection__authority"]
    date_hierarchy = "published_on"

    @admin.display(description="Ofsted's address")
    def link(self, publication: Publication) -> str:
        return format_html('<a href="{}" rel="external">file</a>', publication.url)

    @admin.display(description="inspection")
    def report(self, publication: Publication) -> str:
        return _inspection_link(publication.inspection)


@admin.register(FetchedDraft)
class FetchedDraftAdmin(ReadOnlyAdmin):
    """Reports the sync fetched and holds as drafts: review each (its page in Inspections),
    then publish."""

    list_display = ["inspection", "framework", "published_on", "warnings", "ofsted"]
    list_filter = ["framework", "authority__region"]
    search_fields = ["authority__name"]
    ordering = ["-published_on", "authority__name"]
    actions = ["publish_selected"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(is_published=False, publications__isnull=False)
            .distinct()
            .select_related("authority")
        )

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("inspections.view_inspection")

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm("inspections.publish_inspection")

    @admin.display(description="inspection", ordering="authority__name")
    def inspection(self, draft: FetchedDraft) -> str:
        url = reverse("admin:inspections_inspection_change", args=[draft.pk])
        return format_html('<a href="{}">{}</a>', url, draft)

    @admin.display(description="warnings")
    def warnings(self, draft: FetchedDraft) -> str:
        if not draft.parse_warnings:
            return "none"
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((w,) for w in draft.parse_warnings))
        )

    @admin.display(description="Ofsted")
    def ofsted(self, draft: FetchedDraft) -> str:
        if not draft.ofsted_url:
            return ""
        return format_html('<a href="{}" rel="external">Ofsted\'s copy</a>', draft.ofsted_url)

    @admin.action(description="Publish selected inspections", permissions=["publish"])
    def publish_selected(self, request, queryset):
        published = 0
        for draft in queryset:
            draft.is_published = True
            draft.save(update_fields=["is_published", "updated_at"])
            self.log_change(request, draft, [{"changed": {"fields": ["is_published"]}}])
            published += 1
        self.message_user(request, f"Published {published} inspection(s).", messages.SUCCESS)
