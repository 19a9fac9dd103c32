from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path

from inspections.read_only_admin import ReadOnlyAdmin

from .models import OfficialJudgement, OfficialRecord


class OfficialJudgementInline(admin.TabularInline):
    model = OfficialJudgement
    extra = 0
    can_delete = False
    readonly_fields = ["order", "label", "grade_as_printed", "grade", "area"]


@admin.register(OfficialRecord)
class OfficialRecordAdmin(ReadOnlyAdmin):
    """Read-only: these rows are Ofsted's, changed by importing a release again."""

    list_display = ["authority", "event", "start_date", "published_on", "release", "sheet"]
    list_filter = ["release", "sheet", "framework", "is_source", "is_standing"]
    search_fields = ["authority__name", "name_in_table", "event", "theme"]
    list_select_related = ["authority"]
    raw_id_fields = ["authority", "inspection"]
    inlines = [OfficialJudgementInline]

    change_list_template = "admin/official/officialrecord/change_list.html"

    def get_urls(self):
        reconcile = self.admin_site.admin_view(self.reconcile_view)
        return [
            path("reconcile/", reconcile, name="official_officialrecord_reconcile"),
            *super().get_urls(),
        ]

    def reconcile_view(self, request):
        """Every disagreement between the stored reports and Ofsted's tables, explained
        (the same as manage.py reconcile)."""
        from .reconcile import reconcile

        result = reconcile()
        context = {
            **self.admin_site.each_context(request),
            "title": "Reports against Ofsted's official statistics",
            "result": result,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/official/reconcile.html", context)
