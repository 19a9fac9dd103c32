"""The admin workflow for inspections: upload reports, review what was read, correct it, publish it.

- *Upload*: "Upload report" on the inspection list (``upload/``) reads files exactly as
  ``manage.py ingest`` does (:mod:`ingest.upload`); admin uploads are drafts by default.
- *Review*: an inspection's page shows its judgements and recommendations inline, the parse
  warnings, the source file and who uploaded it when.
- *Correct*: rows saved here are marked as edited by whom and when, and parsed rows
  deleted here are recorded (:class:`~inspections.models.DeletedRow`), so re-parsing keeps
  the corrections (:func:`ingest.load.load`). The fields read from the report's front page
  are read-only: a re-parse rewrites them, so a correction there would be lost silently.
- *Publish*: only users with ``inspections.publish_inspection`` may publish or unpublish.
"""

from __future__ import annotations

import mimetypes
import time
from pathlib import Path

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.forms import Textarea, TextInput
from django.http import FileResponse, Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

import vocabulary as grades
from ingest.corrections import mark_edited, record_deleted
from ingest.load import FRONT_PAGE_FIELDS, describe
from ingest.reparse import ReparseResult, reparse, reparse_many
from ingest.upload import Outcome, ingest_uploads, refused_upload
from inspections.models import DeletedRow, EditTracking, Inspection, Judgement, Recommendation
from inspections.read_only_admin import ReadOnlyInline

from .forms import UploadReportsForm

admin.site.site_header = "Inspection Explorer administration"
admin.site.site_title = "Inspection Explorer admin"
admin.site.index_title = "Reports, inspections and authorities"
# The row tables (judgements inline, the inspection list with its filters) need the width.
admin.site.enable_nav_sidebar = False

UPLOAD_PERMISSION = "inspections.upload_report"
PUBLISH_PERMISSION = "inspections.publish_inspection"
# Up to this many re-parsed inspections get a message each; more get one message naming all.
REPARSE_MESSAGES_EACH = 10


# --------------------------------------------------------------------------- list filters


class YearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Inspection.objects.dates("start_date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            return queryset.filter(start_date__year=int(self.value()))
        except ValueError:
            return queryset.none()


class HasWarningsFilter(admin.SimpleListFilter):
    title = "parse warnings"
    parameter_name = "warnings"

    def lookups(self, request, model_admin):
        return [("yes", "Has warnings"), ("no", "No warnings")]

    def queryset(self, request, queryset):
        no_warnings = Q(parse_warnings=[]) | Q(parse_warnings__isnull=True)
        if self.value() == "yes":
            return queryset.exclude(no_warnings)
        if self.value() == "no":
            return queryset.filter(no_warnings)
        return queryset


class UnreadGradesFilter(admin.SimpleListFilter):
    title = "unread grades"
    parameter_name = "unread"

    def lookups(self, request, model_admin):
        return [("yes", "Has a grade not read"), ("no", "Every grade read")]

    def queryset(self, request, queryset):
        unread = Exists(Judgement.objects.filter(inspection=OuterRef("pk"), grade=""))
        if self.value() == "yes":
            return queryset.filter(unread)
        if self.value() == "no":
            return queryset.exclude(unread)
        return queryset


class PublishedFilter(admin.SimpleListFilter):
    title = "publication"
    parameter_name = "published"

    def lookups(self, request, model_admin):
        return [("yes", "Published"), ("no", "Draft")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(is_published=self.value() == "yes")
        return queryset


class EditedFilter(admin.SimpleListFilter):
    title = "corrected by hand"
    parameter_name = "edited"

    def lookups(self, request, model_admin):
        return [("yes", "Corrected by hand"), ("no", "As parsed")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(edited_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(edited_at__isnull=True)
        return queryset


# --------------------------------------------------------------------------- edit tracking


def edited_note(row: EditTracking) -> str:
    """ "alice, 23 Nov 2026 12:40", or "" for a row as parsed."""
    if not row or not row.is_edited:
        return ""
    who = row.edited_by.get_username() if row.edited_by else "a deleted user"
    when = timezone.localtime(row.edited_at).strftime("%-d %b %Y %H:%M")
    return f"{who}, {when}"


def grade_check_messages(judgements: list[Judgement], framework: str) -> list[str]:
    """Rows whose comparable grade differs from what the printed grade reads as.

    The admin's choice is kept (nothing is recomputed behind their back); this only points
    out a likely slip.
    """
    notes = []
    for judgement in judgements:
        read = grades.read_grade(framework, judgement.grade_as_printed)
        if read is not None and read != (judgement.grade or None):
            chosen = judgement.get_grade_display() if judgement.grade else "no grade"
            notes.append(
                f"'{judgement.label}': the printed grade '{judgement.grade_as_printed}' reads as "
                f"{grades.Grade(read).label}, but the comparable grade is set to {chosen}. "
                "Kept as you set it; check it is what you meant."
            )
    return notes


class EditTrackingInline(admin.TabularInline):
    extra = 0
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("edited_by")

    @admin.display(description="corrected by")
    def edited(self, obj):
        return edited_note(obj) or "—"


class JudgementInline(EditTrackingInline):
    model = Judgement
    fields = ["section", "label", "grade_as_printed", "grade", "area", "order", "edited"]
    readonly_fields = ["edited"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        sizes = {"section": 10, "label": 26, "grade_as_printed": 10}
        if db_field.name in sizes:
            kwargs["widget"] = TextInput(attrs={"size": sizes[db_field.name]})
        if db_field.name == "order":
            kwargs["widget"] = TextInput(attrs={"size": 3})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class RecommendationInline(EditTrackingInline):
    model = Recommendation
    fields = ["section", "timescale", "kind", "text", "national_framework", "order", "edited"]
    readonly_fields = ["edited"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["widget"] = Textarea(attrs={"rows": 2, "cols": 44})
        elif db_field.name in ("section", "national_framework"):
            kwargs["widget"] = TextInput(attrs={"size": 10})
        elif db_field.name == "order":
            kwargs["widget"] = TextInput(attrs={"size": 3})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


# --------------------------------------------------------------------------- inspections


class DeletedRowInline(ReadOnlyInline):
    """Parsed rows deleted by hand: re-parsing leaves them out unless asked to restore them."""

    model = DeletedRow
    verbose_name = "row deleted by hand"
    verbose_name_plural = "rows deleted by hand (re-parsing leaves them out)"
    fields = ["kind", "description", "deleted_by", "deleted_at"]

    def has_view_permission(self, request, obj=None):
        # Part of reviewing the inspection: whoever may see it sees what was deleted from it.
        opts = Inspection._meta
        return request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or (
            request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("deleted_by")


# Read from the report: shown, never edited here (a re-parse would overwrite them).
PARSED_FIELDS = [
    "authority_link",
    *FRONT_PAGE_FIELDS,
    "lead_inspector",
    "grade_scale",
]


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):
    list_display = [
        "authority_name",
        "year",
        "framework_label",
        "row_counts",
        "warning_count",
        "is_published",
        "uploaded",
    ]
    list_display_links = ["authority_name", "year"]
    list_filter = [
        "framework",
        "authority__region",
        YearFilter,
        HasWarningsFilter,
        UnreadGradesFilter,
        PublishedFilter,
    ]
    search_fields = [
        "authority__name",
        "authority__official_name",
        "authority__names__name",
        "lead_inspector",
    ]
    search_help_text = "Authority name (any spelling) or lead inspector"
    list_select_related = ["authority", "uploaded_by"]
    ordering = ["-start_date", "authority__name"]
    list_per_page = 50
    inlines = [JudgementInline, RecommendationInline, DeletedRowInline]
    actions = [
        "publish_selected",
        "unpublish_selected",
        "reparse_selected",
        "reparse_restoring_deleted",
    ]
    fieldsets = [
        (
            "Read from the report",
            {
                "fields": PARSED_FIELDS,
                "description": "These come from the report itself and are read again on "
                "every re-parse. Correct the judgements and recommendations below; to "
                "change these, fix what the parser reads (for example add the authority's "
                "spelling under Authorities) and re-parse.",
            },
        ),
        ("Review", {"fields": ["parse_warnings_list", "unread_grades"]}),
        ("Source", {"fields": ["source_file_link", "sha256", "parser_version"]}),
        ("Publishing", {"fields": ["is_published", "uploaded_by", "created_at", "updated_at"]}),
    ]
    readonly_fields = [
        *PARSED_FIELDS,
        "parse_warnings_list",
        "unread_grades",
        "source_file_link",
        "sha256",
        "parser_version",
        "uploaded_by",
        "created_at",
        "updated_at",
    ]

    # ---- permissions

    def has_add_permission(self, request, obj=None):
        return False  # inspections come from report files: see "Upload report"

    def get_inlines(self, request, obj):
        # An ungraded kind (a focused visit) has no judgements to correct, and none may be
        # added: no grade scale could read them.
        if obj is not None and not obj.is_graded:
            return [inline for inline in self.inlines if inline is not JudgementInline]
        return self.inlines

    def has_upload_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(UPLOAD_PERMISSION)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_reparse_permission(self, request: HttpRequest) -> bool:
        return self.has_upload_permission(request) and self.has_change_permission(request)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields.append("is_published")
        return fields

    # ---- list

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                judgement_total=Count("judgements", distinct=True),
                recommendation_total=Count("recommendations", distinct=True),
            )
        )

    @admin.display(description="authority", ordering="authority__name")
    def authority_name(self, obj: Inspection) -> str:
        return obj.authority.name

    @admin.display(description="year", ordering="start_date")
    def year(self, obj: Inspection) -> int:
        return obj.start_date.year

    @admin.display(description="framework", ordering="framework")
    def framework_label(self, obj: Inspection) -> str:
        return obj.framework_display

    @admin.display(description="judgements / recs", ordering="judgement_total")
    def row_counts(self, obj: Inspection) -> str:
        return f"{obj.judgement_total} / {obj.recommendation_total}"

    @admin.display(description="uploaded", ordering="created_at")
    def uploaded(self, obj: Inspection) -> str:
        when = timezone.localtime(obj.created_at).strftime("%-d %b %Y")
        return f"{obj.uploaded_by.get_username()}, {when}" if obj.uploaded_by else when

    @admin.display(description="warnings")
    def warning_count(self, obj: Inspection) -> int:
        return len(obj.parse_warnings or [])

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_upload": self.has_upload_permission(request),
        }
        return super().changelist_view(request, extra_context)

    # ---- change form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_reparse": self.has_reparse_permission(request),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description="authority")
    def authority_link(self, obj: Inspection):
        url = reverse("admin:authorities_authority_change", args=[obj.authority_id])
        return format_html('<a href="{}">{}</a>', url, obj.authority)

    @admin.display(description="grade scale")
    def grade_scale(self, obj: Inspection) -> str:
        return obj.scale.description if obj.scale else "Not graded"

    @admin.display(description="parse warnings")
    def parse_warnings_list(self, obj: Inspection):
        if not obj.parse_warnings:
            return "None"
        return format_html(
            '<ul class="parse-warnings">{}</ul>',
            format_html_join("", "<li>{}</li>", ((warning,) for warning in obj.parse_warnings)),
        )

    @admin.display(description="grades not read")
    def unread_grades(self, obj: Inspection):
        unread = [j for j in obj.judgements.all() if j.is_flagged]
        if not unread:
            return "None: every grade was read"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{} ({})</li>",
                ((j.label, j.grade_as_printed or "nothing printed") for j in unread),
            ),
        )

    @admin.display(description="source file")
    def source_file_link(self, obj: Inspection):
        if not obj.source_file:
            return "—"
        url = reverse("admin:inspections_inspection_source", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.source_filename)

    def save_formset(self, request, form, formset, change):
        if not issubclass(formset.model, EditTracking):
            return super().save_formset(request, form, formset, change)
        rows = formset.save(commit=False)
        for row in formset.deleted_objects:
            record_deleted(row, request.user)
            row.delete()
        next_order = _next_order(form.instance, formset.model)
        for row in rows:
            if row.pk is None and not row.order:
                row.order = next_order
                next_order += 1
            mark_edited(row, request.user)
            row.save()
        formset.save_m2m()
        if formset.model is Judgement:
            for note in grade_check_messages(rows, form.instance.framework):
                self.message_user(request, note, messages.WARNING)

    def delete_model(self, request, obj):
        _delete_file_on_commit(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for inspection in queryset:
            _delete_file_on_commit(inspection)
        super().delete_queryset(request, queryset)

    # ---- actions

    @admin.action(description="Publish selected inspections", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(
        description="Unpublish selected inspections (back to draft)", permissions=["publish"]
    )
    def unpublish_selected(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, published: bool) -> None:
        changed = list(queryset.filter(is_published=not published).select_related("authority"))
        for inspection in changed:
            inspection.is_published = published
            inspection.save(update_fields=["is_published", "updated_at"])
            self.log_change(request, inspection, [{"changed": {"fields": ["is_published"]}}])
        verb = "Published" if published else "Unpublished"
        if changed:
            self.message_user(
                request,
                f"{verb} {len(changed)} inspection{'s' if len(changed) != 1 else ''}: "
                + ", ".join(str(i) for i in changed),
                messages.SUCCESS,
            )
        else:
            state = "published" if published else "drafts"
            self.message_user(
                request, f"Nothing to do: the selected inspections are already {state}."
            )

    @admin.action(description="Re-parse selected from their stored files", permissions=["reparse"])
    def reparse_selected(self, request, queryset):
        self._reparse_batch(request, queryset, restore_deleted=False)

    @admin.action(
        description="Re-parse selected, restoring rows deleted by hand", permissions=["reparse"]
    )
    def reparse_restoring_deleted(self, request, queryset):
        self._reparse_batch(request, queryset, restore_deleted=True)

    def _reparse_batch(self, request, queryset, *, restore_deleted: bool) -> None:
        """Re-parse what fits in one request's time (the web server stops a longer one
        half-way, saying nothing of what was done); say which were left and how to go on."""
        seconds = settings.INGEST_UPLOAD_DEADLINE_SECONDS
        batch = reparse_many(
            list(queryset.select_related("authority").order_by("pk")),
            restore_deleted=restore_deleted,
            deadline=time.monotonic() + seconds,
        )
        done = [result for result in batch.results if result.ok]
        if len(done) > REPARSE_MESSAGES_EACH:
            # One line for many, so that the page stays readable; every one is named.
            self.message_user(
                request,
                f"Re-parsed {len(done)} inspections: "
                + ", ".join(describe(result.inspection) for result in done),
                messages.SUCCESS,
            )
        for result in batch.results:
            self._report_reparse(request, result, announce=len(done) <= REPARSE_MESSAGES_EACH)
        if batch.left:
            url = reverse("admin:inspections_inspection_changelist")
            ids = ",".join(str(inspection.pk) for inspection in batch.left)
            self.message_user(
                request,
                format_html(
                    "Not re-parsed, for lack of time (one request may take {} seconds): {} of "
                    'the {} selected, unchanged: {}. <a href="{}?id__in={}">List these {}</a>, '
                    "select them all and run the action again, or re-parse every stored file "
                    "on the server with <code>python manage.py ingest --replace --all</code>.",
                    f"{seconds:g}",
                    len(batch.left),
                    len(batch.results) + len(batch.left),
                    ", ".join(describe(inspection) for inspection in batch.left),
                    url,
                    ids,
                    len(batch.left),
                ),
                messages.WARNING,
            )

    def _report_reparse(self, request, result: ReparseResult, *, announce: bool = True) -> None:
        if not result.ok:
            self.message_user(request, result.message, messages.ERROR)
            return
        if announce:
            self.message_user(request, result.message, messages.SUCCESS)
        for conflict in result.conflicts:
            self.message_user(request, f"Conflict: {conflict}", messages.WARNING)
        self.log_change(request, result.inspection, "Re-parsed from the stored file")

    def lookup_allowed(self, lookup, value, request=None):
        # The list of inspections a re-parse left for lack of time (?id__in=1,2,3).
        return lookup == "id__in" or super().lookup_allowed(lookup, value, request)

    # ---- extra pages

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path("upload/", wrap(self.upload_view), name="{}_{}_upload".format(*info)),
            path(
                "<int:object_id>/source/",
                wrap(self.source_file_view),
                name="{}_{}_source".format(*info),
            ),
            path(
                "<int:object_id>/reparse/",
                wrap(require_POST(self.reparse_view)),
                name="{}_{}_reparse".format(*info),
            ),
            *super().get_urls(),
        ]

    def upload_view(self, request):
        """Upload one or several report files; show what happened to each."""
        if not self.has_upload_permission(request):
            raise PermissionDenied
        can_publish = self.has_publish_permission(request)
        posted = request.method == "POST"
        form = UploadReportsForm(
            request.POST if posted else None,
            request.FILES if posted else None,
            can_publish=can_publish,
        )
        # Files dropped while streaming in, over the size limit (ingest.upload_handlers).
        skipped = getattr(request, "upload_skipped", [])
        if skipped:
            form.fields["files"].required = False
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "form": form,
            "can_publish": can_publish,
            "title": "Upload reports",
        }
        refusal = getattr(request, "upload_refusal", "")
        if refusal:
            # The body was not read past the limit: no file is whole, none is read.
            form = UploadReportsForm(can_publish=can_publish)
            context["form"] = form
            context["upload_refusal"] = refusal
        elif request.method == "POST" and form.is_valid():
            publish = can_publish and form.cleaned_data.get("publish", False)
            results = [refused_upload(name, reason) for name, reason in skipped]
            results += ingest_uploads(
                form.cleaned_data["files"],
                user=request.user,
                publish=publish,
                listing=form.listing(),
            )
            for result in results:
                if result.outcome == Outcome.CREATED:
                    self.log_addition(request, result.inspection, f"Uploaded {result.name}")
            drafts = [
                r.inspection.pk
                for r in results
                if r.outcome == Outcome.CREATED and not r.inspection.is_published
            ]
            context.update(
                title="Upload results",
                results=results,
                created=sum(r.outcome == Outcome.CREATED for r in results),
                present=sum(r.outcome == Outcome.PRESENT for r in results),
                refused=sum(r.outcome == Outcome.REFUSED for r in results),
                new_drafts=drafts,
            )
            return TemplateResponse(
                request, "admin/inspections/inspection/upload_result.html", context
            )
        return TemplateResponse(request, "admin/inspections/inspection/upload.html", context)

    def source_file_view(self, request, object_id: int):
        """The stored report file, for staff who may view the inspection."""
        inspection = get_object_or_404(Inspection, pk=object_id)
        if not self.has_view_or_change_permission(request, inspection):
            raise PermissionDenied
        if not inspection.source_file or not default_storage.exists(inspection.source_file.name):
            raise Http404("The stored file is missing")
        content_type = mimetypes.guess_type(inspection.source_filename)[0] or "application/pdf"
        if content_type.startswith("text/"):
            content_type += "; charset=utf-8"
        return FileResponse(
            inspection.source_file.open("rb"),
            content_type=content_type,
            filename=Path(inspection.source_filename).name,
        )

    def reparse_view(self, request, object_id: int):
        """The change form's "Re-parse" button: same as the action, for one inspection."""
        if not self.has_reparse_permission(request):
            raise PermissionDenied
        inspection = get_object_or_404(Inspection.objects.select_related("authority"), pk=object_id)
        self._report_reparse(
            request,
            reparse(inspection, restore_deleted=bool(request.POST.get("restore_deleted"))),
        )
        return HttpResponseRedirect(
            reverse("admin:inspections_inspection_change", args=[object_id])
        )


def _next_order(inspection: Inspection, model) -> int:
    last = model.objects.filter(inspection=inspection).order_by("-order").first()
    return (last.order if last else 0) + 1


def _delete_file_on_commit(inspection: Inspection) -> None:
    name = inspection.source_file.name
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))


# --------------------------------------------------------------------------- rows


class RowAdmin(admin.ModelAdmin):
    """Judgements or recommendations across inspections, to find and correct them.

    New rows are added, and wrong ones deleted, on their inspection's page, where the
    deletion is recorded so that re-parsing does not bring the row back.
    """

    list_select_related = ["inspection__authority", "edited_by"]
    readonly_fields = ["inspection_link", "edited"]

    def has_add_permission(self, request):
        return False

    # Deleting an inspection deletes its rows, and the admin asks whether the user may
    # delete those: the permission stays as granted. Here, one by one, rows are not
    # deleted: no delete action, link or page (a deletion on the inspection's page is
    # recorded, so that re-parsing does not bring the row back).
    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return super().change_view(
            request, object_id, form_url, {**(extra_context or {}), "show_delete": False}
        )

    def delete_view(self, request, object_id, extra_context=None):
        raise PermissionDenied("Delete rows on their inspection's page, where it is recorded.")

    def save_model(self, request, obj, form, change):
        mark_edited(obj, request.user)
        super().save_model(request, obj, form, change)

    @admin.display(description="inspection")
    def inspection_link(self, obj):
        url = reverse("admin:inspections_inspection_change", args=[obj.inspection_id])
        return format_html('<a href="{}">{}</a>', url, obj.inspection)

    @admin.display(description="corrected by")
    def edited(self, obj):
        return edited_note(obj) or "—"


@admin.register(Judgement)
class JudgementAdmin(RowAdmin):
    list_display = ["label", "grade_as_printed", "grade", "area", "inspection_link", "edited"]
    list_filter = ["area", "grade", "inspection__framework", EditedFilter]
    search_fields = ["label", "section", "inspection__authority__name"]
    fields = [
        "inspection_link",
        "section",
        "label",
        "grade_as_printed",
        "grade",
        "area",
        "order",
        "page",
        "source_text",
        "edited",
    ]
    readonly_fields = [*RowAdmin.readonly_fields, "source_text"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for note in grade_check_messages([obj], obj.inspection.framework):
            self.message_user(request, note, messages.WARNING)


@admin.register(Recommendation)
class RecommendationAdmin(RowAdmin):
    list_display = [
        "short_text",
        "section",
        "timescale",
        "national_framework",
        "inspection_link",
        "edited",
    ]
    list_filter = ["timescale", "kind", "national_framework", "inspection__framework", EditedFilter]
    search_fields = ["text", "section", "inspection__authority__name"]
    fields = [
        "inspection_link",
        "section",
        "timescale",
        "kind",
        "text",
        "national_framework",
        "order",
        "page",
        "edited",
    ]

    @admin.display(description="recommendation")
    def short_text(self, obj: Recommendation) -> str:
        return str(obj)
